/**
 * Freeze deadlocks: boxes that can never move again, found as a greatest fixed point.
 *
 * A box is blocked along an axis when a wall stands on either side, when a frozen box stands
 * on either side, or when both sides are dead squares (moving it there loses anyway). Starting
 * from a set of candidate boxes we repeatedly drop any box that is free along some axis; what
 * remains is a set in which every box is blocked on both axes by walls, dead squares or other
 * members, so none of them can ever be the first to move. If one of them is off a goal, the
 * position is lost. This covers single boxes, pairs, squares and arbitrary chains.
 */
import type { Board } from './board';

export class FreezeChecker {
  private readonly board: Board;
  private readonly dead: Uint8Array;
  private readonly member: Uint8Array;
  private readonly list: Int32Array;
  private count = 0;

  constructor(board: Board, dead: Uint8Array) {
    this.board = board;
    this.dead = dead;
    this.member = new Uint8Array(board.size);
    this.list = new Int32Array(board.size);
  }

  private blocked(c: number, e: number): boolean {
    const { floor } = this.board;
    const a = c - e;
    const b = c + e;
    if (!floor[a] || !floor[b]) return true;
    if (this.member[a] || this.member[b]) return true;
    return this.dead[a] === 1 && this.dead[b] === 1;
  }

  private frozen(c: number): boolean {
    const w = this.board.width;
    return this.blocked(c, 1) && this.blocked(c, w);
  }

  /** Shrinks the candidate list to its greatest frozen subset. */
  private fixedPoint(): void {
    const { member, list } = this;
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < this.count; i++) {
        const c = list[i];
        if (!this.frozen(c)) {
          member[c] = 0;
          list[i] = list[--this.count];
          i--;
          changed = true;
        }
      }
    }
  }

  private clear(): void {
    for (let i = 0; i < this.count; i++) this.member[this.list[i]] = 0;
    this.count = 0;
  }

  /**
   * After a push to `moved`: the frozen boxes off goals that the push created, or null.
   * `boxAt` marks the cells holding boxes (the push already applied). Only boxes connected to
   * the moved one can join a new frozen set: one that does not include the moved box is the
   * same as before the push.
   */
  deadlockAfterPush(boxAt: Uint8Array, moved: number): number[] | null {
    if (!this.detect(boxAt, moved)) return null;
    const result = Array.from(this.list.subarray(0, this.count));
    this.clear();
    return result;
  }

  /**
   * Whether the push to `moved` created frozen boxes off goals: `deadlockAfterPush` without
   * the list, which the search never needs (it asks millions of times).
   */
  frozenAfterPush(boxAt: Uint8Array, moved: number): boolean {
    if (!this.detect(boxAt, moved)) return false;
    this.clear();
    return true;
  }

  /** The check of both: on true the frozen set is left in `list` (the caller clears it). */
  private detect(boxAt: Uint8Array, moved: number): boolean {
    const { floor } = this.board;
    const w = this.board.width;
    // Cheap filter: the moved box must be blocked on both axes, boxes counted as blockers.
    const hb =
      !floor[moved - 1] ||
      !floor[moved + 1] ||
      boxAt[moved - 1] ||
      boxAt[moved + 1] ||
      (this.dead[moved - 1] && this.dead[moved + 1]);
    if (!hb) return false;
    const vb =
      !floor[moved - w] ||
      !floor[moved + w] ||
      boxAt[moved - w] ||
      boxAt[moved + w] ||
      (this.dead[moved - w] && this.dead[moved + w]);
    if (!vb) return false;
    // The candidate set: boxes 4-connected to the moved one.
    this.frozenAmongGroup(boxAt, moved);
    const { member, list, board } = this;
    let offGoal = false;
    if (member[moved]) {
      for (let i = 0; i < this.count; i++) if (!board.goal[list[i]]) offGoal = true;
    }
    if (!offGoal) this.clear();
    return offGoal;
  }

  /**
   * The frozen boxes 4-connected to the box on `moved` (itself included), or null when that box
   * is not frozen. `boxAt` marks the position's boxes. Goals are not looked at.
   */
  frozenGroup(boxAt: Uint8Array, moved: number): number[] | null {
    this.frozenAmongGroup(boxAt, moved);
    const { member, list } = this;
    const result = member[moved] ? Array.from(list.subarray(0, this.count)) : null;
    this.clear();
    return result;
  }

  /** Takes the boxes 4-connected to `moved` as candidates and keeps the frozen ones. */
  private frozenAmongGroup(boxAt: Uint8Array, moved: number): void {
    const { member, list, board } = this;
    this.count = 0;
    member[moved] = 1;
    list[this.count++] = moved;
    for (let i = 0; i < this.count; i++) {
      const c = list[i];
      for (let d = 0; d < 4; d++) {
        const n = c + board.offsets[d];
        if (boxAt[n] && !member[n]) {
          member[n] = 1;
          list[this.count++] = n;
        }
      }
    }
    this.fixedPoint();
  }

  /** Every frozen box of a position (boxes as cells); the caller checks which are off goals. */
  frozenBoxes(boxes: ArrayLike<number>): number[] {
    this.count = 0;
    for (let i = 0; i < boxes.length; i++) {
      this.member[boxes[i]] = 1;
      this.list[this.count++] = boxes[i];
    }
    this.fixedPoint();
    const out = Array.from(this.list.subarray(0, this.count));
    this.clear();
    return out;
  }
}
