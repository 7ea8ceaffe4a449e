/**
 * The playback panel for the move sequence of the current level (a solution, a hint, pasted moves
 * or the user's own moves with their redo tail): the buttons (PlaybackButtons.tsx), the Position
 * and Speed sliders (PlaybackSliders.tsx), Copy solution, and the list of playback keys. The keys
 * themselves are the page's one key handler's (keyboard.ts).
 *
 * The sequence is the game history (see src/store/playback.ts), so taking over by hand at any
 * point just works: the rest of the sequence is the redo tail.
 */
import { useEffect, useId, useMemo } from 'react';
import { type Level, countPushes, isSolved, replay, startPosition } from '../sokoban';
import { selectHistory, selectLevel, useGameStore } from '../store/game';
import { usePlaybackStore } from '../store/playback';
import { copyText } from './clipboard';
import { type KeyCommand, shownKeys } from './key-table';
import { PlaybackButtons } from './PlaybackButtons';
import { PlaybackSliders } from './PlaybackSliders';
import './Playback.css';

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

/** Copies the whole sequence as LURD, once it solves the level. */
function CopySolution() {
  const level = useGameStore(selectLevel);
  const moves = useGameStore((s) => selectHistory(s).moves);
  const solves = useMemo(() => sequenceSolves(level, moves), [level, moves]);
  const copy = async () => {
    if (!solves) return;
    const game = useGameStore.getState();
    if (await copyText(moves))
      game.showNotice(
        `Copied the solution, ${moves.length}/${countPushes(moves)} (moves/pushes), as LURD.`,
      );
    else
      game.showNotice(
        'The clipboard is not available here: use Copy moves at the end of the sequence, or copy it from the Moves panel.',
      );
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      disabled={!solves}
      title="Copy the whole sequence, which solves the level, as LURD"
    >
      Copy solution
    </button>
  );
}

function Key({ command }: { command: KeyCommand }) {
  return <kbd>{shownKeys(command)}</kbd>;
}

/** The playback, hint, deadlock and cancel keys in a few words (the full list is the key help). */
function PlaybackKeyList() {
  return (
    <details className="playback-keys">
      <summary>Playback keys</summary>
      <ul>
        <li>
          <Key command="toggle" /> play or pause
        </li>
        <li>
          <Key command="moveBack" /> <Key command="moveForward" /> one move back or forward
        </li>
        <li>
          <Key command="pushBack" /> <Key command="pushForward" /> one push back or forward
        </li>
        <li>
          <Key command="start" /> <Key command="end" /> jump to start or end
        </li>
        <li>
          <Key command="slower" /> <Key command="faster" /> slower or faster
        </li>
        <li>
          <Key command="hint" /> hint, <Key command="undoDeadlock" /> undo to before a deadlock,{' '}
          <Key command="cancel" /> cancel a solve
        </li>
        <li>
          Any move by hand takes over from the shown position: the rest of the sequence stays as
          Redo while your moves follow it.
        </li>
      </ul>
    </details>
  );
}

export function Playback() {
  useReducedMotion();
  const id = useId();
  const reduced = usePlaybackStore((s) => s.reducedMotion);
  return (
    <section className="panel playback" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Playback
      </h2>
      <PlaybackButtons />
      <PlaybackSliders />
      <div className="row">
        <CopySolution />
        {reduced && <span className="hint">Reduced motion: moves step without sliding.</span>}
      </div>
      <PlaybackKeyList />
    </section>
  );
}
