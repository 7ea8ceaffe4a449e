/**
 * Push-level best-first search.
 *
 * A node is the set of box cells plus the player's reachable region, normalised to the
 * region's smallest cell; player walks are not searched, they are computed when the solution is
 * written out. Each expansion generates every legal push (or only the pushes into a PI-corral),
 * drops pushes onto dead squares and pushes that freeze boxes off goals, and scores the child
 * with the minimum-cost matching of boxes to goals over push distances (no perfect matching =
 * bipartite deadlock), updated from the parent's stored matching in O(n²).
 *
 * `optimal` is A* on pushes (f = g + h, the bound is admissible and consistent, so the first
 * solution taken off the open list has the fewest pushes); no macros there. The fast mode runs
 * either a greedy best-first search on h (with tunnel macros) or a feature-space search: nodes
 * live in cells of (goals packed in packing order, number of separate floor areas), the cells
 * are served round robin, and inside a cell the node with the fewest unadvised moves (a move is
 * advised when it packs a goal or joins areas) is expanded first; a packing macro pushes a box
 * straight to the next goal of the packing order. index.ts interleaves the two.
 */
import type { Board } from './board';
import type { Distances } from './distance';
import { UNREACHABLE } from './distance';
import { CorralFinder } from './corral';
import { CorralSearch } from './corral-search';
import { FreezeChecker } from './freeze';
import { SettledChecker } from './settled';
import { packingOrder } from './packing';
import { FORBIDDEN, Matcher } from './matching';
import type { Push } from './solution';
import { BucketQueue, Budget, CELL_SPAN, FeatureQueues, FLAG_EXPANDED, FLAG_STALE, MemoryLimit, NodeStore, zobristKeys } from './table';

export interface SearchLimits {
  readonly optimal: boolean;
  readonly deadline: number;
  readonly memoryBytes: number;
  readonly shouldCancel?: () => boolean;
  readonly onProgress?: (p: { nodes: number; nodesPerSecond: number; bound: number; depth: number; elapsedMs: number; tableFill: number }) => void;
  readonly progressIntervalMs: number;
  readonly now: () => number;
  readonly start: number;
  /** PI-corral pruning (default on). */
  readonly piCorrals?: boolean;
  /** Fast mode: weight of unpacked goals (in packing order) against the bound; 0 = bound only. */
  readonly packingWeight?: number;
  /** Fast mode with packing: push boxes to the next goal in packing order as one macro. */
  readonly packingMacro?: boolean;
  /** Fast mode: tunnel macros (default on); the caller re-searches without them before calling a level unsolvable. */
  readonly tunnels?: boolean;
  /** Fast mode: feature-space search (packing and connectivity cells, round robin). */
  readonly features?: boolean;
  /** Packing macro: how many boxes (nearest first) to try per node (default 4). */
  readonly macroBoxes?: number;
  /** Fast mode: weighted A* (g + w·h) instead of greedy when > 0. */
  readonly hWeight?: number;
  /** Settled-box deadlocks: boxes frozen on goals as walls (default off: it found little on XSokoban 1-30 for ~10 % of the speed). */
  readonly settled?: boolean;
  /** Corral deadlocks found by a small search over the fence's boxes (default on). */
  readonly corralSearch?: boolean;
  /** Stop with limit 'memory' after this many nodes (experiments). */
  readonly maxNodes?: number;
}

export type SearchOutcome =
  | { readonly status: 'solved'; readonly pushes: Push[]; readonly nodes: number }
  | { readonly status: 'unsolvable'; readonly nodes: number; readonly message: string }
  | { readonly status: 'limit'; readonly reason: 'time' | 'memory' | 'nodes'; readonly nodes: number }
  | { readonly status: 'cancelled'; readonly nodes: number };

