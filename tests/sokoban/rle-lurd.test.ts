import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rleDecode, rleEncode } from '../../src/sokoban/rle';
import {
  parseLurd,
  countPushes,
  formatLength,
  isPushAt,
  isPushLetter,
} from '../../src/sokoban/lurd';

describe('RLE', () => {
  it('expands counts and nested groups', () => {
    expect(rleDecode('3r2U')).toEqual({ ok: true, text: 'rrrUU' });
    expect(rleDecode('2(l2(ud))')).toEqual({ ok: true, text: 'lududludud' });
  });
  it('reports bad input with a column', () => {
    expect(rleDecode('ab(c')).toMatchObject({ ok: false, column: 3 });
    expect(rleDecode('ab)c')).toMatchObject({ ok: false });
    expect(rleDecode('12')).toMatchObject({ ok: false });
  });
  it('refuses expansions past the cap without doing the work', () => {
    expect(rleDecode('99999999999(lurd)')).toMatchObject({ ok: false });
  });
  it('decode(encode(s)) = s for letter strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('l', 'u', 'r', 'd', 'L', 'U', 'R', 'D', '#', '-', '$') }),
        (s) => {
          expect(rleDecode(rleEncode(s))).toEqual({ ok: true, text: s });
        },
      ),
    );
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void rleDecode(s)));
  });
});

describe('LURD', () => {
  it('ignores white space and line breaks and expands counts', () => {
    expect(parseLurd(' 3r\n2U l ')).toEqual({ ok: true, moves: 'rrrUUl' });
  });
  it('rejects characters that are not moves', () => {
    const r = parseLurd('rrx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/"x" is not a move/);
  });
  it('counts moves and pushes', () => {
    expect(countPushes('rRuUl')).toBe(2);
    expect(formatLength('rRuUl')).toBe('5/2');
  });
  it('tells a push from a move by its case, and nothing out of range is a push', () => {
    expect([...'lurdLURD'].map(isPushLetter).join(' ')).toBe(
      'false false false false true true true true',
    );
    expect(isPushLetter('')).toBe(false);
    expect(isPushLetter('LU')).toBe(false);
    expect(isPushAt('rRu', 1)).toBe(true);
    expect(isPushAt('rRu', 2)).toBe(false);
    expect(isPushAt('rRu', 3)).toBe(false);
    expect(isPushAt('rRu', -1)).toBe(false);
  });
  it('counts exactly the moves the push test picks out', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[lurdLURD]{0,40}$/), (moves) => {
        const expected = [...moves].filter((m) => m === m.toUpperCase()).length;
        expect(countPushes(moves)).toBe(expected);
      }),
    );
  });
});
