/**
 * The search engine's entry points. Pure TypeScript: runs unchanged in Node and in a worker.
 */
import { type Level, type Position, isSolved, replay, startPosition } from '../sokoban';
import type { SolveOptions, SolveResult } from './api';
import { compile } from './board';
import { analyse } from './deadlock';
import type { Board } from './board';
import type { Distances } from './distance';
import { type SearchLimits, type SearchOutcome, search, searchSteps } from './search';
import { Budget } from './table';
import { expandPushes } from './solution';
import { type Partners, pullSearchSteps } from './pull-search';

export type * from './api';
export { checkDeadlock } from './deadlock';
export { lowerBound } from './bound';

const DEFAULT_MEMORY_MB = 512;

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/** Engine switches for experiments and tests; the defaults are what `solve` uses. */
export interface Tuning {
  readonly piCorrals?: boolean;
  readonly packingWeight?: number;
  readonly maxNodes?: number;
  readonly packingMacro?: boolean;
  readonly hWeight?: number;
  readonly tunnels?: boolean;
  readonly features?: boolean;
  readonly macroBoxes?: number;
  /** Feature search: packing order by reverse play (default on). */
  readonly reverseOrder?: boolean;
  /** Feature search: pushes of the box the last push moved add no weight (default off). */
  readonly boxRuns?: boolean;
  /** Settled-box deadlocks: boxes frozen on goals as walls (default off). */
  readonly settled?: boolean;
  /** Corral deadlocks by a small search (default on). */
  readonly corralSearch?: boolean;
  /** Fast mode: interleave the greedy and the feature-space searches (default on). */
  readonly portfolio?: boolean;
  /** Fast mode: slices the feature-space search gets for each greedy slice (default 1). */
  readonly featureShare?: number;
  /** Optimal mode: spend the time left on the fewest moves among push-optimal solutions (default on). */
  readonly fewestMoves?: boolean;
  /** Fast mode: a pull (backward) search joins the portfolio, meeting the forward ones (default off). */
  readonly pull?: boolean;
}

export function solve(level: Level, options: SolveOptions = {}): SolveResult {
  return solveTuned(level, options, {});
}

export function solveTuned(level: Level, options: SolveOptions, tuning: Tuning): SolveResult {
  const start = now();
  const optimal = options.mode === 'optimal';
  const ms = () => Math.round(now() - start);
  const compiled = compile(level, startPosition(level));
  if (!compiled.ok) {
    if (compiled.invalid)
      return { status: 'invalid', message: compiled.message, nodes: 0, ms: ms() };
    return { status: 'unsolvable', message: compiled.message, nodes: 0, ms: ms() };
  }
  const { board, boxes, player } = compiled;
  if (isSolved(level, startPosition(level))) {
    return {
      status: 'solved',
      solution: '',
      moves: 0,
      pushes: 0,
      optimal: true,
      fewestMoves: true,
      nodes: 0,
      ms: ms(),
    };
  }
  const { distances } = analyse(level, board);
  const memoryMb =
    typeof options.memoryLimitMb === 'number' && !Number.isNaN(options.memoryLimitMb)
      ? options.memoryLimitMb
      : DEFAULT_MEMORY_MB;
  const timeLimit = options.timeLimitMs ?? Infinity;
  const limits = {
    optimal,
    deadline: start + (Number.isFinite(timeLimit) ? Math.max(0, timeLimit) : Infinity),
    memoryBytes: Math.max(0, memoryMb) * 1024 * 1024,
    shouldCancel: options.shouldCancel,
    onProgress: options.onProgress,
    progressIntervalMs: Number.isFinite(options.progressIntervalMs)
      ? Math.max(1, options.progressIntervalMs!)
      : 100,
    now,
    start,
    piCorrals: tuning.piCorrals,
    packingWeight: tuning.packingWeight,
    maxNodes: tuning.maxNodes,
    packingMacro: tuning.packingMacro,
    hWeight: tuning.hWeight,
    tunnels: tuning.tunnels,
    features: tuning.features,
    macroBoxes: tuning.macroBoxes,
    reverseOrder: tuning.reverseOrder,
    boxRuns: tuning.boxRuns,
    settled: tuning.settled,
    corralSearch: tuning.corralSearch,
  };
  let outcome: SearchOutcome;
  if (!optimal && tuning.features === undefined && tuning.portfolio !== false) {
    outcome = portfolio(
      board,
      distances,
      boxes,
      player,
      limits,
      tuning.featureShare ?? 1,
      tuning.pull === true,
    );
  } else {
    outcome = search(board, distances, boxes, player, limits);
  }
  if (outcome.status === 'unsolvable' && !optimal && tuning.tunnels !== false) {
    // Tunnel macros skip positions with a box parked inside a tunnel; only a search without
    // them may call the level unsolvable.
    const first = outcome.nodes;
    outcome = search(board, distances, boxes, player, { ...limits, tunnels: false });
    outcome = { ...outcome, nodes: outcome.nodes + first };
  }
  let fewestMoves = false;
  if (optimal && outcome.status === 'solved' && tuning.fewestMoves !== false) {
    // Push-optimal means fewest pushes, then fewest moves. The push count is proven; a second
    // search over exact player cells finds the fewest moves for it while time and memory
    // last, and otherwise the first solution stands.
    // "Where affordable": the second pass may take up to four times as long as the first (at
    // least a second), so a user never waits for minutes to save a few steps.
    const first = outcome;
    const onProgress = options.onProgress;
    const spent = now() - start;
    const second = search(board, distances, boxes, player, {
      ...limits,
      deadline: Math.min(limits.deadline, start + spent + Math.max(1000, 4 * spent)),
      fewestMovesFor: first.pushes.length,
      onProgress:
        onProgress &&
        ((p) =>
          onProgress({
            ...p,
            fewestMovesFor: first.pushes.length,
            nodes: p.nodes + first.nodes,
            nodesPerSecond:
              p.elapsedMs > 0 ? Math.round(((p.nodes + first.nodes) * 1000) / p.elapsedMs) : 0,
          })),
    });
    if (second.status === 'cancelled')
      return { status: 'cancelled', nodes: first.nodes + second.nodes, ms: ms() };
    fewestMoves = second.status === 'solved';
    outcome = { ...(fewestMoves ? second : first), nodes: first.nodes + second.nodes };
  }
  const nodes = outcome.nodes;
  switch (outcome.status) {
    case 'cancelled':
      return { status: 'cancelled', nodes, ms: ms() };
    case 'limit':
      if (outcome.reason === 'nodes')
        return {
          status: 'limit',
          reason: 'memory',
          message: `Node limit reached after ${nodes} positions.`,
          nodes,
          ms: ms(),
        };
      return {
        status: 'limit',
        reason: outcome.reason,
        message:
          outcome.reason === 'time'
            ? `Time limit reached after ${nodes} positions.`
            : `Memory limit (${memoryMb} MB) reached after ${nodes} positions.`,
        nodes,
        ms: ms(),
      };
    case 'unsolvable':
      return { status: 'unsolvable', message: outcome.message, nodes, ms: ms() };
    case 'solved': {
      const lurd = expandPushes(board, boxes, player, outcome.pushes);
      const checked = lurd === null ? null : replay(level, startPosition(level), lurd);
      if (lurd === null || !checked || checked.error || !isSolved(level, checked.position)) {
        // A solution that does not replay is a bug in the engine; never hand it out.
        throw new Error(
          `solver produced a solution that does not replay${checked?.error ? `: ${checked.error.message}` : ''}`,
        );
      }
      return {
        status: 'solved',
        solution: checked.moves,
        moves: checked.moves.length,
        pushes: outcome.pushes.length,
        optimal,
        fewestMoves,
        nodes,
        ms: ms(),
      };
    }
  }
}

