/** The player's region by flood fill, the search's most frequent operation. */
import type { Board } from './board';

/** Reach's mark for walls: above every stamp, so a flood never enters them. */
export const WALL_MARK = 0x7fffffff;

/**
 * Reachability by stamping: cells with mark[c] === stamp after a call are reachable.
 *
 * Walls carry a mark above every stamp, so the floods test one array (and the box) per
 * neighbour instead of three. A flood takes two stamps: `stamp` for the player's region and
 * `stamp + 1` for the other areas `areas` finds, so both are "seen" for this call and both are
 * below the next call's stamp.
 */
export class Reach {
  readonly mark: Int32Array;
  stamp = 0;
  /** Cells reached by the last flood. */
  count = 0;
  /** Walking distances written by `walk`. */
  readonly steps: Int32Array;
  private readonly queue: Int32Array;
  private readonly board: Board;
  constructor(board: Board) {
    this.board = board;
    this.mark = new Int32Array(board.size);
    this.queue = new Int32Array(board.size);
    this.steps = new Int32Array(board.size);
    this.markWalls();
  }
  private markWalls(): void {
    const { floor, size } = this.board;
    for (let c = 0; c < size; c++) if (!floor[c]) this.mark[c] = WALL_MARK;
  }
  /** Floods from `from` around boxes; returns the smallest reachable cell. */
  flood(boxAt: Uint8Array, from: number): number {
    const w = this.board.width;
    const mark = this.mark;
    const queue = this.queue;
    // Stamps live in an Int32Array: start over long before they could overflow.
    if (this.stamp >= 0x3fffffff) {
      this.mark.fill(0);
      this.markWalls();
      this.stamp = 0;
    }
    const stamp = (this.stamp += 2);
    let head = 0;
    let tail = 0;
    let min = from;
    mark[from] = stamp;
    queue[tail++] = from;
    // The four neighbours written out: this loop is the hottest of the search. Only a left or
    // upper neighbour can be smaller than the cell being expanded (which is >= min).
    while (head < tail) {
      const c = queue[head++];
      let x = c - 1;
      if (mark[x] < stamp && !boxAt[x]) {
        mark[x] = stamp;
        queue[tail++] = x;
        if (x < min) min = x;
      }
      x = c - w;
      if (mark[x] < stamp && !boxAt[x]) {
        mark[x] = stamp;
        queue[tail++] = x;
        if (x < min) min = x;
      }
      x = c + 1;
      if (mark[x] < stamp && !boxAt[x]) {
        mark[x] = stamp;
        queue[tail++] = x;
      }
      x = c + w;
      if (mark[x] < stamp && !boxAt[x]) {
        mark[x] = stamp;
        queue[tail++] = x;
      }
    }
    this.count = tail;
    return min;
  }

  /** Floods like `flood` (same stamps), also writing each reached cell's walking distance to `steps`. */
  walk(boxAt: Uint8Array, from: number): void {
    const { offsets } = this.board;
    const { mark, queue, steps } = this;
    if (this.stamp >= 0x3fffffff) {
      mark.fill(0);
      this.markWalls();
      this.stamp = 0;
    }
    const stamp = (this.stamp += 2);
    let head = 0;
    let tail = 0;
    mark[from] = stamp;
    steps[from] = 0;
    queue[tail++] = from;
    while (head < tail) {
      const c = queue[head++];
      for (let d = 0; d < 4; d++) {
        const n = c + offsets[d];
        if (mark[n] < stamp && !boxAt[n]) {
          mark[n] = stamp;
          steps[n] = steps[c] + 1;
          queue[tail++] = n;
        }
      }
    }
    this.count = tail;
  }

  /**
   * How many separate areas the boxes cut the free floor into, the last flood's region counted
   * as one. `boxes` are the box cells `boxAt` marks: every other area borders a box (the floor
   * is connected), so only the boxes' neighbours can start one. Marks those areas `stamp + 1`.
   */
  areas(boxAt: Uint8Array, boxes: Int32Array): number {
    const w = this.board.width;
    const mark = this.mark;
    const queue = this.queue;
    const seen = this.stamp + 1;
    let regions = 1;
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      for (let d = 0; d < 4; d++) {
        const s = d === 0 ? b - 1 : d === 1 ? b - w : d === 2 ? b + 1 : b + w;
        if (mark[s] >= seen - 1 || boxAt[s]) continue;
        regions++;
        // The player's region is already marked; the area's own cells take `seen`.
        let head = 0;
        let tail = 0;
        mark[s] = seen;
        queue[tail++] = s;
        while (head < tail) {
          const c = queue[head++];
          let x = c - 1;
          if (mark[x] < seen - 1 && !boxAt[x]) {
            mark[x] = seen;
            queue[tail++] = x;
          }
          x = c - w;
          if (mark[x] < seen - 1 && !boxAt[x]) {
            mark[x] = seen;
            queue[tail++] = x;
          }
          x = c + 1;
          if (mark[x] < seen - 1 && !boxAt[x]) {
            mark[x] = seen;
            queue[tail++] = x;
          }
          x = c + w;
          if (mark[x] < seen - 1 && !boxAt[x]) {
            mark[x] = seen;
            queue[tail++] = x;
          }
        }
      }
    }
    return regions;
  }
}
