/**
 * The board drawn in two layers, so that a frame of playback costs a few squares, not the whole
 * board (issue 14: a 50×50 board plays back at 60 frames a second).
 *
 * draw() paints every square: 2,500 of them on a 50×50 board, at every frame of an animated step.
 * Walls, floor and goals never change while a level is played, so they are painted once into a
 * static layer (a canvas the caller makes; this module never creates DOM objects) and each frame
 * copies it and paints only the pieces and marks over it (drawLayered). While one step is
 * animated, only the squares the moving pieces cross differ from one frame to the next:
 * drawStepFrame restores just those from the static layer and paints the movers again.
 *
 * The pictures are those of draw() and drawFrame(): a piece's square is painted with drawCell, as
 * draw() does, and the static layer is draw() of the level with no pieces on it.
 */
import { type Level, type Position, isGoal } from '../sokoban';
import { type Motion, drawMovers } from './animation';
import { type BoardContext, type DrawOptions, draw, drawCell, drawMarks, hasMarks } from './board';
import type { Theme } from './theme';

/** What the layered drawing needs of a 2D context beyond BoardContext. */
export type LayerContext = BoardContext &
  Pick<
    CanvasRenderingContext2D,
    'drawImage' | 'getTransform' | 'setTransform' | 'save' | 'restore'
  >;

/** The canvas holding walls, floor and goals, and what it was painted for. */
export interface StaticLayer {
  readonly canvas: CanvasImageSource & { readonly width: number; readonly height: number };
  readonly key: LayerKey;
}

/** Everything the static layer's pixels depend on. */
export interface LayerKey {
  readonly level: Level;
  readonly theme: Theme;
  readonly size: number;
  readonly trim: boolean;
  /** The target's transform (device pixel ratio and view shift) and backing size. */
  readonly transform: readonly [number, number, number, number, number, number, number, number];
}

export function layerKey(
  ctx: LayerContext,
  width: number,
  height: number,
  level: Level,
  theme: Theme,
  size: number,
  trim: boolean,
): LayerKey {
  const m = ctx.getTransform();
  return { level, theme, size, trim, transform: [m.a, m.b, m.c, m.d, m.e, m.f, width, height] };
}

export function sameLayerKey(a: LayerKey, b: LayerKey): boolean {
  return (
    a.level === b.level &&
    a.theme === b.theme &&
    a.size === b.size &&
    a.trim === b.trim &&
    a.transform.every((x, i) => x === b.transform[i])
  );
}

const NO_PIECES: Position = { player: -1, boxes: [] };

/** Paints the static layer: the level with no pieces, with the key's transform. */
export function paintStaticLayer(layer: LayerContext, key: LayerKey): void {
  const [a, b, c, d, e, f, width, height] = key.transform;
  layer.setTransform(1, 0, 0, 1, 0, 0);
  layer.clearRect(0, 0, width, height);
  layer.setTransform(a, b, c, d, e, f);
  draw(layer, key.level, NO_PIECES, key.theme, key.size, { trim: key.trim });
}

/**
 * Copies the static layer onto `ctx`: all of it, or the device pixels under `cell` (rounded
 * outwards to whole pixels, so no square is resampled).
 */
