/**
 * Packing order by reverse play with the player tracked exactly.
 *
 * Start from the solved position (a box on every goal) and take boxes out one at a time: a box
 * is taken out when it can be pulled, the other boxes still on their goals standing still, all
 * the way to a square where some box starts the level (a non-goal one). The player starts
 * anywhere (the forward game may end anywhere) and afterwards stays where the last pull left
 * it, so a goal room whose far entrance the player can only reach through the room itself is
 * emptied in an order that keeps that way open. Of the boxes that can be taken out, the one
 * with the fewest pulls goes first (it sits nearest an entrance). When no box can reach a start
 * square, a box pulled onto any square off the goals counts as taken out. The reverse of the
 * removal order is the packing order.
 *
 * `packing.ts` takes a box out after a single pull with the player anywhere in its region;
 * this is the stricter plan, used when it takes out at least as many boxes. It is a heuristic
 * for the fast mode only: nothing is pruned by it.
 */
import type { Board } from './board';
import { packingOrder } from './packing';

/** Work cap (cells flooded over the whole plan, ~0.1 s): beyond it packing.ts plans instead. */
const WORK_CAP = 20_000_000;

interface PullResult {
  readonly pulls: number;
  readonly player: number;
}

/** Reverse-play planner over one board; the arrays are reused between the pull searches. */
class Planner {
  private readonly board: Board;
  /** 1 where a box stands (still on its goal, or the pulled one). */
  readonly filled: Uint8Array;
  private readonly target: Uint8Array;
  private readonly regionMark: Int32Array;
  private regionStamp = 0;
  private readonly floodQueue: Int32Array;
  /** Visited (box cell, region's smallest cell) pairs of the current pull search. */
  private readonly seen = new Map<number, number>();
  private readonly queueBox: number[] = [];
  private readonly queuePlayer: number[] = [];
  private readonly queuePulls: number[] = [];
  work = 0;

  constructor(board: Board, target: Uint8Array) {
    this.board = board;
    this.filled = new Uint8Array(board.size);
    this.target = target;
    this.regionMark = new Int32Array(board.size);
    this.floodQueue = new Int32Array(board.size);
  }

  /** Floods the player's region from `from` (boxes as `filled`); returns its smallest cell. */
  flood(from: number): number {
    const { floor, offsets } = this.board;
    const stamp = ++this.regionStamp;
    const mark = this.regionMark;
    const q = this.floodQueue;
    let head = 0;
    let tail = 0;
    mark[from] = stamp;
    q[tail++] = from;
    let smallest = from;
    while (head < tail) {
      const c = q[head++];
      if (c < smallest) smallest = c;
      for (let d = 0; d < 4; d++) {
        const x = c + offsets[d];
        if (floor[x] && !this.filled[x] && mark[x] !== stamp) {
          mark[x] = stamp;
          q[tail++] = x;
        }
      }
    }
    this.work += tail;
    return smallest;
  }

  inRegion(c: number): boolean {
    return this.regionMark[c] === this.regionStamp;
  }

  /**
   * Fewest pulls that take the box on `goal` to a target square, the player starting at one
   * of `players` (each a free cell; -1 = any free neighbour of the box); null when none do.
   */
  pullOut(goal: number, players: readonly number[], relaxed: boolean): PullResult | null {
    const { floor, offsets } = this.board;
    const filled = this.filled;
    this.seen.clear();
    const qb = this.queueBox;
    const qp = this.queuePlayer;
    const qn = this.queuePulls;
    qb.length = qp.length = qn.length = 0;
    const size = this.board.size;
    const visit = (box: number, player: number, pulls: number) => {
      filled[box] = 1;
      const key = box * size + this.flood(player);
      filled[box] = 0;
      if (this.seen.has(key)) return;
      this.seen.set(key, 1);
      qb.push(box);
      qp.push(player);
      qn.push(pulls);
    };
    filled[goal] = 0;
    for (const p of players) {
      if (p >= 0) visit(goal, p, 0);
      else
        for (let d = 0; d < 4; d++) {
          const x = goal + offsets[d];
          if (floor[x] && !filled[x]) visit(goal, x, 0);
        }
    }
    let result: PullResult | null = null;
    const pullable: number[] = [];
    for (let k = 0; k < qb.length && result === null; k++) {
      const box = qb[k];
      filled[box] = 1;
      this.flood(qp[k]);
      filled[box] = 0;
      // A pull: the player on `to` steps back to `behind`, the box follows onto `to`.
      pullable.length = 0;
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        const to = box + e;
        if (this.inRegion(to) && floor[to + e] && !filled[to + e]) pullable.push(d);
      }
      for (const d of pullable) {
        const e = offsets[d];
        const to = box + e;
        if (relaxed ? !this.board.goal[to] : this.target[to]) {
          result = { pulls: qn[k] + 1, player: to + e };
          break;
        }
        visit(to, to + e, qn[k] + 1);
      }
    }
    filled[goal] = 1;
    return result;
  }
}

/** Goals in packing order (first to fill first), or null when reverse play gets stuck or costs too much. */
export function reversePackingOrder(board: Board, startBoxes: Int32Array): Int32Array | null {
  const { size, goals, goal } = board;
  const target = new Uint8Array(size);
  for (const b of startBoxes) if (!goal[b]) target[b] = 1;
  const planner = new Planner(board, target);
  for (const g of goals) planner.filled[g] = 1;
  // The player of the solved position may stand anywhere: every free neighbour of each box.
  let players: number[] = [-1];
  const removed: number[] = [];
  const left = new Set<number>(goals);
  while (left.size > 0) {
    let best: PullResult | null = null;
    let bestGoal = -1;
    // Strict targets first (a start square); when no box gets to one, any square off the goals.
    for (let relaxed = 0; relaxed < 2 && best === null; relaxed++) {
      for (const g of left) {
        const r = planner.pullOut(g, players, relaxed === 1);
        if (r !== null && (best === null || r.pulls < best.pulls)) {
          best = r;
          bestGoal = g;
        }
        if (planner.work > WORK_CAP) return null;
      }
    }
    if (best === null) return null;
    planner.filled[bestGoal] = 0;
    left.delete(bestGoal);
    removed.push(bestGoal);
    players = [best.player];
  }
  return Int32Array.from(removed.reverse());
}

/** The packing order the search follows: reverse play when it plans every goal, else packing.ts. */
export function planPacking(board: Board, startBoxes: Int32Array, player: number): Int32Array {
  return reversePackingOrder(board, startBoxes) ?? packingOrder(board, player);
}
