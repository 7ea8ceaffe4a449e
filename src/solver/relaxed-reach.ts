/**
 * Relaxed box reach: whether a box could get from one cell to another with the other boxes
 * standing still and the player anywhere free. Every walk of the box the real rules allow is
 * one of these, so "no" is a proof; the packing macro uses it as a cheap filter.
 */
import type { Board } from './board';
import { WALL_MARK } from './reach';

export class RelaxedReach {
  private readonly floor: Uint8Array;
  private readonly dead: Uint8Array;
  private readonly width: number;
  private readonly seen: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(board: Board, dead: Uint8Array) {
    this.floor = board.floor;
    this.dead = dead;
    this.width = board.width;
    this.seen = new Int32Array(board.size);
    this.queue = new Int32Array(board.size);
    this.markBarriers();
  }

  // Walls and dead squares can never take the box: marked above every stamp, one test covers
  // "seen", "wall" and "dead".
  private markBarriers(): void {
    const { floor, dead, seen } = this;
    for (let c = 0; c < seen.length; c++) if (!floor[c] || dead[c]) seen[c] = WALL_MARK;
  }

  /** Whether the box at `b` (marked in `boxAt`) could reach `target`. */
  reaches(boxAt: Uint8Array, b: number, target: number): boolean {
    if (this.stamp >= 0x3fffffff) {
      this.seen.fill(0);
      this.markBarriers();
      this.stamp = 0;
    }
    const stampR = ++this.stamp;
    const { floor, seen, queue } = this;
    boxAt[b] = 0;
    let head = 0;
    let tail = 0;
    seen[b] = stampR;
    queue[tail++] = b;
    const w = this.width;
    let reached = false;
    // Each neighbour's freedom is read once: it decides both the push into it and the push
    // from it (the player stands opposite). `floor - boxAt` is 1 exactly on free cells.
    while (head < tail) {
      const c = queue[head++];
      const l = c - 1;
      const u = c - w;
      const r = c + 1;
      const dn = c + w;
      const fl = floor[l] - boxAt[l];
      const fu = floor[u] - boxAt[u];
      const fr = floor[r] - boxAt[r];
      const fd = floor[dn] - boxAt[dn];
      if (fl && fr) {
        if (seen[l] < stampR) {
          if (l === target) reached = true;
          seen[l] = stampR;
          queue[tail++] = l;
        }
        if (seen[r] < stampR) {
          if (r === target) reached = true;
          seen[r] = stampR;
          queue[tail++] = r;
        }
      }
      if (fu && fd) {
        if (seen[u] < stampR) {
          if (u === target) reached = true;
          seen[u] = stampR;
          queue[tail++] = u;
        }
        if (seen[dn] < stampR) {
          if (dn === target) reached = true;
          seen[dn] = stampR;
          queue[tail++] = dn;
        }
      }
      if (reached) break;
    }
    boxAt[b] = 1;
    return reached;
  }
}
