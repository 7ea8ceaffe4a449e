/**
 * The episode store: the step and the move cursor kept in step across no-ops, letting go of the
 * episode when the board leaves it, Boxoban ids resolved against the loaded collection, and
 * Analyze with cancel, a newer episode and a failing worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepVerdict } from '../../src/sokoban';
import { analysePositions } from '../../src/solver/episode';
import { coordinate } from '../../src/store/coordinator';
import { createGameStore, selectHistory } from '../../src/store/game';
import { createEpisodeStore, stepAtCursor } from '../../src/store/episode';
import { type AnalysisService, createEpisodeActions } from '../../src/store/episode-actions';
import { createPlaybackStore } from '../../src/store/playback';
import { OPEN, boxobanFile } from './fixtures';

function stores(service?: AnalysisService) {
  const game = createGameStore({ getStorage: () => null, name: 'episode-test' });
  game.getState().load(OPEN);
  const playback = createPlaybackStore({ game });
  const store = createEpisodeStore({ game, playback });
  const actions = createEpisodeActions(store, { service, timeLimitS: () => 5 });
  const stop = coordinate({ game, playback, episode: store }); // the step follows the board
  disposers.push(() => {
    stop();
    playback.dispose();
  });
  return { game, playback, store, actions };
}
const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));

/** A service whose answer the test releases by hand. */
function deferredService() {
  let release: (v: null | 'real') => void = () => undefined;
  const analyze = vi.fn<AnalysisService['analyze']>(
    (level, positions, _options, onProgress) =>
      new Promise<readonly StepVerdict[] | null>((resolve) => {
        onProgress?.(1, 2);
        release = (v) => resolve(v === null ? null : analysePositions(level, positions));
      }),
  );
  const service: AnalysisService = { analyze, cancelAnalysis: () => release(null) };
  return { service, analyze, release: (v: null | 'real') => release(v) };
}

describe('episode store', () => {
  it('keeps the step apart from the move cursor across no-ops', () => {
    const { game, store, actions } = stores();
    // udlr: up, up, up (into the wall twice), down.
    expect(actions.applyActions('0 0 0 1', 'udlr')).toBe(true);
    const e = store.getState().episode!;
    expect(e.steps.map((s) => s.moves)).toEqual([0, 1, 2, 2, 3]);
    store.getState().seekStep(3);
    expect(store.getState().step).toBe(3);
    expect(selectHistory(game.getState()).cursor).toBe(2);
    // Moving the cursor from elsewhere (playback) sets the first step at that cursor.
    game.getState().seek(3);
    expect(store.getState().step).toBe(4);
    game.getState().seek(2);
    expect(store.getState().step).toBe(2);
    expect(stepAtCursor(e, 0)).toBe(0);
  });

  it('lets go of the episode when a move by hand cuts it, and Apply picks it up again', () => {
    const { game, store, actions } = stores();
    actions.applyActions('2 2 0', 'udlr');
    game.getState().move('r');
    expect(store.getState().attached).toBe(false);
    store.getState().seekStep(2); // ignored: the board is elsewhere
    expect(selectHistory(game.getState()).moves).toBe('r');
    actions.applyActions('2 2 0', 'udlr');
    expect(store.getState().attached).toBe(true);
  });

  it('resolves a Boxoban id against the loaded collection and opens that level', () => {
    const { game, actions } = stores();
    game.getState().load(boxobanFile(60));
    const ok = actions.openEpisodeFile(
      JSON.stringify({ level: 'medium/valid/000:53', actions: [] as number[] }),
    );
    // No actions at all is refused, and the level stays where it was.
    expect(ok).toBe(false);
    expect(game.getState().currentIndex).toBe(0);
    expect(actions.openEpisodeFile(JSON.stringify({ level: '000:53', actions: '0' }))).toBe(true);
    expect(game.getState().entries[game.getState().currentIndex]?.title).toBe('53');
  });

  it('analyses in the service with the time limit, shows progress, and can be cancelled', async () => {
    const { service, analyze } = deferredService();
    const { store, actions } = stores(service);
    actions.applyActions('2 2 0', 'udlr');
    const running = actions.analyze();
    expect(analyze).toHaveBeenCalledWith(
      expect.anything(),
      expect.any(Array),
      { timeLimitMs: 5000 },
      expect.any(Function),
    );
    expect(store.getState().analysis).toEqual({ kind: 'running', done: 1, total: 2 });
    actions.cancelAnalysis();
    await running;
    expect(store.getState().analysis).toEqual({ kind: 'idle' });
  });

  it('ends with rows and a summary, and drops an answer for an episode replaced meanwhile', async () => {
    const first = deferredService();
    const { store, actions } = stores(first.service);
    actions.applyActions('2 2 0', 'udlr');
    let running = actions.analyze();
    first.release('real');
    await running;
    const done = store.getState().analysis;
    expect(done.kind).toBe('done');
    if (done.kind === 'done') expect(done.summary.firstLostStep).toBe(3);

    running = actions.analyze();
    const release = first.release;
    actions.applyActions('2 2', 'udlr'); // a new episode while it runs
    release('real');
    await running;
    expect(store.getState().analysis).toEqual({ kind: 'idle' });
  });

  it('says when the worker fails', async () => {
    const { store, actions } = stores({
      analyze: () => Promise.reject(new Error('The solver worker crashed: boom.')),
      cancelAnalysis: () => undefined,
    });
    actions.applyActions('2', 'udlr');
    await actions.analyze();
    expect(store.getState().analysis).toEqual({
      kind: 'failed',
      message: 'The solver worker crashed: boom.',
    });
  });
});
