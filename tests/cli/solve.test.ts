// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type SolveIo } from '../../src/cli/solve';
import {
  countPushes,
  isSolved,
  parseCollection,
  replay,
  startPosition,
  type Level,
} from '../../src/sokoban';
import type { SolveResult } from '../../src/solver/api';
import { solve as realSolve } from '../../src/solver/index';
import { BAD_CHAR_PLACE, COLLECTION, EXPECTED_STATUS, TITLES } from './fixtures';
import type { SolveLine } from '../../src/cli/report';

/** One line of `--json` output, typed by the CLI's contract (the tests check the values). */
const parseLine = (line: string) => JSON.parse(line) as SolveLine;

const KEYS = ['index', 'title', 'status', 'solution', 'moves', 'pushes', 'ms', 'nodes', 'message'];

let dir: string;
let collectionPath: string;
let emptyPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'solve-cli-'));
  collectionPath = join(dir, 'collection.txt');
  writeFileSync(collectionPath, COLLECTION);
  emptyPath = join(dir, 'empty.txt');
  writeFileSync(emptyPath, '; only a comment\nsome text, but no board\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  argv: string[],
  extra: Partial<SolveIo> = {},
): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), ...extra });
  return { code, out, err };
}

const levels = (): Level[] => {
  const parsed = parseCollection(COLLECTION);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.entries.map((e) => (e.ok ? e.level : (null as unknown as Level)));
};

function expectReplaysToSolved(level: Level, solution: string): void {
  const replayed = replay(level, startPosition(level), solution);
  expect(replayed.error).toBeUndefined();
  expect(replayed.moves).toBe(solution); // pushes already upper case
  expect(isSolved(level, replayed.position)).toBe(true);
}

describe('npm run solve -- FILE --json', () => {
  it('prints exactly one valid JSON object per level, in the contract key order, and nothing else', () => {
    const { code, out, err } = run([collectionPath, '--json', '--time-limit', '20']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(TITLES.length);
    const rows = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(KEYS);
      expect(row.index).toBe(i + 1);
      expect(row.title).toBe(TITLES[i]);
      expect(row.status).toBe(EXPECTED_STATUS[i]);
      expect(typeof row.ms).toBe('number');
      expect(typeof row.nodes).toBe('number');
    });
  });

  it('reports solutions that replay to solved through src/sokoban, with their lengths', () => {
    const { out } = run([collectionPath, '--json']);
    const all = levels();
    const solved = out.map(parseLine).filter((r) => r.status === 'solved');
    expect(solved.length).toBe(EXPECTED_STATUS.filter((s) => s === 'solved').length);
    for (const row of solved) {
      const level = all[row.index - 1]!;
      expect(typeof row.solution).toBe('string');
      expectReplaysToSolved(level, row.solution!);
      expect(row.moves).toBe(row.solution!.length);
      expect(row.pushes).toBe(countPushes(row.solution!));
      expect(row.message).toBeNull();
    }
    // The already-solved level needs no move at all.
    expect(solved.find((r) => r.title === 'Already home')).toMatchObject({
      solution: '',
      moves: 0,
      pushes: 0,
    });
  });

  it("gives an invalid level the parser's message with its line and column, and no solution", () => {
    const row = parseLine(run([collectionPath, '--json']).out[3]!);
    expect(row).toMatchObject({
      index: 4,
      status: 'invalid',
      solution: null,
      moves: null,
      pushes: null,
    });
    expect(row.message).toContain('Unknown character "x"');
    expect(row.message).toContain(`line ${BAD_CHAR_PLACE.line}, column ${BAD_CHAR_PLACE.column}`);
  });

  it('calls a level with a box stuck in a corner unsolvable, with a reason', () => {
    const row = parseLine(run([collectionPath, '--json']).out[4]!);
    expect(row.status).toBe('unsolvable');
    expect(row.solution).toBeNull();
    expect(typeof row.message).toBe('string');
    expect(row.message!.length).toBeGreaterThan(0);
  });

  it('--level N solves only the N-th level (1-based), optimal mode included', () => {
    const { code, out } = run([collectionPath, '--json', '--level', '3', '--mode', 'optimal']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const row = parseLine(out[0]!);
    expect(row).toMatchObject({ index: 3, title: 'Two boxes', status: 'solved' });
    expectReplaysToSolved(levels()[2]!, row.solution!);
  });

  it('without --json prints readable lines and a summary', () => {
    const { code, out } = run([collectionPath]);
    expect(code).toBe(0);
    expect(out.some((l) => /One push\s+solved\s+1\/1/.test(l))).toBe(true);
    expect(out.some((l) => /Broken\s+invalid\s+Unknown character/.test(l))).toBe(true);
    expect(out.at(-1)).toBe('6 levels: 4 solved, 1 unsolvable, 1 invalid');
  });
});

