/**
 * A fixed number of worker threads that solve levels one at a time each. A level that
 * overruns its time limit by a margin gets its worker terminated; a worker that crashes or
 * runs out of memory is recorded against its level and replaced. Nothing a level does can
 * stop the run.
 */
import type { Worker } from 'node:worker_threads';
import type { Level } from '../sokoban';
import { errorMessage } from '../sokoban/error-message';
import type { SolveResult } from '../solver/api';
import type { BenchReply, BenchRequest, BenchSolveOptions, MemoryReport } from './bench-protocol';

export type PoolOutcome =
  | {
      readonly kind: 'result';
      readonly result: SolveResult;
      readonly memory: MemoryReport;
      readonly wallMs: number;
    }
  | {
      readonly kind: 'threw';
      readonly message: string;
      readonly memory: MemoryReport;
      readonly wallMs: number;
    }
  /** The worker was terminated: the engine ignored its own time limit. */
  | { readonly kind: 'timeout'; readonly message: string; readonly wallMs: number }
  /** The worker died (uncaught error, out of memory, exit) while solving the level. */
  | { readonly kind: 'crashed'; readonly message: string; readonly wallMs: number };

export interface PoolTask {
  readonly level: Level;
  readonly options: BenchSolveOptions;
}

/** How long past the engine's own limit a level may run before its worker is terminated. */
export function hardLimitMs(timeLimitMs: number): number {
  return timeLimitMs + Math.max(2_000, timeLimitMs * 0.25);
}

/** A worker that takes this long to start (tsx compiling the engine) is counted as crashed. */
const STARTUP_LIMIT_MS = 60_000;

function describeWorkerError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'the worker ran out of memory (JS heap limit reached) and was stopped';
  return `the worker crashed: ${errorMessage(error)}`;
}

class Slot {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly spawn: () => Worker) {}

  /** Resolves once the worker has loaded the engine, or with a reason it could not. */
  private start(): Promise<string | null> {
    const worker = this.spawn();
    this.worker = worker;
    // An 'error' event with no listener would throw in this thread; between levels nobody
    // else listens, and a crash there is noticed by the next run() through 'exit' anyway.
    worker.on('error', () => {});
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return new Promise((resolve) => {
      const done = (failure: string | null): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (failure !== null) this.discard(worker);
        resolve(failure);
      };
      const onMessage = (m: BenchReply): void => {
        if (m.type === 'ready') done(null);
      };
      const onError = (e: unknown): void =>
        done(`could not start the worker: ${describeWorkerError(e)}`);
      const onExit = (code: number): void =>
        done(`could not start the worker: it exited with code ${code}`);
      const timer = setTimeout(
        () => done(`could not start the worker within ${STARTUP_LIMIT_MS / 1000} s`),
        STARTUP_LIMIT_MS,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  async run(task: PoolTask): Promise<PoolOutcome> {
    if (!this.worker) {
      const failure = await this.start();
      if (failure !== null) return { kind: 'crashed', message: failure, wallMs: 0 };
    }
    const worker = this.worker!;
    const id = this.nextId++;
    const limit = hardLimitMs(task.options.timeLimitMs);
    const t0 = performance.now();
    return new Promise((resolve) => {
      const finish = (outcome: PoolOutcome, keepWorker: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!keepWorker) this.discard(worker);
        resolve(outcome);
      };
      const wallMs = (): number => performance.now() - t0;
      const onMessage = (m: BenchReply): void => {
        if (m.type === 'result' && m.id === id)
          finish({ kind: 'result', result: m.result, memory: m.memory, wallMs: wallMs() }, true);
        // After an exception the engine's module state is suspect: start afresh.
        else if (m.type === 'threw' && m.id === id)
          finish({ kind: 'threw', message: m.message, memory: m.memory, wallMs: wallMs() }, false);
      };
      const onError = (e: unknown): void =>
        finish({ kind: 'crashed', message: describeWorkerError(e), wallMs: wallMs() }, false);
      const onExit = (code: number): void =>
        finish(
          { kind: 'crashed', message: `the worker exited with code ${code}`, wallMs: wallMs() },
          false,
        );
      const timer = setTimeout(
        () =>
          finish(
            {
              kind: 'timeout',
              message: `the worker was terminated after ${(limit / 1000).toFixed(1)} s: the engine overran its ${task.options.timeLimitMs / 1000} s limit`,
              wallMs: wallMs(),
            },
            false,
          ),
        limit,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({
        type: 'solve',
        id,
        level: task.level,
        options: task.options,
      } satisfies BenchRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/**
 * Runs every task on `jobs` workers, in order of the list, calling `onStart` as each is handed
 * to a worker and `onDone` as each finishes. Resolves with the outcomes in task order.
 */
export async function runPool(
  tasks: readonly PoolTask[],
  jobs: number,
  spawn: () => Worker,
  onDone: (index: number, outcome: PoolOutcome) => void,
  onStart: (index: number) => void = () => {},
): Promise<PoolOutcome[]> {
  const outcomes: PoolOutcome[] = new Array<PoolOutcome>(tasks.length);
  let next = 0;
  const slots = Array.from(
    { length: Math.max(1, Math.min(jobs, tasks.length)) },
    () => new Slot(spawn),
  );
  try {
    await Promise.all(
      slots.map(async (slot) => {
        while (next < tasks.length) {
          const index = next++;
          onStart(index);
          outcomes[index] = await slot.run(tasks[index]!);
          onDone(index, outcomes[index]);
        }
      }),
    );
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
  return outcomes;
}
