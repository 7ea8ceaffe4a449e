/**
 * The solver job store (zustand, not persisted): Solve and Hint from the current position in
 * the worker, progress, the outcome, the session's solution cache, and deadlock warnings.
 *
 * STATE
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
 *
 * The store watches the game store: another level cancels a running search; a change of the boxes
 * schedules a deadlock check in the worker (debounced, answers for an old position ignored). A
 * warning is only ever shown for a proof from the engine, and it stays (without a new check) for
 * positions reached from the dead one, which are dead too.
 */
import { create } from 'zustand';
import { type Level, type Position, countPushes } from '../sokoban';
import type {
  DeadlockReport,
  SolveFailure,
  SolveMode,
  SolveProgress,
  SettledResult,
  SolveResult,
} from '../solver/api';
import { SolverClient } from '../worker/client';
import type { WorkerSolveOptions } from '../worker/protocol';
import {
  type GameStore,
  selectHistory,
  selectLevel,
  selectPosition,
  selectPushCount,
  useGameStore,
} from './game';
import { usePlaybackStore } from './playback';
import { type SolutionCache, createSolutionCache, levelKey, positionKey } from './solution-cache';

/** What the store needs of the worker client (src/worker/client.ts); tests pass a fake. */
export interface SolverService {
  solve(
    level: Level,
    options: WorkerSolveOptions,
    onProgress?: (progress: SolveProgress) => void,
  ): Promise<SolveResult>;
  cancel(): void;
  checkDeadlock(level: Level, position: Position): Promise<DeadlockReport>;
}

export type Purpose = 'solve' | 'hint';

/** The engine's answer of one status (or the store's failure), with what the request was for. */
type Outcome<S extends (SolveResult | SolveFailure)['status'], Extra = unknown> = Extract<
  SolveResult | SolveFailure,
  { readonly status: S }
> & { readonly purpose: Purpose } & Extra;

/** What the last request ended with: the solver's answer as the panel shows it. */
export type SolveOutcome =
  | Outcome<
      'solved',
      {
        /** Proven to have the fewest moves for its push count too (a fresh optimal-mode answer). */
        readonly fewestMoves: boolean;
        /** Answered from the session cache. */
        readonly remembered: boolean;
        /** False when the board changed while the search ran, so the solution was not written. */
        readonly applied: boolean;
      }
    >
  | Outcome<'unsolvable', { readonly remembered: boolean }>
  | Outcome<'limit', { readonly mode: SolveMode; readonly timeLimitS: number }>
  | Outcome<'cancelled', { readonly why?: string }>
  | Outcome<'invalid'>
  | Outcome<'error'>;

export interface SolverJob {
  readonly id: number;
  readonly purpose: Purpose;
  readonly mode: SolveMode;
  readonly timeLimitS: number;
  /** performance.now() when it started. */
  readonly startedAt: number;
  readonly level: Level;
  readonly levelIndex: number;
  /** The moves played when it started (the solution goes after them). */
  readonly prefix: string;
}

export interface DeadlockWarning {
  readonly cause: string;
  /** The boxes involved that are still where the check saw them. */
  readonly boxes: readonly number[];
  readonly levelIndex: number;
  /** The history cursor and played moves of the position proven dead. */
  readonly cursor: number;
  readonly prefix: string;
}

export interface SolverData {
  readonly mode: SolveMode;
  readonly timeLimitS: number;
  readonly job: SolverJob | null;
  readonly progress: SolveProgress | null;
  readonly outcome: SolveOutcome | null;
  readonly deadlock: DeadlockWarning | null;
}

export interface SolverActions {
  setMode(mode: SolveMode): void;
  setTimeLimit(seconds: number): void;
  solve(): Promise<void>;
  hint(): Promise<void>;
  cancel(): void;
  tryLonger(): Promise<void>;
  switchMode(): Promise<void>;
  undoDeadlock(): boolean;
  dismissOutcome(): void;
}

export type SolverState = SolverData & SolverActions;

export const DEFAULT_TIME_LIMIT_S = 10;
export const MAX_TIME_LIMIT_S = 3600;
/** Memory for the search's tables in the browser: well below what a phone tab may use. */
export const BROWSER_MEMORY_MB = 256;

