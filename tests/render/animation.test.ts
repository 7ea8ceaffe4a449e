import { describe, expect, it } from 'vitest';
import { MARK_COLOUR, defaultTheme, draw } from '../../src/render';
import { between, drawFrame, ease, stepMotion } from '../../src/render/animation';
import { type Level, parseLevel, replay, startPosition } from '../../src/sokoban';
import { fakeContext } from './fake-context';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

// Width 7: the player at cell 10 (row 1, column 3), a box at cell 9 and a goal at cell 8.
const L = level(['#######', '# .$@ #', '#######'].join('\n'));

/** Where the fake context drew arcs (the player's face is the first arc after its fill style). */
function arcs(calls: { name: string; args: unknown[] }[]): [number, number][] {
  return calls
    .filter((c) => c.name === 'arc')
    .map((c): [number, number] => [c.args[0] as number, c.args[1] as number]);
}

describe('animated steps', () => {
  it('stepMotion: a push moves the player one square and the box one square ahead; an undo runs it backwards', () => {
    const after = replay(L, startPosition(L), 'L').position;
    expect(stepMotion(L, after, 'L', true)).toEqual({
      player: { from: 11, to: 10 },
      box: { from: 10, to: 9 },
    });
    // Undo of the push: from the position after it back to the start.
    expect(stepMotion(L, startPosition(L), 'L', false)).toEqual({
      player: { from: 10, to: 11 },
      box: { from: 9, to: 10 },
    });
    expect(stepMotion(L, { player: 11, boxes: [10] }, 'r', true)).toEqual({
      player: { from: 10, to: 11 },
      box: undefined,
    });
    expect(stepMotion(L, startPosition(L), 'x', true)).toBeNull();
  });

  it('ease and between: from the first square to the second, smoothly', () => {
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
    expect(ease(0.5)).toBeCloseTo(0.5);
    expect(ease(-1)).toBe(0);
    expect(ease(0.25)).toBeLessThan(0.25); // slow start
    expect(between(7, 10, 9, 0, 40)).toEqual({ x: 120, y: 40 });
    expect(between(7, 10, 9, 1, 40)).toEqual({ x: 80, y: 40 });
    expect(between(7, 10, 9, 0.5, 40).x).toBeCloseTo(100);
  });

  it('drawFrame halfway draws the player and the pushed box between squares; at t=1 it is the plain board', () => {
    const after = replay(L, startPosition(L), 'L').position;
    const motion = stepMotion(L, after, 'L', true)!;
    const half = fakeContext();
    drawFrame(half.ctx, L, after, defaultTheme, 40, {}, motion, 0.5);
    // The player's face is centred halfway between columns 4 and 3: x = 3.5 * 40 + 20 = 160.
    expect(arcs(half.calls).some(([x, y]) => Math.abs(x - 160) < 0.01 && y === 60)).toBe(true);
    const plain = fakeContext();
    draw(plain.ctx, L, after, defaultTheme, 40);
    const done = fakeContext();
    drawFrame(done.ctx, L, after, defaultTheme, 40, {}, motion, 1);
    expect(done.calls).toEqual(plain.calls);
    // A motion that does not end on this position is ignored (never a piece in two places).
    const stale = fakeContext();
    drawFrame(stale.ctx, L, startPosition(L), defaultTheme, 40, {}, motion, 0.5);
    expect(stale.calls).toEqual(
      ((): unknown[] => {
        const f = fakeContext();
        draw(f.ctx, L, startPosition(L), defaultTheme, 40);
        return f.calls;
      })(),
    );
  });

  it('marked cells get a red ring', () => {
    const { ctx, calls } = fakeContext();
    draw(ctx, L, startPosition(L), defaultTheme, 40, { marked: [9] });
    expect(calls.some((c) => c.name === 'set strokeStyle' && c.args[0] === MARK_COLOUR)).toBe(true);
    const none = fakeContext();
    draw(none.ctx, L, startPosition(L), defaultTheme, 40);
    expect(none.calls.some((c) => c.args[0] === MARK_COLOUR)).toBe(false);
  });
});
