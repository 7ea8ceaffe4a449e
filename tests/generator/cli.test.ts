// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/generate';
import { isSolved, parseCollection, printBoard, replay, startPosition } from '../../src/sokoban';

function run(argv: string[]): { code: number; out: string; err: string[] } {
  let out = '';
  const err: string[] = [];
  const code = main(argv, { stdout: (t) => (out += t), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run generate', () => {
  it('prints an XSB collection with "; N" headers that the parser reads back', () => {
    const { code, out, err } = run(['--count', '3', '--seed', '40', '--boxes', '3']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const parsed = parseCollection(out);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.entries.map((e) => e.title)).toEqual(['1', '2', '3']);
    expect(parsed.entries.every((e) => e.ok && e.level.boxes.length === 3)).toBe(true);
    expect(out).toMatch(/^; seed 40, 10x10, 3 boxes, min pushes 10: \d+ pushes \(optimal\)/m);
    expect(out).toMatch(/^; seed 42, /m);
  });

  it('prints the same bytes for the same arguments, other bytes for another seed', () => {
    const args = ['--count', '2', '--seed', '9', '--size', '9x8', '--min-pushes', '5'];
    expect(run(args).out).toBe(run(args).out);
    expect(run([...args.slice(0, 2), '--seed', '10']).out).not.toBe(run(args).out);
  });

  it('with --json prints one line per level whose solution replays to solved', () => {
    const { code, out } = run(['--count', '2', '--json', '--seed', '3']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) {
      const row = JSON.parse(line) as { xsb: string; solution: string; pushes: number };
      expect(row).toMatchObject({ index: i + 1, seed: 3 + i, boxes: 4, optimal: true });
      const parsed = parseCollection(row.xsb);
      if (!parsed.ok || !parsed.entries[0]!.ok) throw new Error('unreadable board');
      const level = parsed.entries[0]!.level;
      expect(printBoard(level)).toBe(row.xsb);
      const played = replay(level, startPosition(level), row.solution);
      expect(played.error).toBeUndefined();
      expect(isSolved(level, played.position)).toBe(true);
      expect(played.moves.replace(/[lurd]/g, '')).toHaveLength(row.pushes);
    }
  });

  it('refuses bad arguments with status 2 and the usage', () => {
    for (const argv of [
      ['--boxes', '9'],
      ['--size', '10'],
      ['--seed', 'abc'],
      ['--count', '0'],
      ['--wat'],
    ]) {
      const { code, out, err } = run(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.join('\n')).toMatch(/usage: npm run generate/);
    }
  });
});
