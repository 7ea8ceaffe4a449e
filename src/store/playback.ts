/**
 * Playback of a move sequence (a solution, a hint, pasted moves) on the board.
 *
 * The sequence IS the game history of the current level and the playback cursor IS its cursor:
 * Play walks the cursor forward through the redo tail, the scrubber seeks it, and a move by hand
 * at any point plays on from there (the game store keeps the tail when the move matches it and
 * cuts it otherwise, as for any redo). There is no second history to keep in step.
 *
 * STATE
 *   playing        Play is on
 *   speed          index into SPEEDS (slow ... very fast, instant)
 *   reducedMotion  steps instead of tweens (prefers-reduced-motion)
 *   motion         the step being animated: which pieces move, from when, for how long; the board
 *                  draws it (src/app/board-painter.ts). Valid only while the history is
 *                  at `cursor` of `moves`.
 *   stopAt         Play stops at this cursor (a hint plays only its own moves), or null
 *
 * ACTIONS
 *   play() / pause() / toggle()
 *   stepMove(+1 | -1)   one move forward / back (animated)
 *   stepPush(+1 | -1)   to just after the next push / back to just after the previous one
 *   toStart() / toEnd() / seek(cursor)
 *   setSpeed(index) / faster() / slower() / setReducedMotion(on)
 *   playTo(cursor)      play from the cursor now up to `cursor` (hints)
 *   watchMoves(text)    pasted LURD from the level's start, cursor at 0, ready to Play; an illegal
 *                       move sets the game's "move N is illegal" alert and keeps the legal part
 */
import { create } from 'zustand';
import { parseLurd, replay, startPosition } from '../sokoban';
import { type Motion, stepMotion } from '../render/animation';
import { type GameStore, selectHistory, selectLevel, selectPosition, useGameStore } from './game';

export interface Speed {
  readonly label: string;
  /** Moves per second; Infinity for instant (Play jumps to the end). */
  readonly rate: number;
}

export const SPEEDS: readonly Speed[] = [
  { label: 'Very slow', rate: 2 },
  { label: 'Slow', rate: 4 },
  { label: 'Normal', rate: 8 },
  { label: 'Fast', rate: 16 },
  { label: 'Very fast', rate: 40 },
  { label: 'Instant', rate: Infinity },
];
export const DEFAULT_SPEED = 2;

/** How long a single step by hand (one move back or forward) is animated. */
export const STEP_MS = 140;

export interface MotionState {
  readonly motion: Motion;
  /** The history this motion belongs to. */
  readonly moves: string;
  readonly cursor: number;
  readonly start: number;
  readonly duration: number;
}

export interface PlaybackData {
  readonly playing: boolean;
  readonly speed: number;
  readonly reducedMotion: boolean;
  readonly motion: MotionState | null;
  readonly stopAt: number | null;
}

export interface PlaybackActions {
  play(): void;
  pause(): void;
  toggle(): void;
  stepMove(delta: 1 | -1): boolean;
  stepPush(delta: 1 | -1): boolean;
  toStart(): boolean;
  toEnd(): boolean;
  seek(cursor: number): boolean;
  setSpeed(index: number): void;
  faster(): void;
  slower(): void;
  setReducedMotion(on: boolean): void;
  playTo(cursor: number): void;
  watchMoves(text: string): boolean;
}

export type PlaybackState = PlaybackData & PlaybackActions;