function restore(ctx: LayerContext, layer: StaticLayer, size: number, cell?: number): void {
  const { width, height } = layer.canvas;
  let x = 0;
  let y = 0;
  let w = width;
  let h = height;
  if (cell !== undefined) {
    const m = ctx.getTransform();
    const levelWidth = layer.key.level.width;
    const left = m.a * (cell % levelWidth) * size + m.e;
    const top = m.d * Math.floor(cell / levelWidth) * size + m.f;
    x = Math.max(0, Math.floor(left));
    y = Math.max(0, Math.floor(top));
    w = Math.min(width, Math.ceil(left + m.a * size)) - x;
    h = Math.min(height, Math.ceil(top + m.d * size)) - y;
    if (w <= 0 || h <= 0) return;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(x, y, w, h);
  ctx.drawImage(layer.canvas, x, y, w, h, x, y, w, h);
  ctx.restore();
}

/** A piece standing on its square, painted as draw() paints that square (floor included). */
function paintSquare(
  ctx: BoardContext,
  level: Level,
  cell: number,
  piece: 'box' | 'player',
  theme: Theme,
  size: number,
): void {
  const col = cell % level.width;
  const row = (cell - col) / level.width;
  const goal = isGoal(level, cell);
  const kind = piece === 'box' ? (goal ? 'boxOnGoal' : 'box') : goal ? 'playerOnGoal' : 'player';
  drawCell(ctx, kind, col * size, row * size, size, theme, (row + col) % 2 === 1);
}

/** The motion, if it is under way and belongs to `position` (else the plain board is drawn). */
export function activeMotion(position: Position, motion: Motion | null, t: number): Motion | null {
  if (!motion || t >= 1 || motion.player.to !== position.player) return null;
  if (motion.box && !position.boxes.includes(motion.box.to)) return null;
  return motion;
}

/** What one frame shows, enough to tell which squares the next one changes. */
export interface Frame {
  readonly layer: StaticLayer;
  readonly position: Position;
  /** The step under way (activeMotion), or null. */
  readonly moving: Motion | null;
  readonly t: number;
  readonly options: DrawOptions;
  /** Marks over the board (ring, brackets, deadlock marks, arrows): always a whole frame. */
  readonly marks: boolean;
}

export function frameOf(
  layer: StaticLayer,
  position: Position,
  options: DrawOptions = {},
  motion: Motion | null = null,
  t = 1,
): Frame {
  const moving = activeMotion(position, motion, t);
  const marks = hasMarks(
    moving ? { ...options, selected: null } : options,
    new Set(position.boxes),
  );
  return { layer, position, moving, t, options, marks };
}

/** Boxes standing on their squares (not the one sliding), and the player if standing. */
function resting(frame: Frame): { boxes: Set<number>; player: number } {
  const boxes = new Set(frame.position.boxes);
  if (frame.moving?.box) boxes.delete(frame.moving.box.to);
  return { boxes, player: frame.moving ? -1 : frame.position.player };
}

/** Every square the frame paints a piece on (standing or sliding), and nothing else. */
function paintPieces(ctx: BoardContext, frame: Frame, only?: ReadonlySet<number>): void {
  const { level, theme, size } = frame.layer.key;
  const still = resting(frame);
  for (const box of still.boxes)
    if (!only || only.has(box)) paintSquare(ctx, level, box, 'box', theme, size);
  if (frame.moving) drawMovers(ctx, level, frame.moving, frame.t, theme, size);
  else if (still.player >= 0 && (!only || only.has(still.player)))
    paintSquare(ctx, level, still.player, 'player', theme, size);
}

/** The whole frame: drawFrame()'s picture, from the static layer plus the pieces and marks. */
export function drawLayered(ctx: LayerContext, frame: Frame): void {
  const { level, theme, size } = frame.layer.key;
  restore(ctx, frame.layer, size);
  paintPieces(ctx, frame);
  // drawFrame leaves the selection ring out while a step is under way.
  const options = frame.moving ? { ...frame.options, selected: null } : frame.options;
  drawMarks(ctx, level, new Set(frame.position.boxes), theme, size, options);
}

/** The squares a step's pieces cross. */
export function stepSquares(motion: Motion): number[] {
  const cells = [motion.player.from, motion.player.to];
  if (motion.box) cells.push(motion.box.from, motion.box.to);
  return [...new Set(cells)];
}

/** The squares whose picture differs between two frames over the same static layer. */
export function changedSquares(a: Frame, b: Frame): number[] {
  const cells = new Set<number>();
  for (const f of [a, b]) if (f.moving) for (const c of stepSquares(f.moving)) cells.add(c);
  const ra = resting(a);
  const rb = resting(b);
  for (const box of ra.boxes) if (!rb.boxes.has(box)) cells.add(box);
  for (const box of rb.boxes) if (!ra.boxes.has(box)) cells.add(box);
  if (ra.player !== rb.player) for (const p of [ra.player, rb.player]) if (p >= 0) cells.add(p);
  return [...cells];
}

/** More changed squares than this and the whole frame is as quick to draw. */
const MOST_SQUARES = 48;

/**
 * Draws `next` over a canvas that shows `last` (null: unknown). When both lie over the same
 * static layer and neither has marks over the board, only the squares that differ are restored
 * from the layer and their pieces painted again: a step of playback repaints two to four squares.
 * Otherwise the whole frame is drawn. Returns the number of squares repainted, or -1 for a whole
 * frame (for tests and the benchmark's curiosity).
 */
export function drawOver(ctx: LayerContext, last: Frame | null, next: Frame): number {
  if (!last || last.layer !== next.layer || last.marks || next.marks) {
    drawLayered(ctx, next);
    return -1;
  }
  const cells = changedSquares(last, next);
  if (cells.length > MOST_SQUARES) {
    drawLayered(ctx, next);
    return -1;
  }
  for (const cell of cells) restore(ctx, next.layer, next.layer.key.size, cell);
  // A square restored at a fractional device-pixel edge clears a sliver of its neighbours: their
  // pieces are painted again too (their squares whole, as draw() paints them).
  const width = next.layer.key.level.width;
  const near = new Set<number>();
  for (const cell of cells)
    for (const dr of [-width, 0, width]) for (const dc of [-1, 0, 1]) near.add(cell + dr + dc);
  paintPieces(ctx, next, near);
  return cells.length;
}
