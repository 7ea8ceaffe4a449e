/**
 * Cursor arithmetic over a LURD history, where pushes are the upper-case letters: the playback
 * store's push steps, the solver's Hint (the walk to the next push and that push) and its Undo to
 * before a deadlock all ask where the pushes are.
 */
import { isPushAt } from '../sokoban';

/** The cursor just after the next push after `cursor`, or the end. */
export function nextPushCursor(moves: string, cursor: number): number {
  for (let i = Math.max(0, cursor); i < moves.length; i++) if (isPushAt(moves, i)) return i + 1;
  return moves.length;
}

/** The cursor just after the push before the last one played (or 0): one push back. */
export function previousPushCursor(moves: string, cursor: number): number {
  for (let i = Math.min(cursor, moves.length) - 2; i >= 0; i--)
    if (isPushAt(moves, i)) return i + 1;
  return 0;
}

/** The cursor just before the last push in the first `cursor` moves (0 when there is none). */
export function beforeLastPush(moves: string, cursor: number): number {
  for (let i = Math.min(cursor, moves.length) - 1; i >= 0; i--) if (isPushAt(moves, i)) return i;
  return 0;
}

/** The walk to the next push and that push (the whole string when there is no push). */
export function nextPush(solution: string): string {
  return solution.slice(0, nextPushCursor(solution, 0));
}
