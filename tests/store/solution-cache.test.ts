import { describe, expect, it } from 'vitest';
import { createSolutionCache, levelKey } from '../../src/store/solution-cache';
import { parseLevel, replay, startPosition, type Level } from '../../src/sokoban';
import { OPEN } from './fixtures';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

const L = level(OPEN);
const SOLUTION = 'llluRRR'; // walk to the box's left, three pushes right onto the goal

const answer = (optimal: boolean) => ({ status: 'solved' as const, solution: SOLUTION, moves: 7, pushes: 3, optimal, ms: 12, nodes: 40 });

describe('solution cache', () => {
  it('answers the same board and position, titles aside; not another position', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(false));
    const same = level(OPEN.replace('Open', 'Another title'));
    expect(levelKey(same)).toBe(levelKey(L));
    expect(cache.get(same, startPosition(same), 'fast')).toMatchObject({ solution: SOLUTION });
    expect(cache.get(L, { player: startPosition(L).player + 1, boxes: L.boxes }, 'fast')).toBeNull();
  });

  it('stores the rest of the solution for each position right after a push, and every stored rest really solves', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(true));
    for (const cut of [5, 6]) {
      const at = replay(L, startPosition(L), SOLUTION.slice(0, cut)).position;
      const hit = cache.get(L, at, 'optimal');
      expect(hit).toMatchObject({ status: 'solved', solution: SOLUTION.slice(cut), pushes: 7 - cut, optimal: true });
    }
    // Mid-walk positions are not stored (the rest would begin with part of a walk).
    expect(cache.get(L, replay(L, startPosition(L), 'll').position, 'fast')).toBeNull();
    expect(cache.size).toBe(3);
  });

  it('optimal mode needs a proven answer; a proven answer is never replaced by an unproven one', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(false));
    expect(cache.get(L, startPosition(L), 'optimal')).toBeNull();
    cache.put(L, startPosition(L), answer(true));
    cache.put(L, startPosition(L), answer(false));
    expect(cache.get(L, startPosition(L), 'optimal')).toMatchObject({ optimal: true });
  });

  it('keeps at most its limit, dropping the oldest', () => {
    const cache = createSolutionCache(2);
    for (const player of [25, 26, 27]) cache.put(L, { player, boxes: L.boxes }, { status: 'unsolvable', message: 'x', ms: 0, nodes: 0 });
    expect(cache.size).toBe(2);
    expect(cache.get(L, { player: 25, boxes: L.boxes }, 'fast')).toBeNull();
    expect(cache.get(L, { player: 27, boxes: L.boxes }, 'fast')).not.toBeNull();
  });
});
