/**
 * Board trimming: the walls worth drawing are those a floor square touches (side or corner),
 * so the outline of a room stays and the solid wall mass around it (three of ten rows in many
 * Boxoban levels) goes. The view is the smallest rectangle around what is drawn, so the board
 * can use the freed space for bigger squares. "Floor" is what insideCells counts: squares the
 * player could reach without boxes, and every box and goal: `inside` is board.ts's
 * insideCells(level), passed in so that this module and the drawing do not import each other.
 */
import type { Level } from '../sokoban';

/** A rectangle of the level's grid, in cells. */
export interface BoardView {
  readonly col: number;
  readonly row: number;
  readonly cols: number;
  readonly rows: number;
}

const drawnCache = new WeakMap<Level, Uint8Array>();
const viewCache = new WeakMap<Level, BoardView>();

/** 1 for every square drawn when trimming: inside squares and the walls next to them. */
export function drawnCells(level: Level, inside: Uint8Array): Uint8Array {
  const cached = drawnCache.get(level);
  if (cached) return cached;
  const { width, height } = level;
  const drawn = new Uint8Array(width * height);
  for (let cell = 0; cell < inside.length; cell++) {
    if (!inside[cell]) continue;
    const col = cell % width;
    const row = (cell - col) / width;
    for (let r = Math.max(0, row - 1); r <= Math.min(height - 1, row + 1); r++)
      for (let c = Math.max(0, col - 1); c <= Math.min(width - 1, col + 1); c++)
        drawn[r * width + c] = 1;
  }
  drawnCache.set(level, drawn);
  return drawn;
}

export function fullView(level: Level): BoardView {
  return { col: 0, row: 0, cols: level.width, rows: level.height };
}

/** The smallest rectangle holding every drawn square (the whole grid if none is drawn). */
export function trimmedView(level: Level, inside: Uint8Array): BoardView {
  const cached = viewCache.get(level);
  if (cached) return cached;
  const drawn = drawnCells(level, inside);
  let [minC, minR, maxC, maxR] = [level.width, level.height, -1, -1];
  for (let cell = 0; cell < drawn.length; cell++) {
    if (!drawn[cell]) continue;
    const col = cell % level.width;
    const row = (cell - col) / level.width;
    minC = Math.min(minC, col);
    maxC = Math.max(maxC, col);
    minR = Math.min(minR, row);
    maxR = Math.max(maxR, row);
  }
  const view =
    maxC < 0
      ? fullView(level)
      : { col: minC, row: minR, cols: maxC - minC + 1, rows: maxR - minR + 1 };
  viewCache.set(level, view);
  return view;
}

/** A cell of the view (row-major over view.cols) as a cell of the level; -1 stays -1. */
export function levelCell(level: Level, view: BoardView, viewCell: number): number {
  if (viewCell < 0) return -1;
  const col = viewCell % view.cols;
  const row = (viewCell - col) / view.cols;
  return (row + view.row) * level.width + col + view.col;
}
