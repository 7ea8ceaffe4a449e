import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../src/sokoban/parse';
import { type Level, isSolved, startPosition } from '../../src/sokoban/level';
import { replay, step, positionsAlong } from '../../src/sokoban/rules';
import { walkPath, pushPath, reachableCells } from '../../src/sokoban/path-finding';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

const corridor = level('#######\n#@ $ .#\n#######');

describe('rules', () => {
  it('moves, pushes and refuses walls and double boxes', () => {
    const start = startPosition(corridor);
    expect(step(corridor, start, 'l')).toBeNull();
    const r = step(corridor, start, 'r')!;
    expect(r.pushed).toBe(false);
    const p = step(corridor, r.position, 'r')!;
    expect(p.pushed).toBe(true);
    expect(p.letter).toBe('R');
    expect(p.position.boxes).toEqual([11]);
    const two = level('#######\n#@$$ .#\n#    .#\n#######');
    expect(step(two, startPosition(two), 'r')).toBeNull();
  });

  it('replay fixes the case of an all-lowercase string and reaches solved', () => {
    const r = replay(corridor, startPosition(corridor), 'rrr');
    expect(r.moves).toBe('rRR');
    expect(r.error).toBeUndefined();
    expect(isSolved(corridor, r.position)).toBe(true);
  });

  it('stops at an illegal move, keeping the legal part', () => {
    const r = replay(corridor, startPosition(corridor), 'rrrr');
    expect(r.error).toEqual({ moveNumber: 4, message: 'move 4 is illegal' });
    expect(r.moves).toBe('rRR');
    expect(positionsAlong(corridor, startPosition(corridor), 'rrrr')).toHaveLength(4);
  });
});

describe('path finding', () => {
  const room = level(['#######', '#@    #', '# ##$ #', '#   . #', '#######'].join('\n'));
  it('walks the shortest way around walls and boxes', () => {
    const target = 3 * 7 + 1;
    const path = walkPath(room, startPosition(room), target)!;
    expect(path).toBe('dd');
    expect(walkPath(room, startPosition(room), 0)).toBeNull();
    const reach = reachableCells(room, startPosition(room));
    expect(reach[2 * 7 + 4]).toBe(0); // the box
    expect(reach[3 * 7 + 5]).toBe(1);
  });

  it('pushes a box with the fewest pushes, then moves', () => {
    const box = 2 * 7 + 4;
    const path = pushPath(room, startPosition(room), box, 3 * 7 + 4)!;
    expect(path.replace(/[a-z]/g, '')).toBe('D');
    const r = replay(room, startPosition(room), path);
    expect(r.error).toBeUndefined();
    expect(isSolved(room, r.position)).toBe(true);
    expect(path).toBe('rrrD');
  });

  it('says null when the box cannot get there', () => {
    // (2,1) is boxed in by walls on the pushing sides.
    expect(pushPath(room, startPosition(room), 2 * 7 + 4, 2 * 7 + 1)).toBeNull();
  });
});
