/**
 * Playback controls for the move sequence of the current level (a solution, a hint, pasted moves
 * or the user's own moves with their redo tail): Play/Pause, one move and one push back or
 * forward, start/end, the Position scrubber, the Speed slider, Copy solution, and their keys.
 *
 * The sequence is the game history (see src/store/playback.ts), so taking over by hand at any
 * point just works: the rest of the sequence is the redo tail.
 */
import { useEffect, useId, useMemo } from 'react';
import { type Level, countPushes, isSolved, replay, startPosition } from '../sokoban';
import { selectHistory, selectLevel, useGameStore } from '../store/game';
import { SPEEDS, playbackWhere, usePlaybackStore } from '../store/playback';
import { useSolverStore } from '../store/solver';
import { isTypingTarget } from './keyboard';
import { keyCommand, shownKeys } from './key-table';
import { copyText } from './clipboard';
import './solver.css';

/** The keys as the UI shows them (from the page's one key table, key-table.ts). */
export const PLAYBACK_KEYS = {
  toggle: shownKeys('toggle'),
  moveBack: shownKeys('moveBack'),
  moveForward: shownKeys('moveForward'),
  pushBack: shownKeys('pushBack'),
  pushForward: shownKeys('pushForward'),
  start: shownKeys('start'),
  end: shownKeys('end'),
  slower: shownKeys('slower'),
  faster: shownKeys('faster'),
  hint: shownKeys('hint'),
  undoDeadlock: shownKeys('undoDeadlock'),
  cancel: shownKeys('cancel'),
};

/** Elements whose own Space or Enter must not also toggle playback. */
function ownsSpace(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a[href], summary, select, [role="button"], [role="radio"], input') !==
      null
  );
}

/** Playback, hint, deadlock and cancel keys on the window, outside text fields. */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      // Text fields keep their keys; a slider keeps its own (arrows, Home, End) but not the rest.
      const slider = e.target instanceof HTMLInputElement && e.target.type === 'range';
      if (
        slider
          ? ['Home', 'End', 'PageUp', 'PageDown'].includes(e.key) || e.key.startsWith('Arrow')
          : isTypingTarget(e.target)
      )
        return;
      const playback = usePlaybackStore.getState();
      const solver = useSolverStore.getState();
      let handled = true;
      switch (keyCommand(e)) {
        case 'toggle':
          if (ownsSpace(e.target)) return;
          playback.toggle();
          break;
        case 'moveBack':
          playback.stepMove(-1);
          break;
        case 'moveForward':
          playback.stepMove(1);
          break;
        case 'pushBack':
          playback.stepPush(-1);
          break;
        case 'pushForward':
          playback.stepPush(1);
          break;
        case 'start':
          playback.toStart();
          break;
        case 'end':
          playback.toEnd();
          break;
        case 'slower':
          playback.slower();
          break;
        case 'faster':
          playback.faster();
          break;
        case 'hint':
          void solver.hint();
          break;
        case 'undoDeadlock':
          handled = solver.undoDeadlock();
          break;
        case 'cancel':
          handled = solver.job !== null;
          solver.cancel();
          break;
        case 'left':
        case 'up':
        case 'right':
        case 'down':
        case 'undo':
        case 'redo':
        case 'restart':
        case 'help':
        case null:
          handled = false; // the game's keys (keyboard.ts), the help's (KeyHelp.tsx), or none
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Follows prefers-reduced-motion: steps instead of slides. */
function useReducedMotion(): void {
  const set = usePlaybackStore((s) => s.setReducedMotion);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    set(query.matches);
    const update = () => set(query.matches);
    query.addEventListener?.('change', update);
    return () => query.removeEventListener?.('change', update);
  }, [set]);
}

const solvesCache = new WeakMap<Level, { moves: string; solves: boolean }>();
/** Whether the whole sequence, played from the start, solves the level (memoised per level). */
function sequenceSolves(level: Level | null, moves: string): boolean {
  if (!level || moves === '') return false;
  const hit = solvesCache.get(level);
  if (hit && hit.moves === moves) return hit.solves;
  const r = replay(level, startPosition(level), moves);
  const solves = !r.error && isSolved(level, r.position);
  solvesCache.set(level, { moves, solves });
  return solves;
}

/** "Move 37 of 97": where playback is in the sequence (shown beside the game status). */
export function PlaybackPosition() {
  const where = useGameStore((s) => {
    const h = selectHistory(s);
    return playbackWhere(h.cursor, h.moves.length);
  });
  if (where === '') return null;
  return (
    <span className="playback-where" data-testid="playback-where">
      {where}
    </span>
  );
}

type IconName = 'start' | 'pushBack' | 'moveBack' | 'moveForward' | 'pushForward' | 'end';

/** Media-player icons as SVG (the Unicode ones are missing from many fonts). */
function Icon({ name }: { name: IconName }) {
  const back = name === 'start' || name === 'pushBack' || name === 'moveBack';
  const tri = (x: number) =>
    back ? `M${x + 6} 3 L${x} 8 L${x + 6} 13 Z` : `M${x} 3 L${x + 6} 8 L${x} 13 Z`;
  let d: string;
  switch (name) {
    case 'start':
      d = `M3 3 H5 V13 H3 Z ${tri(6)}`;
      break;
    case 'end':
      d = `${tri(4)} M11 3 H13 V13 H11 Z`;
      break;
    case 'pushBack':
    case 'pushForward':
      d = `${tri(2)} ${tri(8)}`;
      break;
    case 'moveBack':
    case 'moveForward':
      d = tri(5);
  }
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} fill="currentColor" />
    </svg>
  );
}

