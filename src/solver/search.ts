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
 * `optimal` is A* on pushes (f = g + h). The bound is admissible but not consistent (push
 * distances take the best side of the player per cell), so a child's bound is raised to its
 * parent's minus one (pathmax) and a position reached again by fewer pushes is reopened even
 * after its expansion; then the first solution taken off the open list has the fewest pushes.
 * No macros there. The fast mode runs
 * either a greedy best-first search on h (with tunnel macros) or a feature-space search: nodes
 * live in cells of (goals packed in packing order, number of separate floor areas), the cells
 * are served round robin, and inside a cell the node with the fewest unadvised moves (a move is
 * advised when it packs a goal or joins areas) is expanded first; a
 * packing macro pushes a box straight to the next goal of the packing order (packing-order.ts).
 * index.ts interleaves the two.
 */
import type { Board } from './board';
import type { Distances } from './distance';
import { UNREACHABLE } from './distance';
import { CorralFinder } from './corral';
import { CorralSearch } from './corral-search';
import { Reach, WALL_MARK } from './reach';
import { FreezeChecker } from './freeze';
import { SettledChecker } from './settled';
import { packingOrder } from './packing';
import { planPacking } from './packing-order';
import { FORBIDDEN, Matcher } from './matching';
import type { Push } from './solution';
import {
  BucketQueue,
  Budget,
  CELL_SPAN,
  FeatureQueues,
  FLAG_EXPANDED,
  FLAG_STALE,
  MemoryLimit,
  NodeStore,
  zobristKeys,
} from './table';

export interface SearchLimits {
  readonly optimal: boolean;
  readonly deadline: number;
  readonly memoryBytes: number;
  readonly shouldCancel?: () => boolean;
  readonly onProgress?: (p: {
    nodes: number;
    nodesPerSecond: number;
    bound: number;
    depth: number;
    elapsedMs: number;
    tableFill: number;
  }) => void;
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
  /** Feature search: packing order by reverse play with the player tracked (default on; off = packing.ts). */
  readonly reverseOrder?: boolean;
  /** Feature search: pushing the box the last push moved adds no weight (default off: on XSokoban it solved #25, #47, #63 and lost eight others). */
  readonly boxRuns?: boolean;
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
  /**
   * Optimal mode's second pass, given the fewest pushes P (proven by the first): the fewest
   * moves among P-push solutions. Nodes are then boxes, the player's exact cell and the pushes
   * so far; a node's g is its moves and it is dropped when pushes + bound exceed P.
   */
  readonly fewestMovesFor?: number;
}

export type SearchOutcome =
  | { readonly status: 'solved'; readonly pushes: Push[]; readonly nodes: number }
  | { readonly status: 'unsolvable'; readonly nodes: number; readonly message: string }
  | {
      readonly status: 'limit';
      readonly reason: 'time' | 'memory' | 'nodes';
      readonly nodes: number;
    }
  | { readonly status: 'cancelled'; readonly nodes: number };

/**
 * RING_JOINS[mask]: with bit r of `mask` set when ring cell r around a cell is free (clockwise
 * from above: N, NE, E, SE, S, SW, W, NW), whether all free straight neighbours lie on one
 * unbroken run of free ring cells.
 */
const RING_JOINS = (() => {
  const table = new Uint8Array(256);
  for (let mask = 0; mask < 256; mask++) {
    const free = (r: number) => ((mask >> (r & 7)) & 1) === 1;
    let blockedAt = -1;
    for (let r = 0; r < 8 && blockedAt < 0; r++) if (!free(r)) blockedAt = r;
    let joins = true;
    if (blockedAt >= 0) {
      let runs = 0;
      let runOfFree = -1;
      let prevFree = false;
      for (let t = 1; t <= 8; t++) {
        const r = (blockedAt + t) & 7;
        const f = free(r);
        if (f && !prevFree) runs++;
        prevFree = f;
        if (f && (r & 1) === 0) {
          if (runOfFree < 0) runOfFree = runs;
          else if (runOfFree !== runs) joins = false;
        }
      }
    }
    table[mask] = joins ? 1 : 0;
  }
  return table;
})();

