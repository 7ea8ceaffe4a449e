/**
 * Messages between the main thread and the solver's module worker. Plain data only, so they
 * cross postMessage unchanged.
 */
import type { Level, Position, StepVerdict } from '../sokoban';
import type { DeadlockReport, SolveMode, SolveProgress, SolveResult } from '../solver/api';

/** What the main thread may ask of a search: the callbacks stay on the main thread. */
/** Unset and undefined both mean the engine's default: the client forwards what it was given. */
export interface WorkerSolveOptions {
  readonly mode?: SolveMode | undefined;
  readonly timeLimitMs?: number | undefined;
  readonly memoryLimitMb?: number | undefined;
}

export type SolverRequest =
  | {
      readonly type: 'solve';
      readonly id: number;
      readonly level: Level;
      readonly options: WorkerSolveOptions;
    }
  | {
      readonly type: 'checkDeadlock';
      readonly id: number;
      readonly level: Level;
      readonly position: Position;
    }
  /** Step-by-step analysis of an episode: one verdict per position (src/solver/episode.ts). */
  | {
      readonly type: 'analyze';
      readonly id: number;
      readonly level: Level;
      readonly positions: readonly Position[];
      readonly options: WorkerSolveOptions;
    };

export type SolverReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: SolveProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: SolveResult }
  | { readonly type: 'deadlock'; readonly id: number; readonly report: DeadlockReport }
  | {
      readonly type: 'analysisProgress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'analysis'; readonly id: number; readonly verdicts: readonly StepVerdict[] }
  /** The engine threw (a bug) or could not allocate memory; the request is over. */
  | {
      readonly type: 'error';
      readonly id: number;
      readonly message: string;
      readonly outOfMemory: boolean;
    };

/** True for the errors an engine or a browser raises when memory runs out. */
export function looksOutOfMemory(text: string): boolean {
  return /out of memory|allocation failed|invalid array length|array buffer allocation|memory limit/i.test(
    text,
  );
}
