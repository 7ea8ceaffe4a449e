/**
 * The episode store's work, loaded with the Episode panel (the store itself is in the first load
 * for the board's overlay arrows; see episode.ts):
 *
 *   applyActions(text, order)  reads integers or LURD (or a pasted episode file) and replays them
 *                              on the level on the board with the environment's rules
 *   openEpisodeFile(text)      reads an episode file: its level (XSB or a Boxoban id looked up
 *                              in the loaded collection), actions, order, values and overlays
 *   analyze() / cancelAnalysis()  judges every step in the solver worker (one at a time)
 *
 * A failure sets `error` (or a failed analysis) and changes nothing else: the episode, the level
 * and its moves stay as they were.
 */
import {
  type EpisodeOrder,
  type Level,
  type LevelRef,
  type Position,
  type StepVerdict,
  describeChoice,
  episodeRows,
  errorMessage,
  episodeSummary,
  looksLikeEpisodeFile,
  parseActions,
  parseEpisodeFile,
  replayParsed,
  resolveLevelRef,
} from '../sokoban';
import { SolverClient } from '../worker/client';
import type { WorkerSolveOptions } from '../worker/protocol';
import { type EpisodeData, type EpisodeStore, IDLE, useEpisodeStore } from './episode';
import { selectLevel } from './game';
import { useSolverStore } from './solver';

