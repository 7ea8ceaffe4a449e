/**
 * The expansion of a node into its children: every legal push (or only the pushes into a
 * PI-corral), less pushes onto dead squares and pushes that freeze boxes off goals, each child
 * scored with the matching bound and entered in the store and the open list. Macros (tunnel,
 * packing) extend the children where the mode allows.
 */
import { PackMacro } from './pack-macro';
import { ringJoins } from './ring';
import type { SearchContext } from './search-context';
import { TunnelMacro } from './tunnel-macro';

/** `expand`'s answer when the node cap was reached (a solved node id is >= 0). */
export const NODE_LIMIT = -2;
/** `expand`'s answer when the search goes on. */
export const GO_ON = -1;

export class Expander {
  private readonly ctx: SearchContext;
  private readonly tunnel: TunnelMacro;
  private readonly pack: PackMacro | null;
  /** Candidate pushes of the node being expanded, as box index * 4 + direction. */
  private readonly moves: Int32Array;
  // The node being expanded.
  private id = 0;
  private g = 0;
  private h = 0;
  private player = 0;
  /** The node's hash without its player (and, in the moves pass, without its pushes). */
  private boxHash = 0;
  private pushesSoFar = 0;

  constructor(ctx: SearchContext) {
    this.ctx = ctx;
    this.tunnel = new TunnelMacro(ctx);
    this.pack = ctx.macroOn ? new PackMacro(ctx) : null;
    this.moves = new Int32Array(ctx.n * 4);
  }

  /** Expands node `id` (bound `h` > 0): GO_ON, NODE_LIMIT or a solved node (fast mode). */
  expand(id: number, h: number): number {
    const ctx = this.ctx;
    const { boxAt, cur, n } = ctx;
    this.enter(id, h);
    const moveCount = this.candidates();
    if (moveCount < 0) {
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 0;
      return GO_ON;
    }
    for (let m = 0; m < moveCount; m++) {
      const r = this.push(this.moves[m] >> 2, this.moves[m] & 3);
      if (r !== GO_ON) return r;
    }
    if (this.pack !== null) {
      const solvedId = this.pack.run(id, this.g, this.boxHash, this.player);
      if (solvedId >= 0) return solvedId;
    }
    for (let i = 0; i < n; i++) boxAt[cur[i]] = 0;
    return GO_ON;
  }

  /** Loads node `id` into the scratch arrays: boxes, region (or walks), features, bound. */
  private enter(id: number, h: number): void {
    const ctx = this.ctx;
    const { store, cur, boxAt, n, parentReach, zPlayer, zPushes, movesPass } = ctx;
    this.id = id;
    this.g = store.gOf(id);
    this.h = h;
    store.loadBoxes(id, cur);
    const player = store.playerOf(id);
    this.player = player;
    this.pushesSoFar = movesPass ? store.weightOf(id) : this.g;
    this.boxHash = store.hashOf(id) ^ zPlayer[player] ^ (movesPass ? zPushes[this.pushesSoFar] : 0);
    for (let i = 0; i < n; i++) boxAt[cur[i]] = 1;
    if (movesPass) parentReach.walk(boxAt, player);
    else parentReach.flood(boxAt, player);
    if (ctx.featuresOn) {
      ctx.features.enterNode(
        store,
        id,
        ctx.packedNow(),
        ctx.board.offsets,
        parentReach,
        boxAt,
        cur,
      );
    }
    ctx.bound.loadNode(store, id, cur);
  }

