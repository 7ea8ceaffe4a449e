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
import type { Board } from './board';

export const UNREACHABLE = 0xffff;

export interface Distances {
  /** dist[goal * size + cell]: pushes from `cell` to goal number `goal`, UNREACHABLE if none. */
  readonly dist: Uint16Array;
  /** 1 where a box can never reach any goal. */
  readonly dead: Uint8Array;
  /** Fewest pushes from a cell to its nearest goal. */
  readonly nearest: Uint16Array;
}

export function pushDistances(board: Board): Distances {
  const { size, floor, offsets, goals } = board;
  const dist = new Uint16Array(goals.length * size).fill(UNREACHABLE);
  const queue = new Int32Array(size);
  for (let g = 0; g < goals.length; g++) {
    const base = g * size;
    let head = 0;
    let tail = 0;
    dist[base + goals[g]] = 0;
    queue[tail++] = goals[g];
    while (head < tail) {
      const x = queue[head++];
      const next = dist[base + x] + 1;
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        const y = x + e;
        if (floor[y] && floor[y + e] && dist[base + y] === UNREACHABLE) {
          dist[base + y] = next;
          queue[tail++] = y;
        }
      }
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
