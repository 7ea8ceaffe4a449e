import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SolverClient, SolverWorkerError } from '../../src/worker/client';
import type { SolveProgress } from '../../src/solver/api';
import { fakeFactory } from './fake-worker';
import { TINY as level, SOLVED as solved } from './fixtures';

const progress = (nodes: number): SolveProgress => ({
  nodes,
  nodesPerSecond: 1000,
  bound: 1,
  depth: 0,
  elapsedMs: nodes,
  tableFill: 0,
});

let clock = 0;
const now = () => clock;

function setup(stallTimeoutMs = 0) {
  const factory = fakeFactory();
  const client = new SolverClient({ createWorker: factory.create, stallTimeoutMs, now });
  return { client, workers: factory.workers };
}

beforeEach(() => {
  clock = 1000;
});

describe('SolverClient', () => {
  it('creates no worker until the first request', () => {
    const { workers } = setup();
    expect(workers).toHaveLength(0);
  });

  it('posts a solve, forwards progress, resolves with the result', async () => {
    const { client, workers } = setup();
    const seen: number[] = [];
    const promise = client.solve(
      level,
      { mode: 'optimal', timeLimitMs: 5000, memoryLimitMb: 64 },
      (p) => seen.push(p.nodes),
    );
    expect(workers).toHaveLength(1);
    const request = workers[0]!.last;
    expect(request).toMatchObject({
      type: 'solve',
      level,
      options: { mode: 'optimal', timeLimitMs: 5000, memoryLimitMb: 64 },
    });
    expect(client.solving).toBe(true);
    workers[0]!.reply({ type: 'progress', id: request.id, progress: progress(10) });
    workers[0]!.reply({ type: 'progress', id: request.id, progress: progress(20) });
    workers[0]!.reply({ type: 'result', id: request.id, result: solved });
    await expect(promise).resolves.toEqual(solved);
    expect(seen).toEqual([10, 20]);
    expect(client.solving).toBe(false);
    // The worker is kept for the next request.
    void client.solve(level);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('ignores replies for other ids', async () => {
    const { client, workers } = setup();
    const promise = client.solve(level);
    const id = workers[0]!.last.id;
    workers[0]!.reply({
      type: 'result',
      id: id + 100,
      result: { status: 'unsolvable', message: 'x', nodes: 0, ms: 0 },
    });
    workers[0]!.reply({ type: 'result', id, result: solved });
    await expect(promise).resolves.toEqual(solved);
  });

  it('cancel() terminates the worker and resolves cancelled at once, with the last progress', async () => {
    const { client, workers } = setup();
    const promise = client.solve(level);
    workers[0]!.reply({ type: 'progress', id: workers[0]!.last.id, progress: progress(1234) });
    clock += 250;
    client.cancel();
    expect(workers[0]!.terminated).toBe(true);
    await expect(promise).resolves.toEqual({ status: 'cancelled', nodes: 1234, ms: 250 });
    expect(client.solving).toBe(false);
    // A late message from the old worker changes nothing; the next solve gets a fresh worker.
    workers[0]!.reply({ type: 'result', id: 1, result: solved });
    const next = client.solve(level);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'result', id: workers[1]!.last.id, result: solved });
    await expect(next).resolves.toEqual(solved);
  });

  it('cancel() with nothing running does nothing', () => {
    const { client, workers } = setup();
    client.cancel();
    expect(workers).toHaveLength(0);
  });

  it('a new solve cancels the one in flight', async () => {
    const { client, workers } = setup();
    const first = client.solve(level);
    const second = client.solve(level, { mode: 'fast' });
    await expect(first).resolves.toMatchObject({ status: 'cancelled' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'result', id: workers[1]!.last.id, result: solved });
    await expect(second).resolves.toEqual(solved);
  });

  it('a crashed worker rejects the solve with a clear error and is replaced', async () => {
    const { client, workers } = setup();
    const promise = client.solve(level);
    workers[0]!.crash('Uncaught TypeError: x is undefined');
    await expect(promise).rejects.toThrow(SolverWorkerError);
    await expect(promise).rejects.toThrow(/crashed: Uncaught TypeError: x is undefined/);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.errorPrevented).toBe(true);
    expect(client.solving).toBe(false);
    const next = client.solve(level);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'result', id: workers[1]!.last.id, result: solved });
    await expect(next).resolves.toEqual(solved);
  });

  it('an out-of-memory crash says so', async () => {
    const { client, workers } = setup();
    const promise = client.solve(level);
    workers[0]!.crash('Uncaught RangeError: Array buffer allocation failed');
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolverWorkerError);
    expect((error as SolverWorkerError).outOfMemory).toBe(true);
    expect((error as Error).message).toMatch(/ran out of memory/);
  });

  it('an unreadable message (messageerror) fails the job and replaces the worker', async () => {
    const { client, workers } = setup();
    const promise = client.solve(level);
    workers[0]!.garble();
    await expect(promise).rejects.toThrow(/could not be read/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('an engine error reported by the worker rejects; out of memory also replaces the worker', async () => {
    const { client, workers } = setup();
    const first = client.solve(level);
    workers[0]!.reply({
      type: 'error',
      id: workers[0]!.last.id,
      message: 'Error: bug',
      outOfMemory: false,
    });
    await expect(first).rejects.toThrow('The solver failed: Error: bug');
    expect(workers[0]!.terminated).toBe(false);
    const second = client.solve(level);
    workers[0]!.reply({
      type: 'error',
      id: workers[0]!.last.id,
      message: 'RangeError: Array buffer allocation failed',
      outOfMemory: true,
    });
    await expect(second).rejects.toMatchObject({ outOfMemory: true });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('checkDeadlock runs on its own worker and is not disturbed by cancelling a solve', async () => {
    const { client, workers } = setup();
    const solving = client.solve(level);
    const check = client.checkDeadlock(level, { player: 6, boxes: [7] });
    expect(workers).toHaveLength(2);
    const checker = workers[1]!;
    expect(checker.last).toMatchObject({
      type: 'checkDeadlock',
      level,
      position: { player: 6, boxes: [7] },
    });
    client.cancel();
    await expect(solving).resolves.toMatchObject({ status: 'cancelled' });
    expect(checker.terminated).toBe(false);
    checker.reply({
      type: 'deadlock',
      id: checker.last.id,
      report: { deadlocked: true, cause: 'box in a corner', boxes: [7] },
    });
    await expect(check).resolves.toEqual({
      deadlocked: true,
      cause: 'box in a corner',
      boxes: [7],
    });
  });

  it('analyze runs on a worker of its own, forwards progress and resolves the verdicts', async () => {
    const { client, workers } = setup();
    const solving = client.solve(level);
    const seen: string[] = [];
    const analysis = client.analyze(
      level,
      [{ player: 6, boxes: [7] }],
      { timeLimitMs: 500 },
      (d, t) => seen.push(`${d}/${t}`),
    );
    expect(workers).toHaveLength(2);
    const analyst = workers[1]!;
    expect(analyst.last).toMatchObject({
      type: 'analyze',
      positions: [{ player: 6, boxes: [7] }],
      options: { timeLimitMs: 500 },
    });
    client.cancel();
    await expect(solving).resolves.toMatchObject({ status: 'cancelled' });
    expect(analyst.terminated).toBe(false);
    const verdicts = [{ pushesLeft: 1, status: 'alive' as const, cause: null }];
    analyst.reply({ type: 'analysisProgress', id: analyst.last.id, done: 1, total: 1 });
    analyst.reply({ type: 'analysis', id: analyst.last.id, verdicts });
    await expect(analysis).resolves.toEqual(verdicts);
    expect(seen).toEqual(['1/1']);
  });

  it('cancelAnalysis ends the analysing worker and resolves null; a crash rejects', async () => {
    const { client, workers } = setup();
    const first = client.analyze(level, [{ player: 6, boxes: [7] }]);
    client.cancelAnalysis();
    await expect(first).resolves.toBeNull();
    expect(workers[0]!.terminated).toBe(true);
    const second = client.analyze(level, [{ player: 6, boxes: [7] }]);
    workers[1]!.crash('gone');
    await expect(second).rejects.toThrow(SolverWorkerError);
  });

  it('a crash of the checking worker rejects every pending check', async () => {
    const { client, workers } = setup();
    const a = client.checkDeadlock(level, { player: 6, boxes: [7] });
    const b = client.checkDeadlock(level, { player: 6, boxes: [7] });
    workers[0]!.crash('gone');
    await expect(a).rejects.toThrow(SolverWorkerError);
    await expect(b).rejects.toThrow(SolverWorkerError);
  });

  it('dispose() cancels the solve, rejects checks and terminates both workers', async () => {
    const { client, workers } = setup();
    const solving = client.solve(level);
    const check = client.checkDeadlock(level, { player: 6, boxes: [7] });
    client.dispose();
    await expect(solving).resolves.toMatchObject({ status: 'cancelled' });
    await expect(check).rejects.toThrow(/closed/);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('a worker that cannot be created rejects the request; the client recovers when it can', async () => {
    const factory = fakeFactory();
    let refuse = true;
    const client = new SolverClient({
      createWorker: () => {
        if (refuse) throw new Error('Worker is not defined');
        return factory.create();
      },
      stallTimeoutMs: 0,
      now,
    });
    await expect(client.solve(level)).rejects.toThrow(
      /could not be started: Worker is not defined/,
    );
    expect(client.solving).toBe(false);
    await expect(client.checkDeadlock(level, { player: 6, boxes: [7] })).rejects.toThrow(
      SolverWorkerError,
    );
    refuse = false;
    const next = client.solve(level);
    factory.workers[0]!.reply({ type: 'result', id: factory.workers[0]!.last.id, result: solved });
    await expect(next).resolves.toEqual(solved);
  });

  it('a request that cannot be posted (not cloneable) rejects without killing the worker', async () => {
    const { client, workers } = setup();
    const first = client.checkDeadlock(level, { player: 6, boxes: [7] });
    const checker = workers[0]!;
    const post = checker.postMessage.bind(checker);
    checker.postMessage = () => {
      throw new Error('could not be cloned');
    };
    await expect(client.checkDeadlock(level, { player: 6, boxes: [7] })).rejects.toThrow(
      /could not be sent.*could not be cloned/,
    );
    expect(checker.terminated).toBe(false);
    checker.postMessage = post;
    checker.reply({ type: 'deadlock', id: checker.last.id, report: { deadlocked: false } });
    await expect(first).resolves.toEqual({ deadlocked: false });
  });
});

describe('SolverClient watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('treats a worker that stops answering as crashed, but not one that keeps reporting progress', async () => {
    const { client, workers } = setup(1000);
    const promise = client.solve(level);
    const id = workers[0]!.last.id;
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      workers[0]!.reply({ type: 'progress', id, progress: progress(i) });
    }
    expect(client.solving).toBe(true);
    vi.advanceTimersByTime(1001);
    await expect(promise).rejects.toThrow(/stopped responding/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('is quiet when nothing is pending', () => {
    const { client, workers } = setup(1000);
    const promise = client.solve(level);
    workers[0]!.reply({ type: 'result', id: workers[0]!.last.id, result: solved });
    vi.advanceTimersByTime(10_000);
    expect(workers[0]!.terminated).toBe(false);
    return expect(promise).resolves.toEqual(solved);
  });
});