/** The frame clock; tests pass a manual one. */
export interface FrameScheduler {
  now(): number;
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

const browserScheduler: FrameScheduler = {
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

function isPush(moves: string, i: number): boolean {
  const c = moves.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** The cursor just after the next push after `cursor`, or the end. */
export function nextPushCursor(moves: string, cursor: number): number {
  for (let i = Math.max(0, cursor); i < moves.length; i++) if (isPush(moves, i)) return i + 1;
  return moves.length;
}

/** The cursor just after the push before the last one played (or 0): one push back. */
export function previousPushCursor(moves: string, cursor: number): number {
  for (let i = Math.min(cursor, moves.length) - 2; i >= 0; i--) if (isPush(moves, i)) return i + 1;
  return 0;
}

export interface PlaybackStoreOptions {
  readonly game?: GameStore;
  readonly scheduler?: FrameScheduler;
}

export function createPlaybackStore(options: PlaybackStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const clock = options.scheduler ?? browserScheduler;
  let frame: number | null = null;
  /** Time the next move is due minus one interval (so the first move is due at once). */
  let anchor = 0;
  /** True while this store itself changes the game history (so the change is not "by hand"). */
  let own = false;

  const store = create<PlaybackState>()((set, get) => {
    const history = () => selectHistory(game.getState());

    /** Moves the game cursor, animating a single step unless motion is reduced. */
    const go = (cursor: number, animateMs: number | null): boolean => {
      const g = game.getState();
      const level = selectLevel(g);
      const h = selectHistory(g);
      const to = Math.max(0, Math.min(Math.trunc(cursor), h.moves.length));
      if (!level || to === h.cursor) return false;
      let motion: MotionState | null = null;
      if (
        animateMs !== null &&
        animateMs > 0 &&
        !get().reducedMotion &&
        Math.abs(to - h.cursor) === 1
      ) {
        const forward = to > h.cursor;
        const letter = h.moves[forward ? h.cursor : to];
        // The position the step ends on, from the game store's cached replay.
        const end = selectPositionAt(g, to);
        const m = end ? stepMotion(level, end, letter, forward) : null;
        if (m)
          motion = {
            motion: m,
            moves: h.moves,
            cursor: to,
            start: clock.now(),
            duration: animateMs,
          };
      }
      // The motion first, so the board's next draw already sees it (no flash of the end square).
      set({ motion });
      own = true;
      try {
        return g.seek(to);
      } finally {
        own = false;
      }
    };

    /** The position after `cursor` moves of the current history (through the store's cache). */
    const selectPositionAt = (g: ReturnType<GameStore['getState']>, cursor: number) => {
      const h = selectHistory(g);
      if (cursor === h.cursor) return selectPosition(g);
      return selectPosition({
        ...g,
        histories: { ...g.histories, [String(g.currentIndex)]: { moves: h.moves, cursor } },
      });
    };

    const stopFrames = () => {
      if (frame !== null) clock.cancel(frame);
      frame = null;
    };

    const tick = (time: number) => {
      frame = null;
      const s = get();
      if (!s.playing) return;
      const h = history();
      const end = Math.min(s.stopAt ?? h.moves.length, h.moves.length);
      if (h.cursor >= end) {
        set({ playing: false, stopAt: null });
        return;
      }
      const { rate } = SPEEDS[s.speed];
      if (!Number.isFinite(rate)) {
        go(end, null);
        set({ playing: false, stopAt: null });
        return;
      }
      const interval = 1000 / rate;
      const t = Number.isFinite(time) ? time : clock.now();
      const due = Math.floor((t - anchor) / interval);
      if (due > 0) {
        const target = Math.min(end, h.cursor + due);
        anchor += due * interval;
        // A slow frame may owe several moves: those jump, only a single step slides.
        go(target, target - h.cursor === 1 ? interval : null);
        if (target >= end) {
          set({ playing: false, stopAt: null });
          return;
        }
      }
      frame = clock.request(tick);
    };

    const start = (stopAt: number | null) => {
      stopFrames();
      const h = history();
      if (h.moves.length === 0) return;
      let end = Math.min(stopAt ?? h.moves.length, h.moves.length);
      if (h.cursor >= end) {
        if (stopAt !== null) return;
        // Play at the end starts over.
        go(0, null);
        end = h.moves.length;
      }
      const { rate } = SPEEDS[get().speed];
      anchor = clock.now() - (Number.isFinite(rate) ? 1000 / rate : 0);
      set({ playing: true, stopAt });
      tick(clock.now());
    };

    const pauseNow = () => {
      stopFrames();
      if (get().playing || get().stopAt !== null) set({ playing: false, stopAt: null });
    };

    return {
      playing: false,
      speed: DEFAULT_SPEED,
      reducedMotion: false,
      motion: null,
      stopAt: null,

      play: () => start(null),
      pause: pauseNow,
      toggle() {
        if (get().playing) pauseNow();
        else start(null);
      },
      stepMove(delta) {
        pauseNow();
        return go(history().cursor + delta, STEP_MS);
      },
      stepPush(delta) {
        pauseNow();
        const h = history();
        return go(
          delta > 0 ? nextPushCursor(h.moves, h.cursor) : previousPushCursor(h.moves, h.cursor),
          STEP_MS,
        );
      },
      toStart() {
        pauseNow();
        return go(0, STEP_MS);
      },
      toEnd() {
        pauseNow();
        return go(history().moves.length, STEP_MS);
      },
      seek(cursor) {
        pauseNow();
        return go(cursor, STEP_MS);
      },
      setSpeed(index) {
        const speed = Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index)));
        if (speed === get().speed) return;
        set({ speed });
        if (get().playing) start(get().stopAt); // re-time from now at the new rate
      },
      faster() {
        get().setSpeed(get().speed + 1);
      },
      slower() {
        get().setSpeed(get().speed - 1);
      },
      setReducedMotion(on) {
        set(on ? { reducedMotion: true, motion: null } : { reducedMotion: false });
      },
      playTo(cursor) {
        start(cursor);
      },
      watchMoves(text) {
        pauseNow();
        const g = game.getState();
        const level = selectLevel(g);
        if (!level) return false;
        const parsed = parseLurd(text);
        if (!parsed.ok || parsed.moves === '') return g.applyLurd(text); // sets the game's alert
        const checked = replay(level, startPosition(level), parsed.moves);
        if (checked.error && checked.moves === '') return g.applyLurd(text); // nothing legal: keep the game
        own = true;
        try {
          // From the level's start: the history becomes the legal part, then applyLurd names the
          // illegal move in the game's alert exactly as pasting at the cursor does.
          g.setMoves('', 0);
          const ok = game.getState().applyLurd(parsed.moves);
          game.getState().seek(0);
          set({ motion: null });
          return ok;
        } finally {
          own = false;
        }
      },
    };
  });

  // A change to the game not made here (a move by hand, undo, another level) pauses playback:
  // the user has taken over. The motion belongs to the old history, so it goes too.
  const unsubscribe = game.subscribe((g, prev) => {
    if (own) return;
    const h = selectHistory(g);
    const p = selectHistory(prev);
    if (g.currentIndex === prev.currentIndex && h === p && g.entries === prev.entries) return;
    const s = store.getState();
    if (s.playing || s.stopAt !== null || s.motion !== null) {
      if (frame !== null) clock.cancel(frame);
      frame = null;
      store.setState({ playing: false, stopAt: null, motion: null });
    }
  });

  return Object.assign(store, {
    dispose() {
      unsubscribe();
      if (frame !== null) clock.cancel(frame);
      frame = null;
    },
  });
}

export type PlaybackStore = ReturnType<typeof createPlaybackStore>;

export const usePlaybackStore: PlaybackStore = createPlaybackStore();

/** "Move 37 of 97" for the current history, or '' when there are no moves. */
export function playbackWhere(cursor: number, total: number): string {
  return total > 0 ? `Move ${cursor} of ${total}` : '';
}
