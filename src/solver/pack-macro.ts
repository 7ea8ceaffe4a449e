/**
 * Packing macro (fast mode): push one box straight to the next goal of the packing order, as a
 * chain of ordinary nodes, so a goal room fills in order without searching its inside.
 */
import { UNREACHABLE } from './distance';
import { NeighbourLabels } from './neighbour-labels';
import { RelaxedReach } from './relaxed-reach';
import { ringJoins } from './ring';
import type { SearchContext } from './search-context';

/** States (box cell, last push direction) the walk to the target may visit. */
const MACRO_STATE_CAP = 2000;

export class PackMacro {
  private readonly ctx: SearchContext;
  private readonly seen: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;
  /** Per cell: the stamp of the walk that labelled its neighbours. */
  private readonly labelSeen: Int32Array;
  private readonly labels: NeighbourLabels;
  private readonly relaxed: RelaxedReach;
  private readonly states: number[] = [];
  private readonly boxes: number[] = [];
  private readonly tries: number;
  private stamp = 0;

  constructor(ctx: SearchContext) {
    const { size } = ctx.board;
    this.ctx = ctx;
    this.seen = new Int32Array(size * 4);
    this.prev = new Int32Array(size * 4);
    this.queue = new Int32Array(size * 4);
    this.labelSeen = new Int32Array(size);
    this.labels = new NeighbourLabels(ctx.board);
    this.relaxed = new RelaxedReach(ctx.board, ctx.dead);
    this.tries = ctx.limits.macroBoxes ?? 4;
  }

  /**
   * Tries the macro from node `id`; returns a solved node id, or -1. `boxAt` and `parentReach`
   * must hold the node.
   */
  run(id: number, g: number, boxHash: number, player: number): number {
    const { ctx } = this;
    const packed = ctx.packedNow();
    if (packed >= ctx.order.length) return -1;
    const target = ctx.order[packed];
    this.nearestBoxes(packed, target);
    for (const i of this.boxes) {
      const b = ctx.cur[i];
      if (this.stamp >= 0x3fffffff) {
        this.seen.fill(0);
        this.labelSeen.fill(0);
        this.stamp = 0;
      }
      // Cheap filter first: can the box reach the target at all if the player could be
      // anywhere free? Every push the search below takes is a push of this relaxed walk, so
      // when the target is out of its reach the search below would find nothing: skip it.
      if (!this.relaxed.reaches(ctx.boxAt, b, target)) continue;
      const found = this.walk(b, target);
      if (found < 0) continue;
      const solved = this.addChain(i, b, found, id, g, boxHash, player);
      if (solved >= 0) return solved;
    }
    return -1;
  }

  /**
   * The boxes nearest to the target (at most `tries`), leaving the packed ones alone. With the
   * plan's distances on, nearest with the goals packed so far as walls (plan-distances.ts): a
   * box that must go round them ranks by the way round, and one that could only come in the
   * way they shut ranks last. On the empty board's distances the nearest boxes may be the few
   * the plan needs for its last goals, through another entrance (XSokoban #55).
   */
  private nearestBoxes(packed: number, target: number): void {
    const { cur, order, n } = this.ctx;
    const dist = this.ctx.planDist ?? this.ctx.dist;
    const { boxes } = this;
    const tBase = this.ctx.board.goalIndex[target] * this.ctx.board.size;
    boxes.length = 0;
    for (let i = 0; i < n; i++) {
      const c = cur[i];
      let inPrefix = false;
      for (let k = 0; k < packed; k++) if (order[k] === c) inPrefix = true;
      if (inPrefix || dist[tBase + c] === UNREACHABLE) continue;
      boxes.push(i);
    }
    // Insertion sort by distance (stable, like the sort it replaces; a few boxes, no closure).
    for (let a = 1; a < boxes.length; a++) {
      const x = boxes[a];
      const dx = dist[tBase + cur[x]];
      let k = a - 1;
      while (k >= 0 && dist[tBase + cur[boxes[k]]] > dx) {
        boxes[k + 1] = boxes[k];
        k--;
      }
      boxes[k + 1] = x;
    }
    if (boxes.length > this.tries) boxes.length = this.tries;
  }

