/**
 * Packing order: the order in which goals are best filled, found backwards. Start with every
 * goal holding a box and repeatedly take out a box the player can pull off its goal (with the
 * boxes still in place as obstacles); the reverse of the removal order is the packing order.
 * Goals deep inside a goal room come out last, so they are packed first. It is a heuristic
 * for the fast mode only: nothing is pruned by it.
 */
import type { Board } from './board';

export function packingOrder(board: Board, player: number): Int32Array {
  const { size, floor, offsets, goals, goal } = board;
  const filled = new Uint8Array(size);
  for (const g of goals) filled[g] = 1;
  const reach = new Uint8Array(size);
  const queue = new Int32Array(size);
  const removed: number[] = [];
  let left = goals.length;
  // The player may start on a goal; it is where the player would stand anyway.
  while (left > 0) {
    reach.fill(0);
    let head = 0;
    let tail = 0;
    const starts: number[] = [];
    if (!filled[player]) starts.push(player);
    else for (let c = 0; c < size; c++) if (floor[c] && !filled[c]) starts.push(c);
    for (const s of starts.slice(0, 1)) {
      reach[s] = 1;
      queue[tail++] = s;
    }
    while (head < tail) {
      const c = queue[head++];
      for (let d = 0; d < 4; d++) {
        const nb = c + offsets[d];
        if (floor[nb] && !filled[nb] && !reach[nb]) {
          reach[nb] = 1;
          queue[tail++] = nb;
        }
      }
    }
    // Prefer a box whose first pull lands off the goals (it leaves the goal area at once).
    let pick = -1;
    let pickScore = -1;
    for (const g of goals) {
      if (!filled[g]) continue;
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        if (!reach[g + e] || !reach[g + 2 * e]) continue;
        const score = goal[g + e] ? 1 : 2;
        if (score > pickScore) {
          pickScore = score;
          pick = g;
        }
      }
    }
    if (pick < 0) break;
    filled[pick] = 0;
    removed.push(pick);
    left--;
  }
  // Goals never freed (the backwards game got stuck) go first, in board order.
  const order: number[] = [];
  for (const g of goals) if (filled[g]) order.push(g);
  for (let i = removed.length - 1; i >= 0; i--) order.push(removed[i]);
  return Int32Array.from(order);
}
