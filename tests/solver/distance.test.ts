// @vitest-environment node
/**
 * Push distances against a forward search: one box on the board, the player starting anywhere,
 * breadth-first over pushes with free walking in between (exact player cell in the state).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../src/solver/board';
import { UNREACHABLE, boxGoalCosts, pushDistances } from '../../src/solver/distance';
import { FORBIDDEN } from '../../src/solver/matching';
import { besides, compiled, randomBoards } from './grid';

/** Fewest pushes from a lone box on `start` to every cell, the player free to start anywhere. */
function pushesFrom(board: Board, start: number): Int32Array {
  const { size, width, height, floor } = board;
  const best = new Int32Array(size).fill(-1);
  // Layer k holds states (box, player) after k pushes; walking inside a layer is free.
  const seen = new Uint8Array(size * size);
  let layer: number[] = [];
  for (let p = 0; p < size; p++)
    if (floor[p] && p !== start) {
      seen[start * size + p] = 1;
      layer.push(start * size + p);
    }
  for (let pushes = 0; layer.length > 0; pushes++) {
    const next: number[] = [];
    for (let i = 0; i < layer.length; i++) {
      const box = Math.floor(layer[i]! / size);
      const player = layer[i]! % size;
      if (best[box]! < 0) best[box] = pushes;
      for (const n of besides(width, height, player)) {
        if (!floor[n]) continue;
        if (n !== box) {
          if (!seen[box * size + n]) {
            seen[box * size + n] = 1;
            layer.push(box * size + n);
          }
          continue;
        }
        const beyond = box + (box - player);
        if (!floor[beyond] || seen[beyond * size + box]) continue;
        seen[beyond * size + box] = 1;
        next.push(beyond * size + box);
      }
    }
    layer = next;
  }
  return best;
}

const boards = randomBoards(fc.constant(7), fc.integer({ min: 1, max: 4 }), 0.2);

describe('pushDistances', () => {
  it('matches a forward push search from every cell to every goal', () => {
    fc.assert(
      fc.property(boards, ({ board }) => {
        const { dist, dead, nearest } = pushDistances(board);
        for (let c = 0; c < board.size; c++) {
          if (!board.floor[c]) continue;
          const reference = pushesFrom(board, c);
          let near = UNREACHABLE;
          board.goals.forEach((goal, g) => {
            const want = reference[goal]! < 0 ? UNREACHABLE : reference[goal]!;
            expect(dist[g * board.size + c], `cell ${c} to goal ${goal}`).toBe(want);
            near = Math.min(near, want);
          });
          expect(nearest[c]).toBe(near);
          expect(dead[c]).toBe(near === UNREACHABLE ? 1 : 0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never marks a wall dead, and a goal is never dead', () => {
    fc.assert(
      fc.property(boards, ({ board }) => {
        const { dead } = pushDistances(board);
        for (let c = 0; c < board.size; c++) if (!board.floor[c]) expect(dead[c]).toBe(0);
        for (const g of board.goals) expect(dead[g]).toBe(0);
      }),
    );
  });
});

describe('boxGoalCosts', () => {
  it('lays out the push distances box by goal, forbidden where a box can never arrive', () => {
    fc.assert(
      fc.property(boards, ({ board, boxes }) => {
        const distances = pushDistances(board);
        const cost = boxGoalCosts(distances, board, boxes, FORBIDDEN);
        const n = boxes.length;
        expect(cost).toHaveLength(n * n);
        for (let i = 0; i < n; i++) {
          const pushes = pushesFrom(board, boxes[i]!);
          for (let g = 0; g < n; g++) {
            const p = pushes[board.goals[g]!]!;
            expect(cost[i * n + g]).toBe(p < 0 ? FORBIDDEN : p);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

// The reference itself must be right for the comparison to mean anything.
describe('the reference push search', () => {
  it('counts the pushes along a corridor and finds none back into a corner', () => {
    const c = compiled(`
#######
#@$  .#
#######`);
    const pushes = pushesFrom(c.board, c.boxes[0]!);
    expect(pushes[c.board.goals[0]!]).toBe(3);
    expect(pushes[c.player]).toBe(1);
    expect(pushesFrom(c.board, c.player)[c.board.goals[0]!]).toBe(-1);
    expect(pushesFrom(c.board, c.board.goals[0]!)[c.boxes[0]!]).toBe(-1);
  });
});
