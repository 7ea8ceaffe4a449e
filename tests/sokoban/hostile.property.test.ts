/**
 * Hostile input to the parsers (issue #9): huge counts, deep nesting, million-character lines,
 * gigabyte expansions from small texts. Each must come back as an error value with a place,
 * never as an exception. Time and memory per input are measured by
 * scripts/measure-hostile-input.ts (BENCHMARKS.md), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_BOARDS,
  MAX_CELLS,
  MAX_TOTAL_EXPANDED,
  parseCollection,
  type LevelEntry,
} from '../../src/sokoban/parse';
import { MAX_COUNT_DIGITS, MAX_GROUP_DEPTH, rleDecode, rleEncode } from '../../src/sokoban/rle';
import { parseLurd } from '../../src/sokoban/lurd';
import { printRle } from '../../src/sokoban/print';

function entries(text: string): readonly LevelEntry[] {
  const r = parseCollection(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.entries;
}

function firstError(text: string) {
  const e = entries(text)[0]!;
  if (e.ok) throw new Error('expected an error');
  return e.error;
}

const rleAlphabet = fc.constantFrom(...'0123456789()#@$.-_ |lurdLURD'.split(''));

describe('rleDecode on hostile input', () => {
  it('never throws, and a result is either text within the cap or an error with a column', () => {
    fc.assert(
      fc.property(fc.string({ unit: rleAlphabet, maxLength: 300 }), fc.nat(5000), (s, cap) => {
        const r = rleDecode(s, cap);
        if (r.ok) expect(r.text.length).toBeLessThanOrEqual(cap);
        else {
          expect(r.column).toBeGreaterThanOrEqual(1);
          expect(r.column).toBeLessThanOrEqual(s.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses counts of more than 7 digits at the count, however long (no Infinity)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_COUNT_DIGITS + 1, max: 2000 }),
        fc.constantFrom('()', '#', '(lu)', ''),
        fc.string({ unit: fc.constantFrom('l', 'r'), maxLength: 5 }),
        (digits, tail, before) => {
          const r = rleDecode(before + '9'.repeat(digits) + tail);
          expect(r).toEqual({
            ok: false,
            message: 'a count has more than 7 digits',
            column: before.length + 1,
          });
        },
      ),
    );
    expect(rleDecode('9'.repeat(400) + '()')).toMatchObject({ ok: false, column: 1 });
    expect(rleDecode('9999999()')).toEqual({ ok: true, text: '' });
    expect(rleDecode('0(lu)2r')).toEqual({ ok: true, text: 'rr' });
  });

  it('refuses nesting deeper than the cap without recursion, at the first ( too deep', () => {
    for (const depth of [MAX_GROUP_DEPTH + 1, 20_000, 1_000_000]) {
      expect(rleDecode('#' + '('.repeat(depth))).toEqual({
        ok: false,
        message: `groups are nested more than ${MAX_GROUP_DEPTH} deep`,
        column: MAX_GROUP_DEPTH + 2,
      });
    }
    const deepest = '('.repeat(MAX_GROUP_DEPTH) + 'r' + ')'.repeat(MAX_GROUP_DEPTH);
    expect(rleDecode(deepest)).toEqual({ ok: true, text: 'r' });
  });

  it('checks the budget while expanding nested counts', () => {
    // 2^40 characters if expanded: refused at the group whose repeat passes the cap.
    const bomb = '2('.repeat(40) + 'lurd' + ')'.repeat(40);
    const r = rleDecode(bomb, 1000);
    expect(r).toMatchObject({ ok: false, tooLong: true });
    expect(rleDecode('3(2(lu)r)', 15)).toEqual({ ok: true, text: 'lulurlulurlulur' });
    expect(rleDecode('3(2(lu)r)', 14)).toMatchObject({ ok: false, tooLong: true, column: 1 });
  });

  it('decode(encode(s)) is exact for long runs and million-character strings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('l', 'U', '#', '-', '|'), fc.integer({ min: 1, max: 99_999 })),
          {
            maxLength: 8,
          },
        ),
        (runs) => {
          const s = runs.map(([ch, n]) => ch.repeat(n)).join('');
          expect(rleDecode(rleEncode(s), 1_000_000)).toEqual({ ok: true, text: s });
        },
      ),
      { numRuns: 200 },
    );
    const million = 'lurd'.repeat(250_000);
    expect(rleDecode(million, 1_000_000)).toEqual({ ok: true, text: million });
  });
});

describe('parseLurd on hostile input', () => {
  it('returns a message, never throws', () => {
    expect(parseLurd('9'.repeat(400) + '()')).toEqual({
      ok: false,
      message: 'Bad move string: a count has more than 7 digits (character 1).',
    });
    expect(parseLurd('('.repeat(20_000))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nested more than 100 deep/),
    });
    fc.assert(
      fc.property(fc.string({ unit: rleAlphabet, maxLength: 200 }), (s) => {
        const r = parseLurd(s);
        if (r.ok) expect(r.moves).toMatch(/^[lurdLURD]*$/);
        else expect(r.message).toMatch(/^Bad move string: /);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseCollection on hostile input', () => {
  it('refuses a paste that would expand to gigabytes while expanding (finding 1)', () => {
    const r = entries('40000#\n'.repeat(140_000));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/too large/), line: 1 },
    });
  });

  it('caps the expansion of a whole text, naming the first board not read', () => {
    // Each board expands to 9,999 walls (under the per-board cap); together far past the total.
    const boards = Math.ceil(MAX_TOTAL_EXPANDED / 9_999) + 5;
    const r = entries('9999#\n\n'.repeat(boards));
    const notRead = r.findIndex((e) => !e.ok && /Not read/.test(e.error.message));
    expect(notRead).toBeGreaterThan(0);
    expect(r[notRead]).toMatchObject({ error: { line: notRead * 2 + 1 } });
    expect(r.slice(notRead).every((e) => !e.ok && /Not read/.test(e.error.message))).toBe(true);
  });

  it('refuses a text with more boards than the cap as a whole, with the line', () => {
    const r = parseCollection('#\n\n'.repeat(MAX_BOARDS + 1));
    expect(r).toEqual({
      ok: false,
      error: {
        message: expect.stringMatching(/more than 10,000 boards/),
        line: MAX_BOARDS * 2 + 1,
      },
    });
  });

  it('million-character lines are refused with a message (no quadratic trim, no throw)', () => {
    expect(firstError('#' + ' '.repeat(999_000) + '#').message).toMatch(/too large/);
    expect(firstError('#' + '('.repeat(999_000))).toMatchObject({
      message: expect.stringMatching(/nested more than 100 deep/),
      line: 1,
      column: 102,
    });
    expect(firstError('#' + '9'.repeat(999_000) + '()')).toMatchObject({
      message: 'Bad run-length encoding: a count has more than 7 digits.',
      column: 2,
    });
    expect(firstError('  ' + '9'.repeat(400) + '()#')).toMatchObject({ line: 1, column: 3 });
  });

  it('a board of many plain rows stops at the cell cap, not at the end of the text', () => {
    const e = firstError('#@$.#\n'.repeat(160_000));
    expect(e.message).toMatch(/too large/);
    expect(e.line).toBe(Math.floor(MAX_CELLS / 5) + 1);
  });

  it('never throws on random board-like text, and an ok level fits the cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: rleAlphabet, maxLength: 40 }), { maxLength: 12 }),
        (lines) => {
          const r = parseCollection(lines.join('\n'));
          if (!r.ok) return;
          for (const e of r.entries) {
            if (e.ok) expect(e.level.width * e.level.height).toBeLessThanOrEqual(MAX_CELLS);
            else expect(e.error.message).not.toBe('');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('RLE boards still round trip exactly', () => {
    const level = entries('####\n#@$.#\n#####')[0]!;
    if (!level.ok) throw new Error(level.error.message);
    const back = entries(printRle(level.level))[0]!;
    expect(back.ok && back.level.tiles).toBe(level.level.tiles);
  });
});
