/**
 * Drawing the board on a 2D canvas: plain functions of (context, level, position, theme, size).
 *
 * Each kind of square has its own shape, not only its own colour: a goal is a small diamond, a box
 * a crate with an X brace, a box on a goal a square with a diamond inset, the player a round face,
 * the player on a goal a face inside a diamond outline.
 */
import { type Direction, type Level, type Position, isGoal, isWall } from '../sokoban';
import type { Theme } from './theme';
import { drawnCells } from './trim';

/** The part of CanvasRenderingContext2D the board uses (a fake one records calls in tests). */
export type BoardContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'fillRect'
  | 'clearRect'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'fill'
  | 'stroke'
>;

export type CellKind =
  'outside' | 'wall' | 'floor' | 'goal' | 'box' | 'boxOnGoal' | 'player' | 'playerOnGoal';

const insideCache = new WeakMap<Level, Uint8Array>();

/**
 * Cells inside the walls: those the player could reach if there were no boxes, plus any cell
 * holding a box or a goal. Floor outside the walls is left undrawn.
 */
export function insideCells(level: Level): Uint8Array {
  const cached = insideCache.get(level);
  if (cached) return cached;
  const { width, height } = level;
  const inside = new Uint8Array(width * height);
  const stack = [level.player];
  inside[level.player] = 1;
  while (stack.length) {
    const cell = stack.pop()!;
    const col = cell % width;
    const row = (cell - col) / width;
    const next = [
      col > 0 ? cell - 1 : -1,
      col < width - 1 ? cell + 1 : -1,
      row > 0 ? cell - width : -1,
      row < height - 1 ? cell + width : -1,
    ];
    for (const n of next) {
      if (n >= 0 && !inside[n] && !isWall(level, n)) {
        inside[n] = 1;
        stack.push(n);
      }
    }
  }
  for (const b of level.boxes) inside[b] = 1;
  for (let i = 0; i < inside.length; i++) if (isGoal(level, i)) inside[i] = 1;
  insideCache.set(level, inside);
  return inside;
}

export function cellKind(
  level: Level,
  position: Position,
  cell: number,
  boxes: ReadonlySet<number> = new Set(position.boxes),
): CellKind {
  if (isWall(level, cell)) return 'wall';
  const goal = isGoal(level, cell);
  if (cell === position.player) return goal ? 'playerOnGoal' : 'player';
  if (boxes.has(cell)) return goal ? 'boxOnGoal' : 'box';
  if (goal) return 'goal';
  return insideCells(level)[cell] ? 'floor' : 'outside';
}

function diamond(ctx: BoardContext, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(cx, cy - r);
  ctx.lineTo(cx + r, cy);
  ctx.lineTo(cx, cy + r);
  ctx.lineTo(cx - r, cy);
  ctx.closePath();
}

function roundedSquare(ctx: BoardContext, x: number, y: number, s: number, r: number): void {
  // Drawn with lines and arcs (not roundRect) so older browsers and fake contexts can follow.
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + s - r, y);
  ctx.arc(x + s - r, y + r, r, -Math.PI / 2, 0);
  ctx.lineTo(x + s, y + s - r);
  ctx.arc(x + s - r, y + s - r, r, 0, Math.PI / 2);
  ctx.lineTo(x + r, y + s);
  ctx.arc(x + r, y + s - r, r, Math.PI / 2, Math.PI);
  ctx.lineTo(x, y + r);
  ctx.arc(x + r, y + r, r, Math.PI, (3 * Math.PI) / 2);
  ctx.closePath();
}

function floorSquare(
  ctx: BoardContext,
  x: number,
  y: number,
  size: number,
  theme: Theme,
  alt: boolean,
): void {
  ctx.fillStyle = alt ? theme.floorAlt : theme.floor;
  ctx.fillRect(x, y, size, size);
}

