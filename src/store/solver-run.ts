/**
 * The solver store's jobs, from request to outcome: the position is read from the game store, a
 * cached answer is used at once, otherwise the worker searches; a solution is written into the
 * game history after the moves played (a hint's only up to its push, then played). Each job has a
 * number: an answer for a job that was cancelled or replaced is ignored.
 */
import { type Level, type Position, errorMessage } from '../sokoban';
import type { DeadlockReport, SettledResult, SolveProgress, SolveResult } from '../solver/api';
import type { WorkerSolveOptions } from '../worker/protocol';
import type { GameStore } from './game';
import type { SolutionCache } from './solution-cache';
import {
  type JobRequest,
  type Purpose,
  type SolverData,
  type SolverJob,
  cancelledOutcome,
  levelFrom,
  requestFrom,
  settledAnswer,
  settledOutcome,
  solutionEdit,
  unsettledOutcome,
} from './solver-state';

/** What the store needs of the worker client (src/worker/client.ts); tests pass a fake. */
export interface SolverService {
  readonly solve: (
    level: Level,
    options: WorkerSolveOptions,
    onProgress?: (progress: SolveProgress) => void,
  ) => Promise<SolveResult>;
  readonly cancel: () => void;
  readonly checkDeadlock: (level: Level, position: Position) => Promise<DeadlockReport>;
}

/** Memory for the search's tables in the browser: well below what a phone tab may use. */
export const BROWSER_MEMORY_MB = 256;

export interface RunContext {
  readonly game: GameStore;
  readonly cache: SolutionCache;
  readonly now: () => number;
  /** The worker client: throws when it cannot be started, null when the browser has no workers. */
  readonly service: () => SolverService | null;
  /** Plays a hint's moves: from the cursor now to `to`. */
  readonly onHint: (to: number) => void;
  readonly get: () => SolverData;
  readonly set: (data: Partial<SolverData>) => void;
}

export interface JobRunner {
  readonly run: (purpose: Purpose) => Promise<void>;
  /** Stops the job in flight, if any; the outcome says why. */
  readonly stop: (why?: string) => void;
}

/** Writes a solution if the board is still where the request started; true when it is. */
function writeSolution(ctx: RunContext, job: JobRequest, solution: string): boolean {
  const g = ctx.game.getState();
  const edit = solutionEdit(g, job, solution);
  if (edit === 'left') return false;
  if (edit === 'none') return true;
  if (!g.setMoves(edit.moves, edit.cursor)) return false;
  if (edit.playTo !== null) ctx.onHint(edit.playTo);
  return true;
}

/** The worker client, or the message that says why there is none. */
function startService(ctx: RunContext): SolverService | string {
  try {
    return ctx.service() ?? 'This browser cannot run the solver (no Web Workers).';
  } catch (error) {
    return `The solver could not be started: ${errorMessage(error)}`;
  }
}

/** Stops the worker at once: a synchronous search cannot hear a message, so it is terminated. */
function stopWorker(ctx: RunContext): void {
  try {
    ctx.service()?.cancel();
  } catch {
    /* nothing to stop */
  }
}

export function createJobRunner(ctx: RunContext): JobRunner {
  let jobSeq = 0;

  const finish = (job: JobRequest, answer: SettledResult, remembered: boolean) => {
    const applied = answer.status === 'solved' && writeSolution(ctx, job, answer.solution);
    ctx.set({ outcome: settledOutcome(answer, job.purpose, remembered, applied) });
  };

  const fail = (purpose: Purpose, message: string) =>
    ctx.set({ job: null, outcome: { status: 'error', purpose, message } });

  const search = async (job: SolverJob, position: Position): Promise<void> => {
    const service = startService(ctx);
    if (typeof service === 'string') return fail(job.purpose, service);
    const options = {
      mode: job.mode,
      timeLimitMs: job.timeLimitS * 1000,
      memoryLimitMb: BROWSER_MEMORY_MB,
    };
    let result: SolveResult;
    try {
      result = await service.solve(levelFrom(job.level, position), options, (progress) => {
        // Keep this tiny: it runs on the main thread about ten times a second.
        if (job.id === jobSeq) ctx.set({ progress });
      });
    } catch (error) {
      if (job.id === jobSeq) fail(job.purpose, `${errorMessage(error)} Press Solve to try again.`);
      return;
    }
    if (job.id !== jobSeq) return; // cancelled, or a newer request took over
    ctx.set({ job: null });
    if (result.status === 'solved' || result.status === 'unsolvable') {
      const answer = settledAnswer(result);
      ctx.cache.put(job.level, position, answer);
      finish(job, answer, false);
    } else ctx.set({ outcome: unsettledOutcome(result, job) });
  };

  const stop = (why?: string) => {
    const { job, progress } = ctx.get();
    if (!job) return;
    jobSeq++; // any late answer for this job is ignored
    ctx.set({ job: null, outcome: cancelledOutcome(job, progress, ctx.now(), why) });
    stopWorker(ctx);
  };

  const run = async (purpose: Purpose): Promise<void> => {
    const asked = requestFrom(ctx.game.getState(), purpose);
    if (!asked) return;
    const { request, position } = asked;
    const { mode, timeLimitS } = ctx.get();
    const cached = ctx.cache.get(request.level, position, purpose === 'hint' ? 'fast' : mode);
    if (cached) {
      stop();
      finish(request, cached, true);
      return;
    }
    const job: SolverJob = { ...request, id: ++jobSeq, mode, timeLimitS, startedAt: ctx.now() };
    ctx.set({ job, progress: null, outcome: null });
    await search(job, position);
  };

  return { run, stop };
}
