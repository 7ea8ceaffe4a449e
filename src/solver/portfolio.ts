/**
 * Fast mode's portfolio: a greedy best-first search on the bound (quickest on small levels)
 * and a feature-space search (packing and connectivity cells served round robin, packing
 * macros; strongest on large levels with goal rooms) take turns on one thread, slice by slice,
 * sharing one memory budget. The first to finish decides.
 */
import type { Board } from './board';
import type { Distances } from './distance';
import { type SearchLimits, type SearchOutcome, searchSteps } from './search';
import { Budget } from './table';

type Progress = Parameters<NonNullable<SearchLimits['onProgress']>>[0];

export function portfolio(
  board: Board,
  distances: Distances,
  boxes: Int32Array,
  player: number,
  limits: SearchLimits,
  share: number,
): SearchOutcome {
  const budget = new Budget(limits.memoryBytes);
  const latest = [0, 0];
  const relay = progressRelay(limits, budget);
  const onProgress = limits.onProgress;
  const searches = [
    searchSteps(
      board,
      distances,
      boxes,
      player,
      { ...limits, features: false, onProgress: onProgress && relay(0) },
      budget,
    ),
    searchSteps(
      board,
      distances,
      boxes,
      player,
      { ...limits, features: true, onProgress: onProgress && relay(1) },
      budget,
    ),
  ];
  // Turns per round: the greedy search once, the feature-space search `share` times.
  const turns = [0, ...Array.from({ length: Math.max(1, share) }, () => 1)];
  for (;;) {
    for (const k of turns) {
      const r = searches[k].next();
      if (r.done) {
        searches[1 - k].return(undefined as never);
        return { ...r.value, nodes: r.value.nodes + latest[1 - k] };
      }
      latest[k] = r.value;
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
