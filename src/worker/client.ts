/**
 * The main thread's handle on the solver worker: solve with progress, cancel, deadlock checks.
 *
 * A class because it owns resources (workers). Workers are created lazily, so importing this
 * module costs nothing until the first request; the worker chunk is fetched only then.
 *
 * - Cancel terminates the worker (a synchronous search cannot see a message) and resolves the
 *   pending solve with status `cancelled` at once; the next request starts a fresh worker.
 * - One solve at a time: a new solve cancels the one in flight.
 * - A worker that crashes (error, unreadable message, out of memory) or stops answering fails
 *   its pending requests with a SolverWorkerError and is replaced on the next request.
 * - Deadlock checks run on a worker of their own, so they stay quick during a long search.
 * - Episode analyses run on a third worker, one at a time, so they never stop a solve.
 */
import type { Level, Position, StepVerdict } from '../sokoban';
import { errorMessage } from '../sokoban/error-message';
import type { DeadlockReport, SolveProgress, SolveResult } from '../solver/api';
import {
  type SolverReply,
  type SolverRequest,
  type WorkerSolveOptions,
  looksOutOfMemory,
} from './protocol';

/** The part of a DOM Worker the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: SolverRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  /**
   * A Web Lock the worker holds for as long as it lives (solver.worker.ts takes it at start):
   * when the browser kills the worker (out of memory, for one) no event says so, but the lock is
   * released, and that is how the client learns of it at once instead of by the watchdog.
   */
  readonly lifeLock?: string;
}

export type WorkerFactory = () => WorkerLike;

export class SolverWorkerError extends Error {
  constructor(
    message: string,
    /** The worker ran out of memory: a smaller memory limit may help. */
    readonly outOfMemory: boolean,
  ) {
    super(message);
    this.name = 'SolverWorkerError';
  }
}

export interface SolverClientOptions {
  readonly createWorker?: WorkerFactory;
  /**
   * A running request that hears nothing from its worker for this long is treated as a crash
   * (a worker killed by the browser may die silently). The engine reports progress every
   * ~100 ms, so this is generous. 0 turns the watchdog off. Default 30 s.
   */
  readonly stallTimeoutMs?: number;
  /** Clock for the `ms` of a cancelled result (tests). */
  readonly now?: () => number;
}

