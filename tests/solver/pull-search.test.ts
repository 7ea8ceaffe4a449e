// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateLevel } from '../../src/generator';
import { type Level, isSolved, replay, startPosition } from '../../src/sokoban';
import { compile } from '../../src/solver/board';
import { UNREACHABLE } from '../../src/solver/distance';
import { analyse } from '../../src/solver/deadlock';
import { type Partners, pullDistances, pullSearchSteps } from '../../src/solver/pull-search';
import { type SearchLimits, type SearchOutcome, searchSteps } from '../../src/solver/search';
import { expandPushes, type Push } from '../../src/solver/solution';
import { Budget, type NodeStore } from '../../src/solver/table';
import { solveTuned } from '../../src/solver';
import { level, randomLevel, exhaustivePushes } from './helpers';

const LIMITS: SearchLimits = {
  optimal: false,
  deadline: Infinity,
  memoryBytes: 256 * 1024 * 1024,
  progressIntervalMs: 1000,
  now: () => 0,
  start: 0,
};

function run(steps: Generator<number, SearchOutcome>): SearchOutcome {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

function compiled(l: Level) {
  const c = compile(l, startPosition(l));
  if (!c.ok) throw new Error(c.message);
  return c;
}

/** Plays the pushes through src/sokoban; true when they solve the level. */
function replaysToSolved(l: Level, pushes: readonly Push[]): boolean {
  const c = compiled(l);
  const lurd = expandPushes(c.board, c.boxes, c.player, pushes);
  if (lurd === null) return false;
  const played = replay(l, startPosition(l), lurd);
  return !played.error && isSolved(l, played.position);
}

function pullAlone(l: Level, partners: Partners = [], maxNodes = 200_000): SearchOutcome {
  const c = compiled(l);
  return run(
    pullSearchSteps(
      c.board,
      c.boxes,
      c.player,
      { ...LIMITS, maxNodes },
      new Budget(1 << 28),
      partners,
    ),
  );
}

describe('pullDistances', () => {
  it('counts pulls to each start cell, and none where a pull has no room', () => {
    // Row 1: a corridor of five floor cells, the box starting on x = 2; below x = 3 a pocket
    // one cell deep.
    const l = level(`
#######
#@$  .#
### ###
  ###
`);
    const c = compiled(l);
    const w = c.board.width;
    const d = pullDistances(c.board, c.boxes);
    // Padded cells: the compiled board has a ring of walls around the level.
    const at = (x: number) => d[2 * w + x + 1];
    // Pulling leftwards needs two free cells left of the box: from x = 3 one pull (player on
    // x = 2 then x = 1) brings it to x = 2; from x = 4, two.
    expect(at(2)).toBe(0);
    expect(at(3)).toBe(1);
    expect(at(4)).toBe(2);
    // From x = 5 the player would have to stand beyond the wall: still two cells of room
    // leftwards, so three pulls.
    expect(at(5)).toBe(3);
    // Rightwards from x = 1 the player stands on x = 2 and steps to x = 3.
    expect(at(1)).toBe(1);
    // A box in the pocket can never leave it: pulling it up needs the cell above the corridor.
    expect(d[3 * w + 4]).toBe(UNREACHABLE);
  });
});

describe('pull search', () => {
  it('solves generated levels alone, each solution replaying to solved', () => {
    let solved = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const g = generateLevel({ seed, boxes: 3, width: 8, height: 8, minPushes: 4 });
      if (!g.ok) continue;
      const out = pullAlone(g.level);
      expect(out.status).toBe('solved');
      if (out.status !== 'solved') continue;
      expect(replaysToSolved(g.level, out.pushes)).toBe(true);
      expect(out.pushes.length).toBeGreaterThanOrEqual(g.pushes);
      solved++;
    }
    expect(solved).toBeGreaterThanOrEqual(8);
  });

  it('never reports a solution for a level that has none', () => {
    let unsolvable = 0;
    for (let seed = 1; seed <= 60 && unsolvable < 6; seed++) {
      const l = randomLevel(seed, 7, 6, 2, 0.15);
      if (!compile(l, startPosition(l)).ok) continue;
      if (exhaustivePushes(l) !== null) continue;
      unsolvable++;
      expect(pullAlone(l, [], 20_000).status).not.toBe('solved');
    }
    expect(unsolvable).toBeGreaterThan(0);
  });

  it('joins a forward path at a position the forward search stored', () => {
    let joined = 0;
    for (let seed = 1; seed <= 20 && joined < 3; seed++) {
      const g = generateLevel({ seed, boxes: 4 });
      if (!g.ok) continue;
      // Levels the pull search cannot finish alone within a few dozen positions.
      if (pullAlone(g.level, [], 60).status === 'solved') continue;
      const c = compiled(g.level);
      const { distances } = analyse(g.level, c.board);
      const stores: NodeStore[] = [];
      const forward = run(
        searchSteps(
          c.board,
          distances,
          c.boxes,
          c.player,
          { ...LIMITS, onStore: (s) => stores.push(s) },
          new Budget(1 << 28),
        ),
      );
      expect(forward.status).toBe('solved');
      // The forward store now holds positions up to the solved one, so the pull search meets
      // it within its first pulls; the joined path must replay.
      const out = pullAlone(g.level, stores, 60);
      expect(out.status).toBe('solved');
      if (out.status === 'solved') expect(replaysToSolved(g.level, out.pushes)).toBe(true);
      joined++;
    }
    expect(joined).toBe(3);
  });

  it('in the fast portfolio, gives solutions that replay and leaves optimal mode alone', () => {
    for (let seed = 20; seed < 26; seed++) {
      const g = generateLevel({ seed, boxes: 4 });
      if (!g.ok) continue;
      const fast = solveTuned(g.level, {}, { pullEvery: 1 });
      expect(fast.status).toBe('solved');
      const optimal = solveTuned(g.level, { mode: 'optimal' }, { pullEvery: 1 });
      expect(optimal.status === 'solved' && optimal.pushes).toBe(g.pushes);
    }
  });
});
