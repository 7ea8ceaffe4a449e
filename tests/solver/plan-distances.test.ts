// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compile, toPadded } from '../../src/solver/board';
import { UNREACHABLE, pushDistances } from '../../src/solver/distance';
import { planPacking } from '../../src/solver/packing-order';
import { planDistances } from '../../src/solver/plan-distances';
import { solveTuned } from '../../src/solver';
import { level, randomLevel } from './helpers';

/** A goal corridor open at both ends: the plan fills its middle first, then one end, then the other. */
const CORRIDOR = `
###########
#         #
# ####### #
# $ ...$$ #
# ####### #
#    @    #
###########
`;

function setUp(text: string) {
  const lv = level(text);
  const c = compile(lv);
  if (!c.ok) throw new Error(c.message);
  const real = pushDistances(c.board);
  const order = planPacking(c.board, c.boxes, c.player);
  const at = (row: number, col: number) => toPadded(c.board, row * lv.width + col);
  return { board: c.board, real, order, at };
}

describe('plan distances', () => {
  it('keeps the first goal of the plan as on the empty board', () => {
    const { board, real, order } = setUp(CORRIDOR);
    const plan = planDistances(board, real, order, 20);
    const base = board.goalIndex[order[0]!]! * board.size;
    expect(plan.dist.subarray(base, base + board.size)).toEqual(
      real.dist.subarray(base, base + board.size),
    );
  });

  it('charges the penalty for a way in that the goals filled before it close', () => {
    const { board, real, order, at } = setUp(CORRIDOR);
    expect(Array.from(order)).toEqual([at(3, 5), at(3, 4), at(3, 6)]);
    const plan = planDistances(board, real, order, 20);
    const row = (goal: number) => board.goalIndex[goal]! * board.size;
    // (3,4) is second: with (3,5) filled only the left end leads to it.
    expect(plan.dist[row(at(3, 4)) + at(3, 2)]).toBe(2);
    expect(real.dist[row(at(3, 4)) + at(3, 7)]).toBe(3);
    expect(plan.dist[row(at(3, 4)) + at(3, 7)]).toBe(3 + 20);
    // (3,6) is last: only the right end is open.
    expect(plan.dist[row(at(3, 6)) + at(3, 7)]).toBe(1);
    expect(plan.dist[row(at(3, 6)) + at(3, 2)]).toBe(real.dist[row(at(3, 6)) + at(3, 2)]! + 20);
  });

  it('leaves a cost wherever the empty board has one, and none where it has none', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const lv = randomLevel(seed, 9, 8, 4);
      const c = compile(lv);
      if (!c.ok) continue;
      const real = pushDistances(c.board);
      const plan = planDistances(c.board, real, planPacking(c.board, c.boxes, c.player), 7);
      for (let i = 0; i < real.dist.length; i++) {
        expect(plan.dist[i] === UNREACHABLE).toBe(real.dist[i] === UNREACHABLE);
        if (real.dist[i] !== UNREACHABLE)
          expect(plan.dist[i]).toBeGreaterThanOrEqual(real.dist[i]!);
      }
      expect(plan.dead).toBe(real.dead);
    }
  });
});

describe('the packing macro on plan distances', () => {
  it('settles generated levels as the default engine does, every solution replaying', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const lv = randomLevel(seed, 9, 8, 3);
      const options = { timeLimitMs: 20_000 };
      const before = solveTuned(lv, options, { maxNodes: 20_000 });
      const after = solveTuned(lv, options, { maxNodes: 20_000, planPenalty: 20 });
      // solveTuned replays every solution through src/sokoban and throws when one fails.
      if (before.status === 'solved' || before.status === 'unsolvable')
        expect(after.status).toBe(before.status);
    }
  });
});
