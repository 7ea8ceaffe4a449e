/**
 * Worker thread of `npm run bench`: solves one level per request with the engine and measures
 * the memory of this thread's isolate while it searches (see MemoryReport).
 */
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { solve } from '../solver/index';
import { errorNameAndMessage } from '../sokoban/error-message';
import type { BenchReply, BenchRequest, MemoryReport } from './bench-protocol';

// A full GC before a level keeps the last level's garbage out of this one's figures. It costs
// ~30 ms, more than most Boxoban levels take, so it is only done when the isolate holds more
// than GC_ABOVE_BYTES: small levels may then carry up to that much garbage in their figures.
// Turning on --expose-gc at run time and taking `gc` from a fresh context works where the
// flag cannot be passed on a worker's command line.
setFlagsFromString('--expose-gc');
const maybeGc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
const gc = typeof maybeGc === 'function' ? (maybeGc as () => void) : () => {};

const GC_ABOVE_BYTES = 64 * 2 ** 20;

function isolateBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapTotal + usage.external;
}

const port = parentPort;
if (!port) throw new Error('bench-worker.ts must run as a worker thread');

port.on('message', (request: BenchRequest) => {
  if (isolateBytes() > GC_ABOVE_BYTES) {
    // Two collections: the first leaves the dead typed arrays' backing stores to a background
    // sweeper, so `external` only drops after the second (measured on Node 20).
    gc();
    gc();
  }
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
    reply = {
      type: 'threw',
      id: request.id,
      message: errorNameAndMessage(error),
      memory: memory(),
    };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies BenchReply);
