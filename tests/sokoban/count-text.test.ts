import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText } from '../../src/sokoban/count-text';

describe('countText', () => {
  it('groups thousands with commas', () => {
    expect(countText(0)).toBe('0');
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('1,000');
    expect(countText(10_000)).toBe('10,000');
    expect(countText(2_000_000)).toBe('2,000,000');
    expect(countText(-1234567)).toBe('-1,234,567');
    expect(countText(1234.5)).toBe('1,234.5');
    expect(countText(NaN)).toBe('NaN');
  });

  it("writes integers as toLocaleString('en') does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (n) => {
          expect(countText(n)).toBe(n.toLocaleString('en'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("writes fractions as toLocaleString('en') does (three decimals at most)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }).filter((n) => !Object.is(n, -0)),
        (n) => {
          expect(countText(n)).toBe(n.toLocaleString('en'));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
