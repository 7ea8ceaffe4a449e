// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnalyzeIo, main } from '../../src/cli/analyze';

const KEYS = [
  'step',
  'action',
  'kind',
  'moves',
  'pushes',
  'pushesLeft',
  'status',
  'cause',
  'cycle',
  'wasted',
];

/** A box pushed against the east wall, off the goals' column, is lost. */
const LOSING = ['######', '#.   #', '#  $ #', '#@   #', '######'].join('\n');
/** The same board as a Boxoban file holds it, under "; 7", after another board. */
const BOXOBAN = ['; 6', '#####', '#@$.#', '#####', '', '; 7', LOSING, ''].join('\n');

const FILES: Record<string, string> = {
  'losing.txt': LOSING,
  'boxoban.txt': BOXOBAN,
  'actions.txt': '[0, 3, 3, 1, 2, 3]\n',
  'episode.json': JSON.stringify({ level: '000:7', actions: [0, 3, 3, 1, 2, 3], order: 'udlr' }),
  'bad.json': '{"level": 3, "actions": []}',
};

function run(argv: string[], extra: Partial<AnalyzeIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: (p) => {
      if (p in FILES) return FILES[p]!;
      throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    },
    isFile: (p) => p in FILES,
    ...extra,
  });
  const json = argv.includes('--json');
  return {
    code,
    out,
    err,
    rows: json ? out.map((l) => JSON.parse(l) as Record<string, unknown>) : [],
  };
}

describe('npm run analyze -- FILE --actions ... --json', () => {
  it('prints one line per step in the contract order, step 0 the start, then a summary', () => {
    const { code, err, rows } = run([
      'losing.txt',
      '--actions',
      '0 3 3 1 2 3',
      '--order',
      'udlr',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(rows).toHaveLength(8);
    for (const row of rows.slice(0, 7)) expect(Object.keys(row)).toEqual(KEYS);
    expect(rows.slice(0, 7).map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows[0]).toMatchObject({
      action: null,
      kind: null,
      moves: 0,
      pushes: 0,
      pushesLeft: 3,
      status: 'alive',
    });
    expect(rows[3]).toMatchObject({
      action: 3,
      kind: 'push',
      pushes: 1,
      pushesLeft: null,
      status: 'lost',
      cause: expect.stringMatching(/dead square/),
      wasted: true,
    });
    expect(rows.slice(0, 7).map((r) => r.cycle)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(rows[7]).toMatchObject({
      summary: true,
      order: 'udlr',
      steps: 6,
      moves: 6,
      pushes: 1,
      noops: 0,
      cycleSteps: 2,
      firstLostStep: 3,
      optimalPushes: 3,
      agentPushes: 1,
      solved: false,
    });
  });

  it('reads actions from a file, and Auto reports its pick and every order’s no-ops', () => {
    const { code, rows } = run(['losing.txt', '--actions', 'actions.txt', '--json']);
    expect(code).toBe(0);
    const summary = rows.at(-1)!;
    expect(summary.order).toBe('udlr');
    expect(summary.orderNoops).toEqual({
      udlr: 0,
      urdl: expect.any(Number),
      gym9: expect.any(Number),
      thinker5: expect.any(Number),
    });
    expect(typeof summary.orderClose).toBe('boolean');
  });

  it('counts gym9 no-ops and reads LURD', () => {
    // gym9: 0 no-op, 5 move up, 4 push right (no box ahead: moves), 8 move right into the box: no-op
    const gym = run(['losing.txt', '--actions', '0,5,4,8', '--order', 'gym9', '--json']);
    expect(gym.rows.slice(1, 5).map((r) => r.kind)).toEqual(['noop', 'move', 'move', 'noop']);
    expect(gym.rows.at(-1)).toMatchObject({ noops: 2, moves: 2, pushes: 0 });
    const lurd = run(['losing.txt', '--actions', 'urR', '--json']);
    expect(lurd.rows.slice(1, 4).map((r) => [r.action, r.kind])).toEqual([
      ['u', 'move'],
      ['r', 'move'],
      ['R', 'push'],
    ]);
  });

  it('resolves a Boxoban id in an episode file against FILE', () => {
    const { code, rows } = run(['boxoban.txt', '--actions', 'episode.json', '--json']);
    expect(code).toBe(0);
    expect(rows.at(-1)).toMatchObject({ firstLostStep: 3, optimalPushes: 3 });
  });

  it('prints a readable table without --json', () => {
    const { code, out } = run(['losing.txt', '--actions', '0 3 3', '--order', 'udlr']);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/first lost step: 3; optimal pushes at the start: 3/);
  });
});

describe('npm run analyze: errors exit 2 with one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['nope.txt', '--actions', '1'], /cannot read nope.txt: no such file/],
    [
      'a collection without --level',
      ['boxoban.txt', '--actions', '1'],
      /holds 2 levels: say which with --level N/,
    ],
    [
      'a level out of range',
      ['boxoban.txt', '--level', '3', '--actions', '1'],
      /--level 3 is out of range/,
    ],
    [
      'a bad action, with its place',
      ['losing.txt', '--actions', '1 2\n3 x'],
      /"x" is not an action.*\(line 2, column 3\)/,
    ],
    [
      'a value out of the order',
      ['losing.txt', '--actions', '4', '--order', 'udlr'],
      /Action 1 is 4, outside udlr's 0 to 3/,
    ],
    ['an illegal LURD move', ['losing.txt', '--actions', 'l'], /Move 1 is illegal/],
    [
      'a bad episode file',
      ['losing.txt', '--actions', 'bad.json'],
      /"level" must be XSB text or a Boxoban id/,
    ],
    ['an id with no collection', ['episode.json'], /pass its collection as FILE/],
    [
      'a Boxoban id not in FILE',
      ['losing.txt', '--actions', 'episode.json'],
      /no level titled "7"/,
    ],
  ];
  it.each(cases)('%s', (_, argv, message) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('a bad option prints the message and the usage', () => {
    const { code, err } = run(['losing.txt', '--order', 'lurd', '--actions', '1']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^analyze: --order must be one of udlr, urdl, gym9, thinker5, auto/);
  });
});

describe('npm run analyze as a real process', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  it('analyses the shipped example episode: JSON lines only, exit 0', () => {
    const example = JSON.parse(readFileSync('levels/episode-example.json', 'utf8')) as {
      actions: unknown[];
    };
    const child = spawnSync(tsx, ['src/cli/analyze.ts', 'levels/episode-example.json', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const rows = child.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(rows).toHaveLength(example.actions.length + 2);
    expect(rows.at(-1)).toMatchObject({
      summary: true,
      order: 'udlr',
      noops: 1,
      firstLostStep: 25,
      optimalPushes: 5,
    });
  });
});