  /**
   * Fills `moves` with the candidate pushes: all of them, or a PI-corral's only. Returns how
   * many, or -1 when the node is lost (a corral its fence can never open).
   */
  private candidates(): number {
    const ctx = this.ctx;
    const { store, boxAt, cur, n, parentReach, corrals, corralSearch, dead } = ctx;
    const { floor, offsets } = ctx.board;
    const reach = parentReach.mark;
    const stamp = parentReach.stamp;
    const id = this.id;
    // No corral at all when the player reaches every floor cell not under a box.
    const outside = ctx.floorCount - n - parentReach.count;
    const verdict =
      ctx.usePiCorrals && outside > 0 ? corrals.find(boxAt, reach, stamp, outside) : 'none';
    // A corral the last push closed or changed: lost if its fence can never open it.
    const lostCorral =
      verdict === 'deadlock' ||
      (corralSearch !== null &&
        outside > 0 &&
        store.parentOf(id) >= 0 &&
        corralSearch.lost(
          boxAt,
          reach,
          stamp,
          store.fromOf(id) + offsets[store.dirOf(id)],
          this.player,
        ));
    if (lostCorral) return -1;
    const { moves } = this;
    let moveCount = 0;
    if (verdict === 'prune') {
      const indexAt = ctx.bound.indexAt;
      for (let m = 0; m < corrals.pushCount; m++) {
        const pm = corrals.pushes[m];
        moves[moveCount++] = indexAt[pm >> 2] * 4 + (pm & 3);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const b = cur[i];
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = b + e;
          if (!floor[to] || boxAt[to] || dead[to] || reach[b - e] !== stamp) continue;
          moves[moveCount++] = i * 4 + d;
        }
      }
    }
    return moveCount;
  }

  /** Whether every free neighbour of `c` (boxes as `boxAt` has them) is in the expanded node's region. */
  private onlyRegionAround(c: number): boolean {
    const { boxAt, parentReach } = this.ctx;
    const { floor, offsets } = this.ctx.board;
    const mark = parentReach.mark;
    const stamp = parentReach.stamp;
    for (let k = 0; k < 4; k++) {
      const x = c + offsets[k];
      if (floor[x] && !boxAt[x] && mark[x] !== stamp) return false;
    }
    return true;
  }

  /** Whether the child's region needed a flood (childReach then holds it); set by `region`. */
  private flooded = false;
  /** Whether the child's region is the parent's plus `b` minus `to` with the same areas; set by `region`. */
  private same = false;

  /**
   * The normalised player cell of the child after pushing the box on `b` to `to` (boxAt holds
   * the child). When the ring around `b` joins its free neighbours (freeing `b` merges
   * nothing: they are all the player's) and, after the push, the ring around `to` does too
   * (filling `to` splits nothing), the child's region is the parent's plus `b` minus `to` and
   * its areas are the parent's: no flood needed, unless `to` was the region's smallest cell
   * (the normalised player square).
   */
  private region(b: number, to: number, bJoins: boolean): number {
    const { boxAt, childReach, parentReach } = this.ctx;
    const { floor, width } = this.ctx.board;
    const player = this.player;
    this.same = bJoins && to !== player && ringJoins(floor, boxAt, width, to);
    this.flooded = false;
    if (this.same || (parentReach.mark[to] !== parentReach.stamp && this.onlyRegionAround(b))) {
      // Also without a flood: a push into an area the player cannot reach (`to` off the
      // region) with every other free neighbour of `b` in the region gives the region plus
      // `b`, nothing else (`to`'s area now touches `b` only through the box).
      return b < player ? b : player;
    }
    this.flooded = true;
    return childReach.flood(boxAt, b);
  }

  /** The node's boxes with row `i` moved to `to`, kept sorted by sliding it into place. */
  private slide(i: number, to: number, forward: boolean): void {
    const { child, cur, n } = this.ctx;
    child.set(cur);
    let j = i;
    if (forward) {
      while (j + 1 < n && child[j + 1] < to) {
        child[j] = child[j + 1];
        j++;
      }
    } else {
      while (j > 0 && child[j - 1] > to) {
        child[j] = child[j - 1];
        j--;
      }
    }
    child[j] = to;
  }

  /** Generates the child of pushing box row `i` in direction `d`: GO_ON, NODE_LIMIT or a solved node. */
  private push(i: number, d: number): number {
    const ctx = this.ctx;
    const { boxAt, cur, child, store, freeze, settled, movesPass, zBox, zPlayer, zPushes } = ctx;
    const { floor, offsets, width } = ctx.board;
    const b = cur[i];
    const e = offsets[d];
    const to = b + e;
    const bJoins = ringJoins(floor, boxAt, width, b);
    boxAt[b] = 0;
    boxAt[to] = 1;
    const frozen =
      freeze.frozenAfterPush(boxAt, to) ||
      (settled !== null && settled.lostAfterPush(boxAt, cur, i, to));
    let childPlayer = 0;
    this.same = false;
    this.flooded = false;
    if (movesPass) childPlayer = b;
    else if (!frozen) childPlayer = this.region(b, to, bJoins);
    boxAt[to] = 0;
    boxAt[b] = 1;
    if (frozen) return GO_ON;
    this.slide(i, to, e > 0);
    const pushesSoFar = this.pushesSoFar;
    const hash =
      this.boxHash ^
      zBox[b] ^
      zBox[to] ^
      zPlayer[childPlayer] ^
      (movesPass ? zPushes[pushesSoFar + 1] : 0);
    // Pushes so far, or moves in the moves pass (the walk to the push, then the push).
    const childG = movesPass ? this.g + ctx.parentReach.steps[b - e] + 1 : this.g + 1;
    const found = store.find(hash, child, childPlayer);
    let replaces = -1;
    if (found >= 0) {
      // Optimal mode reopens a position reached by fewer pushes even after its
      // expansion: the bound is admissible but not consistent (a cell's push distance is
      // the best over the player's sides, and one push can leave the player on a side
      // that is worse by more than one push), so A* may expand a position before its
      // cheapest path is known. Without reopening, seed 490's second room took 17 pushes for 15.
      if (!ctx.optimal || store.gOf(found) <= childG) return GO_ON;
      replaces = found;
    }
    const ch0 = ctx.bound.moved(i, to, b);
    // Pathmax: the parent's bound less one push is a bound too, and keeps f from falling
    // along a path (fewer reopened positions; see search.ts).
    const h = this.h;
    const ch = ch0 >= 0 && ctx.optimal && !movesPass && ch0 < h - 1 ? h - 1 : ch0;
    if (ch < 0 || (movesPass && pushesSoFar + 1 + ch > ctx.pushLimit)) return GO_ON;
    return this.addChild(i, b, d, to, childPlayer, hash, childG, ch, replaces);
  }

  /** Stores and enters a child that passed every test (with its tunnel run, fast mode). */
  private addChild(
    i: number,
    b: number,
    d: number,
    to: number,
    childPlayer: number,
    hash: number,
    childG: number,
    ch: number,
    replaces: number,
  ): number {
    const ctx = this.ctx;
    const { boxAt, cur, child, store, movesPass, n } = ctx;
    let packed = 0;
    let conn = 0;
    // Features only for positions kept (childReach still holds this one's flood).
    if (ctx.packW > 0 || ctx.featuresOn) {
      boxAt[b] = 0;
      boxAt[to] = 1;
      packed = ctx.packedNow();
      if (ctx.featuresOn && !this.same) {
        if (!this.flooded) ctx.childReach.flood(boxAt, b);
        conn = ctx.childReach.areas(boxAt, child);
      } else if (ctx.featuresOn) conn = ctx.features.parentConn;
      boxAt[to] = 0;
      boxAt[b] = 1;
    }
    let cid = store.add(child, childPlayer, this.id, childG, ch, hash, b, d, replaces);
    ctx.bound.save(store, cid, child, i, to);
    ctx.nodes++;
    let cg = childG;
    let ckey = ch;
    if (movesPass) {
      // The node's weight slot holds its pushes; A* on moves with P - pushes as the bound.
      store.setWeight(cid, this.pushesSoFar + 1);
      ckey = ctx.pushLimit - this.pushesSoFar - 1;
    }
    if (ctx.tunnelsOn && ch > 0) {
      const t = this.tunnel;
      t.follow(i, b, d, to, cid, cg, ch, hash, childPlayer);
      cid = t.cid;
      cg = t.g;
      ckey = t.h;
    }
    if (!ctx.optimal && ckey === 0) {
      for (let k = 0; k < n; k++) boxAt[cur[k]] = 0;
      return cid;
    }
    if (ckey < ctx.best) ctx.best = ckey;
    ctx.enqueue(cid, cg, ckey, packed, conn, ctx.features.continuesRun(b), cg === this.g + 1);
    if (ctx.nodes >= ctx.maxNodes) return NODE_LIMIT;
    return GO_ON;
  }
}
