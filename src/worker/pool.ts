/**
 * A pool of solver workers for Solve all: every level of a collection, one per worker at a time,
 * on `poolSize()` workers of the same module worker and protocol as a single solve.
 *
 * - Each worker is a Lane (client.ts): started on first use, replaced after it crashes, runs out
 *   of memory or stops answering. The level it was solving gets a failed outcome with the
 *   lane's message and the batch goes on with a fresh worker.
 * - cancel() terminates every worker at once (a synchronous search cannot hear a message); the
 *   levels in flight get no outcome, and run() resolves false.
 */
import type { Level } from '../sokoban';
import type { SolveResult } from '../solver/api';
import {
  Lane,
  SolverWorkerError,
  type WorkerFactory,
  createSolverWorker,
  solveRequest,
} from './client';
import type { WorkerSolveOptions } from './protocol';

/** At most this many workers, however many cores the machine reports. */
export const MAX_POOL_SIZE = 8;

/** `hardwareConcurrency - 1` (one core stays with the page), at least 1, at most MAX_POOL_SIZE. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const cores =
    typeof hardwareConcurrency === 'number' && Number.isFinite(hardwareConcurrency)
      ? Math.floor(hardwareConcurrency)
      : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, cores - 1));
}

export interface PoolTask {
  /** The caller's name for the task, handed back with its outcome. */
  readonly key: number;
  readonly level: Level;
}

export type PoolOutcome =
  | { readonly ok: true; readonly result: SolveResult }
  | { readonly ok: false; readonly message: string; readonly outOfMemory: boolean };

export interface SolverPoolOptions {
  readonly size: number;
  readonly createWorker?: WorkerFactory;
  /** As for SolverClient: a worker silent this long is treated as dead (0: never). */
  readonly stallTimeoutMs?: number;
}

const CANCELLED = 'cancelled';

export class SolverPool {
  private readonly lanes: Lane[];
  private nextId = 1;
  /** Increases with every run and cancel: a loop of an older run stops at its next level. */
  private generation = 0;

  constructor(options: SolverPoolOptions) {
    const create = options.createWorker ?? createSolverWorker;
    const stall = options.stallTimeoutMs ?? 30_000;
    const size = Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(options.size)));
    this.lanes = Array.from({ length: size }, () => new Lane(create, stall));
  }

  get size(): number {
    return this.lanes.length;
  }

  /**
   * Solves every task, in order of the list as workers come free, and calls `onDone` once per
   * task that finished. Resolves true when all finished, false when cancel() or a newer run
   * ended it. A run cancels the one before it.
   */
  async run(
    tasks: readonly PoolTask[],
    options: WorkerSolveOptions,
    onDone: (task: PoolTask, outcome: PoolOutcome) => void,
  ): Promise<boolean> {
    this.cancel();
    const generation = this.generation;
    let next = 0;
    const loop = async (lane: Lane): Promise<void> => {
      while (this.generation === generation && next < tasks.length) {
        const task = tasks[next++]!;
        const outcome = await this.solveOn(lane, task.level, options);
        if (this.generation !== generation) return;
        onDone(task, outcome);
      }
    };
    await Promise.all(this.lanes.slice(0, tasks.length).map(loop));
    return this.generation === generation;
  }

  /** Stops every worker now; the next run starts fresh ones. */
  cancel(): void {
    this.generation++;
    const stopped = new SolverWorkerError(CANCELLED, false);
    for (const lane of this.lanes) lane.stop(stopped);
  }

  dispose(): void {
    this.cancel();
  }

  private solveOn(lane: Lane, level: Level, options: WorkerSolveOptions): Promise<PoolOutcome> {
    const id = this.nextId++;
    return new Promise<PoolOutcome>((resolve) => {
      lane.post(solveRequest(id, level, options), {
        onReply: (reply) => {
          if (reply.type !== 'result') return false;
          resolve({ ok: true, result: reply.result });
          return true;
        },
        fail: (error) =>
          resolve({ ok: false, message: error.message, outOfMemory: error.outOfMemory }),
      });
    });
  }
}
