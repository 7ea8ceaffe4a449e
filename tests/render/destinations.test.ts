import { describe, expect, it } from 'vitest';
import { defaultTheme, draw } from '../../src/render';
import { parseLevel, startPosition, type Level } from '../../src/sokoban';
import { fakeContext, type Call } from './fake-context';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

// 7 wide: the box at cell 10, a goal at cell 12.
const CORRIDOR = level('#######\n#@ $ .#\n#######');

/** The drawing calls made after the board's squares: the marks drawn over them. */
function overlay(destinations?: readonly number[]): Call[] {
  const { ctx, calls } = fakeContext();
  draw(ctx, CORRIDOR, startPosition(CORRIDOR), defaultTheme, 40, {
    selected: 10,
    ...(destinations && { destinations }),
  });
  const plain = fakeContext();
  draw(plain.ctx, CORRIDOR, startPosition(CORRIDOR), defaultTheme, 40, { selected: 10 });
  return calls.slice(plain.calls.length);
}

describe('box destinations on the board', () => {
  it('draws corner brackets inside each destination square, in the selection colour', () => {
    const calls = overlay([11, 12]);
    expect(
      calls.some((c) => c.name === 'set strokeStyle' && c.args[0] === defaultTheme.selection),
    ).toBe(true);
    const points = calls
      .filter((c) => c.name === 'moveTo' || c.name === 'lineTo')
      .map((c) => c.args as [number, number]);
    // Four brackets of three points for each of the two squares, all inside those squares.
    expect(points).toHaveLength(2 * 4 * 3);
    const inside = (cell: number, [x, y]: [number, number]) =>
      x > (cell % 7) * 40 && x < ((cell % 7) + 1) * 40 && y > 40 && y < 80;
    expect(points.filter((p) => inside(11, p))).toHaveLength(12);
    expect(points.filter((p) => inside(12, p))).toHaveLength(12);
    // Open strokes, not a filled shape: a goal under the mark stays visible.
    expect(calls.some((c) => c.name === 'fill' || c.name === 'closePath')).toBe(false);
  });

  it('draws nothing more without destinations, and skips cells off the board', () => {
    expect(overlay()).toEqual([]);
    expect(overlay([-1, 999])).toEqual([]);
  });
});
