// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toOriginal } from '../../src/solver/board';
import { CorralFinder } from '../../src/solver/corral';
import { solve } from '../../src/solver';
import { compiledPosition, level } from './helpers';

function findCorral(text: string) {
  const l = level(text);
  const { board, boxAt, reach, dead } = compiledPosition(l);
  const finder = new CorralFinder(board, dead);
  const verdict = finder.find(boxAt, reach, 1);
  const pushes = Array.from(
    finder.pushes.subarray(0, finder.pushCount),
    (p) => `${toOriginal(board, p >> 2)}${'lurd'[p & 3]}`,
  ).sort();
  return { l, verdict, pushes };
}

/** Two boxes fence off the top-left goals: a PI-corral whose pushes are the only ones needed. */
const CORRAL_ROOM = `
#######
#.  # #
#   $ #
#.  # #
##$## #
#  @  #
# $ . #
#######`;

describe('PI-corrals', () => {
  it('finds a PI-corral and keeps only the pushes into it', () => {
    const { l, verdict, pushes } = findCorral(CORRAL_ROOM);
    expect(verdict).toBe('prune');
    // Box at row 2 col 4 pushed left, box at row 4 col 2 pushed up; the third box is ignored.
    expect(pushes).toEqual([`${2 * l.width + 4}l`, `${4 * l.width + 2}u`].sort());
  });

  it('does not prune when a fence box could be pushed along the fence later', () => {
    const { verdict } = findCorral(`
#######
#.    #
#  $  #
#.    #
## $ ##
#  @  #
#     #
#######`);
    // No corral: the player walks around every box.
    expect(verdict).toBe('none');
  });

  it('solving with the pruning still finds the level solvable', () => {
    const { l } = findCorral(CORRAL_ROOM);
    const r = solve(l, { mode: 'optimal', timeLimitMs: 5000 });
    expect(r.status).toBe('solved');
  });
});
