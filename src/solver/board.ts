/**
 * The compiled board: the static part of a level in the shape the search wants.
 *
 * The level is padded with a ring of walls so that a neighbour is always `cell + offset` with
 * no bounds checks. Only cells the player can ever walk to (boxes ignored) count as floor;
 * everything else, including floor outside the walls, is treated as wall.
 */
import type { Level, Position } from '../sokoban';

/** Move letters in the order of `Board.offsets` (LURD). */
export const LETTERS = ['l', 'u', 'r', 'd'] as const;

export interface Board {
  /** Padded width and height (the level's plus 2). */
  readonly width: number;
  readonly height: number;
  readonly size: number;
  /** Offsets of one step left, up, right, down. */
  readonly offsets: Int32Array;
  /** 1 for cells the player could walk on (boxes ignored). */
  readonly floor: Uint8Array;
  readonly goal: Uint8Array;
  /** Goal cells, ascending; goalIndex[cell] is the goal's index or -1. */
  readonly goals: Int32Array;
  readonly goalIndex: Int32Array;
  /** The level's padding: original cell -> padded cell and back. */
  readonly originalWidth: number;
}

export type Compiled =
  | {
      readonly ok: true;
      readonly board: Board;
      readonly boxes: Int32Array;
      readonly player: number;
    }
  | { readonly ok: false; readonly invalid: boolean; readonly message: string };

/** How many cells of the board are floor (walls and the padding are not). */
export function floorCellCount(board: Pick<Board, 'floor'>): number {
  let count = 0;
  for (const f of board.floor) count += f;
  return count;
}

export function toPadded(board: Pick<Board, 'width' | 'originalWidth'>, cell: number): number {
  const row = Math.floor(cell / board.originalWidth);
  const col = cell - row * board.originalWidth;
  return (row + 1) * board.width + col + 1;
}

export function toOriginal(board: Pick<Board, 'width' | 'originalWidth'>, cell: number): number {
  const row = Math.floor(cell / board.width);
  const col = cell - row * board.width;
  return (row - 1) * board.originalWidth + col - 1;
}

type Padding = Pick<Board, 'width' | 'originalWidth'>;
type Failure = Extract<Compiled, { ok: false }>;

const bad = (message: string): Failure => ({ ok: false, invalid: true, message });
const lost = (message: string): Failure => ({ ok: false, invalid: false, message });

/** The padded size, or why the level's dimensions cannot be compiled. */
function checkSize(level: Level): Failure | { width: number; height: number } {
  const { width, height, tiles } = level;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    return bad('The board has no size.');
  if (tiles.length !== width * height)
    return bad(`The board's tiles (${tiles.length}) do not match its size ${width}×${height}.`);
  const W = width + 2;
  const H = height + 2;
  if (W * H > 65535) return bad(`The board is too large for the solver (${width}×${height}).`);
  return { width: W, height: H };
}

/** Non-wall and goal cells of the padded board, read from the tiles. */
function readTiles(tiles: string, padding: Padding, size: number) {
  const open = new Uint8Array(size);
  const goal = new Uint8Array(size);
  for (let i = 0; i < tiles.length; i++) {
    const ch = tiles.charCodeAt(i);
    const p = toPadded(padding, i);
    if (ch !== 35) open[p] = 1;
    if (ch === 46) goal[p] = 1;
  }
  return { open, goal };
}

/** The padded player and box cells, or why the position does not fit the board. */
function placePieces(
  level: Level,
  position: Position,
  padding: Padding,
  open: Uint8Array,
): Failure | { player: number; boxes: Int32Array } {
  const cells = level.width * level.height;
  const inside = (cell: number) => Number.isInteger(cell) && cell >= 0 && cell < cells;
  if (!inside(position.player)) return bad('The player is off the board.');
  const player = toPadded(padding, position.player);
  if (!open[player]) return bad('The player stands on a wall.');
  const boxes = new Int32Array(position.boxes.length);
  for (let i = 0; i < boxes.length; i++) {
    const b = position.boxes[i];
    if (!inside(b)) return bad('A box is off the board.');
    boxes[i] = toPadded(padding, b);
    if (!open[boxes[i]]) return bad('A box stands on a wall.');
    if (i > 0 && position.boxes[i - 1] >= b)
      return bad('Boxes must be distinct and in ascending order.');
  }
  if (boxes.includes(player)) return bad('The player stands on a box.');
  return { player, boxes };
}

