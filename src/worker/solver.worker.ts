/**
 * The solver's module worker: `new Worker(new URL('./solver.worker.ts', import.meta.url),
 * { type: 'module' })`, bundled by Vite as its own chunk and loaded only when a client first
 * needs it. Runs the engine off the main thread so the page stays responsive.
 */
import { handleRequest } from './handler';
import type { SolverReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Held for the worker's whole life and released by the browser when it ends, however it ends:
// the client waits on it to learn at once of a worker that was killed (client.ts, lifeLock).
if (scope.name && typeof navigator !== 'undefined' && navigator.locks)
  void navigator.locks.request(scope.name, () => new Promise<void>(() => undefined));

scope.onmessage = (event: MessageEvent<unknown>) => {
  handleRequest(event.data, (reply: SolverReply) => scope.postMessage(reply));
};
