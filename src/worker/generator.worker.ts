/**
 * The generator's module worker, bundled by Vite as a chunk of its own and started only when
 * the Generate panel or a seed link first needs it; the engine's proof runs here, off the main
 * thread.
 */
import { handleGenerate } from './generator-handler';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  handleGenerate(event.data, (reply) => scope.postMessage(reply));
};
