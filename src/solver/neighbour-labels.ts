/**
 * Which of a cell's four neighbours the player can walk between while a box stands on the
 * cell: the packing macro asks before pushing a box round a corner.
 */
import type { Board } from './board';
import { WALL_MARK } from './reach';
import { ringJoins } from './ring';

export class NeighbourLabels {
  /** labels[c * 4 + k]: neighbour k of c by player region (0 = wall or box; equal = same region). */
  readonly labels: Int32Array;
  private readonly floor: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly width: number;
  private readonly mark: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(board: Board) {
    this.floor = board.floor;
    this.offsets = board.offsets;
    this.width = board.width;
    this.labels = new Int32Array(board.size * 4);
    this.mark = new Int32Array(board.size);
    this.queue = new Int32Array(board.size);
    this.markWalls();
  }

  // Walls carry a mark no flood owns, so the label floods test one array per neighbour.
  private markWalls(): void {
    const { floor, mark } = this;
    for (let c = 0; c < mark.length; c++) if (!floor[c]) mark[c] = WALL_MARK;
  }

  /** Labels the four neighbours of `c` with a box on `c` (boxes as `boxAt` has them). */
  label(boxAt: Uint8Array, c: number): void {
    const { floor, offsets, labels } = this;
    const base = c * 4;
    labels[base] = labels[base + 1] = labels[base + 2] = labels[base + 3] = 0;
    // Cheap exact case first: no flood when the ring around `c` joins its free neighbours.
    if (ringJoins(floor, boxAt, this.width, c)) {
      for (let k = 0; k < 4; k++) {
        const nb = c + offsets[k];
        labels[base + k] = floor[nb] && !boxAt[nb] ? 1 : 0;
      }
      return;
    }
    // Otherwise flood from one unlabelled free neighbour at a time, stopping as soon as every
    // neighbour has its label: the neighbours a flood meets share its label; when it runs dry
    // the rest are in other regions. The last neighbour left needs no flood of its own.
    boxAt[c] = 1;
    let left = 0;
    for (let k = 0; k < 4; k++) {
      const nb = c + offsets[k];
      if (floor[nb] && !boxAt[nb]) left++;
    }
    for (let k = 0; k < 4 && left > 0; k++) {
      const nb = c + offsets[k];
      if (!floor[nb] || boxAt[nb] || labels[base + k] !== 0) continue;
      labels[base + k] = k + 1;
      if (--left === 0) break;
      left = this.flood(boxAt, c, nb, k + 1, left);
    }
    boxAt[c] = 0;
  }

  /** Floods from neighbour `nb` of `c`, giving `label` to the neighbours it meets; returns how many are left. */
  private flood(boxAt: Uint8Array, c: number, nb: number, label: number, left: number): number {
    const { offsets, labels, mark, queue } = this;
    const w = this.width;
    const base = c * 4;
    if (this.stamp >= 0x3fffffff) {
      mark.fill(0);
      this.markWalls();
      this.stamp = 0;
    }
    const stampL = ++this.stamp;
    let head = 0;
    let tail = 0;
    mark[nb] = stampL;
    queue[tail++] = nb;
    while (head < tail && left > 0) {
      const x = queue[head++];
      for (let d = 0; d < 4; d++) {
        const y = x + offsets[d];
        if (mark[y] >= stampL || boxAt[y]) continue;
        mark[y] = stampL;
        queue[tail++] = y;
        // One of c's neighbours? Then it shares this label.
        const dy = y - c;
        const j = dy === -1 ? 0 : dy === -w ? 1 : dy === 1 ? 2 : dy === w ? 3 : -1;
        if (j >= 0 && labels[base + j] === 0) {
          labels[base + j] = label;
          left--;
        }
      }
    }
    return left;
  }
}
