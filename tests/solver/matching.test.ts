// @vitest-environment node
/**
 * The Hungarian matcher against brute force: on small matrices every permutation is tried, so
 * the minimum is known without any cleverness. Costs stay far below FORBIDDEN, so a minimum at
 * or above FORBIDDEN means every perfect matching uses a forbidden pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN, Matcher } from '../../src/solver/matching';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1))
    for (let at = 0; at <= rest.length; at++)
      out.push([...rest.slice(0, at), n - 1, ...rest.slice(at)]);
  return out;
}

/** Minimum over all permutations of the sum of cost(i, perm[i]); -1 if it needs a forbidden pair. */
function bruteForce(n: number, cost: (row: number, col: number) => number): number {
  let best = Infinity;
  for (const perm of permutations(n)) {
    let total = 0;
    for (let i = 0; i < n; i++) total += cost(i, perm[i]!);
    best = Math.min(best, total);
  }
  return best >= FORBIDDEN ? -1 : best;
}

/** An n×n matrix with costs 0..30, some pairs forbidden. */
const matrix = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cells: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }) },
        { weight: 1, arbitrary: fc.constant(FORBIDDEN) },
      ),
      { minLength: n * n, maxLength: n * n },
    ),
  }),
);

/** A replacement row (its first n values are used). */
const newRow = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 6, maxLength: 6 });

/** Checks that `assignment` is a permutation whose cost is `total` (when there is a total). */
function expectAssignment(m: Matcher, n: number, cost: Int32Array, total: number): void {
  const cols = Array.from(m.assignment);
  expect([...cols].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  if (total >= 0) expect(cols.reduce((sum, col, row) => sum + cost[row * n + col]!, 0)).toBe(total);
}

describe('Matcher', () => {
  it('finds the brute-force minimum and an assignment that costs it', () => {
    fc.assert(
      fc.property(matrix, ({ n, cells }) => {
        const cost = Int32Array.from(cells);
        const m = new Matcher(n);
        const total = m.solve(cost);
        expect(total).toBe(bruteForce(n, (i, j) => cost[i * n + j]!));
        expectAssignment(m, n, cost, total);
      }),
      { numRuns: 300 },
    );
  });

  it('reports -1 when every perfect matching needs a forbidden pair', () => {
    // Both boxes can only reach goal 0.
    const cost = Int32Array.of(3, FORBIDDEN, 5, FORBIDDEN);
    expect(new Matcher(2).solve(cost)).toBe(-1);
  });

  it('re-solves after one row changes the same as solving from scratch', () => {
    fc.assert(
      fc.property(matrix, fc.nat(), newRow, ({ n, cells }, rowSeed, row6) => {
        const cost = Int32Array.from(cells);
        const m = new Matcher(n);
        m.solve(cost);
        const row = rowSeed % n;
        for (let j = 0; j < n; j++) cost[row * n + j] = row6[j]!;
        const total = m.resolveRow(cost, row);
        expect(total).toBe(bruteForce(n, (i, j) => cost[i * n + j]!));
        expectAssignment(m, n, cost, total);
      }),
      { numRuns: 300 },
    );
  });

  it('re-solves from an exported optimum loaded into another matcher', () => {
    fc.assert(
      fc.property(matrix, fc.nat(), newRow, ({ n, cells }, rowSeed, row6) => {
        // A stored node's optimum is always a real one (no forbidden pair in it).
        const cost = Int32Array.from(cells, (c) => (c >= FORBIDDEN ? 17 : c));
        const first = new Matcher(n);
        first.solve(cost);
        const v = new Int32Array(n);
        const assign = new Uint16Array(n);
        first.exportResult(v, assign, (k) => k);
        const second = new Matcher(n);
        second.loadBase(cost, v, assign);
        const row = rowSeed % n;
        for (let j = 0; j < n; j++) cost[row * n + j] = row6[j]!;
        expect(second.resolveRow(cost, row)).toBe(bruteForce(n, (i, j) => cost[i * n + j]!));
      }),
      { numRuns: 200 },
    );
  });

  it('reads rows where setRows points, anywhere in a larger table', () => {
    fc.assert(
      fc.property(
        matrix,
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 64, maxLength: 64 }),
        ({ n, cells }, filler) => {
          // Row i is placed at a scattered offset in the table, the rest is noise.
          const table = Int32Array.from(filler.concat(filler, filler));
          const rows = new Int32Array(n);
          for (let i = 0; i < n; i++) {
            rows[i] = (n - 1 - i) * (n + 3) + 2;
            for (let j = 0; j < n; j++) table[rows[i]! + j] = cells[i * n + j]!;
          }
          const m = new Matcher(n);
          m.setRows(rows);
          expect(m.solve(table)).toBe(bruteForce(n, (i, j) => cells[i * n + j]!));
        },
      ),
      { numRuns: 200 },
    );
  });
});
