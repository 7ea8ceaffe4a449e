/** A stand-in for a DOM Worker: records what the client posts and lets a test answer. */
import type { WorkerLike } from '../../src/worker/client';
import type { SolverReply, SolverRequest } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  readonly posted: SolverRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  postMessage(message: SolverRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker answers (as the real handler would). */
  reply(reply: SolverReply): void {
    this.onmessage?.({ data: reply } as MessageEvent);
  }

  crash(message: string): void {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    this.errorPrevented = prevented;
  }

  errorPrevented = false;

  garble(): void {
    this.onmessageerror?.({ data: null } as MessageEvent);
  }

  get last(): SolverRequest {
    const last = this.posted[this.posted.length - 1];
    if (last === undefined) throw new Error('the client has posted nothing yet');
    return last;
  }
}

/** A worker factory that keeps every worker it made, in order. */
export function workerFactory<W>(make: () => W): { create: () => W; workers: W[] } {
  const workers: W[] = [];
  return {
    workers,
    create: () => {
      const w = make();
      workers.push(w);
      return w;
    },
  };
}

export function fakeFactory(): { create: () => FakeWorker; workers: FakeWorker[] } {
  return workerFactory(() => new FakeWorker());
}
