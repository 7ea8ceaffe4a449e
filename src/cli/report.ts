/**
 * One level's outcome as the command line reports it (the JSON-line contract of DESIGN.md),
 * built from the parser's entry and the engine's result. A `solved` result is only reported
 * as solved after its solution has been replayed through src/sokoban here, independently of
 * the engine's own check.
 */
import {
  type Level,
  type LevelEntry,
  countPushes,
  isSolved,
  replay,
  startPosition,
} from '../sokoban';
import type { SolveResult } from '../solver/api';
import { describeLevelError } from './collection';

/**
 * `error` is not one of the contract's statuses: it only appears when the engine misbehaves
 * (a solution that does not replay, an exception, a status the CLI never asks for), so that
 * a bug is shown as a bug instead of being dressed up as one of the honest verdicts.
 */
export type LineStatus = 'solved' | 'unsolvable' | 'limit' | 'invalid' | 'error';

export interface SolveLine {
  readonly index: number;
  readonly title: string;
  readonly status: LineStatus;
  /** LURD, pushes upper case; null unless solved. */
  readonly solution: string | null;
  readonly moves: number | null;
  readonly pushes: number | null;
  /** Search time reported by the engine (0 for an invalid level). */
  readonly ms: number;
  readonly nodes: number;
  /** What is wrong (invalid, error) or why the search stopped (unsolvable, limit); null when solved. */
  readonly message: string | null;
}

export type Verification = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Replays `solution` from the level's start: every move legal, case as the rules say, all boxes home. */
export function verifySolution(level: Level, solution: string): Verification {
  const replayed = replay(level, startPosition(level), solution);
  if (replayed.error)
    return { ok: false, message: `the solution does not replay: ${replayed.error.message}` };
  if (replayed.moves !== solution) {
    const at = [...solution].findIndex((c, i) => c !== replayed.moves[i]);
    return { ok: false, message: `the solution marks pushes wrongly at move ${at + 1}` };
  }
  if (!isSolved(level, replayed.position))
    return { ok: false, message: 'the solution replays but leaves boxes off goals' };
  return { ok: true };
}

export function invalidLine(entry: LevelEntry & { ok: false }): SolveLine {
  return {
    index: entry.index,
    title: entry.title,
    status: 'invalid',
    solution: null,
    moves: null,
    pushes: null,
    ms: 0,
    nodes: 0,
    message: describeLevelError(entry.error),
  };
}

export function errorLine(
  index: number,
  title: string,
  message: string,
  stats: { ms: number; nodes: number } = { ms: 0, nodes: 0 },
): SolveLine {
  return {
    index,
    title,
    status: 'error',
    solution: null,
    moves: null,
    pushes: null,
    ms: stats.ms,
    nodes: stats.nodes,
    message,
  };
}

/** The line for a level the engine was run on, with the solution re-verified. */
export function resultLine(
  index: number,
  title: string,
  level: Level,
  result: SolveResult,
): SolveLine {
  const base = { index, title, ms: Math.round(result.ms), nodes: result.nodes };
  switch (result.status) {
    case 'solved': {
      const check = verifySolution(level, result.solution);
      if (!check.ok) return errorLine(index, title, `engine bug: ${check.message}`, base);
      const pushes = countPushes(result.solution);
      return {
        ...base,
        status: 'solved',
        solution: result.solution,
        moves: result.solution.length,
        pushes,
        message: null,
      };
    }
    case 'unsolvable':
    case 'limit':
    case 'invalid':
      return {
        ...base,
        status: result.status,
        solution: null,
        moves: null,
        pushes: null,
        message: result.message,
      };
    case 'cancelled':
      return errorLine(
        index,
        title,
        'engine bug: the search reported "cancelled" although nothing cancelled it',
        base,
      );
  }
}

/** The contract's key order, so that lines read the same whatever built them. */
export function jsonLine(line: SolveLine): string {
  const { index, title, status, solution, moves, pushes, ms, nodes, message } = line;
  return JSON.stringify({ index, title, status, solution, moves, pushes, ms, nodes, message });
}

/** A readable line (and the solution on the next one) for a person at a terminal. */
export function textLines(line: SolveLine): string[] {
  const title = line.title === '' ? '(untitled)' : line.title;
  const head = `${String(line.index).padStart(4)}  ${title.slice(0, 28).padEnd(28)}  ${line.status.padEnd(10)}`;
  if (line.status === 'solved') {
    const length = `${line.moves}/${line.pushes}`;
    return [
      `${head}  ${length.padStart(10)}  ${formatMs(line.ms).padStart(9)}  ${nodes(line.nodes)}`,
      `      ${line.solution === '' ? '(already solved: no moves needed)' : line.solution}`,
    ];
  }
  const stats = line.status === 'invalid' ? '' : `  ${formatMs(line.ms)}, ${nodes(line.nodes)}`;
  return [`${head}${stats}  ${line.message ?? ''}`.trimEnd()];
}

export function formatMs(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function nodes(n: number): string {
  return `${n.toLocaleString('en')} node${n === 1 ? '' : 's'}`;
}