/** Draws one square of kind `kind` with its top-left corner at (x, y). */
export function drawCell(
  ctx: BoardContext,
  kind: CellKind,
  x: number,
  y: number,
  size: number,
  theme: Theme,
  alt = false,
  wallEdge = true,
): void {
  drawSquare(ctx, kind, x, y, size, theme, alt, wallEdge, true);
}

/**
 * Draws a box or the player alone (no floor under it) at any point, e.g. between two squares
 * while a move is animated (src/render/animation.ts).
 */
export function drawPiece(
  ctx: BoardContext,
  kind: 'box' | 'boxOnGoal' | 'player' | 'playerOnGoal',
  x: number,
  y: number,
  size: number,
  theme: Theme,
): void {
  drawSquare(ctx, kind, x, y, size, theme, false, false, false);
}

function drawSquare(
  ctx: BoardContext,
  kind: CellKind,
  x: number,
  y: number,
  size: number,
  theme: Theme,
  alt: boolean,
  wallEdge: boolean,
  withFloor: boolean,
): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  const line = Math.max(1, size / 16);
  const floor = withFloor ? floorSquare : () => {};
  switch (kind) {
    case 'outside':
      return;
    case 'wall':
      ctx.fillStyle = theme.wall;
      ctx.fillRect(x, y, size, size);
      if (wallEdge) {
        // A shadow along the wall's foot, only where it meets the floor, so walls read as blocks.
        ctx.fillStyle = theme.wallEdge;
        ctx.fillRect(x, y + size - line * 2, size, line * 2);
      }
      return;
    case 'floor':
      floorSquare(ctx, x, y, size, theme, alt);
      return;
    case 'goal':
      floor(ctx, x, y, size, theme, alt);
      ctx.fillStyle = theme.goal;
      diamond(ctx, cx, cy, size * 0.2);
      ctx.fill();
      return;
    case 'box':
    case 'boxOnGoal':
      floor(ctx, x, y, size, theme, alt);
      drawBox(ctx, x, y, size, theme, kind === 'boxOnGoal');
      return;
    case 'player':
    case 'playerOnGoal':
      floor(ctx, x, y, size, theme, alt);
      drawPlayer(ctx, x, y, size, theme, kind === 'playerOnGoal');
      return;
  }
}

/** An X across the square at (x, y), `inset` in from each corner, in the current stroke. */
export function cross(ctx: BoardContext, x: number, y: number, size: number, inset: number): void {
  ctx.beginPath();
  ctx.moveTo(x + inset, y + inset);
  ctx.lineTo(x + size - inset, y + size - inset);
  ctx.moveTo(x + size - inset, y + inset);
  ctx.lineTo(x + inset, y + size - inset);
  ctx.stroke();
}

/** A box on the square at (x, y): a crate with an X brace, or with the goal showing through. */
function drawBox(
  ctx: BoardContext,
  x: number,
  y: number,
  size: number,
  theme: Theme,
  onGoal: boolean,
): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  const inset = size * 0.1;
  const s = size - 2 * inset;
  ctx.lineWidth = Math.max(1, size / 16);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.fillStyle = onGoal ? theme.boxOnGoal : theme.box;
  ctx.strokeStyle = onGoal ? theme.boxOnGoalEdge : theme.boxEdge;
  roundedSquare(ctx, x + inset, y + inset, s, size * 0.12);
  ctx.fill();
  ctx.stroke();
  if (onGoal) {
    // The goal shows through the box: a light diamond.
    ctx.fillStyle = theme.mark;
    diamond(ctx, cx, cy, size * 0.2);
    ctx.fill();
  } else {
    // A crate: an X brace.
    cross(ctx, x, y, size, inset + s * 0.22);
  }
}

