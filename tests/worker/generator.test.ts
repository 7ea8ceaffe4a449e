// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type GeneratorParams, generateLevel, seedAt } from '../../src/generator';
import { isSolved, replay, startPosition } from '../../src/sokoban';
import { GeneratorClient, type GeneratorWorkerLike } from '../../src/worker/generator-client';
import { handleGenerate } from '../../src/worker/generator-handler';
import type { GenerateRequest, GeneratorReply } from '../../src/worker/generator-protocol';

const SMALL: GeneratorParams = { ...DEFAULT_PARAMS, boxes: 2, minPushes: 4, seed: 11 };

function run(request: unknown, generate?: typeof generateLevel): GeneratorReply[] {
  const replies: GeneratorReply[] = [];
  handleGenerate(request, (r) => replies.push(r), generate);
  return replies;
}

describe('generator worker handler', () => {
  it('makes one level per seed from S on, each replayed as solved, then says done', () => {
    const replies = run({ type: 'generate', id: 3, params: SMALL, count: 3 });
    expect(replies.map((r) => r.type)).toEqual(['level', 'level', 'level', 'done']);
    replies.forEach((r, k) => {
      if (r.type !== 'level') return;
      expect(r.id).toBe(3);
      expect(r.index).toBe(k);
      expect(r.level.params.seed).toBe(seedAt(SMALL.seed, k));
      const played = replay(r.level.level, startPosition(r.level.level), r.level.solution);
      expect(played.error).toBeUndefined();
      expect(isSolved(r.level.level, played.position)).toBe(true);
      // Plain data only: it must cross postMessage unchanged.
      expect(structuredClone(r.level)).toEqual(r.level);
      expect('ok' in r.level).toBe(false);
    });
  });

  it('answers bad requests with a message, not an exception', () => {
    expect(run(null)).toEqual([
      { type: 'failed', id: -1, message: 'The generator got a request it does not know.' },
    ]);
    expect(run({ type: 'generate', id: 1, params: SMALL, count: 0 })[0]).toMatchObject({
      type: 'failed',
      message: 'Ask for 1 to 1000 levels.',
    });
    expect(run({ type: 'generate', id: 1, params: SMALL, count: 1.5 })[0]!.type).toBe('failed');
    const bad = run({ type: 'generate', id: 2, params: { ...SMALL, boxes: 9 }, count: 1 });
    expect(bad).toEqual([{ type: 'failed', id: 2, message: expect.stringMatching(/Boxes/) }]);
  });

  it('stops at the first seed that gives no level, and reports a thrown error', () => {
    const failing = run({ type: 'generate', id: 4, params: SMALL, count: 5 }, () => ({
      ok: false,
      message: 'No level found.',
    }));
    expect(failing).toEqual([{ type: 'failed', id: 4, message: 'No level found.' }]);
    const throwing = run({ type: 'generate', id: 5, params: SMALL, count: 1 }, () => {
      throw new Error('boom');
    });
    expect(throwing).toEqual([{ type: 'failed', id: 5, message: 'The generator failed: boom' }]);
  });
});

/** A worker that runs the real handler when told to, so a test can stop it midway. */
class StepWorker implements GeneratorWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  replies: GeneratorReply[] = [];
  postMessage(message: GenerateRequest): void {
    handleGenerate(message, (r) => this.replies.push(r));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Delivers the next `n` replies. */
  deliver(n = Infinity): void {
    for (let i = 0; i < n && this.replies.length > 0; i++)
      this.onmessage?.({ data: this.replies.shift() } as MessageEvent);
  }
}

describe('GeneratorClient', () => {
  it('resolves done with every level, reporting each as it comes', async () => {
    const worker = new StepWorker();
    const client = new GeneratorClient(() => worker);
    const seen: number[] = [];
    const job = client.generate(SMALL, 2, (_l, i) => seen.push(i));
    worker.deliver();
    const outcome = await job;
    expect(outcome.status).toBe('done');
    expect(outcome.levels).toHaveLength(2);
    expect(seen).toEqual([0, 1]);
  });

  it('cancels midway: the worker is terminated and the levels so far are kept', async () => {
    const workers: StepWorker[] = [];
    const client = new GeneratorClient(() => {
      const w = new StepWorker();
      workers.push(w);
      return w;
    });
    const job = client.generate(SMALL, 3);
    workers[0]!.deliver(1);
    client.cancel();
    const outcome = await job;
    expect(outcome.status).toBe('cancelled');
    expect(outcome.levels).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.deliver(); // late replies of the old job change nothing
    // The next job starts a fresh worker.
    const next = client.generate(SMALL, 1);
    expect(workers).toHaveLength(2);
    workers[1]!.deliver();
    expect((await next).status).toBe('done');
  });

  it('ends a job as failed when the worker crashes or cannot start', async () => {
    const worker = new StepWorker();
    worker.postMessage = () => undefined;
    const client = new GeneratorClient(() => worker);
    const job = client.generate(SMALL, 1);
    worker.onerror?.({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent);
    expect(await job).toEqual({
      status: 'failed',
      message: 'The generator stopped (out of memory).',
      levels: [],
    });
    const broken = new GeneratorClient(() => {
      throw new Error('no workers here');
    });
    expect(await broken.generate(SMALL, 1)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/could not start \(no workers here\)/),
    });
  });
});
