/**
 * What one search shares between its parts (expansion, macros, orchestration): the level's
 * tables, the node store and its open list, the bound, scratch arrays for the node being
 * expanded and the switches the limits turn on. Built once per search.
 */
import { type Board, floorCellCount } from './board';
import { CorralFinder } from './corral';
import { CorralSearch } from './corral-search';
import type { Distances } from './distance';
import { FeatureSearch } from './features';
import { FreezeChecker } from './freeze';
import { MatchingBound } from './matching-bound';
import { packingOrder } from './packing';
import { planDistances } from './plan-distances';
import { planPacking } from './packing-order';
import { Reach } from './reach';
import type { SearchLimits } from './search-limits';
import { SettledChecker } from './settled';
import type { Push } from './solution';
import {
  BOX_KEY_SEED,
  BucketQueue,
  type Budget,
  FeatureQueues,
  NodeStore,
  PLAYER_KEY_SEED,
  zobristKeys,
} from './table';

/**
 * Feature search's packing macro: added to a box's distance to a goal the plan leaves no way
 * into (plan-distances.ts); 0 = off, the default. At 20 it solves XSokoban #55 in 1,920
 * positions (3.25 million without) but #15 then needs 659,501 instead of 255,386 and #12
 * 353,990 instead of 2,301: at 300k positions per search 56 of 90 either way (BENCHMARKS.md,
 * session 7); at 10 s on a quiet machine 58 either way (it trades #63 for #55), so it stays off.
 */
const DEFAULT_PLAN_PENALTY = 0;

export class SearchContext {
  readonly board: Board;
  readonly limits: SearchLimits;
  /** Boxes. */
  readonly n: number;
  readonly dist: Uint16Array;
  /**
   * Feature search: push distances along the packing plan (plan-distances.ts), by which the
   * packing macro ranks its boxes; null when off (it ranks them by `dist` then).
   */
  readonly planDist: Uint16Array | null;
  readonly dead: Uint8Array;
  readonly store: NodeStore;
  readonly open: BucketQueue | FeatureQueues;
  readonly zBox: Int32Array;
  readonly zPlayer: Int32Array;
  /** The moves pass keys pushes so far into the hash (see SearchLimits.fewestMovesFor). */
  readonly zPushes: Int32Array;
  readonly freeze: FreezeChecker;
  readonly settled: SettledChecker | null;
  readonly corrals: CorralFinder;
  readonly corralSearch: CorralSearch | null;
  readonly bound: MatchingBound;
  /** Scratch: boxes of the node being expanded (boxAt marks them), and of a child. */
  readonly boxAt: Uint8Array;
  readonly cur: Int32Array;
  readonly child: Int32Array;
  /** The expanded node's region, and a child's. */
  readonly parentReach: Reach;
  readonly childReach: Reach;
  readonly floorCount: number;
  readonly optimal: boolean;
  /** Optimal mode's second pass: fewest moves for `pushLimit` pushes. */
  readonly movesPass: boolean;
  readonly pushLimit: number;
  // PI-corral pruning postpones pushes outside the corral, which keeps the push count but not
  // the walks between pushes: not for the moves pass.
  readonly usePiCorrals: boolean;
  readonly packW: number;
  readonly featuresOn: boolean;
  readonly features: FeatureSearch;
  // Tunnel macros are for the fast mode only: optimal mode keeps every push a node.
  readonly tunnelsOn: boolean;
  /** Packing macro (fast mode with a packing order). */
  readonly macroOn: boolean;
  /** The packing order (goal cells), empty when neither packing weight nor features use it. */
  readonly order: Int32Array;
  readonly maxNodes: number;
  private readonly key: (g: number, h: number, packed: number) => number;
  /** Positions generated so far. */
  nodes = 0;
  /** The best bound seen (fast mode's progress). */
  best = 0;

