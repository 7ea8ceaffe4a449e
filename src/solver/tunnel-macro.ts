/**
 * Tunnel macro (fast mode): a box pushed into a one-wide corridor with the player right behind
 * it, both squares walled on both sides, is pushed on until it leaves the tunnel. The squares
 * inside are only waypoints: stored (so the solution can be written out) but never expanded.
 */
import type { SearchContext } from './search-context';
import { FLAG_EXPANDED } from './table';

export class TunnelMacro {
  private readonly ctx: SearchContext;
  /** The last node of the run, its pushes and its bound (the node itself when no push followed). */
  cid = 0;
  g = 0;
  h = 0;

  constructor(ctx: SearchContext) {
    this.ctx = ctx;
  }

  /**
   * Follows the tunnel from node `cid` (box row `i`, first on `b`, pushed in direction `d` to
   * `to`; bound `h`, hash `hash`, region `norm`). The child's boxes are in `ctx.child`.
   */
  follow(
    i: number,
    b: number,
    d: number,
    to: number,
    cid: number,
    g: number,
    h: number,
    hash: number,
    norm: number,
  ): void {
    const ctx = this.ctx;
    const { boxAt, child, n, store, freeze, childReach, bound, zBox, zPlayer, dead } = ctx;
    const { floor, offsets, goal, width } = ctx.board;
    const e = offsets[d];
    const p1 = d === 0 || d === 2 ? width : 1;
    let at = to;
    for (;;) {
      const behind = at - e;
      const ahead = at + e;
      if (floor[behind + p1] || floor[behind - p1] || floor[at + p1] || floor[at - p1]) break;
      if (goal[at] || !floor[ahead] || boxAt[ahead] || dead[ahead]) break;
      boxAt[b] = 0;
      boxAt[ahead] = 1;
      const frozen = freeze.frozenAfterPush(boxAt, ahead);
      const norm2 = frozen ? 0 : childReach.flood(boxAt, at);
      boxAt[ahead] = 0;
      boxAt[b] = 1;
      if (frozen) break;
      // Slide the box along in the sorted list.
      let j2 = child.indexOf(at);
      child[j2] = ahead;
      if (e > 0) {
        while (j2 + 1 < n && child[j2 + 1] < ahead) {
          child[j2] = child[j2 + 1];
          child[++j2] = ahead;
        }
      } else {
        while (j2 > 0 && child[j2 - 1] > ahead) {
          child[j2] = child[j2 - 1];
          child[--j2] = ahead;
        }
      }
      const nextHash = hash ^ zBox[at] ^ zBox[ahead] ^ zPlayer[norm] ^ zPlayer[norm2];
      if (store.find(nextHash, child, norm2) >= 0) break;
      const hNext = bound.moved(i, ahead, b);
      if (hNext < 0) break;
      // The square inside the tunnel is only a waypoint: never expanded on its own.
      store.setFlag(cid, FLAG_EXPANDED);
      cid = store.add(child, norm2, cid, g + 1, hNext, nextHash, at, d);
      bound.save(store, cid, child, i, ahead);
      ctx.nodes++;
      g++;
      at = ahead;
      h = hNext;
      hash = nextHash;
      norm = norm2;
      if (hNext === 0) break;
    }
    this.cid = cid;
    this.g = g;
    this.h = h;
  }
}
