/**
 * The feature-space search's bookkeeping (fast mode). Nodes live in cells of (goals packed in
 * packing order, number of separate floor areas); the cells are served round robin, and inside
 * a cell the node with the fewest unadvised moves (a move is advised when it packs a goal or
 * joins areas) is expanded first.
 */
import type { Reach } from './reach';
import { CELL_SPAN, type FeatureQueues, type NodeStore } from './table';

export class FeatureSearch {
  /** The expanded node's features, against which its children's moves are judged. */
  private parentPacked = 0;
  private parentMoved = -1;
  /** The expanded node's number of separate floor areas. */
  parentConn = 0;
  private parentWeight = 0;
  /** Opt-in: as FESS's macro moves, a box's run of pushes weighs one (pushing it again is free). */
  private readonly boxRuns: boolean;

  constructor(boxRuns: boolean) {
    this.boxRuns = boxRuns;
  }

  /**
   * Reads node `id`'s features before its expansion: `packed` goals, the box its last push
   * moved, and its weight and area count (counted now when not kept with the node).
   */
  enterNode(
    store: NodeStore,
    id: number,
    packed: number,
    offsets: Int32Array,
    reach: Reach,
    boxAt: Uint8Array,
    cur: Int32Array,
  ): void {
    this.parentPacked = packed;
    this.parentMoved = store.parentOf(id) >= 0 ? store.fromOf(id) + offsets[store.dirOf(id)] : -1;
    const word = store.weightOf(id);
    this.parentWeight = word >>> 16;
    this.parentConn = (word & 0xffff) !== 0 ? (word & 0xffff) - 1 : reach.areas(boxAt, cur);
  }

  /** Whether a push of the box on `from` continues the last push's run (opt-in, see boxRuns). */
  continuesRun(from: number): boolean {
    return this.boxRuns && from === this.parentMoved;
  }

  /**
   * Enters a new node in its (packing, connectivity) cell. `connKnown`: `conn` is the node's
   * own area count, kept with the node so that its expansion need not count again. The stored
   * word is weight * 65536 + (areas + 1, or 0 for not known); the weight is clamped at 32767,
   * which changes nothing (keys use at most 255).
   */
  enqueue(
    store: NodeStore,
    open: FeatureQueues,
    n: number,
    cid: number,
    h: number,
    packed: number,
    conn: number,
    advised: boolean,
    connKnown: boolean,
  ): void {
    const w =
      this.parentWeight + (advised || packed > this.parentPacked || conn < this.parentConn ? 0 : 1);
    store.setWeight(cid, Math.min(w, 0x7fff) * 65536 + (connKnown && conn < 0xffff ? conn + 1 : 0));
    const cell = (n - packed) * 64 + Math.min(conn, 63);
    open.push(cid, cell * CELL_SPAN + Math.min(w, 255) * 256 + Math.min(h, 255));
  }
}
