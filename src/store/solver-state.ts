/**
 * The solver store's data (src/store/solver.ts) and the pure functions over it and the game's
 * data: what a request starts from, where its solution goes in the game history, what the outcome
 * says, and how a deadlock warning follows the board. No effects here: the store and its job
 * runner (solver-run.ts) and deadlock check (deadlock-check.ts) do the calling and the writing.
 */
import { type Level, type Position, countPushes } from '../sokoban';
import type {
  DeadlockReport,
  SettledResult,
  SolveFailure,
  SolveMode,
  SolveProgress,
  SolveResult,
} from '../solver/api';
import { type GameData, selectHistory, selectLevel, selectPosition } from './game';
import { nextPush } from './push-cursors';
import { levelKey } from './solution-cache';

export type Purpose = 'solve' | 'hint';

/** The engine's answer of one status (or the store's failure), with what the request was for. */
type Outcome<S extends (SolveResult | SolveFailure)['status'], Extra = unknown> = Extract<
  SolveResult | SolveFailure,
  { readonly status: S }
> & { readonly purpose: Purpose } & Extra;

/** What the last request ended with: the solver's answer as the panel shows it. */
export type SolveOutcome =
  | Outcome<
      'solved',
      {
        /** Proven to have the fewest moves for its push count too (a fresh optimal-mode answer). */
        readonly fewestMoves: boolean;
        /** Answered from the session cache. */
        readonly remembered: boolean;
        /** False when the board changed while the search ran, so the solution was not written. */
        readonly applied: boolean;
      }
    >
  | Outcome<'unsolvable', { readonly remembered: boolean }>
  | Outcome<'limit', { readonly mode: SolveMode; readonly timeLimitS: number }>
  | Outcome<'cancelled', { readonly why?: string }>
  | Outcome<'invalid'>
  | Outcome<'error'>;

/** What a request is for and where it starts: the level and the moves played before it. */
export interface JobRequest {
  readonly purpose: Purpose;
  readonly level: Level;
  readonly levelIndex: number;
  /** The moves played when it started (the solution goes after them). */
  readonly prefix: string;
}

export interface SolverJob extends JobRequest {
  readonly id: number;
  readonly mode: SolveMode;
  readonly timeLimitS: number;
  /** performance.now() when it started. */
  readonly startedAt: number;
}

export interface DeadlockWarning {
  readonly cause: string;
  /** The boxes involved that are still where the check saw them. */
  readonly boxes: readonly number[];
  readonly levelIndex: number;
  /** The history cursor and played moves of the position proven dead. */
  readonly cursor: number;
  readonly prefix: string;
}

export interface SolverData {
  readonly mode: SolveMode;
  readonly timeLimitS: number;
  readonly job: SolverJob | null;
  readonly progress: SolveProgress | null;
  readonly outcome: SolveOutcome | null;
  readonly deadlock: DeadlockWarning | null;
}

/** The level with the player and boxes where they are now: the solver always starts at a level's start. */
export function levelFrom(level: Level, position: Position): Level {
  return { ...level, player: position.player, boxes: position.boxes };
}

/** A request from the position on the board, or null when there is no playable level. */
export function requestFrom(
  g: GameData,
  purpose: Purpose,
): { readonly request: JobRequest; readonly position: Position } | null {
  const level = selectLevel(g);
  const position = selectPosition(g);
  if (!level || !position) return null;
  const h = selectHistory(g);
  const prefix = h.moves.slice(0, h.cursor);
  return { request: { purpose, level, levelIndex: g.currentIndex, prefix }, position };
}

/** How the game history takes a solution: the new history, and where a hint plays to. */
export interface SolutionEdit {
  readonly moves: string;
  readonly cursor: number;
  /** A hint's end (the cursor after its walk and push); null for a solve. */
  readonly playTo: number | null;
}

