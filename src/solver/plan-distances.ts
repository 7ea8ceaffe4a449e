/**
 * Push distances that follow the packing plan, for the feature search's packing macro.
 *
 * The plan (packing-order.ts) fills goal k while goals 0..k-1 of its order already hold boxes.
 * A goal room fed through two entrances is then filled from each in turn, and the boxes that can
 * use an entrance may be few: on XSokoban #55 and #32 only the boxes on one side of the room
 * can bring its last goals in. The macro used to take the boxes nearest to the next goal on the
 * empty board, spent those few boxes on the first goals, and the search ended with the last
 * goals walled in (session 7 found every nearest-to-solved position of #31, #32, #41 and #55
 * lost, though the bound put them 4-12 pushes from solved).
 *
 * Here goal k's row of the distance table is measured with goals 0..k-1 as walls. Where the
 * plan leaves no way in, the empty-board distance plus `penalty` stands, so every box keeps a
 * finite cost wherever the empty board gives one: a box that could only use a way the plan has
 * shut ranks last, but is still tried. Ranking only: nothing is pruned by it. Opt-in
 * (Tuning.planPenalty): it trades #55 against #12 and #15 (see search-context.ts).
 */
import { type Board, floorCellCount } from './board';
import { type Distances, pushDistances, UNREACHABLE } from './distance';

/**
 * Work cap: goals times floor cells squared (each goal's table floods the floor from every side
 * of every cell). XSokoban's boards take under 10^6; past the cap the empty board's stand.
 */
const WORK_CAP = 25_000_000;

export function planDistances(
  board: Board,
  distances: Distances,
  order: Int32Array,
  penalty: number,
): Distances {
  const { size, goalIndex } = board;
  const floorCount = floorCellCount(board);
  if (order.length * floorCount * floorCount > WORK_CAP) return distances;
  const dist = Uint16Array.from(distances.dist);
  const floor = Uint8Array.from(board.floor);
  for (let k = 0; k < order.length; k++) {
    const g = order[k];
    const alone = pushDistances({ ...board, floor, goals: Int32Array.of(g) }).dist;
    const base = goalIndex[g] * size;
    for (let c = 0; c < size; c++) {
      const real = distances.dist[base + c];
      if (real === UNREACHABLE) continue;
      dist[base + c] =
        alone[c] !== UNREACHABLE ? alone[c] : Math.min(real + penalty, UNREACHABLE - 1);
    }
    floor[g] = 0;
  }
  return { dist, dead: distances.dead, nearest: distances.nearest };
}