/** Reachability by stamping: cells with mark[c] === stamp after a call are reachable. */
class Reach {
  readonly mark: Int32Array;
  stamp = 0;
  /** Cells reached by the last flood. */
  count = 0;
  private readonly queue: Int32Array;
  private readonly board: Board;
  constructor(board: Board) {
    this.board = board;
    this.mark = new Int32Array(board.size);
    this.queue = new Int32Array(board.size);
  }
  /** Floods from `from` around boxes; returns the smallest reachable cell. */
  flood(boxAt: Uint8Array, from: number): number {
    const { floor, offsets } = this.board;
    const mark = this.mark;
    const queue = this.queue;
    // Stamps live in an Int32Array: start over long before they could overflow.
    if (this.stamp >= 0x3fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let head = 0;
    let tail = 0;
    let min = from;
    mark[from] = stamp;
    queue[tail++] = from;
    while (head < tail) {
      const c = queue[head++];
      for (let d = 0; d < 4; d++) {
        const n = c + offsets[d];
        if (mark[n] !== stamp && floor[n] && !boxAt[n]) {
          mark[n] = stamp;
          queue[tail++] = n;
          if (n < min) min = n;
        }
      }
    }
    this.count = tail;
    return min;
  }
}

/** Runs a search to the end. */
export function search(board: Board, distances: Distances, startBoxes: Int32Array, startPlayer: number, limits: SearchLimits): SearchOutcome {
  const steps = searchSteps(board, distances, startBoxes, startPlayer, limits, new Budget(limits.memoryBytes));
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Expansions between two yields of `searchSteps` (a slice of a few milliseconds). */
const SLICE = 128;

/**
 * The search as a generator that yields its node count every SLICE expansions, so that a
 * portfolio can interleave several searches on one thread. `budget` may be shared.
 */
export function* searchSteps(
  board: Board,
  distances: Distances,
  startBoxes: Int32Array,
  startPlayer: number,
  limits: SearchLimits,
  budget: Budget,
): Generator<number, SearchOutcome> {
  const n = startBoxes.length;
  const { size, floor, offsets, goals } = board;
  const { dist, dead } = distances;
  let store: NodeStore;
  let open: BucketQueue | FeatureQueues;
  try {
    store = new NodeStore(n, budget);
    open = limits.features && !limits.optimal ? new FeatureQueues(store, budget) : new BucketQueue(store, budget);
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: 0 };
    throw e;
  }
  const zBox = zobristKeys(size, 0x5eed);
  const zPlayer = zobristKeys(size, 0xbeef);
  const freeze = new FreezeChecker(board, dead);
  const settled = limits.settled === true ? new SettledChecker(board, dead) : null;
  const matcher = new Matcher(n);
  const cost = new Int32Array(n * n);
  const potBuf = new Int32Array(n);
  const assignBuf = new Uint16Array(n);
  let movedCell = -1;
  let movedRow = -1;
  let childView: Int32Array = new Int32Array(0);
  const rowOfChild = (k: number) => (childView[k] === movedCell ? movedRow : indexAt[childView[k]]);
  /** Stores the matcher's last result with node `cid`, whose boxes are `boxes` (row `row` moved to `cell`). */
  const saveMatching = (cid: number, boxes: Int32Array, row: number, cell: number) => {
    childView = boxes;
    movedCell = cell;
    movedRow = row;
    matcher.exportResult(potBuf, assignBuf, rowOfChild);
    store.setMatching(cid, potBuf, assignBuf);
  };
  const boxAt = new Uint8Array(size);
  const parentReach = new Reach(board);
  const childReach = new Reach(board);
  const cur = new Int32Array(n);
  const child = new Int32Array(n);
  const goalCount = goals.length;
  const corrals = new CorralFinder(board, dead);
  const usePiCorrals = limits.piCorrals !== false;
  const corralSearch = limits.corralSearch === false ? null : new CorralSearch(board, dead);
  let floorCount = 0;
  for (let c = 0; c < size; c++) floorCount += floor[c];
  const indexAt = new Int32Array(size);
  const moves = new Int32Array(n * 4);

  const fillRow = (row: number, cell: number) => {
    const base = row * n;
    for (let g = 0; g < goalCount; g++) {
      const d = dist[g * size + cell];
      cost[base + g] = d === UNREACHABLE ? FORBIDDEN : d;
    }
  };
  const gWeight = limits.hWeight ?? 0;
  const packW = limits.optimal ? 0 : (limits.packingWeight ?? 0);
  const featuresOn = !limits.optimal && limits.features === true;
  const order = packW > 0 || featuresOn ? packingOrder(board, startPlayer) : new Int32Array(0);
  // Connectivity: how many separate areas the boxes cut the free floor into.
  const connMark = new Int32Array(size);
  const connQueue = new Int32Array(size);
  let connStamp = 0;
  /** Counts areas; the player's area was just flooded by `known` and counts as one. */
  const connectivity = (known: Reach) => {
    if (connStamp >= 0x3fffffff) {
      connMark.fill(0);
      connStamp = 0;
    }
    const stampC = ++connStamp;
    let regions = 1;
    const km = known.mark;
    const ks = known.stamp;
    for (let c0 = 0; c0 < size; c0++) {
      if (!floor[c0] || boxAt[c0] || connMark[c0] === stampC || km[c0] === ks) continue;
      regions++;
      let head = 0;
      let tail = 0;
      connMark[c0] = stampC;
      connQueue[tail++] = c0;
      while (head < tail) {
        const c = connQueue[head++];
        for (let d = 0; d < 4; d++) {
          const nb = c + offsets[d];
          if (floor[nb] && !boxAt[nb] && connMark[nb] !== stampC && km[nb] !== ks) {
            connMark[nb] = stampC;
            connQueue[tail++] = nb;
          }
        }
      }
    }
    return regions;
  };
  let parentPacked = 0;
  let parentConn = 0;
  let parentWeight = 0;
  /**
   * Enters a new node in the open list; in feature mode it goes to its (packing, connectivity)
   * cell. `connKnown`: `conn` is the node's own area count, kept with the node so that its
   * expansion need not count again. The stored word is weight * 65536 + (areas + 1, or 0 for
   * not known); the weight is clamped at 32767, which changes nothing (keys use at most 255).
   */
  const enqueue = (cid: number, g: number, h: number, packed: number, conn: number, advised: boolean, connKnown: boolean) => {
    if (featuresOn) {
      const w = parentWeight + (advised || packed > parentPacked || conn < parentConn ? 0 : 1);
      store.setWeight(cid, Math.min(w, 0x7fff) * 65536 + (connKnown && conn < 0xffff ? conn + 1 : 0));
      const cell = (n - packed) * 64 + Math.min(conn, 63);
      open.push(cid, cell * CELL_SPAN + Math.min(w, 255) * 256 + Math.min(h, 255));
    } else {
      open.push(cid, key(g, h, packed));
    }
  };
  // Goals packed so far: the longest prefix of the packing order holding boxes.
  const packedNow = () => {
    let k = 0;
    while (k < order.length && boxAt[order[k]]) k++;
    return k;
  };
  const key = limits.optimal
    ? (g: number, h: number) => (g + h) * 256 + Math.min(h, 255)
    : gWeight > 0
      ? (g: number, h: number, packed: number) => g + gWeight * (h + packW * (n - packed))
      : (_g: number, h: number, packed: number) => h + packW * (n - packed);
  const maxNodes = limits.maxNodes ?? Infinity;
  // Tunnel macros are for the fast mode only: optimal mode keeps every push a node.
  const tunnelsOn = !limits.optimal && limits.tunnels !== false;

  // Root.
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 1;
  const rootPlayer = parentReach.flood(boxAt, startPlayer);
  const rootPacked = packedNow();
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 0;
  for (let i = 0; i < n; i++) fillRow(i, startBoxes[i]);
  const rootH = matcher.solve(cost);
  if (rootH < 0) return { status: 'unsolvable', nodes: 1, message: 'No assignment of boxes to goals is possible (bipartite deadlock).' };
  let rootHash = zPlayer[rootPlayer];
  for (let i = 0; i < n; i++) rootHash ^= zBox[startBoxes[i]];
  let nodes = 1;
  try {
    const root = store.add(startBoxes, rootPlayer, -1, 0, rootH, rootHash, 0, 0);
    for (let i = 0; i < n; i++) indexAt[startBoxes[i]] = i;
    saveMatching(root, startBoxes, -1, -1);
    enqueue(root, 0, rootH, rootPacked, 1, true, false);
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: 0 };
    throw e;
  }