/** Floor = what the player can reach with every box lifted off the board. */
function walkableFloor(open: Uint8Array, offsets: Int32Array, player: number): Uint8Array {
  const size = open.length;
  const floor = new Uint8Array(size);
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  floor[player] = 1;
  queue[tail++] = player;
  while (head < tail) {
    const c = queue[head++];
    for (let d = 0; d < 4; d++) {
      const n = c + offsets[d];
      if (n >= 0 && n < size && open[n] && !floor[n]) {
        floor[n] = 1;
        queue[tail++] = n;
      }
    }
  }
  return floor;
}

/** Whether the floor touches the padding's top or bottom row (the player could walk off). */
function isOpenToOutside(floor: Uint8Array, W: number): boolean {
  const size = floor.length;
  if (floor[0] || floor[W - 1] || floor[size - 1]) return true;
  for (let c = 0; c < W; c++) if (floor[c] || floor[size - 1 - c]) return true;
  return false;
}

/**
 * Boxes the player can never reach stay where they are forever: on a goal they are walls (the
 * goal is cleared in `goal`), elsewhere the level is lost. Goals the player cannot reach and no
 * box covers are lost too. Returns the boxes that stay in play.
 */
function dropUnreachable(
  boxes: Int32Array,
  floor: Uint8Array,
  goal: Uint8Array,
): Failure | Int32Array {
  const kept: number[] = [];
  for (const b of boxes) {
    if (floor[b]) kept.push(b);
    else if (goal[b]) goal[b] = 0;
    else return lost('A box is walled off from the player away from any goal.');
  }
  for (let i = 0; i < goal.length; i++) {
    if (goal[i] && !floor[i]) return lost('A goal is walled off from the player.');
  }
  return Int32Array.from(kept);
}

/** Goal cells in ascending order and, per cell, its goal's index or -1. */
function indexGoals(goal: Uint8Array) {
  const goals: number[] = [];
  const goalIndex = new Int32Array(goal.length).fill(-1);
  for (let i = 0; i < goal.length; i++) {
    if (goal[i]) {
      goalIndex[i] = goals.length;
      goals.push(i);
    }
  }
  return { goals: Int32Array.from(goals), goalIndex };
}

/**
 * Compiles a level and a position on it. Structural problems (wrong sizes, counts, cells) are
 * `invalid`; a level that is well formed but provably hopeless at a glance (a box walled off
 * from the player away from every goal) is reported with `invalid: false`.
 */
export function compile(level: Level, position: Position = level): Compiled {
  const dims = checkSize(level);
  if ('ok' in dims) return dims;
  const { width: W, height: H } = dims;
  const size = W * H;
  const padding = { width: W, originalWidth: level.width };
  const { open, goal } = readTiles(level.tiles, padding, size);
  const pieces = placePieces(level, position, padding, open);
  if ('ok' in pieces) return pieces;
  const { player, boxes } = pieces;
  let goalCount = 0;
  for (let i = 0; i < size; i++) goalCount += goal[i];
  if (goalCount !== boxes.length)
    return bad(`Boxes and goals differ in number: ${boxes.length} boxes, ${goalCount} goals.`);

  const offsets = Int32Array.of(-1, -W, 1, W);
  const floor = walkableFloor(open, offsets, player);
  if (isOpenToOutside(floor, W))
    return bad('The level is not closed: the player can walk off the board.');
  const kept = dropUnreachable(boxes, floor, goal);
  if (!(kept instanceof Int32Array)) return kept;
  const board: Board = {
    width: W,
    height: H,
    size,
    offsets,
    floor,
    goal,
    ...indexGoals(goal),
    originalWidth: level.width,
  };
  return { ok: true, board, boxes: kept, player };
}
