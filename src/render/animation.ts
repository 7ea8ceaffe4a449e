/**
 * Animated moves: the player (and a pushed box) sliding between two squares.
 *
 * A move is drawn as the position it leads to, with the moving pieces lifted off their squares
 * and drawn at a point between the squares they come from and go to. Plain functions of
 * (context, level, position, motion, t); the timing lives in the playback store.
 */
import {
  type Level,
  type Position,
  delta,
  directionOfLetter,
  isGoal,
  isPushLetter,
} from '../sokoban';
import { type BoardContext, type DrawOptions, draw, drawPiece } from './board';
import type { Theme } from './theme';

/** The pieces that move in one step, as cell indices, in the order of the animation. */
export interface Motion {
  readonly player: { readonly from: number; readonly to: number };
  readonly box?: { readonly from: number; readonly to: number };
}

/**
 * The motion of one step. `to` is the position the animation ends on; `letter` the LURD letter
 * of the step between the two positions; `forward` false animates an undo of that step (from
 * the position after it back to `to`, the position before it).
 */
export function stepMotion(
  level: Level,
  to: Position,
  letter: string,
  forward: boolean,
): Motion | null {
  const dir = directionOfLetter(letter);
  if (!dir) return null;
  const d = delta(level.width, dir);
  const pushed = isPushLetter(letter);
  if (forward) {
    // The player came from one square back; a pushed box from the square the player is on.
    return {
      player: { from: to.player - d, to: to.player },
      ...(pushed && { box: { from: to.player, to: to.player + d } }),
    };
  }
  // Undoing: the player goes back from one square ahead; a pushed box from two ahead.
  return {
    player: { from: to.player + d, to: to.player },
    ...(pushed && { box: { from: to.player + 2 * d, to: to.player + d } }),
  };
}

/** Smooth start and stop (cubic ease in-out), clamped to [0, 1]. */
export function ease(t: number): number {
  const x = Math.max(0, Math.min(1, t));
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

/** The top-left corner, in CSS pixels, of a piece `t` of the way from one cell to another. */
export function between(
  width: number,
  from: number,
  to: number,
  t: number,
  size: number,
): { x: number; y: number } {
  const e = ease(t);
  const fc = from % width;
  const fr = Math.floor(from / width);
  const tc = to % width;
  const tr = Math.floor(to / width);
  return { x: (fc + (tc - fc) * e) * size, y: (fr + (tr - fr) * e) * size };
}

/**
 * Draws `position` with `motion` under way at time fraction `t` (0 start, 1 done). With no
 * motion, or at t >= 1, this is the plain board.
 */
export function drawFrame(
  ctx: BoardContext,
  level: Level,
  position: Position,
  theme: Theme,
  size: number,
  options: DrawOptions = {},
  motion: Motion | null = null,
  t = 1,
): void {
  if (
    !motion ||
    t >= 1 ||
    motion.player.to !== position.player ||
    (motion.box && !position.boxes.includes(motion.box.to))
  ) {
    draw(ctx, level, position, theme, size, options);
    return;
  }
  // The board without the moving pieces, then the pieces on top at their point along the way.
  const boxes = motion.box ? position.boxes.filter((b) => b !== motion.box!.to) : position.boxes;
  draw(ctx, level, { player: -1, boxes }, theme, size, { ...options, selected: null });
  drawMovers(ctx, level, motion, t, theme, size);
}

/** The pieces of `motion` at time fraction `t`, between their squares, with no floor under them. */
export function drawMovers(
  ctx: BoardContext,
  level: Level,
  motion: Motion,
  t: number,
  theme: Theme,
  size: number,
): void {
  if (motion.box) {
    const p = between(level.width, motion.box.from, motion.box.to, t, size);
    // The box turns green as it arrives on a goal, not before.
    const onGoal = t >= 0.5 ? isGoal(level, motion.box.to) : isGoal(level, motion.box.from);
    drawPiece(ctx, onGoal ? 'boxOnGoal' : 'box', p.x, p.y, size, theme);
  }
  const p = between(level.width, motion.player.from, motion.player.to, t, size);
  drawPiece(ctx, 'player', p.x, p.y, size, theme);
}
