import { describe, expect, it } from 'vitest';
import {
  type CellKind,
  cellKind,
  defaultTheme,
  describeBoard,
  draw,
  drawCell,
  insideCells,
} from '../../src/render';
import { parseLevel, startPosition, type Level } from '../../src/sokoban';
import { fakeContext } from './fake-context';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

// Row 1: player on goal, box on goal, box, goal; row 2: floor, floor, box, floor.
const MIXED = level(['######', '#+*$.#', '#  $ #', '######'].join('\n'));

const KINDS: CellKind[] = ['wall', 'floor', 'goal', 'box', 'boxOnGoal', 'player', 'playerOnGoal'];

/** The drawing commands of one cell with every colour and line setting left out: its shape. */
function shape(kind: CellKind): string {
  const { ctx, calls } = fakeContext();
  drawCell(ctx, kind, 0, 0, 40, defaultTheme);
  return calls
    .filter((c) => !c.name.startsWith('set '))
    .map(
      (c) =>
        `${c.name}(${c.args.map((a) => (typeof a === 'number' ? a.toFixed(1) : String(a))).join(',')})`,
    )
    .join(' ');
}

describe('cell kinds', () => {
  it('tells walls, floor, goals, boxes and the player apart', () => {
    const p = startPosition(MIXED);
    const kinds = [7, 8, 9, 10, 13, 14, 15, 16, 0].map((c) => cellKind(MIXED, p, c));
    expect(kinds).toEqual([
      'playerOnGoal',
      'boxOnGoal',
      'box',
      'goal',
      'floor',
      'floor',
      'box',
      'floor',
      'wall',
    ]);
  });

  it('leaves floor outside the walls undrawn', () => {
    const l = level(['  ####', '###  #', '#@$. #', '######'].join('\n'));
    const inside = insideCells(l);
    expect(inside[0]).toBe(0); // outside, top-left
    expect(cellKind(l, startPosition(l), 0)).toBe('outside');
    expect(cellKind(l, startPosition(l), 10)).toBe('floor');
  });
});

describe('drawing', () => {
  it('gives every kind of square its own shape, not only its own colour', () => {
    const shapes = KINDS.map(shape);
    expect(new Set(shapes).size).toBe(KINDS.length);
  });

  it('draws nothing for outside cells', () => {
    const { ctx, calls } = fakeContext();
    drawCell(ctx, 'outside', 0, 0, 40, defaultTheme);
    expect(calls).toEqual([]);
  });

  it('draws the whole board: one cell per square, at its place', () => {
    const { ctx, calls } = fakeContext();
    draw(ctx, MIXED, startPosition(MIXED), defaultTheme, 10);
    expect(calls[0]).toEqual({
      name: 'clearRect',
      args: [0, 0, MIXED.width * 10, MIXED.height * 10],
    });
    // Every non-outside square paints a 10×10 base rectangle at its own corner.
    const bases = calls
      .filter((c) => c.name === 'fillRect' && c.args[2] === 10 && c.args[3] === 10)
      .map((c) => c.args.slice(0, 2).join(','));
    expect(bases).toContain('10,10'); // player on goal, row 1 col 1
    expect(bases).toContain('40,20'); // floor, row 2 col 4
    expect(bases).toHaveLength(MIXED.width * MIXED.height);
  });

  it('paints no square outside the walls', () => {
    const l = level(['  ####', '###  #', '#@$. #', '######'].join('\n'));
    const { ctx, calls } = fakeContext();
    draw(ctx, l, startPosition(l), defaultTheme, 10);
    const bases = calls
      .filter((c) => c.name === 'fillRect' && c.args[2] === 10 && c.args[3] === 10)
      .map((c) => c.args.slice(0, 2).join(','));
    expect(bases).not.toContain('0,0');
    expect(bases).not.toContain('10,0');
    expect(bases).toContain('20,0');
  });

  it('rings a selected box', () => {
    const plain = fakeContext();
    draw(plain.ctx, MIXED, startPosition(MIXED), defaultTheme, 10);
    const ringed = fakeContext();
    draw(ringed.ctx, MIXED, startPosition(MIXED), defaultTheme, 10, { selected: 9 });
    expect(ringed.calls.length).toBeGreaterThan(plain.calls.length);
    expect(
      ringed.calls.some(
        (c) => c.name === 'set strokeStyle' && c.args[0] === defaultTheme.selection,
      ),
    ).toBe(true);
  });
});

describe('board description', () => {
  it('says the size, the boxes on goals and where the player is', () => {
    expect(describeBoard(MIXED, startPosition(MIXED), false)).toBe(
      'Sokoban board 6 by 4: 3 boxes, 1 on goal; player at row 2, column 2.',
    );
    expect(describeBoard(MIXED, startPosition(MIXED), true)).toMatch(/; solved\.$/);
  });
});
