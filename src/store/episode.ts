/**
 * The episode store (zustand, not persisted): an agent's episode on the current level, the step
 * on screen, the file's per-step values and overlay arrows, and the step-by-step analysis.
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
 *   step         the step on screen
 *   attached     false once the level or its history no longer holds the episode
 *   error        what went wrong with the last Apply / file, or null (nothing else changed)
 *   analysis     the Analyze job: running (done/total), done (rows, summary, ms), or failed
 *
 * ACTIONS
 *   applyActions(text, order)  reads integers or LURD (or a pasted episode file) and replays them
 *   openEpisodeFile(text)      reads an episode file: its level (XSB or Boxoban id), actions, order
 *   seekStep(step)             shows step `step` (playback follows)
 *   analyze() / cancelAnalysis()
 *   dismissError()
 */
import { create } from 'zustand';
import {
  type EpisodeOrder,
  type Episode,
  type EpisodeSummary,
  type Level,
  type OverlayArrow,
  type Position,
  type StepRow,
  type StepVerdict,
  describeChoice,
  episodeRows,
  episodeSummary,
  looksLikeEpisodeFile,
  parseActions,
  parseEpisodeFile,
  replayParsed,
  resolveLevelRef,
} from '../sokoban';
import { SolverClient } from '../worker/client';
import type { WorkerSolveOptions } from '../worker/protocol';
import { type GameStore, selectHistory, selectLevel, useGameStore } from './game';
import { type PlaybackStore, usePlaybackStore } from './playback';
import { useSolverStore } from './solver';

