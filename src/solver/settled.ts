/**
 * Settled boxes: boxes frozen on goals.
 *
 * A frozen box (freeze.ts) never moves again in any solution, so once it stands on a goal it is
 * a wall for the rest of the game, and its goal is taken. Walls change what the other boxes can
 * reach: a goal room packed in the wrong order seals off an empty goal or a box still on its
 * way, which the search's static push distances (computed on the empty board) cannot see. For
 * each set of settled boxes met in the search we compute the push distances of the board with
 * those boxes turned into walls (cached by the set), and call the position lost when a box
 * still to be placed can reach no free goal, or a free goal can be reached by no such box.
 * Both are relaxations of the real game with the settled boxes fixed, so the verdict is a
 * proof: it never removes a position from which a solution exists.
 */
import type { Board } from './board';
import { type Distances, pushDistances, UNREACHABLE } from './distance';
import { FreezeChecker } from './freeze';

/** The board's analysis with one set of settled boxes turned into walls. */
interface Sealed {
  /** Push distances to the free goals (goal rows in board order) and the dead squares. */
  readonly distances: Distances;
  readonly goalCount: number;
}

/** Distinct settled sets analysed per search at most; past it positions go unchecked (sound). */
const CACHE_CAP = 4096;

export class SettledChecker {
  private readonly board: Board;
  private readonly freeze: FreezeChecker;
  private readonly cache = new Map<string, Sealed | null>();
  /** Scratch: settled cells of the set being checked; free goals some box can reach. */
  private readonly settledAt: Uint8Array;
  private readonly covered: Uint8Array;
  /** Positions found lost (for tests and experiments). */
  found = 0;

  constructor(board: Board, dead: Uint8Array) {
    this.board = board;
    this.freeze = new FreezeChecker(board, dead);
    this.settledAt = new Uint8Array(board.size);
    this.covered = new Uint8Array(board.goals.length);
  }

  /**
   * After a push onto `moved`: whether the settled boxes of the new position leave it lost.
   * `boxAt` marks the new position's boxes; `before` are the old position's, entry `index`
   * being the pushed box. Only a settled set that includes the moved box is new: any other
   * was there before the push.
   */
  lostAfterPush(
    boxAt: Uint8Array,
    before: ArrayLike<number>,
    index: number,
    moved: number,
  ): boolean {
    const { floor, width: w, goal } = this.board;
    if (!goal[moved]) return false;
    // Cheap filter: a settled box is blocked on both axes (walls or boxes; dead squares aside).
    const hb = !floor[moved - 1] || !floor[moved + 1] || boxAt[moved - 1] || boxAt[moved + 1];
    const vb = !floor[moved - w] || !floor[moved + w] || boxAt[moved - w] || boxAt[moved + w];
    if (!hb || !vb) return false;
    // The settled group the push made: boxes frozen elsewhere stay ordinary boxes here (fewer
    // walls, a weaker but still sound check, and far fewer distinct sets to analyse).
    const frozen = this.freeze.frozenGroup(boxAt, moved);
    if (frozen === null) return false;
    frozen.sort((a, b) => a - b);
    for (const c of frozen) if (!goal[c]) return true;
    const key = frozen.join(',');
    let sealed = this.cache.get(key);
    if (sealed === undefined) {
      if (this.cache.size >= CACHE_CAP) return false;
      sealed = this.analyse(frozen);
      this.cache.set(key, sealed);
    }
    if (sealed === null) return false;
    const lost = this.unmatched(sealed, before, index, moved, frozen);
    if (lost) this.found++;
    return lost;
  }

  /** Push distances with `frozen` as walls; null when nothing is left to place. */
  private analyse(frozen: readonly number[]): Sealed | null {
    const { board } = this;
    const floor = Uint8Array.from(board.floor);
    for (const c of frozen) floor[c] = 0;
    const goals = Int32Array.from(Array.from(board.goals).filter((g) => floor[g] === 1));
    if (goals.length === 0) return null;
    const distances = pushDistances({ ...board, floor, goals });
    return { distances, goalCount: goals.length };
  }

  /**
   * Whether some box not settled can reach no free goal, or some free goal can be reached by
   * no such box (the one-sided cases of a failed box-to-goal pairing; a full matching costs
   * more than it finds here).
   */
  private unmatched(
    sealed: Sealed,
    before: ArrayLike<number>,
    index: number,
    moved: number,
    frozen: readonly number[],
  ): boolean {
    const { dist, dead } = sealed.distances;
    const size = this.board.size;
    const m = sealed.goalCount;
    const settledAt = this.settledAt;
    for (const c of frozen) settledAt[c] = 1;
    const covered = this.covered;
    covered.fill(0, 0, m);
    let lost = false;
    let coveredCount = 0;
    for (let i = 0; i < before.length && !lost; i++) {
      const b = i === index ? moved : before[i];
      if (settledAt[b]) continue;
      if (dead[b]) lost = true;
      else if (coveredCount < m) {
        for (let g = 0; g < m; g++) {
          if (!covered[g] && dist[g * size + b] !== UNREACHABLE) {
            covered[g] = 1;
            coveredCount++;
          }
        }
      }
    }
    for (const c of frozen) settledAt[c] = 0;
    return lost || coveredCount < m;
  }
}
