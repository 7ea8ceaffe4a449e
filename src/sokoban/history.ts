/**
 * A level's move history as plain data, and the pure operations on it: undo, redo, seek,
 * restart, playing on from the cursor, replacing the line, and returning to a branch.
 *
 * The history is one line of moves (`moves`, LURD with case) with a cursor into it, plus the
 * branches that split off that line. Moving after an undo does not throw the old redo tail away:
 * it becomes a branch, and returning to a branch swaps it with the line being played, so no
 * move that was played is ever lost (within the limits below).
 *
 * A branch is kept as its fork point on the current line and the tail after it (`{ at, tail }`:
 * its moves are `moves.slice(0, at) + tail`), so the shared beginning is stored once. The list is
 * flat: when the line changes, each branch is anchored again on the new line. Invariants, kept
 * by every function here (`normalBranches`): each tail is non-empty, `at <= moves.length`, a
 * branch parts from the line right at `at` (`moves[at] !== tail[0]`: a branch that the line
 * follows further is anchored further), and no two branches are the same. A branch whose moves
 * are a prefix of the line is dropped: the line holds all its moves.
 *
 * Hostile sizes: at most MAX_BRANCHES branches and MAX_BRANCH_MOVES tail moves in all; beyond
 * that the oldest branches go first. Each function is linear in the sizes involved.
 *
 * Legality is not checked here (this module knows no board): callers pass moves that replay.
 */
import { MAX_MOVES } from './lurd';

export interface Branch {
  /** The number of moves this branch shares with the current line. */
  readonly at: number;
  /** Its moves after the fork point; never empty. */
  readonly tail: string;
}

export interface History {
  /** LURD with case: pushes upper case. */
  readonly moves: string;
  /** How many of `moves` are played. */
  readonly cursor: number;
  /** Set by restart(): the cursor undo() returns to. */
  readonly restartedFrom?: number;
  /** Lines played before and left: oldest first. Absent when there are none. */
  readonly branches?: readonly Branch[];
}

/** Branches kept per history; the oldest go first. */
export const MAX_BRANCHES = 16;
/** Tail moves kept over all branches of a history (one longest line always fits). */
export const MAX_BRANCH_MOVES = MAX_MOVES;

export const EMPTY_HISTORY: History = { moves: '', cursor: 0 };

/** A history with these fields; `branches` only when there are some (saved data stays small). */
function make(moves: string, cursor: number, branches: readonly Branch[] = []): History {
  return branches.length > 0 ? { moves, cursor, branches } : { moves, cursor };
}

/** The moves of a branch, from the level's start. */
export function branchMoves(h: History, branch: Branch): string {
  return h.moves.slice(0, branch.at) + branch.tail;
}

/** How many letters of `b` match `a` read from `from` on. */
function matching(a: string, from: number, b: string): number {
  const n = Math.min(a.length - from, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(from + i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The branches anchored where they part from `moves` (moved on past the moves the line shares
 * with them), without empty, repeated or surplus ones.
 */
export function normalBranches(moves: string, branches: readonly Branch[]): Branch[] {
  const kept: Branch[] = [];
  for (const b of branches) {
    const k = matching(moves, b.at, b.tail);
    const at = b.at + k;
    const tail = k > 0 ? b.tail.slice(k) : b.tail;
    // Compared directly rather than hashed: this runs on every move, and tails can be long.
    const same = (o: Branch) => o.at === at && o.tail.length === tail.length && o.tail === tail;
    if (tail === '' || kept.some(same)) continue;
    kept.push(k > 0 ? { at, tail } : b);
  }
  let drop = Math.max(0, kept.length - MAX_BRANCHES);
  let total = 0;
  for (let i = drop; i < kept.length; i++) total += kept[i]!.tail.length;
  while (total > MAX_BRANCH_MOVES && drop < kept.length) total -= kept[drop++]!.tail.length;
  return drop > 0 ? kept.slice(drop) : kept;
}

/**
 * The branches of `h` anchored on a new line `next`, with the part of `h.moves` that `next`
 * does not hold as one more branch (the newest). `p`: how many moves the two lines share.
 */
function moveLine(h: History, next: string, p = matching(h.moves, 0, next)): Branch[] {
  const moved = (h.branches ?? []).map((b) =>
    // A branch that parted after the lines part shares only `p` moves with the new line.
    b.at <= p ? b : { at: p, tail: h.moves.slice(p, b.at) + b.tail },
  );
  if (p < h.moves.length) moved.push({ at: p, tail: h.moves.slice(p) });
  return normalBranches(next, moved);
}

/** One move back; after restart(), back to where the restart was made. Null: nothing to undo. */
export function undo(h: History): History | null {
  if (h.cursor === 0 && h.restartedFrom !== undefined) {
    // Clamped again: a history must never put the counter below 0 or past the moves.
    return make(h.moves, Math.max(0, Math.min(h.restartedFrom, h.moves.length)), h.branches);
  }
  return h.cursor === 0 ? null : make(h.moves, h.cursor - 1, h.branches);
}

/** One move forward along the line. Null: nothing to redo. */
export function redo(h: History): History | null {
  return h.cursor < h.moves.length ? make(h.moves, h.cursor + 1, h.branches) : null;
}

/** Back to the start, keeping every move; undo() returns to the cursor. Null: at the start. */
export function restart(h: History): History | null {
  if (h.cursor === 0) return null;
  const restarted = make(h.moves, 0, h.branches);
  return { ...restarted, restartedFrom: h.cursor };
}

/** The cursor at any point of the line (clamped). Null when nothing would change. */
export function seek(h: History, cursor: number): History | null {
  const at = Math.max(0, Math.min(Math.trunc(cursor) || 0, h.moves.length));
  if (at === h.cursor && h.restartedFrom === undefined) return null;
  return make(h.moves, at, h.branches);
}

/**
 * Takes over from the cursor: `letters` played one after another. Letters equal to the redo
 * moves follow them (replaying a solution by hand keeps it); the first other letter starts a new
 * line there, and the rest of the old one becomes a branch.
 */
export function playOn(h: History, letters: string): History {
  if (letters === '') return h;
  const follow = matching(h.moves, h.cursor, letters);
  if (follow === letters.length) return make(h.moves, h.cursor + follow, h.branches);
  const next = h.moves.slice(0, h.cursor) + letters;
  // The lines share the moves up to the first letter that is not followed: no need to compare.
  return make(next, next.length, moveLine(h, next, h.cursor + follow));
}

/** Another line (a solution, a pasted or linked one) with its cursor; the old line is kept. */
export function replaceLine(h: History, moves: string, cursor: number): History {
  const at = Math.max(0, Math.min(Math.trunc(cursor) || 0, moves.length));
  return make(moves, at, moves === h.moves ? h.branches : moveLine(h, moves));
}

/**
 * Returns to branch `index`: its moves become the line, with the cursor at their end, and the
 * line left becomes a branch. Null when there is no such branch.
 */
export function returnToBranch(h: History, index: number): History | null {
  const branch = h.branches?.[index];
  if (!branch) return null;
  const next = branchMoves(h, branch);
  return make(next, next.length, moveLine(h, next));
}
