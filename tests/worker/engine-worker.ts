/**
 * A stand-in for the solver's module worker that runs the real request handler (and so the real
 * engine) in the test's own thread, a tick after each message, like a worker would answer.
 */
import { handleRequest } from '../../src/worker/handler';
import type { WorkerLike } from '../../src/worker/client';
import type { SolverRequest } from '../../src/worker/protocol';
import { workerFactory } from './fake-worker';

export class EngineWorker implements WorkerLike {
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  postMessage(message: SolverRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    setTimeout(() => {
      if (this.terminated) return;
      handleRequest(structuredClone(message), (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

export function engineFactory(): { create: () => EngineWorker; workers: EngineWorker[] } {
  return workerFactory(() => new EngineWorker());
}
