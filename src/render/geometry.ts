/**
 * Board geometry in CSS pixels: how big a cell is for the space available, which cell a pointer
 * is over, which way a swipe went. Pure functions, shared by the board component and its tests.
 */
import type { Direction } from '../sokoban';

/** Cells are never drawn smaller than this (a 60×60 board on a phone still gets 6 px cells). */
export const MIN_CELL = 6;
/** Nor larger: a 5×5 board on a big screen should not turn into a poster. */
export const MAX_CELL = 64;
/** Used when the container has not been measured (jsdom, first frame before layout). */
export const FALLBACK_CELL = 32;

export interface BoardLayout {
  /** Cell edge in CSS pixels (an integer, so lines stay on pixel boundaries). */
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  /** Board size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/**
 * The largest whole-pixel cell that fits `cols × rows` in `availWidth × availHeight`, clamped to
 * [MIN_CELL, MAX_CELL]. A zero or unknown width falls back to FALLBACK_CELL.
 */
export function boardLayout(
  cols: number,
  rows: number,
  availWidth: number,
  availHeight: number,
): BoardLayout {
  let cell: number;
  if (!(availWidth > 0)) cell = FALLBACK_CELL;
  else {
    const byWidth = availWidth / cols;
    const byHeight = availHeight > 0 ? availHeight / rows : byWidth;
    cell = Math.floor(Math.min(byWidth, byHeight));
  }
  cell = Math.max(MIN_CELL, Math.min(MAX_CELL, cell));
  return { cell, cols, rows, width: cell * cols, height: cell * rows };
}

/** The cell index under a point given relative to the board's top-left corner, or -1 outside. */
export function cellAtPoint(layout: BoardLayout, x: number, y: number): number {
  if (!(x >= 0 && y >= 0)) return -1;
  const col = Math.floor(x / layout.cell);
  const row = Math.floor(y / layout.cell);
  if (col >= layout.cols || row >= layout.rows) return -1;
  return row * layout.cols + col;
}

/** The centre of a cell, relative to the board's top-left corner. */
export function cellCenter(layout: BoardLayout, cell: number): { x: number; y: number } {
  const col = cell % layout.cols;
  const row = Math.floor(cell / layout.cols);
  return { x: (col + 0.5) * layout.cell, y: (row + 0.5) * layout.cell };
}

/**
 * The direction of a swipe, or null when the finger moved less than `threshold` pixels (a tap).
 * The dominant axis wins.
 */
export function swipeDirection(dx: number, dy: number, threshold: number): Direction | null {
  if (Math.hypot(dx, dy) < threshold) return null;
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? 'r' : 'l';
  return dy > 0 ? 'd' : 'u';
}

/** Backing-store size of a canvas for a CSS size at a device pixel ratio (crisp on HiDPI). */
export function backingSize(
  cssWidth: number,
  cssHeight: number,
  dpr: number,
): { width: number; height: number; scale: number } {
  const scale = dpr > 0 && Number.isFinite(dpr) ? Math.min(dpr, 4) : 1;
  return { width: Math.round(cssWidth * scale), height: Math.round(cssHeight * scale), scale };
}
