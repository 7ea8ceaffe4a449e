/**
 * Pinned search effort: the positions each search mode expands on a fixed set of generated
 * levels, as literal numbers. A refactoring of the search must leave every one unchanged; a
 * change meant to alter the search updates them in the same commit, saying why.
 *
 * The levels come from src/generator (the first room with a level for each seed; the engine is
 * not asked), so they are the same on every machine. Every search here runs under a node cap
 * and no clock, and the fewest-moves pass is called without a deadline, so the counts are
 * exact on a loaded machine too.
 */
import { describe, expect, it } from 'vitest';
import { candidateRoom, checkParams, mulberry32, type GeneratorParams } from '../../src/generator';
import { type Level, startPosition } from '../../src/sokoban';
import { solveTuned, type Tuning } from '../../src/solver';
import { compile } from '../../src/solver/board';
import { analyse } from '../../src/solver/deadlock';
import { search } from '../../src/solver/search';
import { expandPushes } from '../../src/solver/solution';

/** [nodes, pushes] of one search; the moves pass gives [nodes, pushes, moves]. */
type Count = readonly number[];

interface Pinned {
  readonly params: Partial<GeneratorParams>;
  /** Which room with a level (default the first). */
  readonly room?: number;
  /** Fast mode as `solve` runs it: the greedy and feature-space searches interleaved. */
  readonly fast: Count;
  readonly features: Count;
  readonly greedy: Count;
  /** The feature search with the opt-in switches: box runs, settled boxes, packing.ts order. */
  readonly optIn: Count;
  /** Weighted A* (g + h) without tunnel macros. */
  readonly weighted: Count;
  /** Optimal mode's first pass: the fewest pushes. */
  readonly optimal: Count;
  /** Optimal mode's second pass: the fewest moves for those pushes. */
  readonly moves: Count;
}

const PINNED: readonly Pinned[] = [
  // A* reopens positions here (the room that took 17 pushes for 15 without reopening).
  {
    params: { seed: 490 },
    room: 2,
    fast: [151, 17],
    features: [102, 15],
    greedy: [151, 17],
    optIn: [46, 15],
    weighted: [189, 17],
    optimal: [248, 15],
    moves: [506, 15, 39],
  },
  {
    params: { seed: 1 },
    fast: [129, 22],
    features: [55, 22],
    greedy: [129, 22],
    optIn: [71, 22],
    weighted: [266, 22],
    optimal: [267, 22],
    moves: [1331, 22, 64],
  },
  {
    params: { seed: 2 },
    fast: [20, 12],
    features: [17, 12],
    greedy: [20, 12],
    optIn: [17, 12],
    weighted: [20, 12],
    optimal: [20, 12],
    moves: [48, 12, 31],
  },
  {
    params: { seed: 4 },
    fast: [42, 14],
    features: [80, 14],
    greedy: [42, 14],
    optIn: [70, 14],
    weighted: [67, 14],
    optimal: [68, 14],
    moves: [192, 14, 33],
  },
  {
    params: { width: 8, height: 8, boxes: 3, seed: 1 },
    fast: [40, 10],
    features: [46, 12],
    greedy: [40, 10],
    optIn: [36, 10],
    weighted: [48, 10],
    optimal: [49, 10],
    moves: [127, 10, 27],
  },
  {
    params: { width: 8, height: 8, boxes: 3, seed: 3 },
    fast: [72, 14],
    features: [22, 16],
    greedy: [72, 14],
    optIn: [27, 14],
    weighted: [72, 14],
    optimal: [75, 14],
    moves: [415, 14, 30],
  },
  {
    params: { width: 12, height: 10, boxes: 5, seed: 1 },
    fast: [91, 17],
    features: [40, 17],
    greedy: [91, 17],
    optIn: [40, 17],
    weighted: [91, 17],
    optimal: [95, 17],
    moves: [1021, 17, 35],
  },
  {
    params: { width: 12, height: 10, boxes: 5, seed: 3 },
    fast: [147, 33],
    features: [149, 33],
    greedy: [147, 33],
    optIn: [145, 35],
    weighted: [172, 33],
    optimal: [179, 33],
    moves: [5902, 33, 88],
  },
  {
    params: { width: 12, height: 10, boxes: 5, seed: 4 },
    fast: [42, 15],
    features: [40, 17],
    greedy: [42, 15],
    optIn: [61, 15],
    weighted: [103, 15],
    optimal: [81, 15],
    moves: [1004, 15, 34],
  },
  {
    params: { width: 12, height: 12, boxes: 5, minPushes: 20, seed: 2 },
    fast: [812, 20],
    features: [397, 20],
    greedy: [511, 20],
    optIn: [122, 20],
    weighted: [201, 20],
    optimal: [298, 20],
    moves: [4842, 20, 45],
  },
  {
    params: { width: 12, height: 12, boxes: 5, minPushes: 20, seed: 3 },
    fast: [234, 27],
    features: [54, 27],
    greedy: [256, 29],
    optIn: [199, 29],
    weighted: [985, 27],
    optimal: [1281, 27],
    moves: [13367, 27, 74],
  },
  {
    params: { width: 14, height: 12, boxes: 6, minPushes: 20, seed: 2 },
    fast: [108, 23],
    features: [64, 21],
    greedy: [108, 23],
    optIn: [101, 21],
    weighted: [162, 21],
    optimal: [131, 21],
    moves: [1029, 21, 48],
  },
  {
    params: { width: 14, height: 12, boxes: 6, minPushes: 20, seed: 4 },
    fast: [71, 28],
    features: [127, 28],
    greedy: [71, 28],
    optIn: [93, 28],
    weighted: [277, 28],
    optimal: [264, 28],
    moves: [1718, 28, 51],
  },
];

