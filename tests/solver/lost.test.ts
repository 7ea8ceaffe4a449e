// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkDeadlock, lowerBound, solveTuned } from '../../src/solver';
import type { Board } from '../../src/solver/board';
import { CorralSearch } from '../../src/solver/corral-search';
import { SettledChecker } from '../../src/solver/settled';
import { compiledPosition, exhaustivePushes, level, randomLevel } from './helpers';

const position = compiledPosition;

const cell = (board: Board, row: number, col: number) => (row + 1) * board.width + col + 1;

describe('corral deadlocks by a small search', () => {
  it('finds a corral held shut by a box behind its fence, which the other checks miss', () => {
    // The pocket at row 1, column 4 is a corral. Its fence (1,3), (2,4) could move, but only
    // with the player inside the pocket or with (2,3) out of the way, and (2,3) is stuck.
    const l = level(`
########
#. $ ###
#  $$  #
#      #
# .   .#
#   @  #
########`);
    expect(checkDeadlock(l, l).deadlocked).toBe(false);
    const { board, boxAt, reach, dead, player } = position(l);
    const search = new CorralSearch(board, dead);
    expect(search.lost(boxAt, reach, 1, cell(board, 2, 4), player)).toBe(true);
    expect(exhaustivePushes(l)).toBeNull();
  });

  it('finds an empty goal walled in by boxes on goals that cannot let a box in', () => {
    const l = level(`
#######
#.*#  #
#** $ #
## @  #
#######`);
    const { board, boxAt, reach, dead, player } = position(l);
    const search = new CorralSearch(board, dead);
    expect(search.lost(boxAt, reach, 1, cell(board, 2, 2), player)).toBe(true);
    expect(exhaustivePushes(l)).toBeNull();
  });

  it('lets a goal room be when a box on a goal can still be pushed into the empty goal', () => {
    const l = level(`
#######
#.*   #
#** $ #
## @  #
#######`);
    const { board, boxAt, reach, dead, player } = position(l);
    const search = new CorralSearch(board, dead);
    expect(search.lost(boxAt, reach, 1, cell(board, 2, 2), player)).toBe(false);
    expect(exhaustivePushes(l)).not.toBeNull();
  });

  it('says nothing when a fence box can be pushed aside to let the player in', () => {
    const l = level(`
########
#. $ ###
#   $  #
#      #
# .   .#
#$  @  #
########`);
    const { board, boxAt, reach, dead, player } = position(l);
    const search = new CorralSearch(board, dead);
    expect(search.lost(boxAt, reach, 1, cell(board, 2, 4), player)).toBe(false);
  });

  it('never calls a solvable position lost (generated levels against exhaustive search)', () => {
    let lostCount = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const l = randomLevel(seed, 6 + (seed % 2), 6, 2 + (seed % 3), 0.2);
      let p;
      try {
        p = position(l);
      } catch {
        continue;
      }
      const { board, boxes, boxAt, reach, dead, player } = p;
      if (boxes.some((b) => dead[b])) continue;
      const search = new CorralSearch(board, dead);
      const anyLost = Array.from(boxes).some((b) => search.lost(boxAt, reach, 1, b, player));
      if (!anyLost) continue;
      lostCount++;
      expect(exhaustivePushes(l), l.title).toBeNull();
    }
    // The sample must exercise the check.
    expect(lostCount).toBeGreaterThan(5);
  });
});

describe('settled boxes (frozen on goals) as walls', () => {
  it('finds a goal sealed off by a block of boxes frozen on goals', () => {
    const l = level(`
#######
#.#   #
#** $ #
#**   #
# @   #
#######`);
    expect(checkDeadlock(l, l).deadlocked).toBe(false);
    const { board, boxes, boxAt, dead } = position(l);
    const settled = new SettledChecker(board, dead);
    // As if the box on (3,2) had just been pushed there.
    const moved = cell(board, 3, 2);
    expect(settled.lostAfterPush(boxAt, boxes, Array.from(boxes).indexOf(moved), moved)).toBe(true);
    expect(exhaustivePushes(l)).toBeNull();
  });

  it('lets a settled block be when every goal stays reachable', () => {
    const l = level(`
#######
#.    #
#** $ #
#**   #
# @   #
#######`);
    const { board, boxes, boxAt, dead } = position(l);
    const settled = new SettledChecker(board, dead);
    const moved = cell(board, 3, 2);
    expect(settled.lostAfterPush(boxAt, boxes, Array.from(boxes).indexOf(moved), moved)).toBe(
      false,
    );
    expect(exhaustivePushes(l)).not.toBeNull();
  });
});

describe('the search with both checks on', () => {
  it('agrees with exhaustive search on generated levels (solvable and not)', () => {
    let unsolvable = 0;
    for (let seed = 2000; seed < 2300; seed++) {
      const l = randomLevel(seed, 6 + (seed % 2), 6, 2 + (seed % 2), 0.2);
      if (lowerBound(l, l) === null) continue;
      const truth = exhaustivePushes(l);
      if (truth === null) unsolvable++;
      for (const tuning of [{ settled: true }, { settled: true, features: true }]) {
        const r = solveTuned(l, { mode: 'fast', timeLimitMs: 10_000 }, tuning);
        expect(r.status, l.title).toBe(truth === null ? 'unsolvable' : 'solved');
      }
    }
    expect(unsolvable).toBeGreaterThan(3);
  });
});
