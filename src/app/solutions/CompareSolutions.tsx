/**
 * Two solutions of a level side by side, played back in step: one move counter drives both
 * boards (Play both / Pause both, a step back or forward, the "Compare position" slider). The
 * shorter solution stays at its end while the longer one goes on. The boards are drawn by the
 * page's own painter (render/), trimmed like the main board unless "Full rectangle" is on.
 *
 * The controls have names of their own ("Play both", not "Play"): the page's playback keeps its
 * names, and a screen reader hears which one is meant.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  type Level,
  type Position,
  countPushes,
  positionsAlong,
  startPosition,
} from '../../sokoban';
import { backingSize, boardLayout, describeBoard, draw } from '../../render';
import type { KeptSolution } from '../../store/solutions';
import { useAvailableSize, useDevicePixelRatio } from '../Board';
import { boardView, useBoardViewStore } from '../board-view';
import { selectBoardTheme, useThemeStore } from '../theme';
import { finderText } from './finder-text';

/** Time per move while playing (ms): a little quicker than reading speed, slow enough to follow. */
const STEP_MS = 160;

interface CompareBoardProps {
  readonly level: Level;
  readonly solution: KeptSolution;
  readonly number: number;
  readonly positions: readonly Position[];
  /** Moves played on this board (the shared step, held at the solution's end). */
  readonly step: number;
}

function CompareBoard({ level, solution, number, positions, step }: CompareBoardProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const avail = useAvailableSize(wrapRef);
  const dpr = useDevicePixelRatio();
  const theme = useThemeStore(selectBoardTheme);
  const fullRectangle = useBoardViewStore((s) => s.fullRectangle);
  const view = boardView(level, fullRectangle);
  // Two boards share the room the main board has: half its height each at most.
  const layout = boardLayout(view.cols, view.rows, avail.width, avail.height / 2);
  const position = positions[Math.min(step, positions.length - 1)]!; // a path holds its start
  const pushes = countPushes(solution.lurd.slice(0, step));

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return; // jsdom has no 2D context: the description says it all
    const backing = backingSize(layout.width, layout.height, dpr);
    if (canvas.width !== backing.width) canvas.width = backing.width;
    if (canvas.height !== backing.height) canvas.height = backing.height;
    const shift = -backing.scale * layout.cell;
    ctx.setTransform(backing.scale, 0, 0, backing.scale, shift * view.col, shift * view.row);
    draw(ctx, level, position, theme, layout.cell, { trim: !fullRectangle });
  });

  const who = finderText(solution.by);
  const counter = `move ${step} of ${solution.moves}, ${pushes} of ${solution.pushes} pushes`;
  return (
    <figure className="compare-board">
      <figcaption>
        Solution {number} ({who}): {counter}
      </figcaption>
      <div className="compare-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Solution ${number} (${who}), ${counter}. ${describeBoard(level, position, step === solution.moves)}`}
          style={{ width: `${layout.width}px`, height: `${layout.height}px` }}
        />
      </div>
    </figure>
  );
}

interface ControlsProps {
  readonly step: number;
  readonly length: number;
  readonly playing: boolean;
  onSeek: (step: number) => void;
  onPlay: () => void;
  onPause: () => void;
}

/** One set of controls for both boards: a step back, Play/Pause both, a step forward, the slider. */
function CompareControls({ step, length, playing, onSeek, onPlay, onPause }: ControlsProps) {
  const id = useId();
  return (
    <>
      <div className="row" role="group" aria-label="Comparison controls">
        <button
          type="button"
          aria-label="Step both back"
          disabled={step === 0}
          onClick={() => onSeek(step - 1)}
        >
          ‹
        </button>
        <button type="button" onClick={playing ? onPause : onPlay}>
          {playing ? 'Pause both' : 'Play both'}
        </button>
        <button
          type="button"
          aria-label="Step both forward"
          disabled={step >= length}
          onClick={() => onSeek(step + 1)}
        >
          ›
        </button>
      </div>
      <div className="row compare-position">
        <label htmlFor={`${id}-pos`}>Compare position</label>
        <input
          id={`${id}-pos`}
          type="range"
          min={0}
          max={length}
          value={step}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
        <span className="hint">
          {step}/{length}
        </span>
      </div>
    </>
  );
}

interface CompareProps {
  readonly level: Level;
  readonly solutions: readonly [KeptSolution, KeptSolution];
  readonly numbers: readonly [number, number];
  readonly onClose: () => void;
}

export function CompareSolutions({ level, solutions, numbers, onClose }: CompareProps) {
  const paths = useMemo(
    () => solutions.map((s) => positionsAlong(level, startPosition(level), s.lurd)),
    [level, solutions],
  );
  const length = Math.max(solutions[0].moves, solutions[1].moves);
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  // Another pair: from the start again.
  const [shownFor, setShownFor] = useState(solutions);
  if (shownFor !== solutions) {
    setShownFor(solutions);
    setStep(0);
    setPlaying(false);
  }
  if (playing && step >= length) setPlaying(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setStep((s) => Math.min(s + 1, length)), STEP_MS);
    return () => clearInterval(timer);
  }, [playing, length]);

  const seek = (to: number) => {
    setPlaying(false);
    setStep(Math.max(0, Math.min(length, to)));
  };
  const play = () => {
    if (step >= length) setStep(0);
    setPlaying(true);
  };

  return (
    <section className="compare" aria-label="Compare solutions">
      <div className="compare-head">
        <h3 className="sub-label">Compare solutions</h3>
        <button type="button" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <div className="compare-boards">
        {solutions.map((s, k) => (
          <CompareBoard
            key={k}
            level={level}
            solution={s}
            number={numbers[k]!}
            positions={paths[k]!}
            step={Math.min(step, s.moves)}
          />
        ))}
      </div>
      <CompareControls
        step={step}
        length={length}
        playing={playing}
        onSeek={seek}
        onPlay={play}
        onPause={() => setPlaying(false)}
      />
    </section>
  );
}