export interface SolverStoreOptions {
  readonly game?: GameStore;
  /** The worker client, created on first use; null when workers are unavailable. */
  readonly service?: () => SolverService | null;
  /** Plays the hint's moves: from the cursor now to `to` (the playback store). */
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

/** The level with the player and boxes where they are now: the solver always starts at a level's start. */
export function levelFrom(level: Level, position: Position): Level {
  return { ...level, player: position.player, boxes: position.boxes };
}

/** The walk to the next push and that push (the whole string when there is no push). */
export function nextPush(solution: string): string {
  const i = solution.search(/[LURD]/);
  return i < 0 ? solution : solution.slice(0, i + 1);
}

/** The cursor just before the last push in the first `cursor` moves (0 when there is none). */
export function beforeLastPush(moves: string, cursor: number): number {
  for (let i = Math.min(cursor, moves.length) - 1; i >= 0; i--) {
    const c = moves.charCodeAt(i);
    if (c >= 65 && c <= 90) return i;
  }
  return 0;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  const now = options.now ?? (() => performance.now());
  const checkDelay = options.checkDelayMs ?? 60;
  const cache = options.cache ?? createSolutionCache();
  let serviceOverride: (() => SolverService | null) | undefined = options.service;
  let onHint = options.onHint;

  const getService = (): SolverService | null =>
    serviceOverride ? serviceOverride() : defaultService();

  /** Stops the job in flight (set up inside the store, used by the game watcher too). */
  let stopJob: (why?: string) => void = () => {};

  const store = create<SolverState>()((set, get) => {
    let jobSeq = 0;

    /** Writes a solution (or a hint's part of it) after the moves played, if the board is still where it was. */
    const apply = (
      job: Pick<SolverJob, 'level' | 'levelIndex' | 'prefix' | 'purpose'>,
      solution: string,
    ): boolean => {
      const g = game.getState();
      const h = selectHistory(g);
      if (
        g.currentIndex !== job.levelIndex ||
        selectLevel(g) === null ||
        levelKey(selectLevel(g)!) !== levelKey(job.level)
      )
        return false;
      if (h.cursor !== job.prefix.length || !h.moves.startsWith(job.prefix)) return false;
      const part = job.purpose === 'hint' ? nextPush(solution) : solution;
      if (part === '') return true;
      // Keep the redo tail when it already begins with the part (a hint along the same solution).
      const tail = h.moves.slice(h.cursor);
      const keep = tail.startsWith(part) ? tail : part;
      if (!g.setMoves(job.prefix + keep, job.prefix.length)) return false;
      if (job.purpose === 'hint') onHint?.(job.prefix.length + part.length);
      return true;
    };

    const finish = (
      job: Pick<SolverJob, 'level' | 'levelIndex' | 'prefix' | 'purpose'>,
      answer: SettledResult,
      remembered: boolean,
    ) => {
      if (answer.status === 'unsolvable') {
        set({ outcome: { ...answer, purpose: job.purpose, remembered } });
        return;
      }
      const applied = apply(job, answer.solution);
      set({
        outcome: {
          ...answer,
          purpose: job.purpose,
          fewestMoves: answer.fewestMoves === true,
          remembered,
          applied,
        },
      });
    };

    const run = async (purpose: Purpose): Promise<void> => {
      const g = game.getState();
      const level = selectLevel(g);
      const position = selectPosition(g);
      if (!level || !position) return;
      const { mode, timeLimitS } = get();
      const h = selectHistory(g);
      const base = {
        level,
        levelIndex: g.currentIndex,
        prefix: h.moves.slice(0, h.cursor),
        purpose,
      };
      const cached = cache.get(level, position, purpose === 'hint' ? 'fast' : mode);
      if (cached) {
        if (get().job) get().cancel();
        finish(base, cached, true);
        return;
      }
      const id = ++jobSeq;
      const job: SolverJob = { ...base, id, mode, timeLimitS, startedAt: now() };
      set({ job, progress: null, outcome: null });
      let service: SolverService | null;
      try {
        service = getService();
      } catch (error) {
        set({
          job: null,
          outcome: {
            status: 'error',
            purpose,
            message: `The solver could not be started: ${errorMessage(error)}`,
          },
        });
        return;
      }
      if (!service) {
        set({
          job: null,
          outcome: {
            status: 'error',
            purpose,
            message: 'This browser cannot run the solver (no Web Workers).',
          },
        });
        return;
      }
      const sub = levelFrom(level, position);
      let result: SolveResult;
      try {
        result = await service.solve(
          sub,
          { mode, timeLimitMs: timeLimitS * 1000, memoryLimitMb: BROWSER_MEMORY_MB },
          (progress) => {
            // Keep this tiny: it runs on the main thread about ten times a second.
            if (id === jobSeq) set({ progress });
          },
        );
      } catch (error) {
        if (id !== jobSeq) return;
        set({
          job: null,
          outcome: {
            status: 'error',
            purpose,
            message: `${errorMessage(error)} Press Solve to try again.`,
          },
        });
        return;
      }
      if (id !== jobSeq) return; // cancelled, or a newer request took over
      set({ job: null });
      switch (result.status) {
        case 'solved':
        case 'unsolvable': {
          const answer: SettledResult =
            result.status === 'solved'
              ? { ...result, pushes: result.pushes ?? countPushes(result.solution) }
              : result;
          cache.put(level, position, answer);
          finish(job, answer, false);
          return;
        }
        case 'limit':
          set({ outcome: { ...result, purpose, mode, timeLimitS } });
          return;
        case 'cancelled':
        case 'invalid':
          set({ outcome: { ...result, purpose } });
          return;
      }
    };

    const stop = (stopJob = (why?: string) => {
      const { job, progress } = get();
      if (!job) return;
      jobSeq++; // any late answer for this job is ignored
      set({
        job: null,
        outcome: {
          status: 'cancelled',
          purpose: job.purpose,
          ms: Math.round(now() - job.startedAt),
          nodes: progress?.nodes ?? 0,
          why,
        },
      });
      // The client terminates the worker at once: a synchronous search cannot hear a message.
      try {
        getService()?.cancel();
      } catch {
        /* nothing to stop */
      }
    });

    return {
      mode: 'fast',
      timeLimitS: DEFAULT_TIME_LIMIT_S,
      job: null,
      progress: null,
      outcome: null,
      deadlock: null,

      setMode(mode) {
        set({ mode });
      },
      setTimeLimit(seconds) {
        set({ timeLimitS: clampTimeLimit(seconds) });
      },
      solve: () => run('solve'),
      hint: () => run('hint'),
      cancel: () => stop(),
      tryLonger() {
        set({ timeLimitS: clampTimeLimit(get().timeLimitS * 2) });
        return run('solve');
      },
      switchMode() {
        set({ mode: get().mode === 'fast' ? 'optimal' : 'fast' });
        return run('solve');
      },
      undoDeadlock() {
        const warning = get().deadlock;
        if (!warning) return false;
        const h = selectHistory(game.getState());
        return game.getState().seek(beforeLastPush(h.moves, Math.min(h.cursor, warning.cursor)));
      },
      dismissOutcome() {
        set({ outcome: null });
      },
    };
  });

  // ---- watching the game: level changes and deadlock checks --------------------------------

  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  const boxesKey = (g: ReturnType<GameStore['getState']>): string => {
    const position = selectPosition(g);
    return selectLevel(g) && position ? `${g.currentIndex}:${position.boxes.join(',')}` : '';
  };
  let lastBoxes = boxesKey(game.getState());
  let lastLevel: Level | null = selectLevel(game.getState());

  const runCheck = async () => {
    checkTimer = null;
    const g = game.getState();
    const level = selectLevel(g);
    const position = selectPosition(g);
    if (!level || !position) return;
    const key = positionKey(position);
    let report: DeadlockReport;
    try {
      const service = getService();
      if (!service) return;
      report = await service.checkDeadlock(level, position);
    } catch {
      return; // a failed check proves nothing: no warning
    }
    // Ignore an answer for a position the board has left.
    const now = game.getState();
    const pos = selectPosition(now);
    if (selectLevel(now) !== level || !pos || positionKey(pos) !== key) return;
    const hNow = selectHistory(now);
    if (!report.deadlocked) {
      if (store.getState().deadlock) store.setState({ deadlock: null });
      return;
    }
    store.setState({
      deadlock: {
        cause: report.cause ?? 'the boxes can no longer all reach goals',
        boxes: (report.boxes ?? []).filter((b) => pos.boxes.includes(b)),
        levelIndex: now.currentIndex,
        cursor: hNow.cursor,
        prefix: hNow.moves.slice(0, hNow.cursor),
      },
    });
  };

  const scheduleCheck = () => {
    if (checkTimer !== null) clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void runCheck(), checkDelay);
  };