/** The player on the square at (x, y), inside a goal outline when on a goal. */
function drawPlayer(
  ctx: BoardContext,
  x: number,
  y: number,
  size: number,
  theme: Theme,
  onGoal: boolean,
): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  if (onGoal) {
    ctx.strokeStyle = theme.goal;
    ctx.lineWidth = Math.max(1.5, size / 12);
    diamond(ctx, cx, cy, size * 0.46);
    ctx.stroke();
  }
  const r = size * (onGoal ? 0.26 : 0.32);
  ctx.fillStyle = theme.player;
  ctx.strokeStyle = theme.playerEdge;
  ctx.lineWidth = Math.max(1, size / 16);
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  // Eyes, so the player reads as a figure and not as a dot.
  ctx.fillStyle = theme.mark;
  for (const dx of [-0.35, 0.35]) {
    ctx.beginPath();
    ctx.arc(cx + dx * r, cy - 0.2 * r, Math.max(0.8, r * 0.16), 0, Math.PI * 2);
    ctx.fill();
  }
}

export interface DrawOptions {
  /** A box the user has picked (click a box, then a square); drawn with a ring. */
  readonly selected?: number | null;
  /** Cells to flag (e.g. the boxes of a deadlock): a red ring with a notch in each corner. */
  readonly marked?: readonly number[];
  /** Arrows to draw over the board (an episode file's per-step overlay), at 0-based row/col. */
  readonly arrows?: readonly BoardArrow[];
  /** Leave out the walls no floor touches (trim.ts); default: every wall is drawn. */
  readonly trim?: boolean;
  /** Squares the selected box can be pushed to: four corner brackets in the selection colour. */
  readonly destinations?: readonly number[];
}

/**
 * Corner brackets round the middle of a square: a shape no piece, goal or other mark has, so a
 * destination reads in greyscale and does not hide a goal drawn under it.
 */
function drawDestination(ctx: BoardContext, x: number, y: number, size: number, theme: Theme) {
  const inset = size * 0.2;
  const arm = size * 0.18;
  ctx.strokeStyle = theme.selection;
  ctx.lineWidth = Math.max(2, size / 12);
  ctx.beginPath();
  for (const [cx, cy, dx, dy] of [
    [x + inset, y + inset, 1, 1],
    [x + size - inset, y + inset, -1, 1],
    [x + inset, y + size - inset, 1, -1],
    [x + size - inset, y + size - inset, -1, -1],
  ] as const) {
    ctx.moveTo(cx + dx * arm, cy);
    ctx.lineTo(cx, cy);
    ctx.lineTo(cx, cy + dy * arm);
  }
  ctx.stroke();
}

export interface BoardArrow {
  readonly row: number;
  readonly col: number;
  readonly dir: Direction;
}

/** The colour of overlay arrows (white-edged, so they read on any square). */
export const ARROW_COLOUR = '#1971c2';

/** The colour of `marked` cells (not in Theme, so that themes need not change). */
export const MARK_COLOUR = '#e03131';

/**
 * Draws the whole board with cells `size` CSS pixels wide from (0, 0). The caller sets the
 * context's transform for the device pixel ratio.
 */
export function draw(
  ctx: BoardContext,
  level: Level,
  position: Position,
  theme: Theme,
  size: number,
  options: DrawOptions = {},
): void {
  ctx.clearRect(0, 0, level.width * size, level.height * size);
  const boxes = new Set(position.boxes);
  const drawn = options.trim ? drawnCells(level, insideCells(level)) : null;
  for (let cell = 0; cell < level.width * level.height; cell++) {
    const col = cell % level.width;
    const row = (cell - col) / level.width;
    const kind = drawn && !drawn[cell] ? 'outside' : cellKind(level, position, cell, boxes);
    const below = cell + level.width;
    const edge =
      kind === 'wall' &&
      below < level.width * level.height &&
      !isWall(level, below) &&
      insideCells(level)[below] === 1;
    drawCell(ctx, kind, col * size, row * size, size, theme, (row + col) % 2 === 1, edge);
  }
  drawMarks(ctx, level, boxes, theme, size, options);
}