/** What the actions need of the worker client (src/worker/client.ts); tests pass a fake. */
export interface AnalysisService {
  analyze(
    level: Level,
    positions: readonly Position[],
    options?: WorkerSolveOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<readonly StepVerdict[] | null>;
  cancelAnalysis(): void;
}

export interface EpisodeActions {
  applyActions: (text: string, order: EpisodeOrder) => boolean;
  openEpisodeFile: (text: string) => boolean;
  analyze: () => Promise<void>;
  cancelAnalysis: () => void;
}

export interface EpisodeActionsOptions {
  readonly service?: AnalysisService | undefined;
  /** Limit of each position's optimal search, in seconds (default: the Solver's time limit). */
  readonly timeLimitS?: () => number;
  readonly now?: () => number;
}

let appService: AnalysisService | null = null;

/** Replaces the app's analysis worker client (tests); null goes back to a real one. */
export function setAnalysisService(service: AnalysisService | null): void {
  appService = service;
}

function defaultService(): AnalysisService | null {
  if (appService) return appService;
  if (typeof Worker === 'undefined') return null;
  appService = new SolverClient();
  return appService;
}

/** Shows `error` in the panel; false, for the action to return. */
function failWith(store: EpisodeStore, error: string): false {
  store.setState({ error });
  return false;
}

interface Installed {
  readonly level: Level;
  readonly actions: string;
  readonly order: EpisodeOrder;
  readonly extra: Pick<EpisodeData, 'values' | 'overlays'>;
}

/**
 * Replays the actions on the level (now the current level), puts their moves in the game
 * history and shows step 0; or says why they cannot be replayed, and changes nothing.
 */
function installEpisode(
  store: EpisodeStore,
  cancelAnalysis: () => void,
  { level, actions, order, extra }: Installed,
): boolean {
  const { game, playback } = store;
  const parsed = parseActions(actions);
  if (!parsed.ok) {
    const place =
      parsed.line !== undefined ? ` (line ${parsed.line}, column ${parsed.column})` : '';
    return failWith(store, `${parsed.message}${place}`);
  }
  const read = replayParsed(level, parsed, order);
  if (!read.ok) return failWith(store, read.message);
  if (store.getState().analysis.kind === 'running') cancelAnalysis();
  playback.getState().pause();
  game.getState().setMoves(read.episode.lurd, 0);
  store.setState({
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
}

/** Opens the level a file names, or says why not; null level: the one on the board. */
function fileLevelTarget(
  game: EpisodeStore['game'],
  ref: LevelRef | null,
): { level: Level; open: () => boolean } | string {
  const g = game.getState();
  const current = selectLevel(g);
  if (!ref)
    return current
      ? { level: current, open: () => true }
      : 'Episode file: it names no level and none is loaded.';
  const resolved = resolveLevelRef(ref, g.entries);
  if (!resolved.ok) return resolved.message;
  const index = resolved.index;
  if (index !== undefined)
    return {
      level: resolved.level,
      open: () => game.getState().chooseLevel(index) || game.getState().currentIndex === index,
    };
  // An untitled level gets a title that says where it came from.
  const titled = { ...resolved.level, title: resolved.level.title || 'Episode level' };
  return { level: titled, open: () => game.getState().openLevel(titled).ok };
}

/**
 * Judges every step of the episode on screen in the worker, with progress; the answer is
 * dropped if another episode came meanwhile.
 */
async function analyzeEpisode(
  store: EpisodeStore,
  client: AnalysisService,
  timeLimitMs: number,
  now: () => number,
): Promise<void> {
  const { episode, level } = store.getState();
  if (!episode || !level) return;
  const mine = () => store.getState().episode === episode;
  store.setState({ analysis: { kind: 'running', done: 0, total: episode.steps.length } });
  const started = now();
  try {
    const verdicts = await client.analyze(
      level,
      episode.steps.map((s) => s.position),
      { timeLimitMs },
      (done, total) => {
        if (mine()) store.setState({ analysis: { kind: 'running', done, total } });
      },
    );
    if (!mine()) return; // another episode came meanwhile
    if (!verdicts) {
      store.setState({ analysis: IDLE });
      return;
    }
    const rows = episodeRows(episode, verdicts);
    const summary = episodeSummary(episode, rows);
    const ms = Math.round(now() - started);
    store.setState({ analysis: { kind: 'done', rows, summary, ms } });
  } catch (error) {
    if (mine()) store.setState({ analysis: { kind: 'failed', message: errorMessage(error) } });
  }
}

export function createEpisodeActions(
  store: EpisodeStore,
  options: EpisodeActionsOptions = {},
): EpisodeActions {
  const { game } = store;
  const limitS = options.timeLimitS ?? (() => useSolverStore.getState().timeLimitS);
  const now = options.now ?? (() => performance.now());
  const service = () => options.service ?? defaultService();
  const fail = (error: string) => failWith(store, error);
  const install = (
    level: Level,
    actions: string,
    order: EpisodeOrder,
    extra: Pick<EpisodeData, 'values' | 'overlays'>,
  ) => installEpisode(store, () => service()?.cancelAnalysis(), { level, actions, order, extra });

  const actions: EpisodeActions = {
    applyActions(text, order) {
      if (looksLikeEpisodeFile(text)) return actions.openEpisodeFile(text);
      const level = selectLevel(game.getState());
      if (!level)
        return fail('Load a level first: the actions are replayed on the level on the board.');
      return install(level, text, order, { values: null, overlays: null });
    },

    openEpisodeFile(text) {
      const parsed = parseEpisodeFile(text);
      if (!parsed.ok) return fail(parsed.message);
      const { file } = parsed;
      const target = fileLevelTarget(game, file.level);
      if (typeof target === 'string') return fail(target);
      // Check the actions on the level before the board changes, so a bad file changes nothing.
      const read = parseActions(file.actions);
      const replayed = read.ok ? replayParsed(target.level, read, file.order ?? 'auto') : read;
      if (!replayed.ok) return fail(`Episode file: ${replayed.message}`);
      if (!target.open()) return fail('Episode file: its level could not be opened.');
      const shown = selectLevel(game.getState()) ?? target.level;
      return install(shown, file.actions, file.order ?? 'auto', {
        values: file.values,
        overlays: file.overlays,
      });
    },

    async analyze() {
      const { episode, level, attached } = store.getState();
      if (!episode || !level || !attached) return;
      const client = service();
      if (!client) {
        store.setState({
          analysis: { kind: 'failed', message: 'Web Workers are not available here.' },
        });
        return;
      }
      await analyzeEpisode(store, client, Math.round(limitS() * 1000), now);
    },

    cancelAnalysis() {
      service()?.cancelAnalysis();
      if (store.getState().analysis.kind === 'running') store.setState({ analysis: IDLE });
    },
  };
  return actions;
}

/** The app's episode actions, on the app's stores. */
export const episodeActions: EpisodeActions = createEpisodeActions(useEpisodeStore);