  // Packing macro (fast mode): push one box straight to the next goal of the packing order,
  // as a chain of ordinary nodes, so a goal room fills in order without searching its inside.
  const macroOn = (packW > 0 || featuresOn) && limits.packingMacro !== false;
  const macroSeen = new Int32Array(size * 4);
  const macroPrev = new Int32Array(size * 4);
  const macroQueue = new Int32Array(size * 4);
  const macroStates: number[] = [];
  let macroStamp = 0;
  const MACRO_STATE_CAP = 2000;
  const macroBoxes: number[] = [];
  const macroTries = limits.macroBoxes ?? 4;

  const relaxSeen = new Int32Array(size);
  const relaxQueue = new Int32Array(size);
  let relaxStamp = 0;
  /** Whether a box at `b` could reach `target` with the other boxes standing still and the player anywhere free (boxAt marks b). */
  const relaxedReach = (b: number, target: number): boolean => {
    if (relaxStamp >= 0x3fffffff) {
      relaxSeen.fill(0);
      relaxStamp = 0;
    }
    const stampR = ++relaxStamp;
    boxAt[b] = 0;
    let head = 0;
    let tail = 0;
    relaxSeen[b] = stampR;
    relaxQueue[tail++] = b;
    let reached = false;
    while (head < tail && !reached) {
      const c = relaxQueue[head++];
      for (let d = 0; d < 4; d++) {
        const e = offsets[d];
        const to = c + e;
        const from = c - e;
        if (relaxSeen[to] === stampR || !floor[to] || boxAt[to] || dead[to] || !floor[from] || boxAt[from]) continue;
        if (to === target) {
          reached = true;
          break;
        }
        relaxSeen[to] = stampR;
        relaxQueue[tail++] = to;
      }
    }
    boxAt[b] = 1;
    return reached;
  };

