import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FALLBACK_CELL,
  MAX_CELL,
  MIN_CELL,
  backingSize,
  boardLayout,
  cellAtPoint,
  cellCenter,
  swipeDirection,
} from '../../src/render';

describe('board layout', () => {
  it('fits the board in the space, whole pixels, within the clamps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 200, max: 3000 }),
        (cols, rows, w, h) => {
          const l = boardLayout(cols, rows, w, h);
          expect(Number.isInteger(l.cell)).toBe(true);
          expect(l.cell).toBeGreaterThanOrEqual(MIN_CELL);
          expect(l.cell).toBeLessThanOrEqual(MAX_CELL);
          if (l.cell > MIN_CELL) {
            expect(l.width).toBeLessThanOrEqual(w);
            expect(l.height).toBeLessThanOrEqual(h);
          }
          // As big as possible: one more pixel would not fit (unless at the upper clamp).
          if (l.cell < MAX_CELL)
            expect((l.cell + 1) * cols > w || (l.cell + 1) * rows > h).toBe(true);
        },
      ),
    );
  });

  it('fills a phone width with a 10×10 board', () => {
    const l = boardLayout(10, 10, 374, 520);
    expect(l.cell).toBe(37);
    expect(l.width).toBe(370);
  });

  it('falls back to a default cell when the container is not measured', () => {
    expect(boardLayout(7, 5, 0, 0).cell).toBe(FALLBACK_CELL);
  });
});

describe('cell geometry', () => {
  const layout = boardLayout(8, 6, 8 * 40, 6 * 40);

  it('maps points to cells and back', () => {
    expect(layout.cell).toBe(40);
    for (let cell = 0; cell < 48; cell++) {
      const { x, y } = cellCenter(layout, cell);
      expect(cellAtPoint(layout, x, y)).toBe(cell);
    }
    expect(cellAtPoint(layout, 0, 0)).toBe(0);
    expect(cellAtPoint(layout, 39.9, 40)).toBe(8);
    expect(cellAtPoint(layout, 40, 39.9)).toBe(1);
  });

  it('returns -1 outside the board', () => {
    expect(cellAtPoint(layout, -1, 5)).toBe(-1);
    expect(cellAtPoint(layout, 5, -0.5)).toBe(-1);
    expect(cellAtPoint(layout, 320, 5)).toBe(-1);
    expect(cellAtPoint(layout, 5, 240)).toBe(-1);
    expect(cellAtPoint(layout, Number.NaN, 5)).toBe(-1);
  });
});

describe('swipes', () => {
  it('takes the dominant axis, and ignores short movements (taps)', () => {
    expect(swipeDirection(50, 10, 24)).toBe('r');
    expect(swipeDirection(-50, 30, 24)).toBe('l');
    expect(swipeDirection(5, -60, 24)).toBe('u');
    expect(swipeDirection(-20, 40, 24)).toBe('d');
    expect(swipeDirection(10, 10, 24)).toBeNull();
  });
});

describe('backing store', () => {
  it('scales by the device pixel ratio for crisp drawing', () => {
    expect(backingSize(370, 370, 3)).toEqual({ width: 1110, height: 1110, scale: 3 });
    expect(backingSize(100, 50, 1.5)).toEqual({ width: 150, height: 75, scale: 1.5 });
    expect(backingSize(100, 50, 0)).toEqual({ width: 100, height: 50, scale: 1 });
  });
});
