import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxDestinations } from '../../src/sokoban/box-destinations';
import { type Level, isWall, startPosition } from '../../src/sokoban/level';
import { parseLevel } from '../../src/sokoban/parse';
import { pushPath } from '../../src/sokoban/path-finding';
import { replay } from '../../src/sokoban/rules';
import { arbitraryLevel } from './generate';

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

describe('boxDestinations', () => {
  it('in a corridor, only ahead of the player', () => {
    const corridor = level('#######\n#@ $ .#\n#######');
    // Box at row 1, column 3 (cell 10): it can go to columns 4 and 5, never back.
    expect(boxDestinations(corridor, startPosition(corridor), 10)).toEqual([11, 12]);
  });

  it('a box in a corner goes nowhere; a cell without a box has no destinations', () => {
    const room = level('#####\n#$  #\n#  @#\n#.  #\n#####');
    const start = startPosition(room);
    expect(boxDestinations(room, start, 6)).toEqual([]);
    expect(boxDestinations(room, start, 7)).toEqual([]);
  });

  it('other boxes stand still and block, and the player walks round between pushes', () => {
    // Box A (cell 17) can go up, down and right; box B (cell 19) is a wall for it.
    const room = level(
      ['#######', '#     #', '# @$ $#', '#     #', '#.   .#', '#######'].join('\n'),
    );
    const start = startPosition(room);
    const [a, b] = room.boxes;
    expect([a, b]).toEqual([17, 19]);
    const got = boxDestinations(room, start, a!);
    expect(got).toContain(18); // pushed right once
    expect(got).toContain(24); // down: the player walks round to stand above it first
    expect(got).toContain(10); // up: the player walks round below it
    expect(got).not.toContain(b);
    expect(got).not.toContain(a);
  });

  it('agrees with pushPath on random levels: a destination has a push path, no other square has', () => {
    fc.assert(
      fc.property(
        arbitraryLevel({ maxWidth: 8, maxHeight: 8, withTitle: false }),
        fc.nat(),
        (lvl, pick) => {
          const start = startPosition(lvl);
          const box = lvl.boxes[pick % lvl.boxes.length]!;
          const got = new Set(boxDestinations(lvl, start, box));
          for (let cell = 0; cell < lvl.width * lvl.height; cell++) {
            if (cell === box || isWall(lvl, cell)) continue;
            const path = pushPath(lvl, start, box, cell);
            expect(got.has(cell)).toBe(path !== null);
            if (path === null) continue;
            // The push path moves this box alone, to the cell.
            const end = replay(lvl, start, path);
            expect(end.error).toBeUndefined();
            const others = start.boxes.filter((b) => b !== box);
            expect(end.position.boxes).toEqual([...others, cell].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
