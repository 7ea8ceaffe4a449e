/**
 * The coordinator: the one place where the game, solver, playback and episode stores react to
 * each other. The stores themselves watch nothing; `coordinate()` is the only listener that
 * connects them.
 *
 * Why a coordinator rather than one zustand store made of slices: the game store is persisted
 * (localStorage, versioned, restored with its own checks) and is read and written by every
 * panel and by the editor, batch and episode stores, while the solver, playback and episode
 * stores are in memory and own a worker client, a timer and a frame loop. A store of slices would
 * put those behind the game's persistence and its one `set`, and the reactions would still be code run on
 * every change, only spread over the slices. Kept apart, each store is plain state and actions,
 * and what follows from what is written down here, in one listener, in a fixed order.
 *
 * ON EVERY CHANGE OF THE BOARD (the level, the collection or the current history)
 *   1. Playback: unless the board is where playback itself put it (`placed`), the user has taken
 *      over (a move by hand, undo, a solution written, another level): `takeOver()` stops Play
 *      and drops the slide. Playback's own steps are told apart by where they left the board,
 *      not by a flag set around its writes.
 *   2. Episode: `followBoard` lets the episode go when the board no longer holds it, or moves
 *      the step on screen to the cursor. The episode's own seeks set the step first, so the
 *      board is then where the step says and nothing follows (again no flag).
 *   3. Solver: another level cancels a search that was for the old one (`cancelBecause`), and
 *      its outcome goes when the board differs; then `followBoard` keeps, narrows or drops the
 *      deadlock warning and, after a push, checks the new position.
 * AND ONE CALL THE OTHER WAY
 *   4. A hint the solver wrote is played by playback (`playTo`) up to its push.
 *
 * The app starts it once (App.tsx, for as long as the page is mounted); tests start it on their
 * own stores.
 */
import {
  type GameData,
  type GameStore,
  selectHistory,
  selectLevel,
  selectPosition,
  useGameStore,
} from './game';
import { type EpisodeStore, useEpisodeStore } from './episode';
import { type Placement, type PlaybackStore, usePlaybackStore } from './playback';
import { levelKey } from './solution-cache';
import { type SolverStore, useSolverStore } from './solver';

export interface CoordinatedStores {
  readonly game: GameStore;
  /** Any of these may be left out (a test of one store). */
  readonly solver?: SolverStore;
  readonly playback?: PlaybackStore;
  readonly episode?: EpisodeStore;
}

/** The app's stores. */
const APP_STORES: CoordinatedStores = {
  game: useGameStore,
  solver: useSolverStore,
  playback: usePlaybackStore,
  episode: useEpisodeStore,
};

/** The board changed: the level, the collection or the history (not an alert, a notice, the draft). */
export function boardChanged(prev: GameData, next: GameData): boolean {
  return (
    next.currentIndex !== prev.currentIndex ||
    next.entries !== prev.entries ||
    selectHistory(next) !== selectHistory(prev)
  );
}

/** The board is where playback put it: the change was playback's own step. */
export function isPlaced(placed: Placement | null, prev: GameData, next: GameData): boolean {
  if (!placed || next.entries !== prev.entries || next.currentIndex !== placed.levelIndex)
    return false;
  const h = selectHistory(next);
  return h.moves === placed.moves && h.cursor === placed.cursor;
}

/** The boxes on the board, as a key ('' when there is no playable level). */
function boxesKey(g: GameData): string {
  const position = selectPosition(g);
  return selectLevel(g) && position ? `${g.currentIndex}:${position.boxes.join(',')}` : '';
}

/** Some box is somewhere else than before (a push, an undone push, another level). */
export function boxesMoved(prev: GameData, next: GameData): boolean {
  const now = boxesKey(next);
  return now !== '' && now !== boxesKey(prev);
}

/** Another level: the search for the old one stops, and its outcome goes if the board differs. */
function leaveLevel(solver: SolverStore, prev: GameData, next: GameData): void {
  const before = selectLevel(prev);
  const after = selectLevel(next);
  if (after === before) return;
  const other = !after || !before || levelKey(after) !== levelKey(before);
  if (other || solver.getState().job?.levelIndex !== next.currentIndex)
    solver.getState().cancelBecause('another level was loaded');
  if (other) solver.getState().dismissOutcome();
}

/** Starts the reactions between the stores; returns the function that stops them. */
export function coordinate(stores: CoordinatedStores = APP_STORES): () => void {
  const { game, solver, playback, episode } = stores;
  if (solver && playback) solver.configure({ onHint: (to) => playback.getState().playTo(to) });
  const unsubscribe = game.subscribe((next, prev) => {
    if (!boardChanged(prev, next)) return;
    if (playback && !isPlaced(playback.getState().placed, prev, next))
      playback.getState().takeOver();
    episode?.getState().followBoard(next);
    if (solver) {
      leaveLevel(solver, prev, next);
      solver.getState().followBoard(boxesMoved(prev, next));
    }
  });
  return () => {
    unsubscribe();
    if (solver && playback) solver.configure({ onHint: null });
  };
}
