// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_POOL_SIZE, type PoolOutcome, SolverPool, poolSize } from '../../src/worker/pool';
import type { Level } from '../../src/sokoban';
import type { SolverRequest } from '../../src/worker/protocol';
import { fakeFactory } from './fake-worker';
import { engineFactory } from './engine-worker';
import { SOLVED, TINY } from './fixtures';
import { parseCollection } from '../../src/sokoban';
import { COLLECTION } from '../cli/fixtures';

/** TINY under another title, so a test can tell the levels apart. */
const level = (n: number): Level => ({ ...TINY, title: `L${n}` });
const solved = SOLVED;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('poolSize', () => {
  it('keeps a core for the page, uses at least one worker and at most eight', () => {
    expect(poolSize(2)).toBe(1);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(4)).toBe(3);
    expect(poolSize(64)).toBe(MAX_POOL_SIZE);
    expect(poolSize(undefined)).toBe(1);
    expect(poolSize(Number.NaN)).toBe(1);
  });
});

describe('SolverPool', () => {
  it('spreads the levels over its workers, one at a time each, and reports every one', async () => {
    const { create, workers } = fakeFactory();
    const pool = new SolverPool({ size: 3, createWorker: create, stallTimeoutMs: 0 });
    const tasks = [1, 2, 3, 4, 5].map((n) => ({ key: n, level: level(n) }));
    const done: number[] = [];
    const running = pool.run(tasks, { mode: 'fast', timeLimitMs: 1000 }, (task, outcome) => {
      expect(outcome.ok).toBe(true);
      done.push(task.key);
    });
    await tick();
    expect(workers).toHaveLength(3);
    expect(workers.map((w) => w.posted.length)).toEqual([1, 1, 1]);
    expect(workers[0]!.last).toMatchObject({
      type: 'solve',
      level: level(1),
      options: { mode: 'fast', timeLimitMs: 1000 },
    });
    // The second worker answers first: it takes the next level.
    const second = workers[1]!.last as Extract<SolverRequest, { type: 'solve' }>;
    workers[1]!.reply({ type: 'result', id: second.id, result: solved });
    await tick();
    expect(done).toEqual([2]);
    expect(workers[1]!.posted).toHaveLength(2);
    // Then every worker answers whatever it was last given, until all five are in.
    const answered = new Set<number>([second.id]);
    for (let round = 0; round < 3; round++) {
      for (const w of workers) {
        const last = w.last as Extract<SolverRequest, { type: 'solve' }>;
        if (answered.has(last.id)) continue;
        answered.add(last.id);
        w.reply({ type: 'result', id: last.id, result: solved });
      }
      await tick();
    }
    await expect(running).resolves.toBe(true);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toHaveLength(3); // no worker was replaced
  });

  it('marks the level of a worker that crashes as failed, replaces the worker and goes on', async () => {
    const { create, workers } = fakeFactory();
    const pool = new SolverPool({ size: 1, createWorker: create, stallTimeoutMs: 0 });
    const outcomes: [number, PoolOutcome][] = [];
    const running = pool.run(
      [1, 2].map((n) => ({ key: n, level: level(n) })),
      {},
      (task, outcome) => outcomes.push([task.key, outcome]),
    );
    await tick();
    workers[0]!.crash('RangeError: Array buffer allocation failed');
    await tick();
    expect(outcomes[0]).toEqual([
      1,
      { ok: false, message: expect.stringMatching(/ran out of memory/), outOfMemory: true },
    ]);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const next = workers[1]!.last as Extract<SolverRequest, { type: 'solve' }>;
    expect(next.level.title).toBe('L2');
    workers[1]!.reply({ type: 'result', id: next.id, result: solved });
    await expect(running).resolves.toBe(true);
    expect(outcomes[1]).toEqual([2, { ok: true, result: solved }]);
  });

  it('treats an engine error reply as that level failing, and a silent worker as dead', async () => {
    const { create, workers } = fakeFactory();
    const pool = new SolverPool({ size: 1, createWorker: create, stallTimeoutMs: 30 });
    const outcomes: PoolOutcome[] = [];
    const running = pool.run(
      [1, 2].map((n) => ({ key: n, level: level(n) })),
      {},
      (_task, outcome) => outcomes.push(outcome),
    );
    await tick();
    const first = workers[0]!.last as Extract<SolverRequest, { type: 'solve' }>;
    workers[0]!.reply({ type: 'error', id: first.id, message: 'Error: boom', outOfMemory: false });
    await tick();
    expect(outcomes[0]).toMatchObject({ ok: false, message: 'The solver failed: Error: boom' });
    // The second level is never answered: the watchdog ends the worker.
    await expect(running).resolves.toBe(true);
    expect(outcomes[1]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/stopped responding/),
    });
  });

  it('cancel stops every worker at once and reports nothing more', async () => {
    const { create, workers } = fakeFactory();
    const pool = new SolverPool({ size: 2, createWorker: create, stallTimeoutMs: 0 });
    const done: number[] = [];
    const running = pool.run(
      [1, 2, 3].map((n) => ({ key: n, level: level(n) })),
      {},
      (task) => done.push(task.key),
    );
    await tick();
    pool.cancel();
    await expect(running).resolves.toBe(false);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(done).toEqual([]);
    // A late answer from a stopped worker is ignored.
    const first = workers[0]!.posted[0] as Extract<SolverRequest, { type: 'solve' }>;
    workers[0]!.reply({ type: 'result', id: first.id, result: solved });
    await tick();
    expect(done).toEqual([]);
  });

  it('solves a real collection with the real engine on two workers', async () => {
    const { create } = engineFactory();
    const pool = new SolverPool({ size: 2, createWorker: create, stallTimeoutMs: 0 });
    const parsed = parseCollection(COLLECTION);
    if (!parsed.ok) throw new Error('fixture');
    const tasks = parsed.entries.flatMap((e, i) => (e.ok ? [{ key: i, level: e.level }] : []));
    const statuses = new Map<number, string>();
    await expect(
      pool.run(tasks, { mode: 'optimal', timeLimitMs: 10_000 }, (task, outcome) =>
        statuses.set(task.key, outcome.ok ? outcome.result.status : 'failed'),
      ),
    ).resolves.toBe(true);
    expect([...statuses].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 'solved'],
      [1, 'solved'],
      [2, 'solved'],
      [4, 'unsolvable'],
      [5, 'solved'],
    ]);
  });
});
