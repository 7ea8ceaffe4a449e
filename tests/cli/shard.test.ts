// @vitest-environment node
/** `--shard K/N` on `npm run solve` and `npm run bench`: parsing, the slices, and their merge. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchRow, main as benchMain } from '../../src/cli/bench';
import { parseBenchArgs, parseSolveArgs } from '../../src/cli/options';
import { inShard, parseShard } from '../../src/cli/shard';
import { main as solveMain } from '../../src/cli/solve';
import { COLLECTION, TITLES } from './fixtures';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shard-cli-'));
  file = join(dir, 'collection.txt');
  writeFileSync(file, COLLECTION);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function solve(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = solveMain(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

/** The JSON lines without the timing fields, which differ from run to run. */
function rows(lines: string[]): Record<string, unknown>[] {
  return lines.map((l) => {
    const { ms, nodes, ...rest } = JSON.parse(l) as Record<string, unknown>;
    expect(typeof ms).toBe('number');
    expect(typeof nodes).toBe('number');
    return rest;
  });
}

describe('parseShard', () => {
  it.each([
    ['0/1', 0, 1],
    ['0/4', 0, 4],
    ['3/4', 3, 4],
    [' 2 / 10 ', 2, 10],
  ])('reads %j', (text, k, n) => {
    expect(parseShard(text)).toEqual({ ok: true, shard: { k, n } });
  });

  it.each(['4/4', '5/4', '0/0', '-1/4', '1.5/4', '1/4.0', '1', '/4', '1/', 'a/b', '', '1/2/3'])(
    'refuses %j with a message',
    (text) => {
      const parsed = parseShard(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/--shard/);
    },
  );

  it('slices 1-based indices by (i - 1) mod N = K, every index in exactly one slice', () => {
    const n = 3;
    for (let i = 1; i <= 20; i++) {
      const owners = [0, 1, 2].filter((k) => inShard(i, { k, n }));
      expect(owners).toEqual([(i - 1) % n]);
    }
    expect([1, 2, 3, 4, 5, 6, 7].filter((i) => inShard(i, { k: 1, n: 3 }))).toEqual([2, 5]);
    expect(inShard(5, undefined)).toBe(true);
  });
});

describe('npm run solve -- FILE --shard K/N', () => {
  it('prints only the slice, with the indices of the file', () => {
    const { code, out, err } = solve([file, '--json', '--shard', '1/3']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const got = rows(out);
    expect(got.map((r) => r.index)).toEqual([2, 5]);
    expect(got.map((r) => r.title)).toEqual([TITLES[1], TITLES[4]]);
  });

  it('the slices, merged and sorted by index, are the whole run', () => {
    const whole = rows(solve([file, '--json']).out);
    const merged = [0, 1, 2, 3]
      .flatMap((k) => rows(solve([file, '--json', '--shard', `${k}/4`]).out))
      .sort((a, b) => (a.index as number) - (b.index as number));
    expect(merged).toEqual(whole);
  });

  it('a slice past the end of the file is empty, not an error', () => {
    const { code, out, err } = solve([file, '--json', '--shard', '7/8']);
    expect(code).toBe(0);
    expect(out).toEqual([]);
    expect(err).toEqual([]);
  });

  it('the readable summary names the slice', () => {
    const { out } = solve([file, '--shard', '0/2']);
    expect(out.at(-1)).toBe('3 levels (shard 0/2 of 6): 2 solved, 1 unsolvable');
  });

  it.each([['4/4'], ['x'], ['1/0'], ['-1/2']])(
    '--shard %s: usage on stderr, nothing on stdout, exit 2',
    (value) => {
      const { code, out, err } = solve([file, '--json', '--shard', value]);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/--shard/);
      expect(err.join('\n')).toContain('usage: npm run solve');
    },
  );

  it('refuses --level with --shard', () => {
    const parsed = parseSolveArgs([file, '--level', '2', '--shard', '0/2']);
    expect(parsed).toEqual({ ok: false, message: '--level and --shard cannot be used together' });
    expect(solve([file, '--level', '2', '--shard', '0/2']).code).toBe(2);
  });
});

describe('npm run bench -- FILES --shard K/N', () => {
  it('parses and refuses like solve', () => {
    expect(parseBenchArgs(['a.txt', '--shard', '2/5'])).toMatchObject({
      ok: true,
      value: { shard: { k: 2, n: 5 } },
    });
    const plain = parseBenchArgs(['a.txt']);
    expect(plain.ok && plain.value.shard).toBeUndefined();
    expect(parseBenchArgs(['a.txt', '--shard', '5/5'])).toMatchObject({ ok: false });
  });

  it('bad --shard: usage on stderr, exit 2', async () => {
    const err: string[] = [];
    const code = await benchMain(
      [file, '--shard', 'three/4'],
      () => {},
      (l) => err.push(l),
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('usage: npm run bench');
  });

  it('solves only the slice (after --limit-levels) and records it in the report', async () => {
    const outPath = join(dir, 'bench-shard.json');
    const code = await benchMain(
      [file, '--time-limit', '20', '--limit-levels', '5', '--shard', '0/2', '--out', outPath],
      () => {},
      () => {},
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(outPath, 'utf8')) as {
      settings: { shard: string };
      rows: BenchRow[];
    };
    expect(report.settings.shard).toBe('0/2');
    expect(report.rows.map((r: BenchRow) => [r.index, r.status])).toEqual([
      [1, 'solved'],
      [3, 'solved'],
      [5, 'unsolvable'],
    ]);
  });
});
