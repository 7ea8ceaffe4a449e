/**
 * The search's bound: the minimum-cost matching of boxes to goals over push distances, kept
 * incrementally. A node's optimum is the base (stored with the node, or solved again when
 * memory was short) and each child changes one row, O(n²) instead of O(n³).
 */
import type { Board } from './board';
import { type Distances, UNREACHABLE } from './distance';
import { FORBIDDEN, Matcher } from './matching';
import type { NodeStore } from './table';

export class MatchingBound {
  private readonly matcher: Matcher;
  private readonly dist: Uint16Array;
  private readonly size: number;
  private readonly n: number;
  private readonly goalCount: number;
  /**
   * Cost rows: row i of the matrix the matcher reads starts at rows[i] in `cost`. Normally
   * `cost` is the push distances cell by cell (FORBIDDEN where a box cannot reach the goal),
   * and filling a row just points it at its cell's run: O(1) instead of n values, three times
   * per child and n times per expansion. A board too large for that second copy of the
   * distances copies each row into a private n × n matrix instead.
   */
  private readonly viewRows: boolean;
  private readonly cost: Int32Array;
  private readonly rows: Int32Array;
  private readonly potBuf: Int32Array;
  private readonly assignBuf: Uint16Array;
  /** indexAt[cell]: the row of the box on `cell` in the node being expanded. */
  readonly indexAt: Int32Array;
  private movedCell = -1;
  private movedRow = -1;
  private childView: Int32Array = new Int32Array(0);
  private readonly rowOfChild = (k: number) =>
    this.childView[k] === this.movedCell ? this.movedRow : this.indexAt[this.childView[k]];

  constructor(board: Board, distances: Distances, n: number) {
    const { size } = board;
    const goalCount = board.goals.length;
    const dist = distances.dist;
    this.dist = dist;
    this.size = size;
    this.n = n;
    this.goalCount = goalCount;
    this.matcher = new Matcher(n);
    this.potBuf = new Int32Array(n);
    this.assignBuf = new Uint16Array(n);
    this.indexAt = new Int32Array(size);
    this.viewRows = size * goalCount <= 1 << 20;
    this.cost = new Int32Array(this.viewRows ? size * goalCount : n * n);
    this.rows = new Int32Array(n);
    if (this.viewRows) {
      for (let g = 0; g < goalCount; g++) {
        for (let c = 0; c < size; c++) {
          const d = dist[g * size + c];
          this.cost[c * goalCount + g] = d === UNREACHABLE ? FORBIDDEN : d;
        }
      }
    } else {
      for (let i = 0; i < n; i++) this.rows[i] = i * n;
    }
    this.matcher.setRows(this.rows);
  }

  private fillRow(row: number, cell: number): void {
    if (this.viewRows) {
      this.rows[row] = cell * this.goalCount;
      return;
    }
    const { cost, dist, size } = this;
    const base = row * this.n;
    for (let g = 0; g < this.goalCount; g++) {
      const d = dist[g * size + cell];
      cost[base + g] = d === UNREACHABLE ? FORBIDDEN : d;
    }
  }

  /** The bound of `boxes` solved from scratch, now the base; -1 when no perfect matching. */
  solve(boxes: Int32Array): number {
    for (let i = 0; i < this.n; i++) this.fillRow(i, boxes[i]);
    return this.matcher.solve(this.cost);
  }

  /** Makes node `id` (boxes `boxes`) the base: its stored optimum, or solved again. */
  loadNode(store: NodeStore, id: number, boxes: Int32Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) this.fillRow(i, boxes[i]);
    if (store.loadMatching(id, this.potBuf, this.assignBuf))
      this.matcher.loadBase(this.cost, this.potBuf, this.assignBuf);
    else this.matcher.solve(this.cost);
    this.indexRows(boxes);
  }

  /** Records which row each box of the base is in (for `save`). */
  indexRows(boxes: Int32Array): void {
    for (let i = 0; i < this.n; i++) this.indexAt[boxes[i]] = i;
  }

  /** The base's bound with row `row`'s box moved from `from` to `to`; the base stays. */
  moved(row: number, to: number, from: number): number {
    this.fillRow(row, to);
    const h = this.matcher.resolveRow(this.cost, row);
    this.fillRow(row, from);
    return h;
  }

  /** Stores the last result with node `cid`, whose boxes are `boxes` (row `row` moved to `cell`). */
  save(store: NodeStore, cid: number, boxes: Int32Array, row: number, cell: number): void {
    if (!store.keepsMatching(cid)) return;
    this.childView = boxes;
    this.movedCell = cell;
    this.movedRow = row;
    this.matcher.exportResult(this.potBuf, this.assignBuf, this.rowOfChild);
    store.setMatching(cid, this.potBuf, this.assignBuf);
  }
}
