/**
 * The solver's module worker: `new Worker(new URL('./solver.worker.ts', import.meta.url),
 * { type: 'module' })`, bundled by Vite as its own chunk and loaded only when a client first
 * needs it. Runs the engine off the main thread so the page stays responsive.
 */
import { handleRequest } from './handler';
import type { SolverReply } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  handleRequest(event.data, (reply: SolverReply) => scope.postMessage(reply));
};
