// @vitest-environment node
/**
 * The packing order read backwards must be a sequence of legal pulls off the goals (checked
 * with a plain breadth-first search), ending where no goal can be pulled any more; those stuck
 * goals come first, in board order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../src/solver/board';
import { packingOrder } from '../../src/solver/packing';
import { besides, bfs, compiled, randomBoards } from './grid';

/** Whether the player, from `player`, can pull the box off goal `g` with `filled` as obstacles. */
function pullable(board: Board, filled: Set<number>, player: number, g: number): boolean {
  const open = (c: number) => board.floor[c] === 1 && !filled.has(c);
  const walk = bfs(board, open, player);
  return besides(board.width, board.height, g).some((n) => {
    const beyond = n + (n - g);
    return walk[n]! >= 0 && open(beyond) && walk[beyond]! >= 0;
  });
}

const boards = randomBoards(fc.constant(8), fc.integer({ min: 1, max: 7 }), 0.15);

describe('packingOrder', () => {
  it('orders every goal once, the reverse being legal pulls until none is left to pull', () => {
    fc.assert(
      fc.property(boards, ({ board, player }) => {
        const order = Array.from(packingOrder(board, player));
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from(board.goals));
        const filled = new Set(order);
        const removals = [...order].reverse();
        let k = 0;
        while (k < removals.length && pullable(board, filled, player, removals[k]!))
          filled.delete(removals[k++]!);
        const stuck = order.slice(0, order.length - k);
        expect(stuck).toEqual([...stuck].sort((a, b) => a - b));
        for (const g of stuck) expect(pullable(board, filled, player, g)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('packs the deepest goal of a dead-end corridor first', () => {
    const c = compiled(`
##########
#@ $$$...#
##########`);
    const [near, middle, deep] = c.board.goals;
    expect(Array.from(packingOrder(c.board, c.player))).toEqual([deep, middle, near]);
  });

  it('puts a goal no box can be pulled from first', () => {
    // The top-left goal's only open neighbour has a wall behind it: no pull ever leaves it.
    const c = compiled(`
#######
#.#   #
# $$$ #
##@ ..#
#######`);
    const [alcove, left, right] = c.board.goals;
    expect(Array.from(packingOrder(c.board, c.player))).toEqual([alcove, right, left]);
  });
});
