/**
 * Who solved a level, and with what: watches the game and the solver through their public state
 * (subscriptions only, nothing added to either store) and records each solution in the kept
 * solutions (solutions.ts) and the bests (progress.ts).
 *
 * - The solver's: when a Solve (not a Hint) settles with a solution, the moves played before it
 *   plus its solution are replayed from the level's start through src/sokoban; only a replay
 *   that ends solved is kept, as the solver's. The job's level and prefix come from the solver's
 *   `job` while it runs; an answer from the session cache (no job) or one written on the board
 *   takes them from the game, where the store has just put the solution after the played moves.
 * - The user's: the game reaching a solved position. Playing a kept solver solution through
 *   (Play after Solve) also ends solved; those moves are the solver's, so they do not count as
 *   the user's unless the user had found the very same moves before.
 * - Solve all's: the batch store (batch.ts) is not watched; it hands its solved rows to
 *   `recordSolutions` itself, as the solver's. A row is only `solved` once its solution has been
 *   replayed from the level's start (solver/report.ts), so the same check holds.
 */
import { type LevelEntry, countPushes, sameBoard } from '../sokoban';
import {
  type GameData,
  type GameStore,
  selectLevel,
  selectPlayedMoves,
  selectSolved,
  useGameStore,
} from './game';
import { type Finder, collectionKey, useProgressStore } from './progress';
import { selectSolutions, solutionFromStart, useSolutionsStore } from './solutions';
import { type SolverJob, type SolverState, type SolverStore, useSolverStore } from './solver';

/** A checked solution from the start of the level at `entry` (0-based) of a collection. */
export interface EntrySolution {
  readonly entry: number;
  readonly lurd: string;
}

/**
 * Records checked solutions of levels of the collection `entries` for `finder`: kept among the
 * level's solutions and counted in its bests, each store saved once for them all (Solve all
 * records a whole collection at a time).
 */
export function recordSolutions(
  entries: readonly LevelEntry[],
  solutions: readonly EntrySolution[],
  finder: Finder,
): void {
  const found = solutions.flatMap(({ entry, lurd }) => {
    const e = entries[entry];
    return e?.ok ? [{ position: e.index, lurd }] : [];
  });
  if (found.length === 0) return;
  const key = collectionKey(entries);
  useSolutionsStore.getState().recordAll(key, found, finder);
  const scores = found.map(({ position, lurd }) => ({
    position,
    score: { moves: lurd.length, pushes: countPushes(lurd) },
  }));
  useProgressStore.getState().recordAll(key, scores, finder);
}

/** Records a checked solution of the game's level `index` (0-based entry) for `finder`. */
function record(game: GameData, index: number, lurd: string, finder: Finder): void {
  recordSolutions(game.entries, [{ entry: index, lurd }], finder);
}

/** True when `lurd` is a solution the solver found (and the user did not) for the game's level. */
function isSolversOnly(game: GameData, lurd: string): boolean {
  const entry = game.entries[game.currentIndex];
  if (!entry) return false;
  const list = selectSolutions(
    useSolutionsStore.getState().data,
    collectionKey(game.entries),
    entry.index,
  );
  const same = list.find((s) => s.lurd === lurd);
  return !!same && same.by.includes('solver') && !same.by.includes('user');
}

/** Watches the game for solved positions; returns the unsubscribe function. */
function trackUser(game: GameStore): () => void {
  let last: unknown = null;
  const check = (s: GameData) => {
    // Only a change of the history or the level can make a new solution.
    const history = s.histories[String(s.currentIndex)];
    if (history === last) return;
    last = history;
    if (!history || !selectSolved(s) || !selectLevel(s)) return;
    const lurd = selectPlayedMoves(s);
    if (lurd === '' || isSolversOnly(s, lurd)) return;
    record(s, s.currentIndex, lurd, 'user');
  };
  check(game.getState());
  return game.subscribe(check);
}

/** Watches the solver for solutions; returns the unsubscribe function. */
function trackSolver(game: GameStore, solver: SolverStore): () => void {
  let job: SolverJob | null = null;
  const onSolver = (s: SolverState, prev: SolverState) => {
    if (s.job) job = s.job;
    const outcome = s.outcome;
    if (outcome === prev.outcome || outcome?.status !== 'solved' || outcome.purpose !== 'solve')
      return;
    // Asked on a solved board, the solver finds nothing: the moves are the user's.
    if (outcome.solution === '') return;
    const g = game.getState();
    // A fresh answer not written on the board belongs to the job that asked; any other is about
    // the game's level, with the solution written after the moves played.
    const fromJob = !outcome.remembered && !outcome.applied ? job : null;
    job = null;
    const index = fromJob ? fromJob.levelIndex : g.currentIndex;
    const entry = g.entries[index];
    const level = fromJob ? fromJob.level : selectLevel(g);
    if (!entry?.ok || !level || !sameBoard(entry.level, level)) return;
    const prefix = fromJob ? fromJob.prefix : selectPlayedMoves(g);
    const lurd = solutionFromStart(level, prefix + outcome.solution);
    if (lurd) record(g, index, lurd, 'solver');
  };
  return solver.subscribe(onSolver);
}

/**
 * Records the user's and the solver's solutions as they happen (App mounts it once). Returns the
 * unsubscribe function.
 */
export function trackSolutions(game = useGameStore, solver = useSolverStore): () => void {
  const stopSolver = trackSolver(game, solver);
  const stopUser = trackUser(game);
  return () => {
    stopSolver();
    stopUser();
  };
}
