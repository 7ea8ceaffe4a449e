/**
 * The search run backwards: from the solved position, boxes are pulled (the player steps away
 * from a box and drags it along) until they stand where the level starts them, the player in
 * the start's region. Read in reverse, each pull is a push, so the path is a solution.
 *
 * Why: a goal room that the forward search must fill in a careful order is, backwards, just
 * emptied, one box at a time, by whichever box the player can reach. Where the forward search
 * stalls on packing, the backward one often does not (and the other way round), so the fast
 * mode runs both and also watches for the two meeting: a position one has stored that the
 * other reaches joins the forward path to the reversed backward one.
 *
 * Positions are (sorted boxes, smallest cell of the player's region) hashed with the same
 * Zobrist keys as the forward search, so a position is found in either store by the same key.
 */
import type { Board } from './board';
import { FORBIDDEN, Matcher } from './matching';
import { Reach } from './reach';
import type { SearchLimits, SearchOutcome } from './search';
import type { Push } from './solution';
import {
  BOX_KEY_SEED,
  BucketQueue,
  Budget,
  MemoryLimit,
  NodeStore,
  PLAYER_KEY_SEED,
  zobristKeys,
} from './table';
import { UNREACHABLE } from './distance';

/** Expansions between two yields (as the forward search's slices). */
const SLICE = 128;
/** Index of the opposite direction: offsets are l, u, r, d. */
const OPPOSITE = [2, 3, 0, 1];

/**
 * pull[t * size + c]: the fewest pulls that bring a box from cell c to start cell t, other
 * boxes ignored (a pull in direction d needs the two cells beyond the box in d free of walls).
 * A breadth-first search backwards from each start cell.
 */
export function pullDistances(board: Board, starts: Int32Array): Uint16Array {
  const { size, floor, offsets } = board;
  const dist = new Uint16Array(starts.length * size).fill(UNREACHABLE);
  const queue = new Int32Array(size);
  for (let t = 0; t < starts.length; t++) {
    const base = t * size;
    let head = 0;
    let tail = 0;
    dist[base + starts[t]] = 0;
    queue[tail++] = starts[t];
    while (head < tail) {
      const y = queue[head++];
      for (let d = 0; d < 4; d++) {
        // A pull in direction d moves a box from y - e to y; the player ends on y + e.
        const e = offsets[d];
        const x = y - e;
        if (!floor[x] || !floor[y + e] || dist[base + x] !== UNREACHABLE) continue;
        dist[base + x] = dist[base + y] + 1;
        queue[tail++] = x;
      }
    }
  }
  return dist;
}

/** The cell-major cost table the matcher reads rows of: cost[c * n + t] = pulls from c to t. */
function costTable(pull: Uint16Array, size: number, n: number): Int32Array {
  const cost = new Int32Array(size * n);
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < size; c++) {
      const d = pull[t * size + c];
      cost[c * n + t] = d === UNREACHABLE ? FORBIDDEN : d;
    }
  }
  return cost;
}

/** A position found in one of the forward search's stores, to join paths at. */
export interface Meeting {
  readonly store: NodeStore;
  readonly id: number;
}

/** Forward stores the pull search meets; the portfolio adds them as the searches start. */
export type Partners = NodeStore[];

/**
 * The pushes that undo the pulls from the solved position to node `id` of the pull store:
 * the last pull, reversed, is the first push. A pull of the box on `from` in direction d left
 * it on from + e, so the push takes it from there back in the opposite direction.
 */
function pushesFromPulls(store: NodeStore, id: number, offsets: Int32Array): Push[] {
  const out: Push[] = [];
  for (let x = id; store.parentOf(x) >= 0; x = store.parentOf(x)) {
    const d = store.dirOf(x);
    out.push({ from: store.fromOf(x) + offsets[d], dir: OPPOSITE[d] });
  }
  return out;
}

