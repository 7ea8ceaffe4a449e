import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCollection, parseLevel } from '../../src/sokoban/parse';
import { printCollection, printLevel, printRle, printBoard } from '../../src/sokoban/print';
import { arbitraryLevel } from './generate';

describe('printing', () => {
  it('prints XSB with + and * and trims trailing floor', () => {
    const r = parseLevel('#####\n#+$ #\n#*  #\n#####');
    expect(r.ok && printBoard(r.level)).toBe('#####\n#+$ #\n#*  #\n#####');
  });

  it('prints RLE as the Sokoban world writes it', () => {
    const r = parseLevel('####\n#@$.#\n####');
    expect(r.ok && printRle(r.level)).toBe('4#|#@$.#|4#');
  });

  it('parse(print(level)) equals the level, titles and authors included', () => {
    fc.assert(
      fc.property(arbitraryLevel({ maxWidth: 20, maxHeight: 20 }), (level) => {
        const r = parseLevel(printLevel(level));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.level).toEqual(level);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(printRle(level)) gives the same board', () => {
    fc.assert(
      fc.property(arbitraryLevel({ maxWidth: 30, maxHeight: 30, withTitle: false }), (level) => {
        const r = parseLevel(printRle(level));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.level).toEqual(level);
      }),
      { numRuns: 200 },
    );
  });

  it('a printed collection parses back level for level', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryLevel({ maxWidth: 10, maxHeight: 10 }), { minLength: 1, maxLength: 6 }),
        (ls) => {
          const r = parseCollection(printCollection(ls));
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.entries.map((e) => (e.ok ? e.level : e.error))).toEqual(ls);
        },
      ),
      { numRuns: 100 },
    );
  });
});
