/**
 * The level model: plain, serialisable data.
 *
 * A board is a rectangle of `width × height` cells addressed by a row-major index
 * (`index = row * width + col`). The static layer lives in `tiles`, one character per cell,
 * so a level is cheap to copy, compare, store and send to a worker.
 */
export interface Level {
  /** The level's title, '' when it has none. */
  readonly title: string;
  /** The level's author, '' when none is given. */
  readonly author: string;
  readonly width: number;
  readonly height: number;
  /** Row-major static layer: '#' wall, '.' goal, ' ' floor (inside or outside the walls). */
  readonly tiles: string;
  /** Cell indices of the boxes, in ascending order. */
  readonly boxes: readonly number[];
  /** Cell index of the player. */
  readonly player: number;
}

/** A position in play: where the player and the boxes are. Boxes ascending. */
export interface Position {
  readonly player: number;
  readonly boxes: readonly number[];
}

export const WALL = '#';
export const GOAL = '.';
export const FLOOR = ' ';

export function startPosition(level: Level): Position {
  return { player: level.player, boxes: level.boxes };
}

export function isWall(level: Level, cell: number): boolean {
  return level.tiles.charCodeAt(cell) === 35; // '#'
}

export function isGoal(level: Level, cell: number): boolean {
  return level.tiles.charCodeAt(cell) === 46; // '.'
}

export function goalCells(level: Level): number[] {
  const goals: number[] = [];
  for (let i = 0; i < level.tiles.length; i++) if (isGoal(level, i)) goals.push(i);
  return goals;
}

export function cellOf(level: Pick<Level, 'width'>, row: number, col: number): number {
  return row * level.width + col;
}

export function rowOf(level: Pick<Level, 'width'>, cell: number): number {
  return Math.floor(cell / level.width);
}

export function colOf(level: Pick<Level, 'width'>, cell: number): number {
  return cell % level.width;
}

/** True when every box stands on a goal. */
export function isSolved(level: Level, position: Position): boolean {
  return position.boxes.every((b) => isGoal(level, b));
}

/** Two levels are the same puzzle (titles aside) when their boards match cell for cell. */
export function sameBoard(a: Level, b: Level): boolean {
  return (
    a.width === b.width &&
    a.height === b.height &&
    a.tiles === b.tiles &&
    a.player === b.player &&
    a.boxes.length === b.boxes.length &&
    a.boxes.every((x, i) => x === b.boxes[i])
  );
}
