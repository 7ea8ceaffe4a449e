// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PARAMS,
  type GeneratorParams,
  MAX_BOXES,
  MAX_MIN_PUSHES,
  MAX_SEED,
  MAX_SIDE,
  MIN_BOXES,
  MIN_SIDE,
  generateLevel,
} from '../../src/generator';
import { decodeShare } from '../../src/share/link';
import {
  MAX_SEED_LINK_LENGTH,
  decodeSeedLink,
  encodeSeedLink,
  isSeedLink,
} from '../../src/generator/seed-link';
import { printBoard } from '../../src/sokoban';

const arbitraryParams: fc.Arbitrary<GeneratorParams> = fc.record({
  width: fc.integer({ min: MIN_SIDE, max: MAX_SIDE }),
  height: fc.integer({ min: MIN_SIDE, max: MAX_SIDE }),
  boxes: fc.integer({ min: MIN_BOXES, max: MAX_BOXES }),
  seed: fc.integer({ min: 0, max: MAX_SEED }),
  minPushes: fc.integer({ min: 0, max: MAX_MIN_PUSHES }),
});

function params(fragment: string): GeneratorParams {
  const d = decodeSeedLink(fragment);
  if (!d.ok) throw new Error(d.message);
  return d.params;
}

function message(fragment: string): string {
  const d = decodeSeedLink(fragment);
  if (d.ok) throw new Error(`accepted: ${fragment}`);
  return d.message;
}

describe('seed links', () => {
  it('writes the seed and all four parameters in a short fragment', () => {
    const fragment = encodeSeedLink({ ...DEFAULT_PARAMS, seed: 42 });
    expect(fragment).toBe('1g~s42~b4~w10~h10~p10');
    expect(isSeedLink(fragment)).toBe(true);
    expect(isSeedLink('#' + fragment)).toBe(true);
    expect(isSeedLink('1r~7W/W.-b-pW/7W')).toBe(false);
  });

  it('reads back every set of parameters it writes (round trip)', () => {
    fc.assert(
      fc.property(arbitraryParams, (p) => {
        const fragment = encodeSeedLink(p);
        expect(fragment.length).toBeLessThanOrEqual(40);
        expect(fragment).toMatch(/^[0-9a-z~]+$/);
        expect(params(fragment)).toEqual(p);
        expect(params(`#${fragment}`)).toEqual(p);
      }),
    );
  });

  it('opens the same level as the generator makes from the same parameters', () => {
    const p: GeneratorParams = { ...DEFAULT_PARAMS, seed: 7, boxes: 2, minPushes: 4 };
    const direct = generateLevel(p);
    const viaLink = generateLevel(params(encodeSeedLink(p)));
    if (!direct.ok || !viaLink.ok) throw new Error('no level');
    expect(printBoard(viaLink.level)).toBe(printBoard(direct.level));
    expect(viaLink.pushes).toBe(direct.pushes);
  });

  it('fills missing fields with the defaults and ignores fields it does not know', () => {
    expect(params('1g~s5')).toEqual({ ...DEFAULT_PARAMS, seed: 5 });
    expect(params('1g~s5~b2~x99~~')).toEqual({ ...DEFAULT_PARAMS, seed: 5, boxes: 2 });
  });

  it('refuses hostile and broken links with a clear message, never throwing', () => {
    expect(message('1g~s1~' + 'x'.repeat(MAX_SEED_LINK_LENGTH))).toMatch(/too long/);
    expect(message('1g~b4')).toMatch(/no seed/);
    expect(message('1g')).toMatch(/no seed/);
    expect(message('1g~s1~s2')).toMatch(/"s" field appears twice/);
    expect(message('1g~s-1')).toMatch(/seed must be a whole number, not "-1"/);
    expect(message('1g~s1e9')).toMatch(/whole number/);
    expect(message('1g~s12345678901')).toMatch(/whole number/); // 11 digits: not even read
    expect(message('1g~s4294967296')).toMatch(/seed must be a whole number from 0 to 4294967295/);
    expect(message('1g~s1~b7')).toMatch(/Boxes must be a whole number from 1 to 6, not 7/);
    expect(message('1g~s1~b0')).toMatch(/Boxes/);
    expect(message('1g~s1~w4')).toMatch(/size/);
    expect(message('1g~s1~h21')).toMatch(/size/);
    expect(message('1g~s1~p201')).toMatch(/minimum push count/);
    expect(message('1g~s1~b%34')).toMatch(/box count must be a whole number/);
    expect(message('1r~s1')).toMatch(/not a generator link/);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        const d = decodeSeedLink(`1g~${tail}`);
        expect(typeof d.ok).toBe('boolean');
        if (!d.ok) expect(d.message.length).toBeGreaterThan(10);
      }),
    );
  });

  it('is not taken for a level link by the level-link reader (the page sends it here instead)', async () => {
    const d = await decodeShare(encodeSeedLink(DEFAULT_PARAMS));
    expect(d.ok).toBe(false);
  });
});