/** What the store needs of the worker client (src/worker/client.ts); tests pass a fake. */
export interface AnalysisService {
  analyze(
    level: Level,
    positions: readonly Position[],
    options?: WorkerSolveOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<readonly StepVerdict[] | null>;
  cancelAnalysis(): void;
}

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

export interface EpisodeActions {
  applyActions(text: string, order: EpisodeOrder): boolean;
  openEpisodeFile(text: string): boolean;
  seekStep(step: number): void;
  analyze(): Promise<void>;
  cancelAnalysis(): void;
  dismissError(): void;
}

export type EpisodeState = EpisodeData & EpisodeActions;

export interface EpisodeStoreOptions {
  readonly game?: GameStore;
  readonly playback?: PlaybackStore;
  readonly service?: AnalysisService;
  /** Limit of each position's optimal search, in seconds (default: the Solver's time limit). */
  readonly timeLimitS?: () => number;
  readonly now?: () => number;
}

const IDLE: AnalysisState = { kind: 'idle' };

/** The first step whose history cursor is `cursor` (cursors never fall along the steps). */
export function stepAtCursor(episode: Episode, cursor: number): number {
  let lo = 0;
  let hi = episode.steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (episode.steps[mid].moves < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let defaultService: AnalysisService | null = null;

/** Replaces the app's analysis worker client (tests, the benchmark); null goes back to it. */
export function setAnalysisService(service: AnalysisService | null): void {
  defaultService = service;
}
function serviceOrNull(): AnalysisService | null {
  if (defaultService) return defaultService;
  if (typeof Worker === 'undefined') return null;
  defaultService = new SolverClient();
  return defaultService;
}

export function createEpisodeStore(options: EpisodeStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const playback = options.playback ?? usePlaybackStore;
  const limitS = options.timeLimitS ?? (() => useSolverStore.getState().timeLimitS);
  const now = options.now ?? (() => performance.now());
  /** True while this store moves the game cursor, so the step is not recomputed from it. */
  let own = false;

  const store = create<EpisodeState>()((set, get) => {
    const service = () => options.service ?? serviceOrNull();

    /** Replays `actions` on `level` (now the current level) and shows step 0. */
    const install = (
      level: Level,
      actions: string,
      order: EpisodeOrder,
      extra: Pick<EpisodeData, 'values' | 'overlays'>,
    ): boolean => {
      const parsed = parseActions(actions);
      if (!parsed.ok) {
        const place =
          parsed.line !== undefined ? ` (line ${parsed.line}, column ${parsed.column})` : '';
        set({ error: `${parsed.message}${place}` });
        return false;
      }
      const read = replayParsed(level, parsed, order);
      if (!read.ok) {
        set({ error: read.message });
        return false;
      }
      service()?.cancelAnalysis();
      own = true;
      try {
        playback.getState().pause();
        game.getState().setMoves(read.episode.lurd, 0);
      } finally {
        own = false;
      }
      set({
        episode: read.episode,
        level,
        index: game.getState().currentIndex,
        choice: read.auto ? describeChoice(read.auto) : null,
        order,
        step: 0,
        attached: true,
        error: null,
        analysis: IDLE,
        ...extra,
      });
      return true;
    };

    return {
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

      applyActions(text, order) {
        if (looksLikeEpisodeFile(text)) return get().openEpisodeFile(text);
        const level = selectLevel(game.getState());
        if (!level) {
          set({ error: 'Load a level first: the actions are replayed on the level on the board.' });
          return false;
        }
        return install(level, text, order, { values: null, overlays: null });
      },

      openEpisodeFile(text) {
        const parsed = parseEpisodeFile(text);
        if (!parsed.ok) {
          set({ error: parsed.message });
          return false;
        }
        const file = parsed.file;
        const g = game.getState();
        let level = selectLevel(g);
        let open: (() => boolean) | null = null;
        if (file.level) {
          const resolved = resolveLevelRef(file.level, g.entries);
          if (!resolved.ok) {
            set({ error: resolved.message });
            return false;
          }
          level = resolved.level;
          const index = resolved.index;
          open =
            index === undefined
              ? // An untitled level gets a title that says where it came from.
                () =>
                  game
                    .getState()
                    .openLevel({
                      ...resolved.level,
                      title: resolved.level.title || 'Episode level',
                    }).ok
              : () => game.getState().chooseLevel(index) || g.currentIndex === index;
        }
        if (!level) {
          set({ error: 'Episode file: it names no level and none is loaded.' });
          return false;
        }
        // Check the actions on the level before the board changes, so a bad file changes nothing.
        const actions = parseActions(file.actions);
        const read = actions.ok ? replayParsed(level, actions, file.order ?? 'auto') : null;
        if (!actions.ok || !read?.ok) {
          const message = !actions.ok ? actions.message : read && !read.ok ? read.message : '';
          set({ error: `Episode file: ${message}` });
          return false;
        }
        if (open && !open()) {
          set({ error: 'Episode file: its level could not be opened.' });
          return false;
        }
        const shown = selectLevel(game.getState()) ?? level;
        return install(shown, file.actions, file.order ?? 'auto', {
          values: file.values,
          overlays: file.overlays,
        });
      },

      seekStep(step) {
        const { episode, attached } = get();
        if (!episode || !attached) return;
        const to = Math.max(0, Math.min(Math.trunc(step), episode.steps.length - 1));
        own = true;
        try {
          playback.getState().seek(episode.steps[to].moves);
        } finally {
          own = false;
        }
        if (to !== get().step) set({ step: to });
      },

      async analyze() {
        const { episode, level, attached } = get();
        const client = service();
        if (!episode || !level || !attached) return;
        if (!client) {
          set({ analysis: { kind: 'failed', message: 'Web Workers are not available here.' } });
          return;
        }
        const total = episode.steps.length;
        set({ analysis: { kind: 'running', done: 0, total } });
        const started = now();
        try {
          const verdicts = await client.analyze(
            level,
            episode.steps.map((s) => s.position),
            { timeLimitMs: Math.round(limitS() * 1000) },
            (done, of) => {
              if (get().episode === episode)
                set({ analysis: { kind: 'running', done, total: of } });
            },
          );
          if (get().episode !== episode) return; // another episode came meanwhile
          if (!verdicts) {
            set({ analysis: IDLE });
            return;
          }
          const rows = episodeRows(episode, verdicts);
          set({
            analysis: {
              kind: 'done',
              rows,
              summary: episodeSummary(episode, rows),
              ms: Math.round(now() - started),
            },
          });
        } catch (error) {
          if (get().episode === episode)
            set({
              analysis: {
                kind: 'failed',
                message: error instanceof Error ? error.message : String(error),
              },
            });
        }
      },

      cancelAnalysis() {
        service()?.cancelAnalysis();
        if (get().analysis.kind === 'running') set({ analysis: IDLE });
      },

      dismissError() {
        set({ error: null });
      },
    };
  });

  // The step follows the cursor when something else moves it; the episode is let go when the
  // level or its history no longer holds it (a move by hand that cut the tail, another level).
  const unsubscribe = game.subscribe((g) => {
    const s = store.getState();
    if (!s.episode || !s.attached) return;
    const h = selectHistory(g);
    if (g.currentIndex !== s.index || h.moves !== s.episode.lurd) {
      store.getState().cancelAnalysis();
      store.setState({ attached: false });
      return;
    }
    if (own || s.episode.steps[s.step].moves === h.cursor) return;
    store.setState({ step: stepAtCursor(s.episode, h.cursor) });
  });

  return Object.assign(store, { dispose: unsubscribe });
}

export type EpisodeStore = ReturnType<typeof createEpisodeStore>;

export const useEpisodeStore: EpisodeStore = createEpisodeStore();

/** The overlay arrows of the step on screen (none when the board has left the episode). */
export function selectStepArrows(s: EpisodeData): readonly OverlayArrow[] {
  if (!s.attached || !s.overlays) return NO_ARROWS;
  return s.overlays[s.step] ?? NO_ARROWS;
}
const NO_ARROWS: readonly OverlayArrow[] = [];