/** Vite recognises this exact form and bundles the worker as a separate module chunk. */
export function createSolverWorker(): WorkerLike {
  const lifeLock = `sokoban-solver-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), {
    type: 'module',
    name: lifeLock,
  });
  return Object.assign(worker, { lifeLock });
}

/** Calls `onDeath` once the worker holding `name` is gone; false when locks are unavailable. */
function watchLifeLock(name: string, onDeath: () => void): void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return;
  // Asked only once the worker is seen to hold (or wait for) its lock, so that this request
  // queues behind it and is granted exactly when the worker's context ends.
  void locks
    .query()
    .then((snapshot) => {
      const known = [...(snapshot.held ?? []), ...(snapshot.pending ?? [])];
      if (!known.some((lock) => lock.name === name)) return;
      return locks.request(name, () => onDeath());
    })
    .catch(() => undefined);
}

export interface Job {
  /** Handles a reply for this job; returns true when the job is over. */
  readonly onReply: (reply: SolverReply) => boolean;
  readonly fail: (error: SolverWorkerError) => void;
}

function errorText(event: ErrorEvent | Event | undefined): string {
  const message = (event as ErrorEvent | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : 'no details were given';
}

/**
 * One worker and the jobs waiting on it; it starts the worker on first use and replaces it after a
 * crash. Also used by the pool of Solve all (pool.ts), one lane per worker.
 */
export class Lane {
  private worker: WorkerLike | null = null;
  private readonly jobs = new Map<number, Job>();
  private stallTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly create: WorkerFactory,
    private readonly stallTimeoutMs: number,
  ) {}

  get idle(): boolean {
    return this.jobs.size === 0;
  }

  post(request: SolverRequest, job: Job): void {
    let worker: WorkerLike;
    try {
      worker = this.worker ?? this.start();
    } catch (error) {
      // No module workers here (an old browser, a strict Content-Security-Policy).
      job.fail(
        new SolverWorkerError(`The solver could not be started: ${errorMessage(error)}`, false),
      );
      return;
    }
    this.jobs.set(request.id, job);
    this.armWatchdog();
    try {
      worker.postMessage(request);
    } catch (error) {
      // A level that cannot be cloned, for instance: the worker itself is fine.
      this.jobs.delete(request.id);
      this.armWatchdog();
      job.fail(
        new SolverWorkerError(
          `The request could not be sent to the solver: ${errorMessage(error)}`,
          false,
        ),
      );
    }
  }

  /** Forgets a job without failing it (its caller has already answered). */
  drop(id: number): void {
    this.jobs.delete(id);
    this.armWatchdog();
  }

  /** Ends the worker now; the next post starts a fresh one. Pending jobs are failed with `error`. */
  stop(error?: SolverWorkerError): void {
    const worker = this.worker;
    this.worker = null;
    this.disarmWatchdog();
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
    }
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    if (error) for (const job of jobs) job.fail(error);
  }

  private start(): WorkerLike {
    const worker = this.create();
    this.worker = worker;
    let watching = false;
    worker.onmessage = (event) => {
      if (worker !== this.worker) return;
      if (!watching && worker.lifeLock) {
        watching = true;
        watchLifeLock(worker.lifeLock, () => {
          if (worker === this.worker)
            this.stop(
              new SolverWorkerError(
                'The solver worker stopped unexpectedly (the browser may have ended it, for instance when it ran out of memory); a fresh one will start on the next request.',
                false,
              ),
            );
        });
      }
      this.receive(event.data as SolverReply);
    };
    worker.onerror = (event) => {
      // Keep the browser from also reporting it as an uncaught error: it is handled here.
      event.preventDefault?.();
      if (worker !== this.worker) return;
      const text = errorText(event);
      const oom = looksOutOfMemory(text);
      this.stop(
        new SolverWorkerError(
          oom ? `The solver ran out of memory (${text}).` : `The solver worker crashed: ${text}.`,
          oom,
        ),
      );
    };
    worker.onmessageerror = () => {
      if (worker === this.worker)
        this.stop(
          new SolverWorkerError(
            'The solver worker sent a message that could not be read; it has been restarted.',
            false,
          ),
        );
    };
    return worker;
  }

  private receive(reply: SolverReply): void {
    const job = this.jobs.get(reply?.id);
    if (!job) return;
    this.armWatchdog();
    if (reply.type === 'error') {
      this.jobs.delete(reply.id);
      const error = reply.outOfMemory
        ? new SolverWorkerError(
            `The solver ran out of memory (${reply.message}); try a smaller memory limit.`,
            true,
          )
        : new SolverWorkerError(`The solver failed: ${reply.message}`, false);
      // After running out of memory the worker's heap is suspect: replace it, failing the rest too.
      if (reply.outOfMemory) this.stop(error);
      job.fail(error);
      this.armWatchdog();
      return;
    }
    if (job.onReply(reply)) {
      this.jobs.delete(reply.id);
      this.armWatchdog();
    }
  }

  /** (Re)starts the no-news timer while jobs are pending; stops it when none are. */
  private armWatchdog(): void {
    this.disarmWatchdog();
    if (this.stallTimeoutMs <= 0 || this.jobs.size === 0) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      this.stop(
        new SolverWorkerError(
          `The solver stopped responding (no news for ${Math.round(this.stallTimeoutMs / 1000)} s); it has been restarted.`,
          false,
        ),
      );
    }, this.stallTimeoutMs);
  }

  private disarmWatchdog(): void {
    if (this.stallTimer !== null) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }
}

/** A solve request with only the options a worker takes (the callbacks stay on this side). */
export function solveRequest(
  id: number,
  level: Level,
  options: WorkerSolveOptions,
): Extract<SolverRequest, { type: 'solve' }> {
  return {
    type: 'solve',
    id,
    level,
    options: {
      mode: options.mode,
      timeLimitMs: options.timeLimitMs,
      memoryLimitMb: options.memoryLimitMb,
    },
  };
}

interface CurrentSolve {
  readonly id: number;
  readonly startedAt: number;
  readonly resolve: (result: SolveResult) => void;
  lastProgress: SolveProgress | null;
}

export class SolverClient {
  private readonly solveLane: Lane;
  private readonly checkLane: Lane;
  private readonly analysisLane: Lane;
  private readonly now: () => number;
  private nextId = 1;
  private current: CurrentSolve | null = null;
  private analysis: { id: number; resolve: (verdicts: null) => void } | null = null;

  constructor(options: SolverClientOptions = {}) {
    const create = options.createWorker ?? createSolverWorker;
    const stall = options.stallTimeoutMs ?? 30_000;
    this.solveLane = new Lane(create, stall);
    this.checkLane = new Lane(create, stall);
    this.analysisLane = new Lane(create, stall);
    this.now = options.now ?? (() => performance.now());
  }

  /** True while a solve is in flight. */
  get solving(): boolean {
    return this.current !== null;
  }

  /**
   * Solves `level` in the worker. Resolves with the engine's result, or `cancelled` when
   * cancel() or a newer solve() ends it; rejects with SolverWorkerError if the worker fails.
   */
  solve(
    level: Level,
    options: WorkerSolveOptions = {},
    onProgress?: (progress: SolveProgress) => void,
  ): Promise<SolveResult> {
    this.cancel();
    const id = this.nextId++;
    return new Promise<SolveResult>((resolve, reject) => {
      const current: CurrentSolve = { id, startedAt: this.now(), resolve, lastProgress: null };
      this.current = current;
      const settle = (): void => {
        if (this.current === current) this.current = null;
      };
      this.solveLane.post(solveRequest(id, level, options), {
        onReply: (reply) => {
          if (reply.type === 'progress') {
            current.lastProgress = reply.progress;
            onProgress?.(reply.progress);
            return false;
          }
          if (reply.type === 'result') {
            settle();
            resolve(reply.result);
            return true;
          }
          return false;
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      });
    });
  }

  /** Stops the solve in flight at once (its promise resolves `cancelled`); no-op when idle. */
  cancel(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.solveLane.drop(current.id);
    this.solveLane.stop();
    current.resolve({
      status: 'cancelled',
      nodes: current.lastProgress?.nodes ?? 0,
      ms: Math.round(this.now() - current.startedAt),
    });
  }

  /** Whether `position` of `level` is provably dead; runs beside any solve. */
  checkDeadlock(level: Level, position: Position): Promise<DeadlockReport> {
    const id = this.nextId++;
    return new Promise<DeadlockReport>((resolve, reject) => {
      this.checkLane.post(
        {
          type: 'checkDeadlock',
          id,
          level,
          position: { player: position.player, boxes: [...position.boxes] },
        },
        {
          onReply: (reply) => {
            if (reply.type !== 'deadlock') return false;
            resolve(reply.report);
            return true;
          },
          fail: reject,
        },
      );
    });
  }

  /**
   * Judges every position of an episode in a worker (src/solver/episode.ts): one verdict per
   * position. Resolves null when cancelAnalysis() or a newer analysis ends it; rejects with
   * SolverWorkerError if the worker fails.
   */
  analyze(
    level: Level,
    positions: readonly Position[],
    options: WorkerSolveOptions = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<readonly StepVerdict[] | null> {
    this.cancelAnalysis();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const current = { id, resolve };
      this.analysis = current;
      const settle = () => {
        if (this.analysis === current) this.analysis = null;
      };
      this.analysisLane.post(
        {
          type: 'analyze',
          id,
          level,
          positions: positions.map((p) => ({ player: p.player, boxes: [...p.boxes] })),
          options: { timeLimitMs: options.timeLimitMs, memoryLimitMb: options.memoryLimitMb },
        },
        {
          onReply: (reply) => {
            if (reply.type === 'analysisProgress') onProgress?.(reply.done, reply.total);
            if (reply.type !== 'analysis') return false;
            settle();
            resolve(reply.verdicts);
            return true;
          },
          fail: (error) => {
            settle();
            reject(error);
          },
        },
      );
    });
  }

  /** Stops the analysis in flight (its promise resolves null); no-op when idle. */
  cancelAnalysis(): void {
    const current = this.analysis;
    if (!current) return;
    this.analysis = null;
    this.analysisLane.drop(current.id);
    this.analysisLane.stop();
    current.resolve(null);
  }

  /** Ends the workers: a pending solve resolves `cancelled`, pending checks reject. */
  dispose(): void {
    this.cancel();
    this.cancelAnalysis();
    this.checkLane.stop(new SolverWorkerError('The solver was closed.', false));
    this.solveLane.stop();
  }
}
