// @vitest-environment node
/**
 * expandPushes against the game's own rules: random push sequences made by playing random
 * legal moves, expanded to LURD, replayed through src/sokoban, with every walk between two
 * pushes as short as a breadth-first search over the level says it can be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Level,
  type Position,
  DIRECTIONS,
  countPushes,
  positionsAlong,
  replay,
  step,
} from '../../src/sokoban';
import { compile, toPadded } from '../../src/solver/board';
import { type Push, expandPushes } from '../../src/solver/solution';
import { compiled } from './grid';
import { randomLevel } from './helpers';

/** Plays `choices` as moves (illegal ones skipped); the pushes made, and the position after the last. */
function randomPushes(l: Level, choices: number[]) {
  const pushes: { cell: number; dir: number }[] = [];
  let position: Position = { player: l.player, boxes: l.boxes };
  let afterLastPush = position;
  for (const choice of choices) {
    const dir = choice % 4;
    const s = step(l, position, DIRECTIONS[dir]!);
    if (!s) continue;
    position = s.position;
    if (s.pushed) {
      // The player now stands where the box stood.
      pushes.push({ cell: position.player, dir });
      afterLastPush = position;
    }
  }
  return { pushes, afterLastPush };
}

/** Fewest steps from the player to `target` without pushing, by breadth-first search. */
function walkLength(l: Level, position: Position, target: number): number {
  const dist = new Map([[position.player, 0]]);
  const queue = [position.player];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at === target) return dist.get(at)!;
    for (const d of DIRECTIONS) {
      const s = step(l, { player: at, boxes: position.boxes }, d);
      if (!s || s.pushed || dist.has(s.position.player)) continue;
      dist.set(s.position.player, dist.get(at)! + 1);
      queue.push(s.position.player);
    }
  }
  return -1;
}

describe('expandPushes', () => {
  it('expands random push sequences into legal, shortest-walk LURD', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.nat(), { minLength: 0, maxLength: 120 }),
        (seed, choices) => {
          const l = randomLevel(seed, 7, 7, 3, 0.15);
          const c = compile(l);
          fc.pre(c.ok);
          if (!c.ok) return;
          const { pushes, afterLastPush } = randomPushes(l, choices);
          const asPushes: Push[] = pushes.map((p) => ({
            from: toPadded(c.board, p.cell),
            dir: p.dir,
          }));
          const lurd = expandPushes(c.board, c.boxes, c.player, asPushes);
          expect(lurd).not.toBeNull();
          const start = { player: l.player, boxes: l.boxes };
          const replayed = replay(l, start, lurd!);
          expect(replayed.error).toBeUndefined();
          expect(replayed.moves).toBe(lurd);
          expect(countPushes(lurd!)).toBe(pushes.length);
          if (pushes.length > 0) expect(replayed.position).toEqual(afterLastPush);
          // Each walk before a push is as short as it can be.
          const along = positionsAlong(l, start, lurd!);
          let walkStart = 0;
          for (let i = 0; i < lurd!.length; i++) {
            if (lurd![i] === lurd![i]!.toLowerCase()) continue;
            const before = along[i]!;
            expect(i - walkStart).toBe(walkLength(l, along[walkStart]!, before.player));
            walkStart = i + 1;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const corridor = () => {
    const c = compiled(`
#######
#@ $ .#
#######`);
    return c;
  };

  it('walks to the box and pushes it', () => {
    const c = corridor();
    const right = 2;
    const pushes = [0, 1].map((k) => ({ from: c.boxes[0]! + k, dir: right }));
    expect(expandPushes(c.board, c.boxes, c.player, pushes)).toBe('rRR');
  });

  it('returns null for a push of no box, into a wall, or from where the player cannot get', () => {
    const c = corridor();
    const expand = (push: Push) => expandPushes(c.board, c.boxes, c.player, [push]);
    expect(expand({ from: c.boxes[0]! + 1, dir: 2 })).toBeNull();
    expect(expand({ from: c.boxes[0]!, dir: 1 })).toBeNull();
    // Pushing left needs the player right of the box, behind it from where the player stands.
    expect(expand({ from: c.boxes[0]!, dir: 0 })).toBeNull();
  });
});
