import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPositionCache } from '../../src/store/position-cache';
import { parseLevel, replay, startPosition } from '../../src/sokoban';
import { OPEN } from './fixtures';

const parsed = parseLevel(OPEN);
if (!parsed.ok) throw new Error('fixture does not parse');
const level = parsed.level;

/** A legal move string made by keeping only the steps that replay. */
function legal(letters: string): string {
  let moves = '';
  for (const ch of letters) {
    const r = replay(level, startPosition(level), moves + ch);
    if (!r.error) moves = r.moves;
  }
  return moves;
}

describe('position cache', () => {
  it('agrees with replaying from the start, whatever the order of queries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[lurd]{0,400}$/), fc.nat(500)), {
          minLength: 1,
          maxLength: 8,
        }),
        (queries) => {
          const cache = createPositionCache();
          for (const [letters, cursor] of queries) {
            const moves = legal(letters);
            const at = Math.min(cursor, moves.length);
            const expected = replay(level, startPosition(level), moves.slice(0, at)).position;
            expect(cache.positionAt(level, moves, cursor)).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reuses checkpoints when moves are appended and undone', () => {
    const cache = createPositionCache();
    const moves = legal('lr'.repeat(400) + 'u');
    for (let c = 0; c <= moves.length; c += 37) {
      expect(cache.positionAt(level, moves, c)).toEqual(
        replay(level, startPosition(level), moves.slice(0, c)).position,
      );
    }
    const changed = moves.slice(0, 300) + legal('d');
    expect(cache.positionAt(level, changed, changed.length)).toEqual(
      replay(level, startPosition(level), changed).position,
    );
  });
});
