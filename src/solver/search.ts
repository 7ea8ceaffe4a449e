/**
 * Push-level best-first search: the orchestration.
 *
 * A node is the set of box cells plus the player's reachable region, normalised to the
 * region's smallest cell; player walks are not searched, they are computed when the solution is
 * written out. Each expansion (expand.ts) generates every legal push (or only the pushes into a
 * PI-corral), drops pushes onto dead squares and pushes that freeze boxes off goals, and scores
 * the child with the minimum-cost matching of boxes to goals over push distances (no perfect
 * matching = bipartite deadlock), updated from the parent's stored matching in O(n²)
 * (matching-bound.ts).
 *
 * `optimal` is A* on pushes (f = g + h). The bound is admissible but not consistent (push
 * distances take the best side of the player per cell), so a child's bound is raised to its
 * parent's minus one (pathmax) and a position reached again by fewer pushes is reopened even
 * after its expansion; then the first solution taken off the open list has the fewest pushes.
 * No macros there. The fast mode runs either a greedy best-first search on h (with tunnel
 * macros, tunnel-macro.ts) or a feature-space search (features.ts) with a packing macro that
 * pushes a box straight to the next goal of the packing order (pack-macro.ts,
 * packing-order.ts). engine.ts interleaves the two.
 */
import type { Board } from './board';
import type { Distances } from './distance';
import { Expander, GO_ON, NODE_LIMIT } from './expand';
import { SearchContext } from './search-context';
import type { SearchLimits, SearchOutcome } from './search-limits';
import { Budget, FLAG_EXPANDED, FLAG_STALE, MemoryLimit } from './table';

export type { SearchLimits, SearchOutcome } from './search-limits';

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
  let ctx: SearchContext;
  try {
    ctx = new SearchContext(board, distances, startBoxes, startPlayer, limits, budget);
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: 0 };
    throw e;
  }
  const root = addRoot(ctx, startBoxes, startPlayer);
  if (root !== null) return root;
  const expander = new Expander(ctx);
  const { store, open } = ctx;
  let nextProgress = limits.start + limits.progressIntervalMs;
  let lastDepth = 0;
  try {
    let slice = 0;
    while (open.size > 0) {
      if (++slice >= SLICE) {
        slice = 0;
        yield ctx.nodes;
      }
      // Limits are polled once per expansion: one expansion is far below a millisecond.
      const now = limits.now();
      if (now >= limits.deadline) return { status: 'limit', reason: 'time', nodes: ctx.nodes };
      if (limits.shouldCancel?.()) return { status: 'cancelled', nodes: ctx.nodes };
      if (limits.onProgress && now >= nextProgress) {
        reportProgress(ctx, now, lastDepth, budget);
        nextProgress = now + limits.progressIntervalMs;
      }
      const id = open.pop();
      if (store.flagsOf(id) & (FLAG_EXPANDED | FLAG_STALE)) continue;
      store.setFlag(id, FLAG_EXPANDED);
      lastDepth = store.gOf(id);
      const h = store.hOf(id);
      if (h === 0) return { status: 'solved', pushes: ctx.path(id), nodes: ctx.nodes };
      const r = expander.expand(id, h);
      if (r === NODE_LIMIT) return { status: 'limit', reason: 'nodes', nodes: ctx.nodes };
      if (r !== GO_ON) return { status: 'solved', pushes: ctx.path(r), nodes: ctx.nodes };
    }
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: ctx.nodes };
    throw e;
  }
  return {
    status: 'unsolvable',
    nodes: ctx.nodes,
    message: `Every reachable position was searched (${ctx.nodes} positions): the level has no solution.`,
  };
}

/** Stores and enters the root; returns an outcome when the search ends there. */
function addRoot(
  ctx: SearchContext,
  startBoxes: Int32Array,
  startPlayer: number,
): SearchOutcome | null {
  const { n, boxAt, parentReach, zPlayer, zBox, zPushes, movesPass, store, bound } = ctx;
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 1;
  const rootPlayer = parentReach.flood(boxAt, startPlayer);
  const rootPacked = ctx.packedNow();
  for (let i = 0; i < n; i++) boxAt[startBoxes[i]] = 0;
  const rootH = bound.solve(startBoxes);
  if (rootH < 0)
    return {
      status: 'unsolvable',
      nodes: 1,
      message: 'No assignment of boxes to goals is possible (bipartite deadlock).',
    };
  ctx.best = rootH;
  const rootCell = movesPass ? startPlayer : rootPlayer;
  let rootHash = zPlayer[rootCell] ^ (movesPass ? zPushes[0] : 0);
  for (let i = 0; i < n; i++) rootHash ^= zBox[startBoxes[i]];
  ctx.nodes = 1;
  try {
    const root = store.add(startBoxes, rootCell, -1, 0, rootH, rootHash, 0, 0);
    bound.indexRows(startBoxes);
    bound.save(store, root, startBoxes, -1, -1);
    if (movesPass) {
      // The node's weight slot holds its pushes; A* on moves with P - pushes as the bound
      // (every push still to come is a move, and exactly P - pushes of them are to come).
      store.setWeight(root, 0);
      ctx.enqueue(root, 0, ctx.pushLimit, rootPacked, 1, true, false);
    } else ctx.enqueue(root, 0, rootH, rootPacked, 1, true, false);
  } catch (e) {
    if (e instanceof MemoryLimit) return { status: 'limit', reason: 'memory', nodes: 0 };
    throw e;
  }
  return null;
}

function reportProgress(ctx: SearchContext, now: number, depth: number, budget: Budget): void {
  const { limits, nodes } = ctx;
  const elapsed = now - limits.start;
  limits.onProgress?.({
    nodes,
    nodesPerSecond: elapsed > 0 ? Math.round((nodes * 1000) / elapsed) : 0,
    bound: limits.optimal ? Math.floor(ctx.open.peekKey() / 256) : ctx.best,
    depth,
    elapsedMs: Math.round(elapsed),
    tableFill: Math.min(1, budget.used / budget.cap),
  });
}