  const ring = new Int32Array(8);
  /**
   * Whether the free neighbours of `c` (boxes as `boxAt` has them; `c` itself ignored) are
   * joined around it: walking the eight cells around `c`, they all lie on one unbroken run of
   * free cells (a diagonal cell is next to both of its straight neighbours). Then they are in
   * one region whether or not `c` is free; when not, they may still be (joined further away).
   */
  const ringJoins = (c: number): boolean => {
    const w = board.width;
    ring[0] = c - w;
    ring[1] = c - w + 1;
    ring[2] = c + 1;
    ring[3] = c + w + 1;
    ring[4] = c + w;
    ring[5] = c + w - 1;
    ring[6] = c - 1;
    ring[7] = c - w - 1;
    let blockedAt = -1;
    for (let r = 0; r < 8; r++) {
      const x = ring[r];
      if (!floor[x] || boxAt[x]) {
        blockedAt = r;
        break;
      }
    }
    if (blockedAt < 0) return true;
    let runs = 0;
    let runOfFree = -1;
    let prevFree = false;
    for (let t = 1; t <= 8; t++) {
      const r = (blockedAt + t) & 7;
      const x = ring[r];
      const free = floor[x] === 1 && boxAt[x] === 0;
      if (free && !prevFree) runs++;
      prevFree = free;
      if (free && (r & 1) === 0) {
        if (runOfFree < 0) runOfFree = runs;
        else if (runOfFree !== runs) return false;
      }
    }
    return true;
  };
  const labelSeen = new Int32Array(size);
  const labels = new Int32Array(size * 4);
  const labelMark = new Int32Array(size);
  const labelQueue = new Int32Array(size);
  const joined = new Int32Array(4);
  const pending = new Int32Array(4);
  let labelStamp = 0;
  /** Labels the four neighbours of `c` by player region with a box on `c` (0 = wall or box). */
  const neighbourLabels = (c: number) => {
    const base = c * 4;
    labels[base] = labels[base + 1] = labels[base + 2] = labels[base + 3] = 0;
    // Cheap exact case first: no flood when the ring around `c` joins its free neighbours.
    if (ringJoins(c)) {
      for (let k = 0; k < 4; k++) {
        const nb = c + offsets[k];
        labels[base + k] = floor[nb] && !boxAt[nb] ? 1 : 0;
      }
      return;
    }
    // Otherwise grow the floods from the free neighbours together, one queue, each cell owned
    // by the flood that reached it first; floods that touch are merged. A flood whose queue
    // runs dry has covered its whole region; once at most one (merged) flood still grows, every
    // neighbour's region is known, usually long before the large region is filled.
    boxAt[c] = 1;
    if (labelStamp >= 0x3fffffff) {
      labelMark.fill(0);
      labelStamp = 0;
    }
    const stampL = (labelStamp += 4);
    let head = 0;
    let tail = 0;
    let growing = 0;
    for (let k = 0; k < 4; k++) {
      joined[k] = k;
      pending[k] = 0;
      const nb = c + offsets[k];
      if (!floor[nb] || boxAt[nb]) continue;
      labelMark[nb] = stampL + k;
      labelQueue[tail++] = nb;
      pending[k] = 1;
      growing++;
    }
    const rootOf = (k: number) => {
      while (joined[k] !== k) k = joined[k];
      return k;
    };
    while (growing > 1) {
      const x = labelQueue[head++];
      const rx = rootOf(labelMark[x] - stampL);
      pending[rx]--;
      for (let d = 0; d < 4; d++) {
        const y = x + offsets[d];
        if (!floor[y] || boxAt[y]) continue;
        const owner = labelMark[y] - stampL;
        if (owner >= 0 && owner < 4) {
          const ry = rootOf(owner);
          if (ry !== rx) {
            // Two floods met: one region. Merge into rx.
            joined[ry] = rx;
            pending[rx] += pending[ry];
            pending[ry] = 0;
            growing--;
          }
        } else {
          labelMark[y] = stampL + rx;
          labelQueue[tail++] = y;
          pending[rx]++;
        }
      }
      if (pending[rx] === 0) growing--;
    }
    for (let k = 0; k < 4; k++) {
      const nb = c + offsets[k];
      labels[base + k] = floor[nb] && !boxAt[nb] ? rootOf(k) + 1 : 0;
    }
    boxAt[c] = 0;
  };

