/**
 * The solver job store (zustand, not persisted): Solve and Hint from the current position in
 * the worker, progress, the outcome, the session's solution cache, and deadlock warnings.
 *
 * STATE (solver-state.ts)
 *   mode          'fast' | 'optimal' (fewest pushes, proven)
 *   timeLimitS    the time limit in seconds the user chose
 *   job           the search in flight ({ id, purpose: 'solve' | 'hint', startedAt, ... }) or null
 *   progress      the engine's latest progress report for `job` (one small object per ~100 ms)
 *   outcome       what the last request ended with (see SolveOutcome), or null
 *   deadlock      the warning for the current position ({ cause, boxes, cursor, ... }) or null
 *
 * ACTIONS
 *   setMode(mode) / setTimeLimit(seconds)
 *   solve()        solves the position on the board; a cached answer is used at once. A solution
 *                  is written into the game history after the moves played so far, with the
 *                  cursor where it was: Play (the playback store) then walks the cursor along it,
 *                  and a move by hand cuts it like any redo tail.
 *   hint()         like solve() in the chosen mode, but writes only the walk and the next push and
 *                  plays them (through `onHint`)
 *   cancel()       stops the search at once (the worker is terminated)
 *   tryLonger()    doubles the time limit and solves again; switchMode() the other mode, again
 *   undoDeadlock() back to just before the push that led into the dead position
 *   cancelBecause(why)  stops the search for a reason the outcome gives (another level)
 *   followBoard(boxesMoved)  the board changed: the warning follows it (solver-state.ts), and
 *                  after a push the new position is checked (deadlock-check.ts)
 *
 * The store watches nothing: the coordinator (coordinator.ts) calls cancelBecause and
 * followBoard when the game changes. The work itself is in solver-run.ts (jobs) and
 * deadlock-check.ts; the pure parts in solver-state.ts.
 */
import { create } from 'zustand';
import type { SolveMode } from '../solver/api';
import { SolverClient } from '../worker/client';
import { type GameStore, selectHistory, selectPushCount, useGameStore } from './game';
import { createDeadlockCheck } from './deadlock-check';
import { beforeLastPush } from './push-cursors';
import { type SolutionCache, createSolutionCache } from './solution-cache';
import { type SolverService, createJobRunner } from './solver-run';
import { type SolverData, followWarning } from './solver-state';

export type { DeadlockWarning, Purpose, SolveOutcome, SolverData, SolverJob } from './solver-state';
export { levelFrom } from './solver-state';
export { BROWSER_MEMORY_MB, type SolverService } from './solver-run';

export interface SolverActions {
  readonly setMode: (mode: SolveMode) => void;
  readonly setTimeLimit: (seconds: number) => void;
  readonly solve: () => Promise<void>;
  readonly hint: () => Promise<void>;
  readonly cancel: () => void;
  readonly tryLonger: () => Promise<void>;
  readonly switchMode: () => Promise<void>;
  readonly undoDeadlock: () => boolean;
  readonly dismissOutcome: () => void;
  readonly cancelBecause: (why: string) => void;
  readonly followBoard: (boxesMoved: boolean) => void;
}

export type SolverState = SolverData & SolverActions;

export const DEFAULT_TIME_LIMIT_S = 10;
export const MAX_TIME_LIMIT_S = 3600;

export interface SolverStoreOptions {
  readonly game?: GameStore;
  /** The worker client, created on first use; null when workers are unavailable. */
  readonly service?: () => SolverService | null;
  /** Plays the hint's moves: from the cursor now to `to` (the coordinator gives playback's). */
  readonly onHint?: (to: number) => void;
  /** Delay before a deadlock check, so quick pushes ask once (ms). */
  readonly checkDelayMs?: number;
  readonly now?: () => number;
  readonly cache?: SolutionCache;
}

export function clampTimeLimit(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_TIME_LIMIT_S;
  return Math.max(1, Math.min(MAX_TIME_LIMIT_S, Math.round(seconds)));
}

let defaultClient: SolverService | null = null;

/**
 * The app's worker client, made on first use. The client is small and starts no worker until its
 * first request, so it is imported statically (a lazily loaded chunk would be one more request
 * that a page closed mid-way reports as failed).
 */
function defaultService(): SolverService | null {
  if (defaultClient) return defaultClient;
  if (typeof Worker === 'undefined') return null;
  defaultClient = new SolverClient();
  return defaultClient;
}

export function createSolverStore(options: SolverStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const cache = options.cache ?? createSolutionCache();
  let service = options.service ?? defaultService;
  let onHint = options.onHint;
  const jobs = createJobRunner({
    game,
    cache,
    now: options.now ?? (() => performance.now()),
    service: () => service(),
    onHint: (to) => onHint?.(to),
    get: () => store.getState(),
    set: (data) => store.setState(data),
  });
  const deadlockCheck = createDeadlockCheck({
    game,
    service: () => service(),
    delayMs: options.checkDelayMs ?? 60,
    warning: () => store.getState().deadlock,
    setWarning: (deadlock) => store.setState({ deadlock }),
  });

  const store = create<SolverState>()((set, get) => ({
    mode: 'fast',
    timeLimitS: DEFAULT_TIME_LIMIT_S,
    job: null,
    progress: null,
    outcome: null,
    deadlock: null,
    setMode: (mode) => set({ mode }),
    setTimeLimit: (seconds) => set({ timeLimitS: clampTimeLimit(seconds) }),
    solve: () => jobs.run('solve'),
    hint: () => jobs.run('hint'),
    cancel: () => jobs.stop(),
    cancelBecause: (why) => jobs.stop(why),
    tryLonger: () => {
      set({ timeLimitS: clampTimeLimit(get().timeLimitS * 2) });
      return jobs.run('solve');
    },
    switchMode: () => {
      set({ mode: get().mode === 'fast' ? 'optimal' : 'fast' });
      return jobs.run('solve');
    },
    undoDeadlock: () => {
      const warning = get().deadlock;
      if (!warning) return false;
      const h = selectHistory(game.getState());
      return game.getState().seek(beforeLastPush(h.moves, Math.min(h.cursor, warning.cursor)));
    },
    dismissOutcome: () => set({ outcome: null }),
    followBoard: (boxesMoved) => {
      const g = game.getState();
      const warning = get().deadlock;
      const next = warning && followWarning(warning, g);
      if (next !== warning) set({ deadlock: next });
      // Only after a push: a level's start is not checked (and no worker starts for a load).
      if (boxesMoved && !next && selectPushCount(g) > 0) deadlockCheck.schedule();
    },
  }));

  return Object.assign(store, {
    /** Replaces the worker client (tests) or the hint player (the coordinator; null: none). */
    configure(next: {
      service?: () => SolverService | null;
      onHint?: ((to: number) => void) | null;
    }) {
      if (next.service) service = next.service;
      if (next.onHint !== undefined) onHint = next.onHint ?? undefined;
    },
    cache,
    dispose: deadlockCheck.dispose,
  });
}

export type SolverStore = ReturnType<typeof createSolverStore>;

/** The app's one solver store, bound to the app's game store; the coordinator wires its hints. */
export const useSolverStore: SolverStore = createSolverStore();

/** Cells to mark on the board: the boxes of a deadlock warning. */
export const selectMarked = (s: SolverData): readonly number[] => s.deadlock?.boxes ?? EMPTY;
const EMPTY: readonly number[] = [];
