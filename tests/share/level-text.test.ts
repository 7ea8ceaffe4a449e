import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCollection, parseLevel } from '../../src/sokoban/parse';
import { sameBoard } from '../../src/sokoban/level';
import { levelText, singleLine } from '../../src/share/level-text';
import { arbitraryShareLevel } from './generate';

const TINY = parseLevel('#####\n#@$.#\n#####');
if (!TINY.ok) throw new Error('bad fixture');
const tiny = TINY.level;

describe('levelText: a shared level as text the store can load', () => {
  it('is the usual Title:/Author: form for ordinary titles', () => {
    const t = levelText({ ...tiny, title: 'A tiny one', author: 'Ann' });
    expect(t.text).toBe('#####\n#@$.#\n#####\nTitle: A tiny one\nAuthor: Ann');
    expect(t.level).toEqual({ ...tiny, title: 'A tiny one', author: 'Ann' });
  });

  it('flattens line breaks and control characters in titles', () => {
    expect(singleLine('  two\nlines\r\nand\ttab\u0000 ')).toBe('two lines and tab');
    expect(levelText({ ...tiny, title: 'two\nlines' }).level.title).toBe('two lines');
  });

  it('keeps a title that looks like board as a comment, and drops the author rather than break the board', () => {
    const t = levelText({ ...tiny, title: '############', author: '#####' });
    expect(t.level.title).toBe('############');
    expect(sameBoard(t.level, tiny)).toBe(true);
    expect(t.text.startsWith('; ############\n')).toBe(true);
  });

  it('always parses back to the same board, with the flattened title whenever possible', () => {
    const titles = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.stringMatching(/^[#@$*.+ -]{0,30}$/),
    );
    fc.assert(
      fc.property(arbitraryShareLevel(30), titles, titles, (level, title, author) => {
        const t = levelText({ ...level, title, author });
        const parsed = parseCollection(t.text);
        expect(parsed.ok && parsed.entries.length).toBe(1);
        if (!parsed.ok || !parsed.entries[0]!.ok) throw new Error('not playable');
        expect(sameBoard(parsed.entries[0]!.level, level)).toBe(true);
        expect(parsed.entries[0]!.level).toEqual(t.level);
        // The title is lost only when even a comment line cannot carry it (never, so far).
        expect(t.level.title).toBe(singleLine(title));
      }),
      { numRuns: 400 },
    );
  });
});