/**
 * The pull search as a generator yielding its node count every SLICE expansions. Greedy
 * best-first on the matching bound (pulls to the start cells). Returns `solved` with pushes
 * from the start, or a limit; it never says `unsolvable` (it does not prune by forward rules,
 * and its store may hold only part of the space).
 * The search loop, run per node: a hot loop kept whole on purpose (long, but one pass to read).
 */
export function* pullSearchSteps(
  board: Board,
  startBoxes: Int32Array,
  startPlayer: number,
  limits: SearchLimits,
  budget: Budget,
  partners: Partners = [],
): Generator<number, SearchOutcome> {
  const n = startBoxes.length;
  const { size, offsets, goals } = board;
  const zBox = zobristKeys(size, BOX_KEY_SEED);
  const zPlayer = zobristKeys(size, PLAYER_KEY_SEED);
  const reach = new Reach(board);
  const childReach = new Reach(board);
  const boxAt = new Uint8Array(size);
  const cost = costTable(pullDistances(board, startBoxes), size, n);
  const rows = new Int32Array(n);
  const cur = new Int32Array(n);
  const child = new Int32Array(n);
  const matcher = new Matcher(n);
  matcher.setRows(rows);
  // Nodes keep their matching while memory allows (as the forward search's), so an expansion
  // starts from it instead of solving the matching again: O(n²) instead of O(n³).
  const pot = new Int32Array(n);
  const assign = new Uint16Array(n);
  const indexAt = new Int32Array(size);
  let movedRow = -1;
  let movedTo = -1;
  const rowOfChild = (k: number) => (child[k] === movedTo ? movedRow : indexAt[child[k]]);
  const saveMatching = (id: number) => {
    if (!store.keepsMatching(id)) return;
    matcher.exportResult(pot, assign, rowOfChild);
    store.setMatching(id, pot, assign);
  };
  const hashOf = (boxes: Int32Array, player: number) => {
    let h = zPlayer[player];
    for (let i = 0; i < n; i++) h ^= zBox[boxes[i]];
    return h;
  };

  // The target: the start boxes, the player anywhere in the start's region.
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 1;
  const targetPlayer = reach.flood(boxAt, startPlayer);
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 0;
  const targetHash = hashOf(startBoxes, targetPlayer);

  let store: NodeStore;
  let open: BucketQueue;
  let nodes = 0;
  const solvedBy = (pushes: Push[]): SearchOutcome => ({ status: 'solved', pushes, nodes });
  const meet = (id: number, hash: number, boxes: Int32Array, player: number) => {
    for (const partner of partners) {
      const f = partner.find(hash, boxes, player);
      if (f >= 0) return [...partner.pushesTo(f), ...pushesFromPulls(store, id, offsets)];
    }
    return null;
  };
  try {
    store = new NodeStore(n, budget);
    open = new BucketQueue(store, budget);
    // Roots: every box on a goal, the player in any region the boxes leave.
    const seen = new Uint8Array(size);
    for (let i = 0; i < n; i++) boxAt[goals[i]] = 1;
    for (let i = 0; i < n; i++) rows[i] = goals[i] * n;
    const rootH = matcher.solve(cost);
    for (let c = 0; c < size; c++) {
      if (!board.floor[c] || boxAt[c] || seen[c]) continue;
      const player = reach.flood(boxAt, c);
      for (let x = 0; x < size; x++) if (reach.mark[x] === reach.stamp) seen[x] = 1;
      if (rootH < 0) continue;
      const hash = hashOf(goals, player);
      const id = store.add(goals, player, -1, 0, rootH, hash, 0, 0);
      nodes++;
      // Rows are in the goals' order, which is the root's (sorted) box order.
      for (let i = 0; i < n; i++) indexAt[goals[i]] = i;
      child.set(goals);
      saveMatching(id);
      open.push(id, rootH);
    }
    for (let i = 0; i < n; i++) boxAt[goals[i]] = 0;
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes };
    throw e;
  }

  const maxNodes = limits.maxNodes ?? Infinity;
  let scanned = partners.map(() => 0);
  let slice = 0;
  try {
    while (open.size > 0) {
      if (++slice >= SLICE) {
        slice = 0;
        // Forward positions stored since the last look, looked up among the pulled ones.
        const joined = joinForward();
        if (joined) return solvedBy(joined);
        yield nodes;
      }
      if (limits.now() >= limits.deadline) return { status: 'limit', reason: 'time', nodes };
      if (limits.shouldCancel?.()) return { status: 'cancelled', nodes };
      if (nodes >= maxNodes) return { status: 'limit', reason: 'nodes', nodes };
      const id = open.pop();
      store.loadBoxes(id, cur);
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 1;
      reach.flood(boxAt, store.playerOf(id));
      const region = reach.stamp;
      for (let i = 0; i < n; i++) {
        rows[i] = cur[i] * n;
        indexAt[cur[i]] = i;
      }
      if (store.loadMatching(id, pot, assign)) matcher.loadBase(cost, pot, assign);
      else matcher.solve(cost);
      for (let i = 0; i < n; i++) {
        const b = cur[i];
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = b + e;
          const behind = to + e;
          if (reach.mark[to] !== region || !board.floor[behind] || boxAt[behind]) continue;
          rows[i] = to * n;
          const h = matcher.resolveRow(cost, i);
          rows[i] = b * n;
          if (h < 0) continue;
          const found = expandPull(id, i, d, h);
          if (found) return solvedBy(found);
        }
      }
      for (let i = 0; i < n; i++) boxAt[cur[i]] = 0;
    }
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes };
    throw e;
  }
  return { status: 'limit', reason: 'nodes', nodes };

  /** Stores the child that pulls box `i` of `cur` one cell in direction `d`; a path when it ends the search. */
  function expandPull(parent: number, i: number, d: number, h: number) {
    const from = cur[i];
    const to = from + offsets[d];
    const player = to + offsets[d];
    placeMoved(i, to);
    boxAt[from] = 0;
    boxAt[to] = 1;
    // A second flood buffer: the parent's region stays marked in `reach` for its other pulls.
    const norm = childReach.flood(boxAt, player);
    boxAt[to] = 0;
    boxAt[from] = 1;
    const hash = hashOf(child, norm);
    if (store.find(hash, child, norm) >= 0) return null;
    const cid = store.add(child, norm, parent, store.gOf(parent) + 1, h, hash, from, d);
    nodes++;
    movedRow = i;
    movedTo = to;
    saveMatching(cid);
    if (hash === targetHash && norm === targetPlayer && h === 0)
      return pushesFromPulls(store, cid, offsets);
    const joined = meet(cid, hash, child, norm);
    if (joined) return joined;
    open.push(cid, h);
    return null;
  }

  /** `child` = `cur` with box `i` moved to `to`, kept sorted. */
  function placeMoved(i: number, to: number) {
    let k = 0;
    let placed = false;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (!placed && to < cur[j]) {
        child[k++] = to;
        placed = true;
      }
      child[k++] = cur[j];
    }
    if (!placed) child[k] = to;
  }

  /** Looks up the forward positions stored since the last call in this store. */
  function joinForward(): Push[] | null {
    if (scanned.length !== partners.length) scanned = partners.map((_, k) => scanned[k] ?? 0);
    for (let k = 0; k < partners.length; k++) {
      const partner = partners[k];
      for (let f = scanned[k]; f < partner.count; f++) {
        partner.loadBoxes(f, cur);
        const player = partner.playerOf(f);
        const p = store.find(partner.hashOf(f), cur, player);
        if (p >= 0) return [...partner.pushesTo(f), ...pushesFromPulls(store, p, offsets)];
      }
      scanned[k] = partner.count;
    }
    return null;
  }
}
