/**
 * Fast mode's portfolio: a greedy best-first search on the bound (quickest on small levels)
 * and a feature-space search (packing and connectivity cells served round robin, packing
 * macros; strongest on large levels with goal rooms) take turns on one thread, slice by slice,
 * sharing one memory budget. The first to finish decides. Optionally a pull search (backwards
 * from the solved position, see pull-search.ts) takes a turn every few rounds and watches for
 * positions the forward searches stored.
 */
import type { Board } from './board';
import type { Distances } from './distance';
import { type Partners, pullSearchSteps } from './pull-search';
import { type SearchLimits, type SearchOutcome, searchSteps } from './search';
import { Budget } from './table';

type Progress = Parameters<NonNullable<SearchLimits['onProgress']>>[0];

/** How the searches share the thread. */
export interface Shares {
  /** Slices the feature-space search gets for each greedy slice (at least 1). */
  readonly feature: number;
  /** The pull search takes one slice every this many rounds; 0 = no pull search. */
  readonly pullEvery: number;
}

const PULL = 2;

export function portfolio(
  board: Board,
  distances: Distances,
  boxes: Int32Array,
  player: number,
  limits: SearchLimits,
  shares: Shares,
): SearchOutcome {
  const budget = new Budget(limits.memoryBytes);
  const pull = shares.pullEvery > 0;
  const relay = progressRelay(limits, budget);
  const onProgress = limits.onProgress;
  const partners: Partners = [];
  const forward = (k: number, features: boolean) =>
    searchSteps(
      board,
      distances,
      boxes,
      player,
      {
        ...limits,
        features,
        onProgress: onProgress && relay(k),
        onStore: pull ? (store) => partners.push(store) : undefined,
      },
      budget,
    );
  const searches = [forward(0, false), forward(1, true)];
  if (pull) {
    const quiet = { ...limits, onProgress: undefined };
    searches.push(pullSearchSteps(board, boxes, player, quiet, budget, partners));
  }
  const latest = searches.map(() => 0);
  // Turns per round: the greedy search once, the feature-space search `feature` times.
  const turns = [0, ...Array.from({ length: Math.max(1, shares.feature) }, () => 1)];
  let pullAlive = pull;
  for (let round = 1; ; round++) {
    const ks = pullAlive && round % shares.pullEvery === 0 ? [...turns, PULL] : turns;
    for (const k of ks) {
      const r = searches[k].next();
      if (!r.done) {
        latest[k] = r.value;
        continue;
      }
      if (k === PULL && r.value.status === 'limit') {
        // The pull search only helps: when it stops, the forward searches go on.
        latest[k] = r.value.nodes;
        pullAlive = false;
        continue;
      }
      searches.forEach((s, j) => j !== k && s.return(undefined as never));
      const others = latest.reduce((sum, x, j) => (j === k ? sum : sum + x), 0);
      return { ...r.value, nodes: r.value.nodes + others };
    }
  }
}

/** Progress of the two searches merged into one report, at most one per interval. */
function progressRelay(limits: SearchLimits, budget: Budget): (k: number) => (p: Progress) => void {
  const reports: (Progress | null)[] = [null, null];
  let nextReport = limits.start + limits.progressIntervalMs;
  const onProgress = limits.onProgress;
  return (k: number) => (p: Progress) => {
    reports[k] = p;
    const now = limits.now();
    if (!onProgress || now < nextReport) return;
    nextReport = now + limits.progressIntervalMs;
    const nodes = (reports[0]?.nodes ?? 0) + (reports[1]?.nodes ?? 0);
    const elapsed = now - limits.start;
    onProgress({
      nodes,
      nodesPerSecond: elapsed > 0 ? Math.round((nodes * 1000) / elapsed) : 0,
      bound: Math.min(reports[0]?.bound ?? Infinity, reports[1]?.bound ?? Infinity),
      depth: Math.max(reports[0]?.depth ?? 0, reports[1]?.depth ?? 0),
      elapsedMs: Math.round(elapsed),
      tableFill: Math.min(1, budget.used / budget.cap),
    });
  };
}