/** Whether `options` asks for anything drawn over the squares (ring, brackets, marks, arrows). */
export function hasMarks(options: DrawOptions, boxes: ReadonlySet<number>): boolean {
  return (
    (options.selected !== undefined && options.selected !== null && boxes.has(options.selected)) ||
    (options.destinations?.length ?? 0) > 0 ||
    (options.marked?.length ?? 0) > 0 ||
    (options.arrows?.length ?? 0) > 0
  );
}

/**
 * What is drawn over the squares: the selection ring, destination brackets, deadlock marks and
 * overlay arrows. They may reach into the next square, so they are drawn after all squares.
 */
export function drawMarks(
  ctx: BoardContext,
  level: Level,
  boxes: ReadonlySet<number>,
  theme: Theme,
  size: number,
  options: DrawOptions,
): void {
  const selected = options.selected;
  if (selected !== undefined && selected !== null && boxes.has(selected)) {
    const col = selected % level.width;
    const row = (selected - col) / level.width;
    ctx.strokeStyle = theme.selection;
    ctx.lineWidth = Math.max(2, size / 10);
    roundedSquare(ctx, col * size + 1, row * size + 1, size - 2, size * 0.16);
    ctx.stroke();
  }
  for (const cell of options.destinations ?? []) {
    if (cell < 0 || cell >= level.width * level.height) continue;
    drawDestination(
      ctx,
      (cell % level.width) * size,
      Math.floor(cell / level.width) * size,
      size,
      theme,
    );
  }
  for (const cell of options.marked ?? []) {
    if (cell < 0 || cell >= level.width * level.height) continue;
    const x = (cell % level.width) * size;
    const y = Math.floor(cell / level.width) * size;
    const w = Math.max(2, size / 9);
    ctx.strokeStyle = MARK_COLOUR;
    ctx.lineWidth = w;
    roundedSquare(ctx, x + w / 2, y + w / 2, size - w, size * 0.16);
    ctx.stroke();
    // Corner notches: the mark still reads without colour (and differs from the selection ring).
    ctx.fillStyle = MARK_COLOUR;
    const n = size * 0.2;
    for (const [px, py, dx, dy] of [
      [x, y, 1, 1],
      [x + size, y, -1, 1],
      [x, y + size, 1, -1],
      [x + size, y + size, -1, -1],
    ] as const) {
      ctx.beginPath();
      ctx.moveTo(px, py);
      ctx.lineTo(px + dx * n, py);
      ctx.lineTo(px, py + dy * n);
      ctx.closePath();
      ctx.fill();
    }
  }
  drawArrows(ctx, level, options.arrows ?? [], size);
}

const ARROW_STEP: Record<Direction, readonly [number, number]> = {
  u: [0, -1],
  d: [0, 1],
  l: [-1, 0],
  r: [1, 0],
};

/** Each arrow from its square's centre most of the way into the next square, with a head. */
export function drawArrows(
  ctx: BoardContext,
  level: Level,
  arrows: readonly BoardArrow[],
  size: number,
): void {
  for (const a of arrows) {
    if (a.row < 0 || a.col < 0 || a.row >= level.height || a.col >= level.width) continue;
    const [dx, dy] = ARROW_STEP[a.dir];
    const x0 = (a.col + 0.5) * size;
    const y0 = (a.row + 0.5) * size;
    const x1 = x0 + dx * size * 0.8;
    const y1 = y0 + dy * size * 0.8;
    const head = size * 0.28;
    for (const [colour, width] of [
      ['#ffffff', Math.max(4, size / 6)],
      [ARROW_COLOUR, Math.max(2, size / 12)],
    ] as const) {
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = width;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1 - dx * head * 0.5, y1 - dy * head * 0.5);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - dx * head - dy * head * 0.6, y1 - dy * head - dx * head * 0.6);
      ctx.lineTo(x1 - dx * head + dy * head * 0.6, y1 - dy * head + dx * head * 0.6);
      ctx.closePath();
      if (colour === '#ffffff') ctx.stroke();
      ctx.fill();
    }
  }
}
