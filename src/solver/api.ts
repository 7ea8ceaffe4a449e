/**
 * The solver's public contract, shared by the engine, the CLI, the benchmark and the worker.
 * Plain data only, so results cross `postMessage` and `worker_threads` unchanged.
 */

export type SolveMode = 'fast' | 'optimal';

export interface SolveOptions {
  /** `fast`: a solution as soon as possible. `optimal`: fewest pushes (then moves), proven. */
  readonly mode?: SolveMode | undefined;
  /** Wall-clock limit in milliseconds (default: no limit). Undefined means the default too. */
  readonly timeLimitMs?: number | undefined;
  /** Memory cap for the search's tables in megabytes (default 512). */
  readonly memoryLimitMb?: number | undefined;
  /** Called about every `progressIntervalMs` (default 100) while searching. */
  readonly onProgress?: (progress: SolveProgress) => void;
  readonly progressIntervalMs?: number;
  /** Polled often (at least every few milliseconds); returning true stops with `cancelled`. */
  readonly shouldCancel?: () => boolean;
}

export interface SolveProgress {
  readonly nodes: number;
  readonly nodesPerSecond: number;
  /** The current lower bound (optimal) or best heuristic value (fast). */
  readonly bound: number;
  readonly depth: number;
  readonly elapsedMs: number;
  /** Transposition table fill, 0..1. */
  readonly tableFill: number;
  /**
   * Optimal mode's second pass: the fewest pushes are proven (`pushes`) and the search now
   * looks for the fewest moves with that many pushes; `bound` then counts moves.
   */
  readonly fewestMovesFor?: number;
}

interface Stats {
  readonly nodes: number;
  readonly ms: number;
}

/**
 * The one answer to a solve request, carried unchanged from the engine through the worker
 * protocol to the store (which adds what the request was for) and the CLI (which prints it).
 */
export type SolveResult =
  | (Stats & {
      readonly status: 'solved';
      /** Full LURD string, pushes upper case, verified by replaying through src/sokoban. */
      readonly solution: string;
      readonly moves: number;
      readonly pushes: number;
      /** True when the push count is proven minimal (optimal mode). */
      readonly optimal: boolean;
      /** True when, in addition, no solution with that push count has fewer moves (optimal mode, time allowing). */
      readonly fewestMoves?: boolean;
    })
  | (Stats & { readonly status: 'unsolvable'; readonly message: string })
  | (Stats & {
      readonly status: 'limit';
      readonly reason: 'time' | 'memory';
      readonly message: string;
    })
  | (Stats & { readonly status: 'cancelled' })
  | (Stats & { readonly status: 'invalid'; readonly message: string });

/** What settles a position for good, a solution or a proof of none: what the session cache keeps. */
export type SettledResult = Extract<SolveResult, { readonly status: 'solved' | 'unsolvable' }>;

/** A request that failed outside the engine (no workers, a worker that died): the store's sixth answer. */
export interface SolveFailure {
  readonly status: 'error';
  readonly message: string;
}

/** A quick verdict on a position during play (for deadlock warnings). */
export interface DeadlockReport {
  /** True only when the position is proven unsolvable. */
  readonly deadlocked: boolean;
  /** Human-readable cause, e.g. "box stuck in a corner", "frozen boxes off goals". */
  readonly cause?: string;
  /** Cell indices of the boxes involved. */
  readonly boxes?: readonly number[];
}