/**
 * Fast mode's portfolio: a greedy best-first search on the bound (quickest on small levels)
 * and a feature-space search (packing and connectivity cells served round robin, packing
 * macros; strongest on large levels with goal rooms) take turns on one thread, slice by slice,
 * sharing one memory budget. The first to finish decides.
 */
function portfolio(
  board: Board,
  distances: Distances,
  boxes: Int32Array,
  player: number,
  limits: SearchLimits,
  share: number,
  pull: boolean,
): SearchOutcome {
  const budget = new Budget(limits.memoryBytes);
  const onProgress = limits.onProgress;
  const count = pull ? 3 : 2;
  const reports: (Parameters<NonNullable<SearchLimits['onProgress']>>[0] | null)[] = Array.from(
    { length: count },
    () => null,
  );
  let nextReport = limits.start + limits.progressIntervalMs;
  const relay = (k: number) => (p: Parameters<NonNullable<SearchLimits['onProgress']>>[0]) => {
    reports[k] = p;
    const now = limits.now();
    if (!onProgress || now < nextReport) return;
    nextReport = now + limits.progressIntervalMs;
    const nodes = reports.reduce((sum, r) => sum + (r?.nodes ?? 0), 0);
    const elapsed = now - limits.start;
    onProgress({
      nodes,
      nodesPerSecond: elapsed > 0 ? Math.round((nodes * 1000) / elapsed) : 0,
      bound: Math.min(...reports.map((r) => r?.bound ?? Infinity)),
      depth: Math.max(...reports.map((r) => r?.depth ?? 0)),
      elapsedMs: Math.round(elapsed),
      tableFill: Math.min(1, budget.used / budget.cap),
    });
  };
  // The forward stores, for the pull search to meet.
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
  if (pull)
    searches.push(
      pullSearchSteps(board, boxes, player, { ...limits, onProgress: undefined }, budget, partners),
    );
  const latest = searches.map(() => 0);
  // Turns per round: the greedy search once, the feature-space search `share` times, the pull
  // search once.
  const turns = [0, ...Array.from({ length: Math.max(1, share) }, () => 1), ...(pull ? [2] : [])];
  let rounds = turns;
  for (;;) {
    for (const k of rounds) {
      const r = searches[k].next();
      if (r.done && k === 2 && r.value.status === 'limit') {
        // The pull search only helps: when it stops, the forward searches go on.
        latest[k] = r.value.nodes;
        rounds = rounds.filter((j) => j !== 2);
        continue;
      }
      if (r.done) {
        searches.forEach((s, j) => j !== k && s.return(undefined as never));
        const others = latest.reduce((sum, x, j) => (j === k ? sum : sum + x), 0);
        return { ...r.value, nodes: r.value.nodes + others };
      }
      latest[k] = r.value;
    }
  }
}

export type { Level, Position };