  /** Throws MemoryLimit when the budget cannot hold the store. */
  constructor(
    board: Board,
    distances: Distances,
    startBoxes: Int32Array,
    startPlayer: number,
    limits: SearchLimits,
    budget: Budget,
  ) {
    const n = startBoxes.length;
    const { size } = board;
    this.board = board;
    this.limits = limits;
    this.n = n;
    this.dead = distances.dead;
    this.optimal = limits.optimal;
    this.featuresOn = !limits.optimal && limits.features === true;
    const packW = limits.optimal ? 0 : (limits.packingWeight ?? 0);
    this.order =
      packW > 0 || this.featuresOn
        ? limits.reverseOrder === false
          ? packingOrder(board, startPlayer)
          : planPacking(board, startBoxes, startPlayer)
        : new Int32Array(0);
    const planPenalty = limits.planPenalty ?? DEFAULT_PLAN_PENALTY;
    this.dist = distances.dist;
    this.planDist =
      this.featuresOn && planPenalty > 0
        ? planDistances(board, distances, this.order, planPenalty).dist
        : null;
    this.store = new NodeStore(n, budget);
    this.open = this.featuresOn
      ? new FeatureQueues(this.store, budget)
      : new BucketQueue(this.store, budget);
    limits.onStore?.(this.store);
    this.zBox = zobristKeys(size, BOX_KEY_SEED);
    this.zPlayer = zobristKeys(size, PLAYER_KEY_SEED);
    this.freeze = new FreezeChecker(board, this.dead);
    this.settled = limits.settled === true ? new SettledChecker(board, this.dead) : null;
    this.bound = new MatchingBound(board, distances, n);
    this.boxAt = new Uint8Array(size);
    this.parentReach = new Reach(board);
    this.childReach = new Reach(board);
    this.cur = new Int32Array(n);
    this.child = new Int32Array(n);
    this.corrals = new CorralFinder(board, this.dead);
    this.movesPass = limits.optimal && limits.fewestMovesFor !== undefined;
    this.pushLimit = limits.fewestMovesFor ?? 0;
    this.zPushes = zobristKeys(this.movesPass ? this.pushLimit + 2 : 0, 0x9e37);
    this.usePiCorrals = limits.piCorrals !== false && !this.movesPass;
    this.corralSearch = limits.corralSearch === false ? null : new CorralSearch(board, this.dead);
    this.floorCount = floorCellCount(board);
    const gWeight = limits.hWeight ?? 0;
    this.packW = packW;
    this.features = new FeatureSearch(limits.boxRuns === true);
    this.key = limits.optimal
      ? (g: number, h: number) => (g + h) * 256 + Math.min(h, 255)
      : gWeight > 0
        ? (g: number, h: number, packed: number) => g + gWeight * (h + packW * (n - packed))
        : (_g: number, h: number, packed: number) => h + packW * (n - packed);
    this.maxNodes = limits.maxNodes ?? Infinity;
    this.tunnelsOn = !limits.optimal && limits.tunnels !== false;
    this.macroOn = (packW > 0 || this.featuresOn) && limits.packingMacro !== false;
  }

  /** Goals packed so far: the longest prefix of the packing order holding boxes. */
  packedNow(): number {
    const { order, boxAt } = this;
    let k = 0;
    while (k < order.length && boxAt[order[k]]) k++;
    return k;
  }

  /**
   * Enters a new node in the open list; in feature mode it goes to its (packing, connectivity)
   * cell (see FeatureSearch.enqueue for `conn`, `advised` and `connKnown`).
   */
  enqueue(
    cid: number,
    g: number,
    h: number,
    packed: number,
    conn: number,
    advised: boolean,
    connKnown: boolean,
  ): void {
    if (this.featuresOn) {
      this.features.enqueue(
        this.store,
        this.open as FeatureQueues,
        this.n,
        cid,
        h,
        packed,
        conn,
        advised,
        connKnown,
      );
    } else {
      this.open.push(cid, this.key(g, h, packed));
    }
  }

  /** The pushes from the root to node `id`. */
  path(id: number): Push[] {
    return this.store.pushesTo(id);
  }
}
