/**
 * Worker thread of `npm run bench`: solves one level per request with the engine and measures
 * the memory of this thread's isolate while it searches (see MemoryReport).
 */
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { solve } from '../solver/index';
import type { BenchReply, BenchRequest, MemoryReport } from './bench-protocol';

// A full GC before each level makes the baseline the worker's own, not the last level's
// garbage. Turning on --expose-gc at run time and taking `gc` from a fresh context is the
// documented V8 way when the flag cannot be passed to a worker's command line.
setFlagsFromString('--expose-gc');
const maybeGc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
const gc = typeof maybeGc === 'function' ? (maybeGc as () => void) : () => {};

function isolateBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapTotal + usage.external;
}

const port = parentPort;
if (!port) throw new Error('bench-worker.ts must run as a worker thread');

port.on('message', (request: BenchRequest) => {
  gc();
  const baselineBytes = isolateBytes();
  let peakBytes = baselineBytes;
  let samples = 1;
  const sample = (): void => {
    const bytes = isolateBytes();
    if (bytes > peakBytes) peakBytes = bytes;
    samples++;
  };
  const memory = (): MemoryReport => ({ baselineBytes, peakBytes, samples });
  let reply: BenchReply;
  try {
    const result = solve(request.level, { ...request.options, onProgress: sample });
    sample();
    reply = { type: 'result', id: request.id, result, memory: memory() };
  } catch (error) {
    sample();
    reply = { type: 'threw', id: request.id, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), memory: memory() };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies BenchReply);
