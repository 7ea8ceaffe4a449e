/**
 * Push distances and dead squares.
 *
 * For every goal we pull a lone box back from it: the box may move from `x` to `x + e` when
 * the player could stand on `x + e` and step back to `x + 2e`. The number of pulls is the
 * fewest pushes that bring a box from that cell to the goal on an otherwise empty board, with
 * the player anywhere it needs to be. It is a lower bound on the real cost, so sums of it over
 * a box-to-goal matching are admissible. A cell from which no goal can be reached is a dead
 * square: a box pushed there can never be solved.
 */
import { type Board, floorCellCount } from './board';

export const UNREACHABLE = 0xffff;

export interface Distances {
  /** dist[goal * size + cell]: pushes from `cell` to goal number `goal`, UNREACHABLE if none. */
  readonly dist: Uint16Array;
  /** 1 where a box can never reach any goal. */
  readonly dead: Uint8Array;
  /** Fewest pushes from a cell to its nearest goal. */
  readonly nearest: Uint16Array;
}

/** Boards with more floor than this use the simpler distances (the side analysis is O(floor²)). */
const SIDE_ANALYSIS_LIMIT = 3000;

/**
 * For each floor cell b and side k (the neighbour b + offsets[k]), a label such that two sides
 * share a label exactly when the player can walk between them with a box on b (walls only
 * otherwise). -1 for a side that is not floor.
 */
function sideComponents(board: Board): Int8Array {
  const { size, floor, offsets } = board;
  const label = new Int8Array(size * 4).fill(-1);
  const simple = floorCellCount(board) > SIDE_ANALYSIS_LIMIT;
  const mark = new Int32Array(size);
  const queue = new Int32Array(size);
  let stamp = 0;
  for (let b = 0; b < size; b++) {
    if (!floor[b]) continue;
    let next = 0;
    for (let k = 0; k < 4; k++) {
      const s0 = b + offsets[k];
      if (!floor[s0] || label[b * 4 + k] >= 0) continue;
      const id = simple ? 0 : next++;
      label[b * 4 + k] = id;
      if (simple) continue;
      // Flood from this side around the box and label the other sides it meets.
      stamp++;
      let head = 0;
      let tail = 0;
      mark[s0] = stamp;
      queue[tail++] = s0;
      while (head < tail) {
        const c = queue[head++];
        for (let d = 0; d < 4; d++) {
          const nb = c + offsets[d];
          if (nb === b || !floor[nb] || mark[nb] === stamp) continue;
          mark[nb] = stamp;
          queue[tail++] = nb;
        }
      }
      for (let j = k + 1; j < 4; j++) {
        const sj = b + offsets[j];
        if (floor[sj] && label[b * 4 + j] < 0 && mark[sj] === stamp) label[b * 4 + j] = id;
      }
    }
  }
  return label;
}

/**
 * Push distances with the player taken into account: after a push the player stands behind
 * the box and can only reach the sides of the box connected to that spot. We search backwards
 * from each goal over (box cell, player's side component) states; a cell's distance to the
 * goal is the minimum over its components, since the player may arrive on any side first.
 */
export function pushDistances(board: Board): Distances {
  const { size, floor, offsets, goals } = board;
  const side = sideComponents(board);
  const dist = new Uint16Array(goals.length * size).fill(UNREACHABLE);
  const stateDist = new Uint16Array(size * 4);
  const queue = new Int32Array(size * 4);
  // Side index of the opposite direction: offsets are l, u, r, d.
  const OPP = [2, 3, 0, 1];
  for (let g = 0; g < goals.length; g++) {
    stateDist.fill(UNREACHABLE);
    let head = 0;
    let tail = 0;
    const goal = goals[g];
    for (let k = 0; k < 4; k++) {
      const l = side[goal * 4 + k];
      if (l >= 0 && stateDist[goal * 4 + l] === UNREACHABLE) {
        stateDist[goal * 4 + l] = 0;
        queue[tail++] = goal * 4 + l;
      }
    }
    while (head < tail) {
      const state = queue[head++];
      const x = state >> 2;
      const comp = state & 3;
      const next = stateDist[state] + 1;
      for (let d = 0; d < 4; d++) {
        // Undo a push in direction d: the player stood at x - e after it (a side of x in
        // this component); before it the box was on x - e and the player on x - 2e.
        const e = offsets[d];
        const back = OPP[d];
        if (side[x * 4 + back] !== comp) continue;
        const prev = x - e;
        if (!floor[prev + -e]) continue;
        const l = side[prev * 4 + back];
        const ps = prev * 4 + l;
        if (stateDist[ps] === UNREACHABLE) {
          stateDist[ps] = next;
          queue[tail++] = ps;
        }
      }
    }
    const base = g * size;
    for (let c = 0; c < size; c++) {
      if (!floor[c]) continue;
      let m = UNREACHABLE;
      for (let l = 0; l < 4; l++) if (stateDist[c * 4 + l] < m) m = stateDist[c * 4 + l];
      dist[base + c] = m;
    }
  }
  const nearest = new Uint16Array(size).fill(UNREACHABLE);
  for (let g = 0; g < goals.length; g++) {
    const base = g * size;
    for (let c = 0; c < size; c++) if (dist[base + c] < nearest[c]) nearest[c] = dist[base + c];
  }
  const dead = new Uint8Array(size);
  for (let c = 0; c < size; c++) if (floor[c] && nearest[c] === UNREACHABLE) dead[c] = 1;
  return { dist, dead, nearest };
}

/**
 * The box-to-goal cost matrix of the matching bound: row i, column g holds the pushes box i needs
 * to reach goal g, or `forbidden` where it never can.
 */
export function boxGoalCosts(
  distances: Distances,
  board: Board,
  boxes: ArrayLike<number>,
  forbidden: number,
): Int32Array {
  const n = boxes.length;
  const cost = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let g = 0; g < n; g++) {
      const d = distances.dist[g * board.size + boxes[i]];
      cost[i * n + g] = d === UNREACHABLE ? forbidden : d;
    }
  }
  return cost;
}
