/**
 * Positions derived from a level and a move string by replaying, cached.
 *
 * The game store keeps only the moves; the position on the board is a function of them. Replaying
 * from the start on every key press would cost O(moves), so the cache keeps a checkpoint every
 * CHECKPOINT moves along the last move string it saw and replays only from the nearest one. A move
 * appended, an undo or a redo costs a handful of steps however long the game is.
 */
import { type Level, type Position, startPosition, step, directionOfLetter } from '../sokoban';

const CHECKPOINT = 128;

interface Track {
  level: Level;
  moves: string;
  /** checkpoints[k] is the position after k * CHECKPOINT moves of `moves`. */
  checkpoints: Position[];
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  // Compare big slices first: string equality is native and fast.
  let lo = 0;
  let hi = n;
  if (a.slice(0, n) === b.slice(0, n)) return n;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(0, mid) === b.slice(0, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Steps `moves[from..to)` from `position`; stops at an illegal move (which the store never stores). */
function advance(
  level: Level,
  position: Position,
  moves: string,
  from: number,
  to: number,
): Position {
  let pos = position;
  for (let i = from; i < to; i++) {
    const dir = directionOfLetter(moves[i]!); // callers keep `to` within `moves`
    const result = dir ? step(level, pos, dir) : null;
    if (!result) return pos;
    pos = result.position;
  }
  return pos;
}

export interface PositionCache {
  /** The position after the first `cursor` moves of `moves`, played from the level's start. */
  positionAt(level: Level, moves: string, cursor: number): Position;
}

export function createPositionCache(): PositionCache {
  let track: Track | null = null;
  let last: { level: Level; moves: string; cursor: number; position: Position } | null = null;

  return {
    positionAt(level, moves, cursor) {
      const at = Math.max(0, Math.min(cursor, moves.length));
      if (last && last.level === level && last.moves === moves && last.cursor === at)
        return last.position;
      if (!track || track.level !== level) {
        track = { level, moves, checkpoints: [startPosition(level)] };
      } else if (track.moves !== moves) {
        // Checkpoints stay valid up to the first move that differs.
        const keep = commonPrefix(track.moves, moves);
        track.checkpoints.length = Math.min(
          track.checkpoints.length,
          Math.floor(keep / CHECKPOINT) + 1,
        );
        track.moves = moves;
      }
      const cps = track.checkpoints;
      // Extend the checkpoints up to `at`.
      while ((cps.length - 1) * CHECKPOINT + CHECKPOINT <= at) {
        const k = cps.length - 1;
        cps.push(advance(level, cps[k]!, moves, k * CHECKPOINT, (k + 1) * CHECKPOINT));
      }
      const k = Math.floor(at / CHECKPOINT);
      const position = advance(level, cps[k]!, moves, k * CHECKPOINT, at);
      last = { level, moves, cursor: at, position };
      return position;
    },
  };
}
