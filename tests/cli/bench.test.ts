// @vitest-environment node
/**
 * The benchmark's machinery (argument parsing, statistics, the worker pool's handling of
 * overruns and crashes, the TypeScript worker). The benchmark itself never runs in tests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  type BenchRow,
  main as benchMain,
  rowFromOutcome,
  summarise,
  summaryTable,
} from '../../src/cli/bench';
import { hardLimitMs, runPool, type PoolOutcome, type PoolTask } from '../../src/cli/bench-pool';
import { parseBenchArgs } from '../../src/cli/options';
import { median, percentile } from '../../src/cli/stats';
import { startTsWorker } from '../../src/cli/ts-worker';
import { isSolved, parseCollection, replay, startPosition, type Level } from '../../src/sokoban';
import { COLLECTION } from './fixtures';

function fixtureLevels(): Level[] {
  const parsed = parseCollection(COLLECTION);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.entries.flatMap((e) => (e.ok ? [e.level] : []));
}

describe('bench arguments', () => {
  it('reads files and options, with defaults', () => {
    const parsed = parseBenchArgs([
      'a.txt',
      'b.txt',
      '--time-limit',
      '2.5',
      '--jobs',
      '2',
      '--mode',
      'optimal',
      '--limit-levels',
      '10',
      '--out',
      'x.json',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        files: ['a.txt', 'b.txt'],
        timeLimitMs: 2500,
        mode: 'optimal',
        memoryLimitMb: undefined,
        jobs: 2,
        out: 'x.json',
        limitLevels: 10,
      },
    });
    expect(parseBenchArgs(['a.txt'])).toMatchObject({
      ok: true,
      value: { timeLimitMs: 10_000, mode: 'fast', jobs: 1 },
    });
  });

  it.each([
    [[]],
    [['a.txt', '--jobs', '0']],
    [['a.txt', '--jobs', '1.5']],
    [['a.txt', '--mode', 'quick']],
    [['a.txt', '--what']],
  ])('refuses %j', (argv) => {
    expect(parseBenchArgs(argv).ok).toBe(false);
  });
});

describe('statistics', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1], 90)).toBe(10);
    expect(percentile([7], 50)).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('summarises a file: counts, times over searched and solved levels, nodes per second, peak memory', () => {
    const row = (
      status: BenchRow['status'],
      ms: number,
      nodes: number,
      peak: number | null,
    ): BenchRow => ({
      file: 'f',
      index: 1,
      title: '',
      status,
      moves: null,
      pushes: null,
      optimal: null,
      fewestMoves: null,
      ms,
      wallMs: ms,
      nodes,
      nodesPerSecond: status === 'timeout' || status === 'invalid' ? null : nodes / (ms / 1000),
      peakMemoryMb: peak,
      baselineMemoryMb: peak,
      message: null,
      solution: null,
    });
    const s = summarise(
      'f',
      [
        row('solved', 10, 100, 20),
        row('solved', 30, 300, 40),
        row('limit', 1000, 10_000, 90),
        row('invalid', 0, 0, null),
        row('timeout', 3000, 0, null),
      ],
      4.04,
    );
    expect(s.levels).toBe(5);
    expect(s.counts).toMatchObject({ solved: 2, limit: 1, invalid: 1, timeout: 1, crashed: 0 });
    expect(s.medianMs).toBe((30 + 1000) / 2); // the four searched levels
    expect(s.medianSolvedMs).toBe(20);
    expect(s.nodesPerSecond).toBe(Math.round(10_400 / 1.04));
    expect(s.peakMemoryMb).toBe(90);
    expect(s.wallSeconds).toBe(4);
  });

  it('optimal mode: counts proven push-optimal solutions and, among them, proven fewest moves', () => {
    const row = (optimal: boolean, fewestMoves: boolean): BenchRow => ({
      file: 'f',
      index: 1,
      title: '',
      status: 'solved',
      moves: 9,
      pushes: 3,
      optimal,
      fewestMoves,
      ms: 5,
      wallMs: 5,
      nodes: 50,
      nodesPerSecond: 10_000,
      peakMemoryMb: 20,
      baselineMemoryMb: 20,
      message: null,
      solution: 'rRR',
    });
    const s = summarise('f', [row(true, true), row(true, false), row(false, false)], 1);
    expect(s).toMatchObject({ optimalSolved: 2, fewestMovesSolved: 1 });
    const [head, , line] = summaryTable([s], 'optimal');
    expect(head).toContain('| proven optimal (fewest moves too) |');
    expect(line).toContain('| 3 / 3 | 2 (1) |');
    expect(summaryTable([s], 'fast')[0]).not.toContain('proven optimal');
  });
});

/** A JavaScript worker that misbehaves on command, to exercise the pool without an engine. */
const MISBEHAVING = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const t = m.level.title;
  if (t === 'hang') for (;;) {}
  if (t === 'throw') throw new Error('kaboom');
  if (t === 'exit') process.exit(3);
  if (t === 'oom') { const a = []; for (;;) a.push(new Array(100000).fill(Math.random())); }
  parentPort.postMessage({ type: 'result', id: m.id, result: { status: 'limit', reason: 'time', message: t, nodes: 5, ms: 1 }, memory: { baselineBytes: 1, peakBytes: 2, samples: 1 } });
});
parentPort.postMessage({ type: 'ready' });
`;

describe('the worker pool', () => {
  const level = fixtureLevels()[0]!;
  // Running out of heap takes V8 a few full collections; on a loaded machine that outlasted the
  // 2 s hard limit of a 100 ms task, and the out-of-memory level was recorded as a timeout.
  const task = (title: string): PoolTask => ({
    level: { ...level, title },
    options: { mode: 'fast', timeLimitMs: title === 'oom' ? 30_000 : 100 },
  });

  it('records a hung level as timeout, crashes and exits as crashed, and goes on with fresh workers', async () => {
    let spawned = 0;
    const spawn = () => {
      spawned++;
      return new Worker(MISBEHAVING, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: 64 },
      });
    };
    const titles = ['a', 'hang', 'b', 'throw', 'c', 'exit', 'oom', 'd'];
    const seen: number[] = [];
    const outcomes = await runPool(titles.map(task), 1, spawn, (i) => seen.push(i));
    const kinds = outcomes.map((o: PoolOutcome) => o.kind);
    expect(kinds).toEqual([
      'result',
      'timeout',
      'result',
      'crashed',
      'result',
      'crashed',
      'crashed',
      'result',
    ]);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(outcomes[1]!.wallMs).toBeGreaterThanOrEqual(hardLimitMs(100) - 50);
    expect((outcomes[3] as { message: string }).message).toContain('kaboom');
    expect((outcomes[5] as { message: string }).message).toContain('code 3');
    expect((outcomes[6] as { message: string }).message).toContain('out of memory');
    // The first worker, plus a fresh one after each worker lost to a hang, a throw, an exit and the heap.
    expect(spawned).toBe(5);
  }, 30_000);

  it('runs levels on several workers at once and returns the outcomes in task order', async () => {
    let spawned = 0;
    const spawn = () => {
      spawned++;
      return new Worker(MISBEHAVING, { eval: true });
    };
    const titles = ['p', 'q', 'r', 's', 't'];
    const outcomes = await runPool(titles.map(task), 2, spawn, () => {});
    expect(spawned).toBe(2);
    expect(
      outcomes.map((o) =>
        o.kind === 'result' && o.result.status === 'limit' ? o.result.message : o.kind,
      ),
    ).toEqual(titles);
  });

  it('runs the real engine in a TypeScript worker thread, and its solutions replay', async () => {
    const levels = fixtureLevels();
    const tasks = levels.map((l) => ({
      level: l,
      options: { mode: 'fast' as const, timeLimitMs: 20_000 },
    }));
    const outcomes = await runPool(
      tasks,
      1,
      () => startTsWorker(new URL('../../src/cli/bench-worker.ts', import.meta.url)),
      () => {},
    );
    const rows = outcomes.map((o, i) =>
      rowFromOutcome('fixture', i + 1, levels[i]!.title, levels[i]!, o),
    );
    expect(rows.map((r) => r.status)).toEqual([
      'solved',
      'solved',
      'solved',
      'unsolvable',
      'solved',
    ]);
    for (const [i, r] of rows.entries()) {
      expect(r.peakMemoryMb).toBeGreaterThan(0);
      if (r.status !== 'solved') continue;
      const replayed = replay(levels[i]!, startPosition(levels[i]!), r.solution!);
      expect(replayed.error).toBeUndefined();
      expect(isSolved(levels[i]!, replayed.position)).toBe(true);
    }
  }, 60_000);
});

describe('npm run bench (on the test collection, not a benchmark)', () => {
  it('writes a JSON file with settings, machine, a summary per file and a verified row per level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
    try {
      const file = join(dir, 'collection.txt');
      writeFileSync(file, COLLECTION);
      const outPath = join(dir, 'out', 'rows.json');
      const out: string[] = [];
      const err: string[] = [];
      const code = await benchMain(
        [file, '--time-limit', '20', '--limit-levels', '5', '--out', outPath],
        (l) => out.push(l),
        (l) => err.push(l),
      );
      expect(code).toBe(0);
      expect(err).toEqual([]);
      const report = JSON.parse(readFileSync(outPath, 'utf8')) as {
        settings: object;
        machine: { nproc: number };
        rows: BenchRow[];
        summaries: object[];
      };
      expect(report.settings).toMatchObject({
        mode: 'fast',
        timeLimitMs: 20_000,
        jobs: 1,
        limitLevels: 5,
      });
      expect(report.machine.nproc).toBeGreaterThan(0);
      expect(report.rows.map((r: BenchRow) => [r.index, r.status])).toEqual([
        [1, 'solved'],
        [2, 'solved'],
        [3, 'solved'],
        [4, 'invalid'],
        [5, 'unsolvable'],
      ]);
      const levels = parseCollection(COLLECTION);
      if (!levels.ok) throw new Error('fixture');
      for (const row of report.rows) {
        if (row.status !== 'solved') continue;
        const entry = levels.entries[row.index - 1]!;
        if (!entry.ok) throw new Error('fixture');
        const replayed = replay(entry.level, startPosition(entry.level), row.solution!);
        expect(isSolved(entry.level, replayed.position)).toBe(true);
      }
      expect(report.summaries[0]).toMatchObject({
        file,
        levels: 5,
        counts: { solved: 3, invalid: 1, unsolvable: 1 },
      });
      expect(out.some((l) => l.startsWith(`| ${file} | 3 / 5 |`))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a missing file with one stderr line and exit 2', async () => {
    const err: string[] = [];
    expect(
      await benchMain(
        ['/nonexistent/levels.txt'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err).toHaveLength(1);
  });
});
