/**
 * PI-corral pruning.
 *
 * A corral is a connected area of empty floor the player cannot reach; its fence is the boxes
 * next to it. Before any box can enter the corral, some fence box has to move (no other box can
 * get next to the corral without one moving first). Suppose every push of a fence box that
 * does not go into the corral is impossible for good while the fence stands (wall, fence box
 * or dead square ahead, or wall, fence box or corral behind) and every push into the corral is
 * either possible right now or impossible for good. Then in any solution the first push that
 * touches the corral is one of the pushes into it available now, and doing it first changes
 * nothing else (the outside pushes stay legal, the player ends in the same region), not even
 * the push count. So a node with such a PI-corral only needs its pushes into the corral: the
 * pruning is sound for solvability and for push-optimality. A corral that needs work (an empty
 * goal inside, or a fence box off its goal) with no such push at all is a corral deadlock.
 */
import type { Board } from './board';

/** CorralFinder's label for walls: above every label a call hands out. */
const WALL_LABEL = 0x7fffffff;

export class CorralFinder {
  private readonly board: Board;
  private readonly dead: Uint8Array;
  /** comp[cell] = component label (stamped, unique per call), 0 = none. */
  private readonly comp: Int32Array;
  private readonly fence: Int32Array;
  private readonly queue: Int32Array;
  private readonly fenceList: Int32Array;
  private label = 0;
  /** The chosen corral's pushes, as box cell * 4 + direction. */
  readonly pushes: Int32Array;
  pushCount = 0;
  /** After a 'deadlock' verdict (until the next `find`): the fence of the corral that can never be opened. */
  get deadlockFence(): number[] {
    return Array.from(this.fenceList.subarray(0, this.deadFenceCount));
  }
  private deadFenceCount = 0;
  private readonly candidate: Int32Array;
  /** The floor cells in ascending order: the scan for corrals skips the walls. */
  private readonly cells: Int32Array;

  constructor(board: Board, dead: Uint8Array) {
    this.board = board;
    this.dead = dead;
    const cells: number[] = [];
    for (let c = 0; c < board.size; c++) if (board.floor[c]) cells.push(c);
    this.cells = Int32Array.from(cells);
    this.comp = new Int32Array(board.size);
    this.fence = new Int32Array(board.size);
    this.queue = new Int32Array(board.size);
    this.fenceList = new Int32Array(board.size);
    this.pushes = new Int32Array(board.size * 4);
    this.candidate = new Int32Array(board.size * 4);
    this.markWalls();
  }

  /** Walls carry a label above every real one, so the corral flood tests one array for them. */
  private markWalls(): void {
    const { floor, size } = this.board;
    for (let c = 0; c < size; c++) if (!floor[c]) this.comp[c] = WALL_LABEL;
  }

  /**
   * Looks for PI-corrals. Returns 'none' (no pruning), 'prune' (only `pushes` need searching)
   * or 'deadlock'. `reach[c] === stamp` marks the player's cells; `boxAt` the boxes.
   * `outside`, when known, is how many free cells the player does not reach: once that many
   * are labelled, the rest of the scan could find no other corral and is skipped.
   * Run at every node: a hot loop kept whole on purpose (long, but one pass to read).
   */
  find(
    boxAt: Uint8Array,
    reach: Int32Array,
    stamp: number,
    outside = Infinity,
  ): 'none' | 'prune' | 'deadlock' {
    const { floor, offsets, goal, width: w } = this.board;
    const { comp, fence, queue, fenceList, dead, candidate, cells } = this;
    if (this.label > 0x3fffff00) {
      comp.fill(0);
      fence.fill(0);
      this.markWalls();
      this.label = 0;
    }
    const first = this.label + 1;
    let best = -1;
    this.pushCount = 0;
    let left = outside;
    for (let q = 0; q < cells.length && left > 0; q++) {
      const start = cells[q];
      if (boxAt[start] || reach[start] === stamp || comp[start] >= first) continue;
      const k = ++this.label;
      // Flood the corral and collect its fence.
      let head = 0;
      let tail = 0;
      let fenceCount = 0;
      let needed = false;
      comp[start] = k;
      queue[tail++] = start;
      while (head < tail) {
        const c = queue[head++];
        if (goal[c]) needed = true;
        // The four neighbours written out (left, up, right, down, as `offsets`): a free one
        // not yet labelled is in this corral (walls carry WALL_LABEL, and any label a free
        // neighbour has from this call is k); a box is on the fence.
        let nb = c - 1;
        if (boxAt[nb]) {
          if (fence[nb] !== k) {
            fence[nb] = k;
            fenceList[fenceCount++] = nb;
            if (!goal[nb]) needed = true;
          }
        } else if (comp[nb] < first) {
          comp[nb] = k;
          queue[tail++] = nb;
        }
        nb = c - w;
        if (boxAt[nb]) {
          if (fence[nb] !== k) {
            fence[nb] = k;
            fenceList[fenceCount++] = nb;
            if (!goal[nb]) needed = true;
          }
        } else if (comp[nb] < first) {
          comp[nb] = k;
          queue[tail++] = nb;
        }
        nb = c + 1;
        if (boxAt[nb]) {
          if (fence[nb] !== k) {
            fence[nb] = k;
            fenceList[fenceCount++] = nb;
            if (!goal[nb]) needed = true;
          }
        } else if (comp[nb] < first) {
          comp[nb] = k;
          queue[tail++] = nb;
        }
        nb = c + w;
        if (boxAt[nb]) {
          if (fence[nb] !== k) {
            fence[nb] = k;
            fenceList[fenceCount++] = nb;
            if (!goal[nb]) needed = true;
          }
        } else if (comp[nb] < first) {
          comp[nb] = k;
          queue[tail++] = nb;
        }
      }
      left -= tail;
      if (!needed) continue;
      let ok = true;
      let count = 0;
      for (let f = 0; f < fenceCount && ok; f++) {
        const b = fenceList[f];
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = b + e;
          const from = b - e;
          const fromBlocked = !floor[from] || fence[from] === k || comp[from] === k;
          if (comp[to] === k) {
            if (dead[to] || fromBlocked) continue;
            if (reach[from] === stamp) candidate[count++] = b * 4 + d;
            else {
              ok = false; // blocked only for now (a box, or another area)
              break;
            }
          } else {
            const toBlocked = !floor[to] || fence[to] === k || dead[to] === 1;
            if (toBlocked || fromBlocked) continue;
            ok = false; // a push out of or along the fence may become possible
            break;
          }
        }
      }
      if (!ok) continue;
      if (count === 0) {
        this.deadFenceCount = fenceCount;
        return 'deadlock';
      }
      if (best < 0 || count < this.pushCount) {
        best = k;
        this.pushCount = count;
        for (let m = 0; m < count; m++) this.pushes[m] = candidate[m];
      }
    }
    return best < 0 ? 'none' : 'prune';
  }
}
