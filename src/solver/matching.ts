/**
 * Minimum-cost perfect matching of boxes to goals (the Hungarian method with potentials,
 * shortest augmenting paths, O(n³)). Its cost over push distances is the search's lower bound;
 * when no perfect matching avoids forbidden pairs the position is a bipartite deadlock.
 */

/** Cost of a pair that can never happen (a box that cannot reach that goal). */
export const FORBIDDEN = 100000;

export class Matcher {
  private readonly n: number;
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly p: Int32Array;
  private readonly way: Int32Array;
  private readonly minv: Float64Array;
  private readonly used: Uint8Array;
  /** assignment[row] = column after `solve`. */
  readonly assignment: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.u = new Float64Array(n + 1);
    this.v = new Float64Array(n + 1);
    this.p = new Int32Array(n + 1);
    this.way = new Int32Array(n + 1);
    this.minv = new Float64Array(n + 1);
    this.used = new Uint8Array(n + 1);
    this.assignment = new Int32Array(n);
    this.bu = new Float64Array(n + 1);
    this.bv = new Float64Array(n + 1);
    this.bp = new Int32Array(n + 1);
    this.rowStart = new Int32Array(n);
    for (let i = 0; i < n; i++) this.rowStart[i] = i * n;
  }

  /** Where each row of the cost matrix starts in the array passed in: `row * n` unless set. */
  private rowStart: Int32Array;

  /**
   * Reads row `i` of the matrix at `cost[rows[i]]` onwards from now on (the caller may change
   * `rows` between calls): a row can then be a run of a larger table, set without copying.
   */
  setRows(rows: Int32Array): void {
    this.rowStart = rows;
  }

  /** Potentials and column owners of the last full `solve`, the base for `resolveRow`. */
  private readonly bu: Float64Array;
  private readonly bv: Float64Array;
  private readonly bp: Int32Array;

  /** Shortest augmenting path for row `i` (1-based) over the current potentials. */
  private augment(cost: Int32Array, i: number): void {
    const { n, u, v, p, way, minv, used } = this;
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      const rowBase = this.rowStart[i0 - 1] - 1;
      const ui = u[i0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[rowBase + j] - ui - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }

  private total(cost: Int32Array): number {
    const { n, p, rowStart } = this;
    let total = 0;
    let forbidden = false;
    for (let j = 1; j <= n; j++) {
      const row = p[j] - 1;
      this.assignment[row] = j - 1;
      const c = cost[rowStart[row] + j - 1];
      if (c >= FORBIDDEN) forbidden = true;
      total += c;
    }
    return forbidden ? -1 : total;
  }

  /**
   * Minimum total of `cost[row * n + col]` (rows as `setRows` placed them) over perfect matchings, or -1 when every perfect
   * matching uses a FORBIDDEN pair. Remembers its potentials as the base for `resolveRow`.
   */
  solve(cost: Int32Array): number {
    const { n, u, v, p } = this;
    u.fill(0);
    v.fill(0);
    p.fill(0);
    for (let i = 1; i <= n; i++) this.augment(cost, i);
    const result = this.total(cost);
    this.bu.set(u);
    this.bv.set(v);
    this.bp.set(p);
    return result;
  }

  /** The column potentials and row assignment of the last result (to store with a node). */
  exportResult(vOut: Int32Array, assignOut: Uint16Array, rowOf: (k: number) => number): void {
    const n = this.n;
    for (let j = 0; j < n; j++) vOut[j] = this.v[j + 1];
    for (let k = 0; k < n; k++) assignOut[k] = this.assignment[rowOf(k)];
  }

  /**
   * Makes a stored optimum the base for `resolveRow` without solving again: with the column
   * potentials and the (optimal) assignment, the row potentials follow from tightness.
   */
  loadBase(cost: Int32Array, vIn: Int32Array, assignIn: Uint16Array): void {
    const { n, bu, bv, bp } = this;
    bv[0] = 0;
    bu[0] = 0;
    bp[0] = 0;
    for (let j = 0; j < n; j++) bv[j + 1] = vIn[j];
    for (let i = 0; i < n; i++) {
      const j = assignIn[i];
      bp[j + 1] = i + 1;
      bu[i + 1] = cost[this.rowStart[i] + j] - vIn[j];
    }
  }

  /**
   * The optimum after only row `row` (0-based) of the last `solve`'s matrix changed: start from
   * the remembered optimum, keep the potentials feasible for the new row, free its column and
   * augment once. O(n²) instead of O(n³).
   */
  resolveRow(cost: Int32Array, row: number): number {
    const { n, u, v, p } = this;
    u.set(this.bu);
    v.set(this.bv);
    p.set(this.bp);
    const i = row + 1;
    for (let j = 1; j <= n; j++) if (p[j] === i) p[j] = 0;
    let m = Infinity;
    const base = this.rowStart[row] - 1;
    for (let j = 1; j <= n; j++) {
      const c = cost[base + j] - v[j];
      if (c < m) m = c;
    }
    u[i] = m;
    this.augment(cost, i);
    return this.total(cost);
  }
}