  /**
   * Breadth-first over (box cell, last push direction), the other boxes standing still, from
   * the box on `b` to `target`; returns the state that reaches it, or -1. The first pushes are
   * the node's own: the parent's flood already holds its region. After that the box has left
   * `b`; for each cell the box reaches, the components of its four neighbours (player regions
   * with the box there) are flooded once and shared by every state on that cell.
   */
  private walk(b: number, target: number): number {
    const { boxAt, dead, board } = this.ctx;
    const { floor, offsets } = board;
    const { seen, prev, queue, labelSeen } = this;
    const labels = this.labels.labels;
    const stampM = ++this.stamp;
    let head = 0;
    let tail = 0;
    let found = -1;
    boxAt[b] = 0;
    {
      const mr = this.ctx.parentReach.mark;
      const ms = this.ctx.parentReach.stamp;
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        const to = b + e;
        const ns = to * 4 + d;
        if (mr[b - e] !== ms || !floor[to] || boxAt[to] || dead[to] || seen[ns] === stampM)
          continue;
        seen[ns] = stampM;
        prev[ns] = -1;
        queue[tail++] = ns;
        if (to === target) {
          found = ns;
          break;
        }
      }
    }
    while (found < 0 && head < tail && tail <= MACRO_STATE_CAP) {
      const state = queue[head++];
      const c = state >> 2;
      // The player stands where the box came from: the neighbour opposite the push. Pushing
      // on in the same direction needs nothing more; any other push needs the player to get
      // round the box, which the neighbours' labels tell, computed only when such a push
      // passes the cheap tests (labels are kept per cell for the whole walk).
      const inDir = state & 3;
      const fromSide = c * 4 + ((inDir + 2) & 3);
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        const to = c + e;
        const ns = to * 4 + d;
        if (!floor[to] || boxAt[to] || dead[to] || seen[ns] === stampM) continue;
        if (d !== inDir) {
          if (labelSeen[c] !== stampM) {
            labelSeen[c] = stampM;
            this.labels.label(boxAt, c);
          }
          if (labels[c * 4 + ((d + 2) & 3)] !== labels[fromSide]) continue;
        }
        seen[ns] = stampM;
        prev[ns] = state;
        queue[tail++] = ns;
        if (to === target) {
          found = ns;
          break;
        }
      }
    }
    boxAt[b] = 1;
    return found;
  }

  /**
   * Adds the walk ending in state `found` (box row `i`, from `b`) as a chain of nodes from node
   * `id`, each one found again joining the chain where it stands; returns a solved node, or -1.
   * Run per walk found: a hot loop kept whole on purpose (long, but one pass to read).
   */
  private addChain(
    i: number,
    b: number,
    found: number,
    id: number,
    g: number,
    boxHash: number,
    player: number,
  ): number {
    const ctx = this.ctx;
    const { boxAt, cur, child, n, freeze, settled, childReach, store, bound, zBox, zPlayer } = ctx;
    const { floor, offsets, width } = ctx.board;
    const states = this.states;
    states.length = 0;
    for (let st = found; st >= 0; st = this.prev[st]) states.push(st);
    states.reverse();
    let parentId = id;
    let gg = g;
    // The region before each push, as its smallest cell: the node's, then each step's.
    let prevNorm = player;
    for (let k = 0; k < states.length; k++) {
      const st = states[k];
      const to = st >> 2;
      const d = st & 3;
      const p = to - offsets[d];
      const last = k === states.length - 1;
      boxAt[b] = 0;
      // As for ordinary children: when the rings around the box's old square (before the
      // push; the box on it is the ring's centre, so it need not be marked) and its new one
      // join their free neighbours, the region only gained `p` and lost `to`.
      const pJoins = ringJoins(floor, boxAt, width, p);
      boxAt[to] = 1;
      const dead2 =
        last &&
        (freeze.frozenAfterPush(boxAt, to) ||
          (settled !== null && settled.lostAfterPush(boxAt, cur, i, to)));
      const sameC = pJoins && to !== prevNorm && ringJoins(floor, boxAt, width, to);
      const norm = sameC ? (p < prevNorm ? p : prevNorm) : childReach.flood(boxAt, p);
      prevNorm = norm;
      boxAt[to] = 0;
      boxAt[b] = 1;
      if (dead2) break;
      // The node's boxes with box i on `to`, kept sorted by sliding it into place.
      child.set(cur);
      let j = i;
      while (j + 1 < n && child[j + 1] < to) {
        child[j] = child[j + 1];
        j++;
      }
      while (j > 0 && child[j - 1] > to) {
        child[j] = child[j - 1];
        j--;
      }
      child[j] = to;
      const hash = boxHash ^ zBox[b] ^ zBox[to] ^ zPlayer[norm];
      const existing = store.find(hash, child, norm);
      if (existing >= 0) {
        parentId = existing;
        gg = store.gOf(existing);
        continue;
      }
      const ch = bound.moved(i, to, b);
      if (ch < 0) break;
      // Features only for positions kept (childReach holds this one's flood unless skipped).
      boxAt[b] = 0;
      boxAt[to] = 1;
      const packedC = ctx.packedNow();
      if (ctx.featuresOn && sameC) childReach.flood(boxAt, p);
      const connC = ctx.featuresOn ? childReach.areas(boxAt, child) : 0;
      boxAt[to] = 0;
      boxAt[b] = 1;
      const cid = store.add(child, norm, parentId, gg + 1, ch, hash, to - offsets[d], d);
      bound.save(store, cid, child, i, to);
      ctx.nodes++;
      if (ch === 0) return cid;
      ctx.enqueue(cid, gg + 1, ch, packedC, connC, true, true);
      parentId = cid;
      gg++;
    }
    return -1;
  }
}
