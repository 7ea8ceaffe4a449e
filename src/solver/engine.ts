/**
 * The search engine's entry points. Pure TypeScript: runs unchanged in Node and in a worker.
 */
import { type Level, isSolved, replay, startPosition } from '../sokoban';
import type { SolveOptions, SolveResult } from './api';
import { compile } from './board';
import { analyse } from './deadlock';
import { fewestMovesPass } from './fewest-moves';
import { portfolio } from './portfolio';
import { type SearchLimits, type SearchOutcome, search } from './search';
import { expandPushes } from './solution';

const DEFAULT_MEMORY_MB = 512;
/** The pull search's turn in the fast portfolio (see Tuning.pullEvery): one slice every three
 * rounds, about a seventh of the time. On XSokoban at 10 s it added #86 and lost none (58 -> 59). */
const DEFAULT_PULL_EVERY = 3;

/** The engine is typed without DOM or Node (tsconfig.solver.json), so the clock that both have
 * is looked up on globalThis, with Date.now where there is none. */
const clock = (globalThis as { performance?: { now?: () => number } }).performance;
const now: () => number =
  clock !== undefined && typeof clock.now === 'function' ? () => clock.now!() : () => Date.now();

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
  /** Feature search: the packing macro ranks boxes along the packing plan (plan-distances.ts); 0 = off (default). */
  readonly planPenalty?: number;
  /** Fast mode: the pull search takes a slice every this many rounds of the portfolio; 0 = off. */
  readonly pullEvery?: number;
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
  const limits = searchLimits(options, tuning, start, memoryMb);
  let outcome: SearchOutcome;
  if (!optimal && tuning.features === undefined && tuning.portfolio !== false) {
    outcome = portfolio(board, distances, boxes, player, limits, {
      feature: tuning.featureShare ?? 1,
      pullEvery: tuning.pullEvery ?? DEFAULT_PULL_EVERY,
    });
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
    const pass = fewestMovesPass(
      board,
      distances,
      boxes,
      player,
      limits,
      outcome,
      start,
      options.onProgress,
    );
    outcome = pass.outcome;
    fewestMoves = pass.fewestMoves;
  }
  return toResult(level, outcome, { optimal, fewestMoves, memoryMb, ms }, (pushes) =>
    expandPushes(board, boxes, player, pushes),
  );
}

function searchLimits(
  options: SolveOptions,
  tuning: Tuning,
  start: number,
  memoryMb: number,
): SearchLimits {
  const timeLimit = options.timeLimitMs ?? Infinity;
  return {
    optimal: options.mode === 'optimal',
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
    planPenalty: tuning.planPenalty,
  };
}

/** The search's outcome as the engine's answer; a solution is replayed through src/sokoban first. */
function toResult(
  level: Level,
  outcome: SearchOutcome,
  run: { optimal: boolean; fewestMoves: boolean; memoryMb: number; ms: () => number },
  expand: (pushes: Extract<SearchOutcome, { status: 'solved' }>['pushes']) => string | null,
): SolveResult {
  const { nodes } = outcome;
  switch (outcome.status) {
    case 'cancelled':
      return { status: 'cancelled', nodes, ms: run.ms() };
    case 'limit':
      if (outcome.reason === 'nodes')
        return {
          status: 'limit',
          reason: 'memory',
          message: `Node limit reached after ${nodes} positions.`,
          nodes,
          ms: run.ms(),
        };
      return {
        status: 'limit',
        reason: outcome.reason,
        message:
          outcome.reason === 'time'
            ? `Time limit reached after ${nodes} positions.`
            : `Memory limit (${run.memoryMb} MB) reached after ${nodes} positions.`,
        nodes,
        ms: run.ms(),
      };
    case 'unsolvable':
      return { status: 'unsolvable', message: outcome.message, nodes, ms: run.ms() };
    case 'solved': {
      const lurd = expand(outcome.pushes);
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
        optimal: run.optimal,
        fewestMoves: run.fewestMoves,
        nodes,
        ms: run.ms(),
      };
    }
  }
}
