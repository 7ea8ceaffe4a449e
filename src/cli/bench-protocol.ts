/** Messages between `npm run bench` and its worker threads (plain data, structured-cloned). */
import type { Level } from '../sokoban';
import type { SolveMode, SolveResult } from '../solver/api';

export interface BenchSolveOptions {
  readonly mode: SolveMode;
  readonly timeLimitMs: number;
  readonly memoryLimitMb?: number;
}

export interface BenchRequest {
  readonly type: 'solve';
  readonly id: number;
  readonly level: Level;
  readonly options: BenchSolveOptions;
}

/**
 * Memory of the worker's own V8 isolate: JS heap committed (heapTotal) plus memory held
 * outside the heap on its behalf (external, which includes the ArrayBuffers behind typed
 * arrays). Unlike RSS this is per thread, so it stays meaningful with --jobs > 1.
 */
export interface MemoryReport {
  /** Just before the search (after a full GC if the isolate held over 64 MB): what the idle worker holds. */
  readonly baselineBytes: number;
  /** Highest sample: at each progress callback (~100 ms) and right after the search returns. */
  readonly peakBytes: number;
  readonly samples: number;
}

export type BenchReply =
  | { readonly type: 'ready' }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly result: SolveResult;
      readonly memory: MemoryReport;
    }
  | {
      readonly type: 'threw';
      readonly id: number;
      readonly message: string;
      readonly memory: MemoryReport;
    };
