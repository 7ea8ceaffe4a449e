/**
 * What the board draws beyond the position: the step being animated (playback) and the boxes of
 * a deadlock warning, and an episode's overlay arrows for the step on screen. Board.tsx calls the painter this hook returns instead of draw(); while a
 * step is under way the painter redraws itself each animation frame until the step is done, so
 * React renders once per move, not once per frame.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Level, Position } from '../sokoban';
import { type BoardContext, type DrawOptions, type Theme } from '../render';
import { drawFrame } from '../render/animation';
import { usePlaybackStore } from '../store/playback';
import { selectMarked, useSolverStore } from '../store/solver';
import { selectStepArrows, useEpisodeStore } from '../store/episode';

export type BoardPainter = (
  ctx: BoardContext,
  level: Level,
  position: Position,
  theme: Theme,
  size: number,
  options?: DrawOptions,
) => void;

export function useBoardPainter(): BoardPainter {
  const motion = usePlaybackStore((s) => s.motion);
  const marked = useSolverStore(selectMarked);
  const arrows = useEpisodeStore(selectStepArrows);
  const frame = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );

  return useCallback(
    (ctx, level, position, theme, size, options = {}) => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      let opts: DrawOptions = marked.length > 0 ? { ...options, marked } : options;
      if (arrows.length > 0) opts = { ...opts, arrows };
      const paint = () => {
        frame.current = null;
        const t = motion ? (performance.now() - motion.start) / motion.duration : 1;
        drawFrame(ctx, level, position, theme, size, opts, motion ? motion.motion : null, t);
        if (motion && t < 1 && typeof requestAnimationFrame === 'function')
          frame.current = requestAnimationFrame(paint);
      };
      paint();
    },
    [motion, marked, arrows],
  );
}
