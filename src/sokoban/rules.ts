/** The rules: moving, pushing and replaying move strings. */
import { type Level, type Position, isWall } from './level';
import { type Direction, directionOfLetter, neighbour } from './direction';

export interface StepResult {
  readonly position: Position;
  readonly pushed: boolean;
  /** The move letter, upper case for a push. */
  readonly letter: string;
}

/** One step in `dir`, pushing a box if one is in the way; null when the step is illegal. */
export function step(level: Level, position: Position, dir: Direction): StepResult | null {
  const next = neighbour(level.width, level.height, position.player, dir);
  if (next < 0 || isWall(level, next)) return null;
  const boxIndex = position.boxes.indexOf(next);
  if (boxIndex < 0)
    return { position: { player: next, boxes: position.boxes }, pushed: false, letter: dir };
  const beyond = neighbour(level.width, level.height, next, dir);
  if (beyond < 0 || isWall(level, beyond) || position.boxes.includes(beyond)) return null;
  const boxes = position.boxes.slice();
  boxes[boxIndex] = beyond;
  boxes.sort((a, b) => a - b);
  return { position: { player: next, boxes }, pushed: true, letter: dir.toUpperCase() };
}

export interface ReplayResult {
  /** The position after the legal prefix. */
  readonly position: Position;
  /** The legal prefix with its case fixed by replaying (pushes upper case). */
  readonly moves: string;
  /** Set when a move was illegal: replay stopped before it. */
  readonly error?: { readonly moveNumber: number; readonly message: string };
}

/**
 * Replays `moves` (any case) from `position`. Stops at the first illegal move with
 * "move N is illegal" (1-based) and keeps the legal part before it.
 */
export function replay(level: Level, position: Position, moves: string): ReplayResult {
  let pos = position;
  let fixed = '';
  for (let i = 0; i < moves.length; i++) {
    const dir = directionOfLetter(moves[i]!);
    const result = dir ? step(level, pos, dir) : null;
    if (!result)
      return {
        position: pos,
        moves: fixed,
        error: { moveNumber: i + 1, message: `move ${i + 1} is illegal` },
      };
    pos = result.position;
    fixed += result.letter;
  }
  return { position: pos, moves: fixed };
}

/** Every position along `moves` from `position`, the start included; stops before an illegal move. */
export function positionsAlong(level: Level, position: Position, moves: string): Position[] {
  const out: Position[] = [position];
  let pos = position;
  for (let i = 0; i < moves.length; i++) {
    const dir = directionOfLetter(moves[i]!);
    const result = dir ? step(level, pos, dir) : null;
    if (!result) break;
    pos = result.position;
    out.push(pos);
  }
  return out;
}