function generated(input: Partial<GeneratorParams>, room = 1): Level {
  const checked = checkParams(input);
  if (!checked.ok) throw new Error(checked.message);
  const random = mulberry32(checked.params.seed);
  let found = 0;
  for (let k = 0; k < 60; k++) {
    const made = candidateRoom(checked.params, random);
    if (made && ++found === room) return made.level;
  }
  throw new Error(`no level for ${JSON.stringify(input)}`);
}

const CAP = 3_000_000;

function run(level: Level, mode: 'fast' | 'optimal', tuning: Tuning): Count {
  const r = solveTuned(level, { mode }, { fewestMoves: false, maxNodes: CAP, ...tuning });
  if (r.status !== 'solved') throw new Error(`not solved: ${r.status}`);
  return [r.nodes, r.pushes];
}

/** The fewest-moves pass on its own, with no deadline (solve gives it one from the clock). */
function movesPass(level: Level, pushes: number): Count {
  const compiled = compile(level, startPosition(level));
  if (!compiled.ok) throw new Error(compiled.message);
  const { board, boxes, player } = compiled;
  const { distances } = analyse(level, board);
  const r = search(board, distances, boxes, player, {
    optimal: true,
    deadline: Infinity,
    memoryBytes: 256 * 1024 * 1024,
    progressIntervalMs: 1000,
    now: () => 0,
    start: 0,
    maxNodes: CAP,
    fewestMovesFor: pushes,
  });
  if (r.status !== 'solved') throw new Error(`moves pass: ${r.status}`);
  const lurd = expandPushes(board, boxes, player, r.pushes);
  if (lurd === null) throw new Error('moves pass: a solution that does not expand');
  return [r.nodes, r.pushes.length, lurd.length];
}

function measure(params: Partial<GeneratorParams>, room?: number): Omit<Pinned, 'params' | 'room'> {
  const level = generated(params, room);
  const optimal = run(level, 'optimal', {});
  return {
    fast: run(level, 'fast', {}),
    features: run(level, 'fast', { features: true }),
    greedy: run(level, 'fast', { features: false }),
    optIn: run(level, 'fast', {
      features: true,
      boxRuns: true,
      settled: true,
      reverseOrder: false,
    }),
    weighted: run(level, 'fast', { features: false, hWeight: 1, tunnels: false }),
    optimal,
    moves: movesPass(level, optimal[1]!),
  };
}

describe('node counts', () => {
  it('are the pinned ones on every generated level, in every mode', () => {
    const seen = PINNED.map((p) => ({
      params: p.params,
      ...(p.room !== undefined && { room: p.room }),
      ...measure(p.params, p.room),
    }));
    // PRINT_NODE_COUNTS=1 prints the table measured, for a commit that changes the search.
    if (process.env.PRINT_NODE_COUNTS) console.log(JSON.stringify(seen));
    expect(seen).toEqual(PINNED);
  }, 60_000);
});
