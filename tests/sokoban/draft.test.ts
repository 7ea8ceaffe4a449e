import { describe, expect, it } from 'vitest';
import {
  type Draft,
  draftLevel,
  draftOf,
  draftText,
  emptyDraft,
  grow,
  paint,
  shrink,
} from '../../src/sokoban/draft';
import { parseLevel, printBoard } from '../../src/sokoban';
import { deadSquares } from '../../src/solver/dead-squares';

function fromRows(rows: string[]): Draft {
  const width = Math.max(...rows.map((r) => r.length));
  return { width, height: rows.length, cells: rows.map((r) => r.padEnd(width)).join('') };
}

describe('draft editing', () => {
  it('paints each tool and keeps one player', () => {
    let d = emptyDraft(4, 3);
    d = paint(d, 0, 'wall');
    d = paint(d, 1, 'goal');
    d = paint(d, 1, 'box');
    d = paint(d, 2, 'player');
    d = paint(d, 5, 'player');
    expect(draftText(d)).toBe('#*\n @\n'); // the third row is empty
    d = paint(d, 1, 'erase');
    expect(d.cells[1]).toBe('.');
    d = paint(d, 1, 'erase');
    expect(d.cells[1]).toBe(' ');
    d = paint(d, 5, 'goal');
    expect(d.cells[5]).toBe('+');
    d = paint(d, 5, 'floor');
    expect(d.cells[5]).toBe(' ');
    expect(paint(d, 99, 'wall')).toBe(d);
    expect(paint(d, 0, 'wall')).toBe(d);
  });

  it('adds and removes rows and columns on every side, within limits', () => {
    const d = fromRows(['#@#', '#.#', '#$#']);
    expect(draftText(grow(d, 'top'))).toBe('\n#@#\n#.#\n#$#');
    expect(grow(d, 'left').cells).toBe(' #@# #.# #$#');
    expect(shrink(grow(d, 'right'), 'right')).toEqual(d);
    expect(shrink(d, 'bottom')).toBe(d); // 3 is the smallest side
    expect(shrink(grow(d, 'bottom'), 'top').cells).toBe('#.##$#   ');
  });

  it('round-trips a level through a draft', () => {
    const parsed = parseLevel('#####\n#@$.#\n#####');
    if (!parsed.ok) throw new Error('fixture');
    const check = draftLevel(draftOf(parsed.level));
    expect(check.ok && printBoard(check.level)).toBe('#####\n#@$.#\n#####');
  });
});

describe('draft checks', () => {
  it("says what is missing, in the parser's words", () => {
    const msg = (rows: string[]) => {
      const c = draftLevel(fromRows(rows));
      return c.ok ? 'ok' : c.error.message;
    };
    expect(msg(['    ', '    '])).toMatch(/No walls yet/);
    expect(msg(['#####', '# $.#', '#####'])).toMatch(/No player/);
    expect(msg(['#####', '#@ .#', '#####'])).toMatch(/No boxes/);
    expect(msg(['#####', '#@$$.#', '######'])).toMatch(/differ in number/);
    expect(msg(['#####', '#@$. ', '#####'])).toMatch(/not closed/);
    expect(msg(['#####', '#@$.#', '     ', '#####', '#   #'])).toMatch(/not closed/);
    expect(msg(['#####', '#@$.#', '#####'])).toBe('ok');
  });

  it('leaves empty edges out and tells where the level sits', () => {
    const c = draftLevel(fromRows(['       ', '  #####', '  #@$.#', '  #####', '       ']));
    expect(c).toMatchObject({ ok: true, row: 1, col: 2 });
    expect(c.ok && c.level.width).toBe(5);
  });
});

describe('deadSquares', () => {
  it('marks corners and wall runs without goals, not squares a box can leave toward a goal', () => {
    const parsed = parseLevel(['######', '#@   #', '# $ .#', '#    #', '######'].join('\n'));
    if (!parsed.ok) throw new Error('fixture');
    const dead = deadSquares(parsed.level);
    const at = (r: number, c: number) => r * 6 + c;
    expect(dead).toContain(at(1, 1)); // corner
    expect(dead).toContain(at(3, 1)); // corner
    expect(dead).toContain(at(1, 2)); // along the top wall, no goal on it
    expect(dead).not.toContain(at(2, 2));
    expect(dead).not.toContain(at(2, 4)); // the goal itself
    expect(dead).toContain(at(1, 4)); // a corner, even right above the goal
    expect(dead).toContain(at(3, 4)); // the bottom right corner
    expect(dead).not.toContain(at(2, 3));
  });
});
