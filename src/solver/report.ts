/**
 * One level's outcome as a line of the solve report: the JSON-line contract of DESIGN.md, shared
 * by the command line (`npm run solve -- FILE --json`) and the page's Solve all, so that both
 * write the same fields from the same code. A `solved` result is only reported as solved after
 * its solution has been replayed through src/sokoban here, independently of the engine's check.
 */
import {
  type Level,
  type LevelEntry,
  type LevelError,
  countPushes,
  isSolved,
  replay,
  startPosition,
} from '../sokoban';
import type { SolveResult } from './api';

/**
 * `error` is not one of the contract's statuses: it only appears when the engine misbehaves
 * (a solution that does not replay, an exception, a status the CLI never asks for) or, in the
 * page, when a worker dies, so that a failure is shown as one instead of being dressed up as one
 * of the honest verdicts.
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

/** The contract's fields, in its order: the JSON keys and the CSV columns. */
export const LINE_FIELDS = [
  'index',
  'title',
  'status',
  'solution',
  'moves',
  'pushes',
  'ms',
  'nodes',
  'message',
] as const satisfies readonly (keyof SolveLine)[];

export type Verification = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** "message (line 3, column 7)": a parser error with its place, on one line. */
export function describeLevelError(error: LevelError): string {
  if (error.line === undefined) return error.message;
  const place =
    error.column === undefined
      ? `line ${error.line}`
      : `line ${error.line}, column ${error.column}`;
  return `${error.message} (${place})`;
}

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

/**
 * Text a spreadsheet would read as a formula: a cell beginning with = + - @, a tab or a carriage
 * return (OWASP's list for CSV injection). Titles and messages come from the level file, so a
 * file could hold `=HYPERLINK(...)`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that starts like a formula gets a leading `'`, so a spreadsheet shows it as
 * text (OWASP's rule); numbers are the engine's counts and times, written as numbers and never
 * prefixed (they are never negative, and a number cannot carry a formula). Then RFC 4180: a
 * field with a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header row: the JSON line's keys, in the same order. */
export function csvHeader(): string {
  return LINE_FIELDS.join(',');
}

/** One CSV row of a line; null is an empty field. */
export function csvLine(line: SolveLine): string {
  return LINE_FIELDS.map((field) => csvField(line[field])).join(',');
}
