/**
 * What the board draws beyond the position: the step being animated (playback) and the boxes of
 * a deadlock warning, and an episode's overlay arrows for the step on screen. Board.tsx calls the
 * painter this hook returns instead of draw(); while a step is under way the painter redraws
 * itself each animation frame until the step is done, so React renders once per move, not once
 * per frame.
 *
 * The painter keeps walls, floor and goals in a static layer (an offscreen canvas, made again
 * only when the level, theme, size or view changes) and remembers the frame it drew last, so a
 * frame repaints only the squares that changed (render/layers.ts): a step of playback on a 50×50
 * board repaints a few squares instead of 2,500. Where the context cannot do this (a test's fake,
 * no canvas to make), it draws each frame whole with drawFrame().
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Level, Position } from '../sokoban';
import { type BoardContext, type DrawOptions, type Theme } from '../render';
import { drawFrame } from '../render/animation';
import {
  type Frame,
  type LayerContext,
  type StaticLayer,
  drawOver,
  frameOf,
  layerKey,
  paintStaticLayer,
  sameLayerKey,
} from '../render/layers';
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

/** Makes the static layer's canvas; null when there is none to make (tests, no DOM). */
export type LayerMaker = (
  width: number,
  height: number,
) => { canvas: StaticLayer['canvas']; ctx: LayerContext } | null;

const makeCanvasLayer: LayerMaker = (width, height) => {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  return ctx ? { canvas, ctx } : null;
};

/** A target context the layers can work with: a real canvas's, with its backing size. */
function asLayerContext(
  ctx: BoardContext,
): (LayerContext & { canvas: { width: number; height: number } }) | null {
  const c = ctx as Partial<CanvasRenderingContext2D>;
  return typeof c.drawImage === 'function' &&
    typeof c.getTransform === 'function' &&
    typeof c.canvas?.width === 'number'
    ? (ctx as LayerContext & { canvas: HTMLCanvasElement })
    : null;
}

/** The static layer for this target and key, kept while the key stays the same. */
function useStaticLayer(makeLayer: LayerMaker) {
  const layer = useRef<{ layer: StaticLayer; ctx: LayerContext } | null>(null);
  return useCallback(
    (
      ctx: ReturnType<typeof asLayerContext>,
      level: Level,
      theme: Theme,
      size: number,
      trim: boolean,
    ) => {
      if (!ctx) return null;
      const { width, height } = ctx.canvas;
      const key = layerKey(ctx, width, height, level, theme, size, trim);
      const kept = layer.current;
      if (kept && sameLayerKey(kept.layer.key, key)) return kept.layer;
      const made =
        kept && kept.layer.canvas.width === width && kept.layer.canvas.height === height
          ? { canvas: kept.layer.canvas, ctx: kept.ctx }
          : makeLayer(width, height);
      if (!made) return null;
      paintStaticLayer(made.ctx, key);
      layer.current = { layer: { canvas: made.canvas, key }, ctx: made.ctx };
      return layer.current.layer;
    },
    [makeLayer],
  );
}

export function useBoardPainter(makeLayer: LayerMaker = makeCanvasLayer): BoardPainter {
  const motion = usePlaybackStore((s) => s.motion);
  const marked = useSolverStore(selectMarked);
  const arrows = useEpisodeStore(selectStepArrows);
  const frame = useRef<number | null>(null);
  /** The frame on the canvas now, if this painter drew it. */
  const shown = useRef<Frame | null>(null);
  const staticLayer = useStaticLayer(makeLayer);

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
      const target = asLayerContext(ctx);
      const paint = () => {
        frame.current = null;
        const t = motion ? (performance.now() - motion.start) / motion.duration : 1;
        const step = motion ? motion.motion : null;
        const layer = staticLayer(target, level, theme, size, opts.trim ?? false);
        if (target && layer) {
          const next = frameOf(layer, position, opts, step, t);
          drawOver(target, shown.current, next);
          shown.current = next;
        } else {
          drawFrame(ctx, level, position, theme, size, opts, step, t);
          shown.current = null;
        }
        if (motion && t < 1 && typeof requestAnimationFrame === 'function')
          frame.current = requestAnimationFrame(paint);
      };
      paint();
    },
    [motion, marked, arrows, staticLayer],
  );
}
