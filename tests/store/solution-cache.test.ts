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

const answer = (optimal: boolean) => ({
  status: 'solved' as const,
  solution: SOLUTION,
  moves: 7,
  pushes: 3,
  optimal,
  ms: 12,
  nodes: 40,
});

describe('solution cache', () => {
  it('answers the same board and position, titles aside; not another position', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(false));
    const same = level(OPEN.replace('Open', 'Another title'));
    expect(levelKey(same)).toBe(levelKey(L));
    expect(cache.get(same, startPosition(same), 'fast')).toMatchObject({ solution: SOLUTION });
    // Another box position (not one the solution passes through) has no answer.
    expect(cache.get(L, { player: startPosition(L).player, boxes: [26] }, 'fast')).toBeNull();
  });

  it('after a walk the stored solution still answers, with the walk back in front, and it replays to solved', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(true));
    const walked = replay(L, startPosition(L), 'rrd').position;
    const hit = cache.get(L, walked, 'optimal');
    if (!hit || hit.status !== 'solved') throw new Error('expected a solution');
    expect(hit.solution.endsWith(SOLUTION)).toBe(true);
    expect(hit.moves).toBe(hit.solution.length);
    expect(hit.pushes).toBe(3);
    const end = replay(L, walked, hit.solution);
    expect(end.error).toBeUndefined();
    expect(end.position.boxes.every((b) => L.tiles[b] === '.')).toBe(true);
  });

  it('stores the rest of the solution for each position right after a push, and every stored rest really solves', () => {
    const cache = createSolutionCache();
    cache.put(L, startPosition(L), answer(true));
    for (const cut of [5, 6]) {
      const at = replay(L, startPosition(L), SOLUTION.slice(0, cut)).position;
      const hit = cache.get(L, at, 'optimal');
      expect(hit).toMatchObject({
        status: 'solved',
        solution: SOLUTION.slice(cut),
        pushes: 7 - cut,
        optimal: true,
      });
    }
    // One entry per box position; a mid-walk position is answered through its region.
    expect(cache.size).toBe(3);
    const mid = replay(L, startPosition(L), 'll').position;
    expect(cache.get(L, mid, 'fast')).toMatchObject({ solution: 'lu' + SOLUTION.slice(4) });
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
    for (const box of [25, 26, 27])
      cache.put(
        L,
        { player: 28, boxes: [box] },
        { status: 'unsolvable', message: 'x', ms: 0, nodes: 0 },
      );
    expect(cache.size).toBe(2);
    expect(cache.get(L, { player: 28, boxes: [25] }, 'fast')).toBeNull();
    expect(cache.get(L, { player: 28, boxes: [27] }, 'fast')).not.toBeNull();
  });
});
