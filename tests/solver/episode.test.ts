// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type Position,
  DIRECTIONS,
  episodeRows,
  episodeSummary,
  replayActions,
  startPosition,
  step,
} from '../../src/sokoban';
import { UNSOLVABLE_CAUSE, analysePositions } from '../../src/solver/episode';
import { exhaustivePushes, level, randomLevel, rng } from './helpers';

/** A box pushed against the east wall, off the goals' column, is lost: step 3 loses the level. */
export const LOSING = level(`
######
#.   #
#  $ #
#@   #
######`);

describe('analysePositions', () => {
  it('names the deadlock rule at the push that loses the level, and keeps it lost', () => {
    // udlr: up, right, right (pushes the box against the wall), down, left, right
    const r = replayActions(LOSING, [0, 3, 3, 1, 2, 3], 'udlr');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const verdicts = analysePositions(
      LOSING,
      r.episode.steps.map((s) => s.position),
    );
    expect(verdicts.map((v) => v.status)).toEqual([
      'alive',
      'alive',
      'alive',
      'lost',
      'lost',
      'lost',
      'lost',
    ]);
    expect(verdicts[0]!.pushesLeft).toBe(exhaustivePushes(LOSING));
    expect(verdicts[3]!.cause).toMatch(/dead square/);
    const rows = episodeRows(r.episode, verdicts);
    expect(rows[3]!.wasted).toBe(true);
    const summary = episodeSummary(r.episode, rows);
    expect(summary).toMatchObject({
      steps: 6,
      moves: 6,
      pushes: 1,
      noops: 0,
      firstLostStep: 3,
      optimalPushes: 3,
      agentPushes: 1,
      solved: false,
      wastedPushes: 1,
    });
    // right then left then right: steps 5-6 return to the position of step 4 and 5's
    expect(summary.cycleSteps).toBe(2);
  });

  it('says "proven unsolvable by search" where no deadlock rule sees it', () => {
    // A corral held shut by a stuck box (tests/solver/lost.test.ts): the rules miss it.
    const l = level(`
########
#. $ ###
#  $$  #
#      #
# .   .#
#   @  #
########`);
    const [v] = analysePositions(l, [startPosition(l)], { timeLimitMs: 20_000 });
    expect(v).toEqual({ pushesLeft: null, status: 'lost', cause: UNSOLVABLE_CAUSE });
  });

  it('says unknown, with the reason, when the search hits its limit', () => {
    const l = level(`
##########
#        #
# $  $   #
#   ..   #
#   ..   #
# $  $   #
#        #
#    @   #
##########`);
    const [v] = analysePositions(l, [startPosition(l)], { timeLimitMs: 0 });
    expect(v).toEqual({
      pushesLeft: null,
      status: 'unknown',
      cause: expect.stringMatching(/Time limit/),
    });
  });

  it('gives the exact optimal pushes left at every step of random walks', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const l = randomLevel(seed, 7, 6, 2, 0.15);
      const rnd = rng(seed);
      let p: Position = startPosition(l);
      const positions: Position[] = [p];
      for (let i = 0; i < 30; i++) {
        const r = step(l, p, DIRECTIONS[rnd(4)]!);
        if (r) p = r.position;
        positions.push(p);
      }
      let progress = 0;
      const verdicts = analysePositions(l, positions, {
        timeLimitMs: 10_000,
        onProgress: (done, total) => {
          expect(done).toBeLessThanOrEqual(total);
          progress = done;
        },
      });
      expect(progress).toBeGreaterThan(0);
      positions.forEach((pos, i) => {
        const truth = exhaustivePushes({ ...l, player: pos.player, boxes: pos.boxes });
        const v = verdicts[i]!;
        expect(v.status, `${l.title} step ${i}`).toBe(truth === null ? 'lost' : 'alive');
        expect(v.pushesLeft, `${l.title} step ${i}`).toBe(truth);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
