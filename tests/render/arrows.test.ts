/** Overlay arrows (an episode file's per-step probe output) drawn over the board. */
import { describe, expect, it } from 'vitest';
import { ARROW_COLOUR, draw, drawArrows } from '../../src/render/board';
import { defaultTheme } from '../../src/render';
import { parseLevel, startPosition, type Level } from '../../src/sokoban';
import { fakeContext } from './fake-context';

function level(): Level {
  const parsed = parseLevel('#####\n#@$.#\n#####');
  if (!parsed.ok) throw new Error('bad level');
  return parsed.level;
}

describe('overlay arrows', () => {
  it('draws a shaft from the square centre towards the next square, and a head at its tip', () => {
    const { ctx, calls } = fakeContext();
    drawArrows(ctx, level(), [{ row: 1, col: 2, dir: 'r' }], 40);
    const moves = calls.filter((c) => c.name === 'moveTo').map((c) => c.args);
    // Centre of (1, 2) is (100, 60); the tip 0.8 of a square to the right.
    expect(moves[0]).toEqual([100, 60]);
    expect(moves).toContainEqual([132, 60]);
    expect(calls.filter((c) => c.name === 'set strokeStyle').map((c) => c.args[0])).toContain(
      ARROW_COLOUR,
    );
  });

  it('skips arrows off the board and draws nothing for none', () => {
    const { ctx, calls } = fakeContext();
    drawArrows(ctx, level(), [{ row: 9, col: 0, dir: 'u' }], 40);
    expect(calls).toHaveLength(0);
  });

  it('is part of draw() when the options carry arrows', () => {
    const l = level();
    const plain = fakeContext();
    draw(plain.ctx, l, startPosition(l), defaultTheme, 40);
    const withArrows = fakeContext();
    draw(withArrows.ctx, l, startPosition(l), defaultTheme, 40, {
      arrows: [{ row: 1, col: 1, dir: 'd' }],
    });
    expect(withArrows.calls.length).toBeGreaterThan(plain.calls.length);
    expect(plain.calls.some((c) => c.args[0] === ARROW_COLOUR)).toBe(false);
  });
});