function Key({ k }: { k: string }) {
  return <kbd>{k}</kbd>;
}

export function Playback() {
  usePlaybackKeys();
  useReducedMotion();
  const id = useId();
  const level = useGameStore(selectLevel);
  const { moves, cursor } = useGameStore(selectHistory);
  const showNotice = useGameStore((s) => s.showNotice);
  const playing = usePlaybackStore((s) => s.playing);
  const speed = usePlaybackStore((s) => s.speed);
  const reduced = usePlaybackStore((s) => s.reducedMotion);
  const p = usePlaybackStore.getState();
  const total = moves.length;
  const solves = useMemo(() => sequenceSolves(level, moves), [level, moves]);
  const atStart = cursor === 0;
  const atEnd = cursor >= total;

  const copy = async () => {
    if (!solves) return;
    if (await copyText(moves))
      showNotice(
        `Copied the solution, ${moves.length}/${countPushes(moves)} (moves/pushes), as LURD.`,
      );
    else
      showNotice(
        'The clipboard is not available here: use Copy moves at the end of the sequence, or copy it from the Moves panel.',
      );
  };

  return (
    <section className="panel playback" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Playback
      </h2>
      <div className="row playback-buttons" role="group" aria-label="Playback controls">
        <button
          type="button"
          onClick={p.toStart}
          disabled={atStart}
          aria-label="Jump to start"
          aria-keyshortcuts="Home"
          title="Jump to start (Home)"
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          onClick={() => p.stepPush(-1)}
          disabled={atStart}
          aria-label="Push back"
          aria-keyshortcuts="["
          title="One push back ([)"
        >
          <Icon name="pushBack" />
        </button>
        <button
          type="button"
          onClick={() => p.stepMove(-1)}
          disabled={atStart}
          aria-label="Move back"
          aria-keyshortcuts=","
          title="One move back (,)"
        >
          <Icon name="moveBack" />
        </button>
        {playing ? (
          <button
            type="button"
            className="primary"
            onClick={p.pause}
            aria-keyshortcuts="Space"
            title="Pause (Space)"
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={p.play}
            disabled={total === 0}
            aria-keyshortcuts="Space"
            title="Play (Space); at the end, plays again from the start"
          >
            Play
          </button>
        )}
        <button
          type="button"
          onClick={() => p.stepMove(1)}
          disabled={atEnd}
          aria-label="Move forward"
          aria-keyshortcuts="."
          title="One move forward (.)"
        >
          <Icon name="moveForward" />
        </button>
        <button
          type="button"
          onClick={() => p.stepPush(1)}
          disabled={atEnd}
          aria-label="Push forward"
          aria-keyshortcuts="]"
          title="One push forward (])"
        >
          <Icon name="pushForward" />
        </button>
        <button
          type="button"
          onClick={p.toEnd}
          disabled={atEnd}
          aria-label="Jump to end"
          aria-keyshortcuts="End"
          title="Jump to end (End)"
        >
          <Icon name="end" />
        </button>
      </div>
      <div className="playback-sliders">
        <label htmlFor={`${id}-pos`}>Position</label>
        <input
          id={`${id}-pos`}
          type="range"
          min={0}
          max={total}
          step={1}
          value={Math.min(cursor, total)}
          disabled={total === 0}
          aria-valuetext={total > 0 ? playbackWhere(cursor, total) : 'No moves'}
          onChange={(e) => p.seek(Number(e.target.value))}
        />
        <span className="playback-count" aria-hidden="true">
          {cursor}/{total}
        </span>
        <label htmlFor={`${id}-speed`}>Speed</label>
        <input
          id={`${id}-speed`}
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speed}
          aria-valuetext={speedText(speed)}
          onChange={(e) => p.setSpeed(Number(e.target.value))}
        />
        <span className="playback-speed" aria-hidden="true">
          {speedText(speed)}
        </span>
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() => void copy()}
          disabled={!solves}
          title="Copy the whole sequence, which solves the level, as LURD"
        >
          Copy solution
        </button>
        {reduced && <span className="hint">Reduced motion: moves step without sliding.</span>}
      </div>
      <details className="playback-keys">
        <summary>Playback keys</summary>
        <ul>
          <li>
            <Key k={PLAYBACK_KEYS.toggle} /> play or pause
          </li>
          <li>
            <Key k={PLAYBACK_KEYS.moveBack} /> <Key k={PLAYBACK_KEYS.moveForward} /> one move back
            or forward
          </li>
          <li>
            <Key k={PLAYBACK_KEYS.pushBack} /> <Key k={PLAYBACK_KEYS.pushForward} /> one push back
            or forward
          </li>
          <li>
            <Key k={PLAYBACK_KEYS.start} /> <Key k={PLAYBACK_KEYS.end} /> jump to start or end
          </li>
          <li>
            <Key k={PLAYBACK_KEYS.slower} /> <Key k={PLAYBACK_KEYS.faster} /> slower or faster
          </li>
          <li>
            <Key k={PLAYBACK_KEYS.hint} /> hint, <Key k={PLAYBACK_KEYS.undoDeadlock} /> undo to
            before a deadlock, <Key k={PLAYBACK_KEYS.cancel} /> cancel a solve
          </li>
          <li>
            Any move by hand takes over from the shown position: the rest of the sequence stays as
            Redo while your moves follow it.
          </li>
        </ul>
      </details>
    </section>
  );
}

function speedText(index: number): string {
  const s = SPEEDS[index];
  return Number.isFinite(s.rate)
    ? `${s.label} (${s.rate} moves/s)`
    : `${s.label} (jump to the end)`;
}
