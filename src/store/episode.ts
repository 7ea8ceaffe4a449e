/**
 * The episode store (zustand, not persisted): an agent's episode on the current level, the step
 * on screen, the file's per-step values and overlay arrows, and the analysis result. It is small
 * and in the first load because the board draws the step's overlay arrows; the work (reading and
 * replaying actions and files, Analyze) is in episode-actions.ts, loaded with the Episode panel.
 *
 * The episode's moves (no-ops leave no letter) become the level's move history, so the board,
 * the Playback panel and a move by hand all work as for any move sequence. The store only adds
 * the step: step k shows the position after k actions, which is the history at cursor
 * steps[k].moves. Several steps share a cursor when no-ops follow each other, so the step is kept
 * here and follows the cursor only when the cursor is moved from elsewhere (Play, the scrubber).
 *
 * STATE
 *   episode      the replayed episode (src/sokoban/episode.ts) or null
 *   level        the level it was replayed on, and `index`, its place in the collection
 *   choice       Auto's words ("Auto picked udlr ..."), or null
 *   values       per-step numbers from an episode file, or null
 *   overlays     per-step arrows from an episode file, or null
 *   order        the order last applied (the select follows a file's)
 *   step         the step on screen
 *   attached     false once the level or its history no longer holds the episode
 *   error        what went wrong with the last Apply / file, or null (nothing else changed)
 *   analysis     the Analyze job: running (done/total), done (rows, summary, ms), or failed
 *
 * ACTIONS (here)
 *   seekStep(step)   shows step `step` (playback follows)
 *   followBoard(g)   the board changed (called by the coordinator, coordinator.ts): the step
 *                    follows a cursor moved from elsewhere; the episode is let go when the board
 *                    leaves it
 *   dismissError()
 *
 * The store watches nothing. Its own seeks set the step before they move the cursor, so the
 * board is then where the step says and the coordinator's call changes nothing: no flag is kept
 * around its writes.
 */
import { create } from 'zustand';
import type {
  Episode,
  EpisodeOrder,
  EpisodeSummary,
  Level,
  OverlayArrow,
  StepRow,
} from '../sokoban';
import { type GameData, type GameStore, selectHistory, useGameStore } from './game';
import { type PlaybackStore, usePlaybackStore } from './playback';

export type AnalysisState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | {
      readonly kind: 'done';
      readonly rows: readonly StepRow[];
      readonly summary: EpisodeSummary;
      readonly ms: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

export interface EpisodeData {
  readonly episode: Episode | null;
  readonly level: Level | null;
  readonly index: number;
  readonly choice: string | null;
  readonly values: readonly (number | null)[] | null;
  readonly overlays: readonly (readonly OverlayArrow[])[] | null;
  readonly order: EpisodeOrder;
  readonly step: number;
  readonly attached: boolean;
  readonly error: string | null;
  readonly analysis: AnalysisState;
}

export interface EpisodeState extends EpisodeData {
  readonly seekStep: (step: number) => void;
  readonly followBoard: (game: GameData) => void;
  readonly dismissError: () => void;
}

export interface EpisodeStoreOptions {
  readonly game?: GameStore;
  readonly playback?: PlaybackStore;
}

export const IDLE: AnalysisState = { kind: 'idle' };

export const EMPTY_EPISODE: EpisodeData = {
  episode: null,
  level: null,
  index: -1,
  choice: null,
  values: null,
  overlays: null,
  order: 'auto',
  step: 0,
  attached: false,
  error: null,
  analysis: IDLE,
};

/** The first step whose history cursor is `cursor` (cursors never fall along the steps). */
export function stepAtCursor(episode: Episode, cursor: number): number {
  let lo = 0;
  let hi = episode.steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (episode.steps[mid]!.moves < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the episode makes of a change of the board (the coordinator calls this): the episode is let
 * go when the level or its history no longer holds it (a move by hand that cut the tail, another
 * level), and otherwise the step follows the cursor when something else moved it (Play, the
 * scrubber, undo). The store's own seeks are told apart by where they left the board: seekStep
 * sets the step first, so the board then stands at that step's cursor and nothing follows.
 */
export function followBoard(s: EpisodeData, g: GameData): Partial<EpisodeData> | null {
  if (!s.episode || !s.attached) return null;
  const h = selectHistory(g);
  if (g.currentIndex !== s.index || h.moves !== s.episode.lurd) return { attached: false };
  if (s.episode.steps[s.step]?.moves === h.cursor) return null;
  return { step: stepAtCursor(s.episode, h.cursor) };
}

export function createEpisodeStore(options: EpisodeStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const playback = options.playback ?? usePlaybackStore;

  const store = create<EpisodeState>()((set, get) => ({
    ...EMPTY_EPISODE,

    seekStep(step) {
      const { episode, attached } = get();
      if (!episode || !attached) return;
      const to = Math.max(0, Math.min(Math.trunc(step), episode.steps.length - 1));
      const at = episode.steps[to];
      if (!at) return;
      // The step before the board: where the board is put is then where the step says it is.
      if (to !== get().step) set({ step: to });
      playback.getState().seek(at.moves);
    },

    followBoard(g) {
      const change = followBoard(get(), g);
      if (change) set(change);
    },

    dismissError() {
      set({ error: null });
    },
  }));

  return Object.assign(store, { game, playback });
}

export type EpisodeStore = ReturnType<typeof createEpisodeStore>;

export const useEpisodeStore: EpisodeStore = createEpisodeStore();

/** The overlay arrows of the step on screen (none when the board has left the episode). */
export function selectStepArrows(s: EpisodeData): readonly OverlayArrow[] {
  if (!s.attached || !s.overlays) return NO_ARROWS;
  return s.overlays[s.step] ?? NO_ARROWS;
}
const NO_ARROWS: readonly OverlayArrow[] = [];