  /** Tries the macro from node `id`; returns a solved node id, or -1. `boxAt` and `parentReach` must hold the node. */
  const packMacro = (id: number, g: number, boxHash: number, player: number): number => {
    const packed = packedNow();
    if (packed >= order.length) return -1;
    const target = order[packed];
    const tBase = board.goalIndex[target] * size;
    // The boxes nearest to the target, leaving the packed ones alone.
    macroBoxes.length = 0;
    for (let i = 0; i < n; i++) {
      const c = cur[i];
      let inPrefix = false;
      for (let k = 0; k < packed; k++) if (order[k] === c) inPrefix = true;
      if (inPrefix || dist[tBase + c] === UNREACHABLE) continue;
      macroBoxes.push(i);
    }
    macroBoxes.sort((x, y) => dist[tBase + cur[x]] - dist[tBase + cur[y]]);
    if (macroBoxes.length > macroTries) macroBoxes.length = macroTries;
    for (const i of macroBoxes) {
      const b = cur[i];
      if (macroStamp >= 0x3fffffff) {
        macroSeen.fill(0);
        labelSeen.fill(0);
        macroStamp = 0;
      }
      // Cheap filter first: can the box reach the target at all if the player could be
      // anywhere free? Every push the search below takes is a push of this relaxed walk, so
      // when the target is out of its reach the search below would find nothing: skip it.
      if (!relaxedReach(b, target)) continue;
      const stampM = ++macroStamp;
      let head = 0;
      let tail = 0;
      let found = -1;
      // Breadth-first over (box cell, last push direction), the other boxes standing still.
      // The first pushes are the node's own: the parent's flood already holds its region.
      // After that the box has left `b`; for each cell the box reaches, the components of its
      // four neighbours (player regions with the box there) are flooded once and shared by
      // every state on that cell.
      let c = b;
      let state = -1;
      boxAt[b] = 0;
      {
        const mr = parentReach.mark;
        const ms = parentReach.stamp;
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = c + e;
          const ns = to * 4 + d;
          if (mr[c - e] !== ms || !floor[to] || boxAt[to] || dead[to] || macroSeen[ns] === stampM) continue;
          macroSeen[ns] = stampM;
          macroPrev[ns] = state;
          macroQueue[tail++] = ns;
          if (to === target) {
            found = ns;
            break;
          }
        }
      }
      while (found < 0 && head < tail && tail <= MACRO_STATE_CAP) {
        state = macroQueue[head++];
        c = state >> 2;
        if (labelSeen[c] !== stampM) {
          labelSeen[c] = stampM;
          neighbourLabels(c);
        }
        // The player stands where the box came from: the neighbour opposite the push.
        const fromLabel = labels[c * 4 + (((state & 3) + 2) & 3)];
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = c + e;
          const ns = to * 4 + d;
          if (labels[c * 4 + ((d + 2) & 3)] !== fromLabel || !floor[to] || boxAt[to] || dead[to] || macroSeen[ns] === stampM) continue;
          macroSeen[ns] = stampM;
          macroPrev[ns] = state;
          macroQueue[tail++] = ns;
          if (to === target) {
            found = ns;
            break;
          }
        }
      }
      boxAt[b] = 1;
      if (found < 0) continue;
      macroStates.length = 0;
      for (let st = found; st >= 0; st = macroPrev[st]) macroStates.push(st);
      macroStates.reverse();
      let parentId = id;
      let gg = g;
      // The region before each push, as its smallest cell: the node's, then each step's.
      let prevNorm = player;
      for (let k = 0; k < macroStates.length; k++) {
        const st = macroStates[k];
        const to = st >> 2;
        const d = st & 3;
        const p = to - offsets[d];
        const last = k === macroStates.length - 1;
        boxAt[b] = 0;
        // As for ordinary children: when the rings around the box's old square (before the
        // push; the box on it is the ring's centre, so it need not be marked) and its new one
        // join their free neighbours, the region only gained `p` and lost `to`.
        const pJoins = ringJoins(p);
        boxAt[to] = 1;
        const dead2 = last && (freeze.deadlockAfterPush(boxAt, to) !== null || (settled !== null && settled.lostAfterPush(boxAt, cur, i, to)));
        const sameC = pJoins && to !== prevNorm && ringJoins(to);
        const norm = sameC ? (p < prevNorm ? p : prevNorm) : childReach.flood(boxAt, p);
        prevNorm = norm;
        boxAt[to] = 0;
        boxAt[b] = 1;
        if (dead2) break;
        child.set(cur);
        child[i] = to;
        child.sort();
        const hash = boxHash ^ zBox[b] ^ zBox[to] ^ zPlayer[norm];
        const existing = store.find(hash, child, norm);
        if (existing >= 0) {
          parentId = existing;
          gg = store.gOf(existing);
          continue;
        }
        fillRow(i, to);
        const ch = matcher.resolveRow(cost, i);
        fillRow(i, b);
        if (ch < 0) break;
        // Features only for positions kept (childReach holds this one's flood unless skipped).
        boxAt[b] = 0;
        boxAt[to] = 1;
        const packedC = packedNow();
        if (featuresOn && sameC) childReach.flood(boxAt, p);
        const connC = featuresOn ? connectivity(childReach) : 0;
        boxAt[to] = 0;
        boxAt[b] = 1;
        const cid = store.add(child, norm, parentId, gg + 1, ch, hash, to - offsets[d], d);
        saveMatching(cid, child, i, to);
        nodes++;
        if (ch === 0) return cid;
        enqueue(cid, gg + 1, ch, packedC, connC, true, true);
        parentId = cid;
        gg++;
      }
    }
    return -1;
  };

  const path = (id: number): Push[] => {
    const out: Push[] = [];
    for (let x = id; store.parentOf(x) >= 0; x = store.parentOf(x)) out.push({ from: store.fromOf(x), dir: store.dirOf(x) });
    return out.reverse();
  };

  let nextProgress = limits.start + limits.progressIntervalMs;
  let best = rootH;
  let lastDepth = 0;
  try {
    let slice = 0;
    while (open.size > 0) {
      if (++slice >= SLICE) {
        slice = 0;
        yield nodes;
      }
      // Limits are polled once per expansion: one expansion is far below a millisecond.
      const now = limits.now();
      if (now >= limits.deadline) return { status: 'limit', reason: 'time', nodes };
      if (limits.shouldCancel?.()) return { status: 'cancelled', nodes };
      if (limits.onProgress && now >= nextProgress) {
        const elapsed = now - limits.start;
        limits.onProgress({
          nodes,
          nodesPerSecond: elapsed > 0 ? Math.round((nodes * 1000) / elapsed) : 0,
          bound: limits.optimal ? Math.floor(open.peekKey() / 256) : best,
          depth: lastDepth,
          elapsedMs: Math.round(elapsed),
          tableFill: Math.min(1, budget.used / budget.cap),
        });
        nextProgress = now + limits.progressIntervalMs;
      }

      const id = open.pop();
      const flags = store.flagsOf(id);
      if (flags & (FLAG_EXPANDED | FLAG_STALE)) continue;
      store.setFlag(id, FLAG_EXPANDED);
      const g = store.gOf(id);
      const h = store.hOf(id);
      lastDepth = g;
      if (h === 0) return { status: 'solved', pushes: path(id), nodes };

      store.loadBoxes(id, cur);
      const player = store.playerOf(id);
      const boxHash = store.hashOf(id) ^ zPlayer[player];
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 1;
      parentReach.flood(boxAt, player);
      if (featuresOn) {
        parentPacked = packedNow();
        const word = store.weightOf(id);
        parentWeight = word >>> 16;
        parentConn = (word & 0xffff) !== 0 ? (word & 0xffff) - 1 : connectivity(parentReach);
      }
      const reach = parentReach.mark;
      const stamp = parentReach.stamp;
      for (let i = 0; i < n; i++) fillRow(i, cur[i]);
      // The node's stored optimum is the base; each child changes one row (O(n²) each).
      store.loadMatching(id, potBuf, assignBuf);
      matcher.loadBase(cost, potBuf, assignBuf);
      for (let i = 0; i < n; i++) indexAt[cur[i]] = i;

      // Candidate pushes as box index * 4 + direction: all of them, or a PI-corral's only.
      let moveCount = 0;
      // No corral at all when the player reaches every floor cell not under a box.
      const verdict = usePiCorrals && parentReach.count + n < floorCount ? corrals.find(boxAt, reach, stamp) : 'none';
      // A corral the last push closed or changed: lost if its fence can never open it.
      const lostCorral =
        verdict === 'deadlock' ||
        (corralSearch !== null && parentReach.count + n < floorCount && store.parentOf(id) >= 0 && corralSearch.lost(boxAt, reach, stamp, store.fromOf(id) + offsets[store.dirOf(id)], player));
      if (lostCorral) {
        for (let i = 0; i < n; i++) boxAt[cur[i]] = 0;
        continue;
      }
      if (verdict === 'prune') {
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

      for (let m = 0; m < moveCount; m++) {
        const i = moves[m] >> 2;
        const d = moves[m] & 3;
        const b = cur[i];
        const e = offsets[d];
        const to = b + e;
        {
          // When the ring around `b` joins its free neighbours (freeing `b` merges nothing: they
          // are all the player's) and, after the push, the ring around `to` does too (filling
          // `to` splits nothing), the child's region is the parent's plus `b` minus `to` and
          // its areas are the parent's: no flood needed, unless `to` was the region's smallest
          // cell (the normalised player square).
          const bJoins = ringJoins(b);
          boxAt[b] = 0;
          boxAt[to] = 1;
          let skip = freeze.deadlockAfterPush(boxAt, to) !== null || (settled !== null && settled.lostAfterPush(boxAt, cur, i, to));
          let childPlayer = 0;
          let packed = 0;
          let conn = 0;
          let same = false;
          if (!skip) {
            same = bJoins && to !== player && ringJoins(to);
            childPlayer = same ? (b < player ? b : player) : childReach.flood(boxAt, b);
          }
          boxAt[to] = 0;
          boxAt[b] = 1;
          if (skip) continue;
          // Child boxes, kept sorted by sliding the moved one into place.
          child.set(cur);
          let j = i;
          if (e > 0) {
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
          const hash = boxHash ^ zBox[b] ^ zBox[to] ^ zPlayer[childPlayer];
          const found = store.find(hash, child, childPlayer);
          let replaces = -1;
          if (found >= 0) {
            if (!limits.optimal || store.gOf(found) <= g + 1 || store.flagsOf(found) & FLAG_EXPANDED) continue;
            replaces = found;
          }
          fillRow(i, to);
          const ch = matcher.resolveRow(cost, i);
          fillRow(i, b);
          skip = ch < 0;
          if (skip) continue;
          // Features only for positions kept (childReach still holds this one's flood).
          if (packW > 0 || featuresOn) {
            boxAt[b] = 0;
            boxAt[to] = 1;
            packed = packedNow();
            if (featuresOn) conn = same ? parentConn : connectivity(childReach);
            boxAt[to] = 0;
            boxAt[b] = 1;
          }
          let cid = store.add(child, childPlayer, id, g + 1, ch, hash, b, d, replaces);
          saveMatching(cid, child, i, to);
          nodes++;
          let cg = g + 1;
          let ckey = ch;
          if (tunnelsOn && ch > 0) {
            // Tunnel macro: the box went into a one-wide corridor with the player right behind
            // it, both squares walled on both sides; keep pushing until it leaves the tunnel.
            const p1 = d === 0 || d === 2 ? board.width : 1;
            let at = to;
            let h2 = ch;
            let hash2 = hash;
            let norm = childPlayer;
            for (;;) {
              const behind = at - e;
              const ahead = at + e;
              if (floor[behind + p1] || floor[behind - p1] || floor[at + p1] || floor[at - p1]) break;
              if (board.goal[at] || !floor[ahead] || boxAt[ahead] || dead[ahead]) break;
              boxAt[b] = 0;
              boxAt[ahead] = 1;
              const frozen = freeze.deadlockAfterPush(boxAt, ahead) !== null;
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
              const nextHash = hash2 ^ zBox[at] ^ zBox[ahead] ^ zPlayer[norm] ^ zPlayer[norm2];
              if (store.find(nextHash, child, norm2) >= 0) break;
              fillRow(i, ahead);
              const hNext = matcher.resolveRow(cost, i);
              fillRow(i, b);
              if (hNext < 0) break;
              // The square inside the tunnel is only a waypoint: never expanded on its own.
              store.setFlag(cid, FLAG_EXPANDED);
              cid = store.add(child, norm2, cid, cg + 1, hNext, nextHash, at, d);
              saveMatching(cid, child, i, ahead);
              nodes++;
              cg++;
              at = ahead;
              h2 = hNext;
              hash2 = nextHash;
              norm = norm2;
              if (hNext === 0) break;
            }
            ckey = h2;
          }
          if (!limits.optimal && ckey === 0) {
            for (let k = 0; k < n; k++) boxAt[cur[k]] = 0;
            return { status: 'solved', pushes: path(cid), nodes };
          }
          if (ckey < best) best = ckey;
          enqueue(cid, cg, ckey, packed, conn, false, cg === g + 1);
          if (nodes >= maxNodes) return { status: 'limit', reason: 'nodes', nodes };
        }
      }
      if (macroOn) {
        const solvedId = packMacro(id, g, boxHash, player);
        if (solvedId >= 0) return { status: 'solved', pushes: path(solvedId), nodes };
      }
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 0;
    }
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes };
    throw e;
  }
  return { status: 'unsolvable', nodes, message: `Every reachable position was searched (${nodes} positions): the level has no solution.` };
}
