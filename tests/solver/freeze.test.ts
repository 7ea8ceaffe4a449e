// @vitest-environment node
/**
 * Freeze detection against its definition, by brute force: a set of boxes is frozen when each
 * member is blocked on both axes (a wall on either side, a member on either side, or dead squares
 * on both sides), and the frozen boxes are the union of all such sets. With at most eight boxes
 * every subset can be tried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushDistances } from '../../src/solver/distance';
import { FreezeChecker } from '../../src/solver/freeze';
import type { Board } from '../../src/solver/board';
import { besides, boxMap, compiled, randomBoards } from './grid';

function blocked(board: Board, dead: Uint8Array, set: Set<number>, c: number, e: number): boolean {
  const [a, b] = [c - e, c + e];
  if (!board.floor[a] || !board.floor[b] || set.has(a) || set.has(b)) return true;
  return dead[a] === 1 && dead[b] === 1;
}

/** The union of every subset of `candidates` whose members all block each other. */
function frozenByBruteForce(board: Board, dead: Uint8Array, candidates: number[]): number[] {
  const union = new Set<number>();
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const set = new Set(candidates.filter((_, i) => mask & (1 << i)));
    const selfBlocked = [...set].every(
      (c) => blocked(board, dead, set, c, 1) && blocked(board, dead, set, c, board.width),
    );
    if (selfBlocked) set.forEach((c) => union.add(c));
  }
  return [...union].sort((a, b) => a - b);
}

/** The boxes 4-connected to `from` through boxes, by breadth-first search. */
function boxGroup(board: Board, boxAt: Uint8Array, from: number): number[] {
  const group = [from];
  const seen = new Set(group);
  for (let i = 0; i < group.length; i++)
    for (const n of besides(board.width, board.height, group[i]!))
      if (boxAt[n] && !seen.has(n)) {
        seen.add(n);
        group.push(n);
      }
  return group;
}

const sorted = (cells: number[] | null) => (cells ? [...cells].sort((a, b) => a - b) : null);

/** Crowded rooms, where boxes often freeze against walls and each other. */
const crowded = randomBoards(fc.constant(7), fc.integer({ min: 2, max: 8 }), 0.25);

describe('FreezeChecker', () => {
  it('finds every frozen box of a position, as the brute-force union of frozen sets', () => {
    fc.assert(
      fc.property(crowded, ({ board, boxes }) => {
        const { dead } = pushDistances(board);
        const found = new FreezeChecker(board, dead).frozenBoxes(boxes);
        expect(sorted(found)).toEqual(frozenByBruteForce(board, dead, Array.from(boxes)));
      }),
      { numRuns: 300 },
    );
  });

  it('judges the box group around a pushed box the same way', () => {
    fc.assert(
      fc.property(crowded, fc.nat(), ({ board, boxes }, pick) => {
        const { dead } = pushDistances(board);
        const checker = new FreezeChecker(board, dead);
        const boxAt = boxMap(board, boxes);
        const moved = boxes[pick % boxes.length]!;
        const frozen = frozenByBruteForce(board, dead, boxGroup(board, boxAt, moved));
        const group = frozen.includes(moved) ? frozen : null;
        expect(sorted(checker.frozenGroup(boxAt, moved))).toEqual(group);
        const lost = group !== null && group.some((c) => !board.goal[c]);
        expect(sorted(checker.deadlockAfterPush(boxAt, moved))).toEqual(lost ? group : null);
        expect(checker.frozenAfterPush(boxAt, moved)).toBe(lost);
      }),
      { numRuns: 300 },
    );
  });

  it('freezes a square of boxes in the open and a box in a corner, not a box in the open', () => {
    const c = compiled(`
########
#      #
# $$   #
# $$ $ #
#@  ...#
#  ...$#
########`);
    const { dead } = pushDistances(c.board);
    const checker = new FreezeChecker(c.board, dead);
    const boxAt = boxMap(c.board, c.boxes);
    const [square, open, corner] = [c.boxes[0]!, c.boxes[4]!, c.boxes[5]!];
    expect(checker.frozenGroup(boxAt, square)).toHaveLength(4);
    expect(checker.frozenAfterPush(boxAt, square)).toBe(true);
    expect(checker.frozenGroup(boxAt, open)).toBeNull();
    expect(checker.frozenGroup(boxAt, corner)).toEqual([corner]);
    // Frozen on nothing but a goal is not lost.
    expect(checker.frozenAfterPush(boxAt, corner)).toBe(!c.board.goal[corner]);
  });
});