describe('npm run solve: failures', () => {
  it('a missing file: one line on stderr, nothing on stdout, exit 2', () => {
    const { code, out, err } = run([join(dir, 'missing.txt'), '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]!.split('\n')).toHaveLength(1);
    expect(err[0]).toContain('missing.txt');
  });

  it('a file without any level: one line on stderr, exit 2', () => {
    const { code, out, err } = run([emptyPath, '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]!.split('\n')).toHaveLength(1);
    expect(err[0]).toMatch(/No board found/);
  });

  it.each([
    [[]],
    [['a.txt', 'b.txt']],
    [['FILE', '--mode', 'slow']],
    [['FILE', '--level', '0']],
    [['FILE', '--level', 'two']],
    [['FILE', '--time-limit', '-1']],
    [['FILE', '--bogus']],
  ])('bad arguments %j: usage on stderr, exit 2', (argv) => {
    const { code, out, err } = run(argv.map((a) => (a === 'FILE' ? collectionPath : a)));
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('usage: npm run solve');
  });

  it.each([
    ['a 400-digit count (no board)', '9'.repeat(400) + '()\n', /No board found/],
    ['a text over the size limit', '#'.repeat(1_000_001), /too large/],
    ['more boards than the limit', '#\n\n'.repeat(10_001), /more than 10,000 boards/],
  ])('hostile file, %s: one stderr line, exit 2, no stack trace', (_name, text, message) => {
    const path = join(dir, 'hostile.txt');
    writeFileSync(path, text);
    const { code, out, err } = run([path, '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]!.split('\n')).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('hostile boards (20,000 nested groups, 40000-wall rows) are invalid lines, not crashes', () => {
    const path = join(dir, 'hostile-boards.txt');
    writeFileSync(path, '#' + '('.repeat(20_000) + '\n\n' + '40000#\n'.repeat(130_000));
    const { code, out, err } = run([path, '--json']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const rows = out.map(parseLine);
    expect(rows.map((r) => r.status)).toEqual(['invalid', 'invalid']);
    expect(rows[0]!.message).toMatch(/nested more than 100 deep\. \(line 1, column 102\)$/);
    expect(rows[1]!.message).toMatch(/too large .*\)\. \(line 3\)$/);
  });

  it('a file over 4 MB is refused before it is read: one stderr line, exit 2', () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, Buffer.alloc(4_000_001, 35));
    const { code, err } = run([path]);
    expect(code).toBe(2);
    expect(err).toEqual([
      expect.stringMatching(/^solve: cannot read .*huge\.txt: it is too large/),
    ]);
  });

  it('--level beyond the end of the file is an error, exit 2', () => {
    const { code, err } = run([collectionPath, '--level', '7']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/out of range.*6 levels/);
  });

  it('never prints "solved" for a solution that does not replay (engine bug), and exits 1', () => {
    const bogus = (): SolveResult => ({
      status: 'solved',
      solution: 'L',
      moves: 1,
      pushes: 1,
      optimal: false,
      nodes: 1,
      ms: 0,
    });
    const { code, out, err } = run([collectionPath, '--json', '--level', '1'], { solve: bogus });
    expect(code).toBe(1);
    const row = parseLine(out[0]!);
    expect(row.status).toBe('error');
    expect(row.solution).toBeNull();
    expect(row.message).toMatch(/move 1 is illegal/);
    expect(err).toHaveLength(1);
  });

  it('an engine exception becomes an error line, and the other levels are still solved', () => {
    let calls = 0;
    const flaky = (level: Level, options: object): SolveResult => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return realSolve(level, options);
    };
    const { code, out } = run([collectionPath, '--json'], { solve: flaky });
    expect(code).toBe(1);
    const rows = out.map(parseLine);
    expect(rows[0]).toMatchObject({ status: 'error', message: 'engine bug: boom' });
    expect(rows[1]!.status).toBe('solved');
  });
});

describe('npm run solve as a real process', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  it('prints only JSON lines on stdout and exits 0', () => {
    const child = spawnSync(
      tsx,
      ['src/cli/solve.ts', collectionPath, '--json', '--time-limit', '20'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    const lines = child.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(0, -1).map(parseLine);
    expect(rows.map((r) => r.status)).toEqual(EXPECTED_STATUS);
  });

  it('exits 2 with one stderr line for a missing file', () => {
    const child = spawnSync(tsx, ['src/cli/solve.ts', join(dir, 'nope.txt'), '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
