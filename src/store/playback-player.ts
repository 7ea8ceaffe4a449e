/**
 * The playback store's moving part: it walks the game's cursor on the frame clock (Play), moves
 * it by hand (steps, seeks), and says which slide the board animates. The store
 * (playback.ts) holds the state; this is its work.
 *
 * Every cursor move it makes is recorded as `placed` (where it put the board) before the game is
 * told, so the coordinator can tell playback's own steps from the user taking over.
 */
import { stepMotion } from '../render/animation';
import { type GameData, type GameStore, selectHistory, selectLevel, selectPosition } from './game';
import type { MotionState, PlaybackData } from './playback';
import { frameStep, playEnd, rateOf, startAnchor } from './playback-timing';

/** The frame clock; tests pass a manual one. */
export interface FrameScheduler {
  readonly now: () => number;
  readonly request: (callback: (time: number) => void) => number;
  readonly cancel: (handle: number) => void;
}

export const browserScheduler: FrameScheduler = {
  now: () => performance.now(),
  // The frame's time is read from now(), not taken from requestAnimationFrame's argument: jsdom
  // counts that from the window's creation while performance.now() there is Node's, seconds
  // apart on a loaded machine, and Play then waited that long before its first step.
  request: (cb) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => cb(performance.now()))
      : setTimeout(() => cb(performance.now()), 16),
  cancel: (h) =>
    typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(h) : clearTimeout(h),
};

/** The position after `cursor` moves of the current history (through the game's cached replay). */
function positionAt(g: GameData, cursor: number) {
  const h = selectHistory(g);
  if (cursor === h.cursor) return selectPosition(g);
  return selectPosition({
    ...g,
    histories: { ...g.histories, [String(g.currentIndex)]: { ...h, cursor } },
  });
}

/** The slide of one move from the cursor to `to`, or null when `to` is not one move away. */
export function stepMotionTo(
  g: GameData,
  to: number,
  start: number,
  duration: number,
): MotionState | null {
  const level = selectLevel(g);
  const h = selectHistory(g);
  if (!level || Math.abs(to - h.cursor) !== 1) return null;
  const forward = to > h.cursor;
  const end = positionAt(g, to);
  const motion = end && stepMotion(level, end, h.moves.charAt(forward ? h.cursor : to), forward);
  return motion ? { motion, moves: h.moves, cursor: to, start, duration } : null;
}

export interface PlayerContext {
  readonly game: GameStore;
  readonly clock: FrameScheduler;
  readonly get: () => PlaybackData;
  readonly set: (data: Partial<PlaybackData>) => void;
}

export interface Player {
  /** Moves the game cursor, sliding a single step for `slideMs` unless motion is reduced. */
  readonly go: (cursor: number, slideMs: number | null) => boolean;
  /** Plays from the cursor to `stopAt` (or the end; at the end, from the start again). */
  readonly start: (stopAt: number | null) => void;
  /** Stops Play (the board stays where it is). */
  readonly halt: () => void;
  /** Stops the frames only (the state is the caller's). */
  readonly stopFrames: () => void;
}

export function createPlayer({ game, clock, get, set }: PlayerContext): Player {
  let frame: number | null = null;
  /** Time the next move is due minus one interval (so the first move is due at once). */
  let anchor = 0;

  const stopFrames = () => {
    if (frame !== null) clock.cancel(frame);
    frame = null;
  };

  const go = (cursor: number, slideMs: number | null): boolean => {
    const g = game.getState();
    const h = selectHistory(g);
    const to = Math.max(0, Math.min(Math.trunc(cursor), h.moves.length));
    if (!selectLevel(g) || to === h.cursor) return false;
    const slides = slideMs !== null && slideMs > 0 && !get().reducedMotion;
    // The motion first, so the board's next draw already sees it (no flash of the end square).
    set({
      motion: slides ? stepMotionTo(g, to, clock.now(), slideMs) : null,
      placed: { levelIndex: g.currentIndex, moves: h.moves, cursor: to },
    });
    return g.seek(to);
  };

  const tick = (time: number) => {
    frame = null;
    const s = get();
    if (!s.playing) return;
    const h = selectHistory(game.getState());
    const now = Number.isFinite(time) ? time : clock.now();
    const step = frameStep(
      h.cursor,
      playEnd(s.stopAt, h.moves.length),
      rateOf(s.speed),
      anchor,
      now,
    );
    anchor = step.anchor;
    if (step.to !== null) go(step.to, step.slideMs);
    if (step.done) set({ playing: false, stopAt: null });
    else frame = clock.request(tick);
  };

  const start = (stopAt: number | null) => {
    stopFrames();
    const h = selectHistory(game.getState());
    if (h.moves.length === 0) return;
    if (h.cursor >= playEnd(stopAt, h.moves.length)) {
      if (stopAt !== null) return;
      go(0, null); // Play at the end starts over.
    }
    anchor = startAnchor(clock.now(), rateOf(get().speed));
    set({ playing: true, stopAt });
    tick(clock.now());
  };

  const halt = () => {
    stopFrames();
    if (get().playing || get().stopAt !== null) set({ playing: false, stopAt: null });
  };

  return { go, start, halt, stopFrames };
}