/** Runs a search to the end. */
export function search(
  board: Board,
  distances: Distances,
  startBoxes: Int32Array,
  startPlayer: number,
  limits: SearchLimits,
): SearchOutcome {
  const steps = searchSteps(
    board,
    distances,
    startBoxes,
    startPlayer,
    limits,
    new Budget(limits.memoryBytes),
  );
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
    open =
      limits.features && !limits.optimal
        ? new FeatureQueues(store, budget)
        : new BucketQueue(store, budget);
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: 0 };
    throw e;
  }
  const zBox = zobristKeys(size, 0x5eed);
  const zPlayer = zobristKeys(size, 0xbeef);
  const freeze = new FreezeChecker(board, dead);
  const settled = limits.settled === true ? new SettledChecker(board, dead) : null;
  const matcher = new Matcher(n);
  const potBuf = new Int32Array(n);
  const assignBuf = new Uint16Array(n);
  let movedCell = -1;
  let movedRow = -1;
  let childView: Int32Array = new Int32Array(0);
  const rowOfChild = (k: number) => (childView[k] === movedCell ? movedRow : indexAt[childView[k]]);
  /** Stores the matcher's last result with node `cid`, whose boxes are `boxes` (row `row` moved to `cell`). */
  const saveMatching = (cid: number, boxes: Int32Array, row: number, cell: number) => {
    if (!store.keepsMatching(cid)) return;
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
  // The moves pass: see SearchLimits.fewestMovesFor.
  const movesPass = limits.optimal && limits.fewestMovesFor !== undefined;
  const pushLimit = limits.fewestMovesFor ?? 0;
  const zPushes = zobristKeys(movesPass ? pushLimit + 2 : 0, 0x9e37);
  // PI-corral pruning postpones pushes outside the corral, which keeps the push count but not
  // the walks between pushes: not for the moves pass.
  const usePiCorrals = limits.piCorrals !== false && !movesPass;
  const corralSearch = limits.corralSearch === false ? null : new CorralSearch(board, dead);
  let floorCount = 0;
  for (let c = 0; c < size; c++) floorCount += floor[c];
  const indexAt = new Int32Array(size);
  const moves = new Int32Array(n * 4);

  // Cost rows: row i of the matrix the matcher reads starts at costRows[i] in `cost`. Normally
  // `cost` is the push distances cell by cell (FORBIDDEN where a box cannot reach the goal),
  // and filling a row just points it at its cell's run: O(1) instead of n values, three times
  // per child and n times per expansion. A board too large for that second copy of the
  // distances copies each row into a private n × n matrix instead.
  const viewRows = size * goalCount <= 1 << 20;
  const cost = new Int32Array(viewRows ? size * goalCount : n * n);
  const costRows = new Int32Array(n);
  if (viewRows) {
    for (let g = 0; g < goalCount; g++) {
      for (let c = 0; c < size; c++) {
        const d = dist[g * size + c];
        cost[c * goalCount + g] = d === UNREACHABLE ? FORBIDDEN : d;
      }
    }
  } else {
    for (let i = 0; i < n; i++) costRows[i] = i * n;
  }
  matcher.setRows(costRows);
  const fillRow = (row: number, cell: number) => {
    if (viewRows) {
      costRows[row] = cell * goalCount;
      return;
    }
    const base = row * n;
    for (let g = 0; g < goalCount; g++) {
      const d = dist[g * size + cell];
      cost[base + g] = d === UNREACHABLE ? FORBIDDEN : d;
    }
  };
  const gWeight = limits.hWeight ?? 0;
  const packW = limits.optimal ? 0 : (limits.packingWeight ?? 0);
  const featuresOn = !limits.optimal && limits.features === true;
  const order =
    packW > 0 || featuresOn
      ? limits.reverseOrder === false
        ? packingOrder(board, startPlayer)
        : planPacking(board, startBoxes, startPlayer)
      : new Int32Array(0);
  let parentPacked = 0;
  let parentMoved = -1;
  // Opt-in: as FESS's macro moves, a box's run of pushes weighs one (pushing it again is free).
  const boxRuns = limits.boxRuns === true;
  let parentConn = 0;
  let parentWeight = 0;
  /**
   * Enters a new node in the open list; in feature mode it goes to its (packing, connectivity)
   * cell. `connKnown`: `conn` is the node's own area count, kept with the node so that its
   * expansion need not count again. The stored word is weight * 65536 + (areas + 1, or 0 for
   * not known); the weight is clamped at 32767, which changes nothing (keys use at most 255).
   */
  const enqueue = (
    cid: number,
    g: number,
    h: number,
    packed: number,
    conn: number,
    advised: boolean,
    connKnown: boolean,
  ) => {
    if (featuresOn) {
      const w = parentWeight + (advised || packed > parentPacked || conn < parentConn ? 0 : 1);
      store.setWeight(
        cid,
        Math.min(w, 0x7fff) * 65536 + (connKnown && conn < 0xffff ? conn + 1 : 0),
      );
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
  if (rootH < 0)
    return {
      status: 'unsolvable',
      nodes: 1,
      message: 'No assignment of boxes to goals is possible (bipartite deadlock).',
    };
  const rootCell = movesPass ? startPlayer : rootPlayer;
  let rootHash = zPlayer[rootCell] ^ (movesPass ? zPushes[0] : 0);
  for (let i = 0; i < n; i++) rootHash ^= zBox[startBoxes[i]];
  let nodes = 1;
  try {
    const root = store.add(startBoxes, rootCell, -1, 0, rootH, rootHash, 0, 0);
    for (let i = 0; i < n; i++) indexAt[startBoxes[i]] = i;
    saveMatching(root, startBoxes, -1, -1);
    if (movesPass) {
      // The node's weight slot holds its pushes; A* on moves with P - pushes as the bound
      // (every push still to come is a move, and exactly P - pushes of them are to come).
      store.setWeight(root, 0);
      enqueue(root, 0, pushLimit, rootPacked, 1, true, false);
    } else enqueue(root, 0, rootH, rootPacked, 1, true, false);
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

  const width = board.width;
  const relaxSeen = new Int32Array(size);
  const relaxQueue = new Int32Array(size);
  let relaxStamp = 0;
  // Walls and dead squares can never take the box: marked above every stamp, one test covers
  // "seen", "wall" and "dead".
  const markRelaxBarriers = () => {
    for (let c = 0; c < size; c++) if (!floor[c] || dead[c]) relaxSeen[c] = WALL_MARK;
  };
  markRelaxBarriers();
  /** Whether a box at `b` could reach `target` with the other boxes standing still and the player anywhere free (boxAt marks b). */
  const relaxedReach = (b: number, target: number): boolean => {
    if (relaxStamp >= 0x3fffffff) {
      relaxSeen.fill(0);
      markRelaxBarriers();
      relaxStamp = 0;
    }
    const stampR = ++relaxStamp;
    boxAt[b] = 0;
    let head = 0;
    let tail = 0;
    relaxSeen[b] = stampR;
    relaxQueue[tail++] = b;
    const w = width;
    let reached = false;
    // Each neighbour's freedom is read once: it decides both the push into it and the push
    // from it (the player stands opposite). `floor - boxAt` is 1 exactly on free cells.
    while (head < tail) {
      const c = relaxQueue[head++];
      const l = c - 1;
      const u = c - w;
      const r = c + 1;
      const dn = c + w;
      const fl = floor[l] - boxAt[l];
      const fu = floor[u] - boxAt[u];
      const fr = floor[r] - boxAt[r];
      const fd = floor[dn] - boxAt[dn];
      if (fl && fr) {
        if (relaxSeen[l] < stampR) {
          if (l === target) reached = true;
          relaxSeen[l] = stampR;
          relaxQueue[tail++] = l;
        }
        if (relaxSeen[r] < stampR) {
          if (r === target) reached = true;
          relaxSeen[r] = stampR;
          relaxQueue[tail++] = r;
        }
      }
      if (fu && fd) {
        if (relaxSeen[u] < stampR) {
          if (u === target) reached = true;
          relaxSeen[u] = stampR;
          relaxQueue[tail++] = u;
        }
        if (relaxSeen[dn] < stampR) {
          if (dn === target) reached = true;
          relaxSeen[dn] = stampR;
          relaxQueue[tail++] = dn;
        }
      }
      if (reached) break;
    }
    boxAt[b] = 1;
    return reached;
  };

  /**
   * Whether the free neighbours of `c` (boxes as `boxAt` has them; `c` itself ignored) are
   * joined around it: walking the eight cells around `c`, they all lie on one unbroken run of
   * free cells (a diagonal cell is next to both of its straight neighbours). Then they are in
   * one region whether or not `c` is free; when not, they may still be (joined further away).
   * The ring's free cells as a byte index a table (`floor - boxAt` is 1 exactly when free).
   */
  const ringJoins = (c: number): boolean => {
    const w = width;
    const mask =
      (floor[c - w] - boxAt[c - w]) |
      ((floor[c - w + 1] - boxAt[c - w + 1]) << 1) |
      ((floor[c + 1] - boxAt[c + 1]) << 2) |
      ((floor[c + w + 1] - boxAt[c + w + 1]) << 3) |
      ((floor[c + w] - boxAt[c + w]) << 4) |
      ((floor[c + w - 1] - boxAt[c + w - 1]) << 5) |
      ((floor[c - 1] - boxAt[c - 1]) << 6) |
      ((floor[c - w - 1] - boxAt[c - w - 1]) << 7);
    return RING_JOINS[mask] === 1;
  };
  const labelSeen = new Int32Array(size);
  const labels = new Int32Array(size * 4);
  const labelMark = new Int32Array(size);
  // Walls carry a mark no flood owns, so the label floods test one array per neighbour.
  const markLabelWalls = () => {
    for (let c = 0; c < size; c++) if (!floor[c]) labelMark[c] = WALL_MARK;
  };
  markLabelWalls();
  const labelQueue = new Int32Array(size);
  let labelStamp = 0;
  /**
   * Labels the four neighbours of `c` by player region with a box on `c` (0 = wall or box;
   * equal labels = same region).
   */
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
    // Otherwise flood from one unlabelled free neighbour at a time, stopping as soon as every
    // neighbour has its label: the neighbours a flood meets share its label; when it runs dry
    // the rest are in other regions. The last neighbour left needs no flood of its own.
    const w = width;
    boxAt[c] = 1;
    let left = 0;
    for (let k = 0; k < 4; k++) {
      const nb = c + offsets[k];
      if (floor[nb] && !boxAt[nb]) left++;
    }
    for (let k = 0; k < 4 && left > 0; k++) {
      const nb = c + offsets[k];
      if (!floor[nb] || boxAt[nb] || labels[base + k] !== 0) continue;
      const label = k + 1;
      labels[base + k] = label;
      if (--left === 0) break;
      if (labelStamp >= 0x3fffffff) {
        labelMark.fill(0);
        markLabelWalls();
        labelStamp = 0;
      }
      const stampL = ++labelStamp;
      let head = 0;
      let tail = 0;
      labelMark[nb] = stampL;
      labelQueue[tail++] = nb;
      while (head < tail && left > 0) {
        const x = labelQueue[head++];
        for (let d = 0; d < 4; d++) {
          const y = x + offsets[d];
          if (labelMark[y] >= stampL || boxAt[y]) continue;
          labelMark[y] = stampL;
          labelQueue[tail++] = y;
          // One of c's neighbours? Then it shares this label.
          const dy = y - c;
          const j = dy === -1 ? 0 : dy === -w ? 1 : dy === 1 ? 2 : dy === w ? 3 : -1;
          if (j >= 0 && labels[base + j] === 0) {
            labels[base + j] = label;
            left--;
          }
        }
      }
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
    // Insertion sort by distance (stable, like the sort it replaces; a few boxes, no closure).
    for (let a = 1; a < macroBoxes.length; a++) {
      const x = macroBoxes[a];
      const dx = dist[tBase + cur[x]];
      let k = a - 1;
      while (k >= 0 && dist[tBase + cur[macroBoxes[k]]] > dx) {
        macroBoxes[k + 1] = macroBoxes[k];
        k--;
      }
      macroBoxes[k + 1] = x;
    }
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
          if (mr[c - e] !== ms || !floor[to] || boxAt[to] || dead[to] || macroSeen[ns] === stampM)
            continue;
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
          if (!floor[to] || boxAt[to] || dead[to] || macroSeen[ns] === stampM) continue;
          if (d !== inDir) {
            if (labelSeen[c] !== stampM) {
              labelSeen[c] = stampM;
              neighbourLabels(c);
            }
            if (labels[c * 4 + ((d + 2) & 3)] !== labels[fromSide]) continue;
          }
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
        const dead2 =
          last &&
          (freeze.frozenAfterPush(boxAt, to) ||
            (settled !== null && settled.lostAfterPush(boxAt, cur, i, to)));
        const sameC = pJoins && to !== prevNorm && ringJoins(to);
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
        fillRow(i, to);
        const ch = matcher.resolveRow(cost, i);
        fillRow(i, b);
        if (ch < 0) break;
        // Features only for positions kept (childReach holds this one's flood unless skipped).
        boxAt[b] = 0;
        boxAt[to] = 1;
        const packedC = packedNow();
        if (featuresOn && sameC) childReach.flood(boxAt, p);
        const connC = featuresOn ? childReach.areas(boxAt, child) : 0;
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

  /** Whether every free neighbour of `c` (boxes as `boxAt` has them) is in the expanded node's region. */
  const onlyRegionAround = (c: number): boolean => {
    const mark = parentReach.mark;
    const stamp = parentReach.stamp;
    for (let k = 0; k < 4; k++) {
      const x = c + offsets[k];
      if (floor[x] && !boxAt[x] && mark[x] !== stamp) return false;
    }
    return true;
  };

  const path = (id: number): Push[] => {
    const out: Push[] = [];
    for (let x = id; store.parentOf(x) >= 0; x = store.parentOf(x))
      out.push({ from: store.fromOf(x), dir: store.dirOf(x) });
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
      const pushesSoFar = movesPass ? store.weightOf(id) : g;
      const boxHash = store.hashOf(id) ^ zPlayer[player] ^ (movesPass ? zPushes[pushesSoFar] : 0);
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 1;
      if (movesPass) parentReach.walk(boxAt, player);
      else parentReach.flood(boxAt, player);
      const walkSteps = parentReach.steps;
      if (featuresOn) {
        parentPacked = packedNow();
        parentMoved = store.parentOf(id) >= 0 ? store.fromOf(id) + offsets[store.dirOf(id)] : -1;
        const word = store.weightOf(id);
        parentWeight = word >>> 16;
        parentConn = (word & 0xffff) !== 0 ? (word & 0xffff) - 1 : parentReach.areas(boxAt, cur);
      }
      const reach = parentReach.mark;
      const stamp = parentReach.stamp;
      for (let i = 0; i < n; i++) fillRow(i, cur[i]);
      // The node's optimum is the base (stored, or solved again when memory was short); each
      // child changes one row (O(n²) each).
      if (store.loadMatching(id, potBuf, assignBuf)) matcher.loadBase(cost, potBuf, assignBuf);
      else matcher.solve(cost);
      for (let i = 0; i < n; i++) indexAt[cur[i]] = i;

      // Candidate pushes as box index * 4 + direction: all of them, or a PI-corral's only.
      let moveCount = 0;
      // No corral at all when the player reaches every floor cell not under a box.
      const outside = floorCount - n - parentReach.count;
      const verdict =
        usePiCorrals && outside > 0 ? corrals.find(boxAt, reach, stamp, outside) : 'none';
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
            player,
          ));
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
          let skip =
            freeze.frozenAfterPush(boxAt, to) ||
            (settled !== null && settled.lostAfterPush(boxAt, cur, i, to));
          let childPlayer = 0;
          let packed = 0;
          let conn = 0;
          let same = false;
          let flooded = false;
          if (movesPass) childPlayer = b;
          else if (!skip) {
            same = bJoins && to !== player && ringJoins(to);
            if (same || (reach[to] !== stamp && onlyRegionAround(b))) {
              // Also without a flood: a push into an area the player cannot reach (`to` off
              // the region) with every other free neighbour of `b` in the region gives the
              // region plus `b`, nothing else (`to`'s area now touches `b` only through the box).
              childPlayer = b < player ? b : player;
            } else {
              childPlayer = childReach.flood(boxAt, b);
              flooded = true;
            }
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
          const hash =
            boxHash ^
            zBox[b] ^
            zBox[to] ^
            zPlayer[childPlayer] ^
            (movesPass ? zPushes[pushesSoFar + 1] : 0);
          // Pushes so far, or moves in the moves pass (the walk to the push, then the push).
          const childG = movesPass ? g + walkSteps[b - e] + 1 : g + 1;
          const found = store.find(hash, child, childPlayer);
          let replaces = -1;
          if (found >= 0) {
            // Optimal mode reopens a position reached by fewer pushes even after its
            // expansion: the bound is admissible but not consistent (a cell's push distance is
            // the best over the player's sides, and one push can leave the player on a side
            // that is worse by more than one push), so A* may expand a position before its
            // cheapest path is known. Without reopening, seed 490's second room took 17 pushes for 15.
            if (!limits.optimal || store.gOf(found) <= childG) continue;
            replaces = found;
          }
          fillRow(i, to);
          const ch0 = matcher.resolveRow(cost, i);
          // Pathmax: the parent's bound less one push is a bound too, and keeps f from falling
          // along a path (fewer reopened positions; see the header).
          const ch = ch0 >= 0 && limits.optimal && !movesPass && ch0 < h - 1 ? h - 1 : ch0;
          fillRow(i, b);
          skip = ch < 0 || (movesPass && pushesSoFar + 1 + ch > pushLimit);
          if (skip) continue;
          // Features only for positions kept (childReach still holds this one's flood).
          if (packW > 0 || featuresOn) {
            boxAt[b] = 0;
            boxAt[to] = 1;
            packed = packedNow();
            if (featuresOn && !same) {
              if (!flooded) childReach.flood(boxAt, b);
              conn = childReach.areas(boxAt, child);
            } else if (featuresOn) conn = parentConn;
            boxAt[to] = 0;
            boxAt[b] = 1;
          }
          let cid = store.add(child, childPlayer, id, childG, ch, hash, b, d, replaces);
          saveMatching(cid, child, i, to);
          nodes++;
          let cg = childG;
          let ckey = ch;
          if (movesPass) {
            store.setWeight(cid, pushesSoFar + 1);
            ckey = pushLimit - pushesSoFar - 1;
          }
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
              if (floor[behind + p1] || floor[behind - p1] || floor[at + p1] || floor[at - p1])
                break;
              if (board.goal[at] || !floor[ahead] || boxAt[ahead] || dead[ahead]) break;
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
          enqueue(cid, cg, ckey, packed, conn, boxRuns && b === parentMoved, cg === g + 1);
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
  return {
    status: 'unsolvable',
    nodes,
    message: `Every reachable position was searched (${nodes} positions): the level has no solution.`,
  };
}
