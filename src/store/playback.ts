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
 *   speed          index into SPEEDS (slow ... very fast, instant; playback-timing.ts)
 *   reducedMotion  steps instead of tweens (prefers-reduced-motion)
 *   motion         the step being animated: which pieces move, from when, for how long; the board
 *                  draws it (src/app/board-painter.ts). Valid only while the history is
 *                  at `cursor` of `moves`.
 *   stopAt         Play stops at this cursor (a hint plays only its own moves), or null
 *   placed         where playback last put the game's cursor (level, moves, cursor), or null
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
 *   takeOver()          the user changed the board: Play stops and the slide goes
 *
 * The store watches nothing: the coordinator (coordinator.ts) calls takeOver when the game
 * changes and the board is no longer where `placed` says playback put it. The frame loop is in
 * playback-player.ts, the frame arithmetic in playback-timing.ts.
 */
import { create } from 'zustand';
import type { Motion } from '../render/animation';
import { parseLurd, replay, startPosition } from '../sokoban';
import { type GameStore, selectHistory, selectLevel, useGameStore } from './game';
import { type FrameScheduler, browserScheduler, createPlayer } from './playback-player';
import { DEFAULT_SPEED, SPEEDS, STEP_MS } from './playback-timing';
import { nextPushCursor, previousPushCursor } from './push-cursors';

export { DEFAULT_SPEED, SPEEDS, STEP_MS, type Speed } from './playback-timing';
export type { FrameScheduler } from './playback-player';

export interface MotionState {
  readonly motion: Motion;
  /** The history this motion belongs to. */
  readonly moves: string;
  readonly cursor: number;
  readonly start: number;
  readonly duration: number;
}

/** Where playback put the board: the history `moves` of level `levelIndex` at `cursor`. */
export interface Placement {
  readonly levelIndex: number;
  readonly moves: string;
  readonly cursor: number;
}

export interface PlaybackData {
  readonly playing: boolean;
  readonly speed: number;
  readonly reducedMotion: boolean;
  readonly motion: MotionState | null;
  readonly stopAt: number | null;
  readonly placed: Placement | null;
}

export interface PlaybackActions {
  readonly play: () => void;
  readonly pause: () => void;
  readonly toggle: () => void;
  readonly stepMove: (delta: 1 | -1) => boolean;
  readonly stepPush: (delta: 1 | -1) => boolean;
  readonly toStart: () => boolean;
  readonly toEnd: () => boolean;
  readonly seek: (cursor: number) => boolean;
  readonly setSpeed: (index: number) => void;
  readonly faster: () => void;
  readonly slower: () => void;
  readonly setReducedMotion: (on: boolean) => void;
  readonly playTo: (cursor: number) => void;
  readonly watchMoves: (text: string) => boolean;
  readonly takeOver: () => void;
}

export type PlaybackState = PlaybackData & PlaybackActions;

export interface PlaybackStoreOptions {
  readonly game?: GameStore;
  readonly scheduler?: FrameScheduler;
}

/**
 * Puts pasted LURD in as the history from the level's start, cursor at 0. An illegal move keeps
 * the legal part, and applyLurd names the illegal move in the game's alert exactly as pasting at
 * the cursor does; text that is no moves at all, or no legal move, leaves the game as it was.
 */
export function watchFromStart(game: GameStore, text: string): boolean {
  const g = game.getState();
  const level = selectLevel(g);
  if (!level) return false;
  const parsed = parseLurd(text);
  if (!parsed.ok || parsed.moves === '') return g.applyLurd(text); // sets the game's alert
  const checked = replay(level, startPosition(level), parsed.moves);
  if (checked.error && checked.moves === '') return g.applyLurd(text);
  g.setMoves('', 0);
  const ok = game.getState().applyLurd(parsed.moves);
  game.getState().seek(0);
  return ok;
}

export function createPlaybackStore(options: PlaybackStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const history = () => selectHistory(game.getState());
  const player = createPlayer({
    game,
    clock: options.scheduler ?? browserScheduler,
    get: () => store.getState(),
    set: (data) => store.setState(data),
  });
  /** A step by hand: Play stops first. */
  const step = (to: (moves: string, cursor: number) => number) => {
    player.halt();
    const h = history();
    return player.go(to(h.moves, h.cursor), STEP_MS);
  };

  const store = create<PlaybackState>()((set, get) => ({
    playing: false,
    speed: DEFAULT_SPEED,
    reducedMotion: false,
    motion: null,
    stopAt: null,
    placed: null,
    play: () => player.start(null),
    pause: player.halt,
    toggle: () => (get().playing ? player.halt() : player.start(null)),
    stepMove: (delta) => step((_, cursor) => cursor + delta),
    stepPush: (delta) => step(delta > 0 ? nextPushCursor : previousPushCursor),
    toStart: () => step(() => 0),
    toEnd: () => step((moves) => moves.length),
    seek: (cursor) => step(() => cursor),
    setSpeed: (index) => {
      const speed = Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index)));
      if (speed === get().speed) return;
      set({ speed });
      if (get().playing) player.start(get().stopAt); // re-time from now at the new rate
    },
    faster: () => get().setSpeed(get().speed + 1),
    slower: () => get().setSpeed(get().speed - 1),
    setReducedMotion: (on) =>
      set(on ? { reducedMotion: true, motion: null } : { reducedMotion: false }),
    playTo: (cursor) => player.start(cursor),
    watchMoves: (text) => {
      player.halt();
      const before = history();
      const ok = watchFromStart(game, text);
      if (history() !== before) set({ motion: null });
      return ok;
    },
    takeOver: () => {
      player.stopFrames();
      const s = get();
      if (s.playing || s.stopAt !== null || s.motion !== null || s.placed !== null)
        set({ playing: false, stopAt: null, motion: null, placed: null });
    },
  }));

  return Object.assign(store, { dispose: player.stopFrames });
}

export type PlaybackStore = ReturnType<typeof createPlaybackStore>;

/** The app's one playback store, on the app's game store. */
export const usePlaybackStore: PlaybackStore = createPlaybackStore();

/** "Move 37 of 97" for the current history, or '' when there are no moves. */
export function playbackWhere(cursor: number, total: number): string {
  return total > 0 ? `Move ${cursor} of ${total}` : '';
}
