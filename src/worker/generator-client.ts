/**
 * The main thread's handle on the generator worker. One job at a time: a new job or cancel()
 * terminates the worker (generation is synchronous, so a message could not stop it) and the
 * job ends at once as `cancelled`, with the levels made so far; the next job starts a fresh
 * worker. A worker that fails ends its job as `failed` with a message, never a rejection.
 */
import type { GeneratedLevel, GeneratorParams } from '../generator';
import { errorMessage } from '../sokoban/error-message';
import type { GenerateRequest, GeneratorReply } from './generator-protocol';

/** The part of a DOM Worker the client uses; tests pass a fake. */
export interface GeneratorWorkerLike {
  postMessage(message: GenerateRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type GenerateOutcome =
  | { readonly status: 'done'; readonly levels: readonly GeneratedLevel[] }
  | { readonly status: 'cancelled'; readonly levels: readonly GeneratedLevel[] }
  | {
      readonly status: 'failed';
      readonly message: string;
      readonly levels: readonly GeneratedLevel[];
    };

/** Vite recognises this exact form and bundles the worker as a separate module chunk. */
export function createGeneratorWorker(): GeneratorWorkerLike {
  return new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module' });
}

interface Job {
  readonly id: number;
  readonly levels: GeneratedLevel[];
  readonly onLevel: ((level: GeneratedLevel, index: number) => void) | undefined;
  readonly finish: (outcome: GenerateOutcome) => void;
}

export class GeneratorClient {
  private worker: GeneratorWorkerLike | null = null;
  private job: Job | null = null;
  private nextId = 1;

  constructor(private readonly create: () => GeneratorWorkerLike = createGeneratorWorker) {}

  /** Makes `count` levels from `params.seed` on; `onLevel` hears each as it is made. */
  generate(
    params: GeneratorParams,
    count: number,
    onLevel?: (level: GeneratedLevel, index: number) => void,
  ): Promise<GenerateOutcome> {
    this.cancel();
    const id = this.nextId++;
    return new Promise<GenerateOutcome>((resolve) => {
      const job: Job = {
        id,
        levels: [],
        onLevel,
        finish: (outcome) => {
          if (this.job === job) this.job = null;
          resolve(outcome);
        },
      };
      this.job = job;
      let worker: GeneratorWorkerLike;
      try {
        worker = this.worker ?? this.start();
        worker.postMessage({ type: 'generate', id, params, count });
      } catch (error) {
        this.stop();
        job.finish({ status: 'failed', message: describe(error), levels: [] });
        return;
      }
    });
  }

  /** Stops the job in flight, if any; it resolves as `cancelled` with the levels made so far. */
  cancel(): void {
    const job = this.job;
    if (!job) return;
    this.stop();
    job.finish({ status: 'cancelled', levels: job.levels });
  }

  dispose(): void {
    this.cancel();
    this.stop();
  }

  private start(): GeneratorWorkerLike {
    const worker = this.create();
    worker.onmessage = (event: MessageEvent) => this.receive(event.data as GeneratorReply);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      const job = this.job;
      this.stop();
      job?.finish({
        status: 'failed',
        message: `The generator stopped (${event.message || 'no details were given'}).`,
        levels: job.levels,
      });
    };
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private receive(reply: GeneratorReply): void {
    const job = this.job;
    if (!job || reply.id !== job.id) return; // a reply of a job already over
    if (reply.type === 'level') {
      job.levels.push(reply.level);
      job.onLevel?.(reply.level, reply.index);
    } else if (reply.type === 'done') {
      job.finish({ status: 'done', levels: job.levels });
    } else {
      job.finish({ status: 'failed', message: reply.message, levels: job.levels });
    }
  }
}

function describe(error: unknown): string {
  return `The generator could not start (${errorMessage(error)}).`;
}