/**
 * Where a solution (or a hint's part of it) goes: after the moves played, with the cursor where it
 * was. 'left' when the board is no longer where the request started, 'none' when there is
 * nothing to write. The redo tail is kept when it already begins with the part (a hint along the
 * same solution).
 */
export function solutionEdit(
  g: GameData,
  job: JobRequest,
  solution: string,
): SolutionEdit | 'left' | 'none' {
  const level = selectLevel(g);
  const h = selectHistory(g);
  if (g.currentIndex !== job.levelIndex || !level || levelKey(level) !== levelKey(job.level))
    return 'left';
  if (h.cursor !== job.prefix.length || !h.moves.startsWith(job.prefix)) return 'left';
  const part = job.purpose === 'hint' ? nextPush(solution) : solution;
  if (part === '') return 'none';
  const tail = h.moves.slice(h.cursor);
  return {
    moves: job.prefix + (tail.startsWith(part) ? tail : part),
    cursor: job.prefix.length,
    playTo: job.purpose === 'hint' ? job.prefix.length + part.length : null,
  };
}

/** A settled answer as the cache and the outcome carry it (the push count filled in). */
export function settledAnswer(result: SettledResult): SettledResult {
  return result.status === 'solved'
    ? { ...result, pushes: result.pushes ?? countPushes(result.solution) }
    : result;
}

/** The outcome of a solved or unsolvable answer (`applied`: the solution was written). */
export function settledOutcome(
  answer: SettledResult,
  purpose: Purpose,
  remembered: boolean,
  applied: boolean,
): SolveOutcome {
  if (answer.status === 'unsolvable') return { ...answer, purpose, remembered };
  return { ...answer, purpose, fewestMoves: answer.fewestMoves === true, remembered, applied };
}

/** The outcome of an answer that is not settled: a limit, a cancel or an invalid level. */
export function unsettledOutcome(
  result: Exclude<SolveResult, SettledResult>,
  job: SolverJob,
): SolveOutcome {
  return result.status === 'limit'
    ? { ...result, purpose: job.purpose, mode: job.mode, timeLimitS: job.timeLimitS }
    : { ...result, purpose: job.purpose };
}

/** The outcome of a job stopped at `at` (performance.now()), for the reason given. */
export function cancelledOutcome(
  job: SolverJob,
  progress: SolveProgress | null,
  at: number,
  why?: string,
): SolveOutcome {
  return {
    status: 'cancelled',
    purpose: job.purpose,
    ms: Math.round(at - job.startedAt),
    nodes: progress?.nodes ?? 0,
    ...(why === undefined ? {} : { why }),
  };
}

/** The warning for the position on the board from the engine's report (null: not dead). */
export function warningFrom(report: DeadlockReport, g: GameData): DeadlockWarning | null {
  const position = selectPosition(g);
  if (!report.deadlocked || !position) return null;
  const h = selectHistory(g);
  return {
    cause: report.cause ?? 'the boxes can no longer all reach goals',
    boxes: (report.boxes ?? []).filter((b) => position.boxes.includes(b)),
    levelIndex: g.currentIndex,
    cursor: h.cursor,
    prefix: h.moves.slice(0, h.cursor),
  };
}

/**
 * The warning after the board changed. A position reached from a dead one is dead too: the
 * warning stays while the history still goes through the dead position (its marked boxes
 * narrowed to those still in place) and goes as soon as it does not. The same object when
 * nothing changed.
 */
export function followWarning(warning: DeadlockWarning, g: GameData): DeadlockWarning | null {
  const h = selectHistory(g);
  const still =
    g.currentIndex === warning.levelIndex &&
    h.cursor >= warning.cursor &&
    h.moves.startsWith(warning.prefix);
  if (!still) return null;
  const position = selectPosition(g);
  if (!position || warning.boxes.every((b) => position.boxes.includes(b))) return warning;
  return { ...warning, boxes: warning.boxes.filter((b) => position.boxes.includes(b)) };
}