  const unsubscribe = game.subscribe((g) => {
    const level = selectLevel(g);
    if (level !== lastLevel) {
      const changed = !level || !lastLevel || levelKey(level) !== levelKey(lastLevel);
      lastLevel = level;
      if (changed || store.getState().job?.levelIndex !== g.currentIndex) {
        stopJob('another level was loaded');
      }
      if (changed) store.setState({ outcome: null });
    }
    const position = selectPosition(g);
    const boxes = boxesKey(g);
    const warning = store.getState().deadlock;
    if (warning) {
      // A position reached from a dead one is dead too: keep the warning while the history
      // still goes through the dead position; drop it as soon as it does not.
      const h = selectHistory(g);
      const still =
        g.currentIndex === warning.levelIndex &&
        h.cursor >= warning.cursor &&
        h.moves.startsWith(warning.prefix);
      if (!still) store.setState({ deadlock: null });
      else if (position && warning.boxes.some((b) => !position.boxes.includes(b))) {
        store.setState({
          deadlock: { ...warning, boxes: warning.boxes.filter((b) => position.boxes.includes(b)) },
        });
      }
    }
    if (boxes !== lastBoxes) {
      lastBoxes = boxes;
      // Only after a push: a level's start is not checked (and no worker starts just for a load).
      if (boxes !== '' && !store.getState().deadlock && selectPushCount(g) > 0) scheduleCheck();
    }
  });

  return Object.assign(store, {
    /** Replaces the worker client (tests) or the hint player; returns nothing. */
    configure(next: { service?: () => SolverService | null; onHint?: (to: number) => void }) {
      if (next.service) serviceOverride = next.service;
      if (next.onHint) onHint = next.onHint;
    },
    cache,
    dispose() {
      unsubscribe();
      if (checkTimer !== null) clearTimeout(checkTimer);
    },
  });
}

export type SolverStore = ReturnType<typeof createSolverStore>;

/** The app's one solver store, bound to the app's game store; hints play through playback. */
export const useSolverStore: SolverStore = createSolverStore({
  onHint: (to) => usePlaybackStore.getState().playTo(to),
});

/** Cells to mark on the board: the boxes of a deadlock warning. */
export const selectMarked = (s: SolverData): readonly number[] => s.deadlock?.boxes ?? EMPTY;
const EMPTY: readonly number[] = [];
