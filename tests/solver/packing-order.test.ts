// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/solver/board';
import { planPacking, reversePackingOrder } from '../../src/solver/packing-order';
import { level, randomLevel } from './helpers';

function compiled(text: string) {
  const c = compile(level(text));
  if (!c.ok) throw new Error(c.message);
  return c;
}

/** Goal cells as (row, column) of the unpadded level, in the order given. */
function places(c: ReturnType<typeof compiled>, order: Int32Array): [number, number][] {
  const w = c.board.width;
  return Array.from(order, (cell) => [Math.floor(cell / w) - 1, (cell % w) - 1]);
}

describe('reverse packing order', () => {
  it('fills a dead-end goal corridor from its far end', () => {
    const c = compiled(`
########
#@$$$..#
#    ###
#    .#
######
`);
    const order = reversePackingOrder(c.board, c.boxes);
    expect(order).not.toBeNull();
    // (1,6) is the corridor's far end: it must be filled before (1,5), which blocks it.
    const p = places(c, order!);
    expect(p.findIndex(([r, col]) => r === 1 && col === 6)).toBeLessThan(
      p.findIndex(([r, col]) => r === 1 && col === 5),
    );
  });

  it('plans every goal exactly once on generated levels', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const l = randomLevel(seed, 8 + (seed % 4), 7 + (seed % 3), 2 + (seed % 4), 0.15);
      const c = compile(l);
      if (!c.ok) continue;
      const order = planPacking(c.board, c.boxes, c.player);
      expect([...order].sort((a, b) => a - b)).toEqual([...c.board.goals]);
    }
  });
});
