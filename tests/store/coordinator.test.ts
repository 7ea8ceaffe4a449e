import { afterEach, describe, expect, it } from 'vitest';
import { boardChanged, boxesMoved, coordinate, isPlaced } from '../../src/store/coordinator';
import { createEpisodeStore } from '../../src/store/episode';
import { createEpisodeActions } from '../../src/store/episode-actions';
import { createGameStore, selectHistory } from '../../src/store/game';
import { createPlaybackStore } from '../../src/store/playback';
import { createSolverStore } from '../../src/store/solver';
import { FakeSolver, answeredHint, flush } from './fake-solver';
import { OPEN, TINY } from './fixtures';
import { manualClock } from './manual-clock';

/** On OPEN: walk left three and up one, then three pushes right onto the goal. */
const SOLUTION = 'llluRRR';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function setup() {
  const game = createGameStore({ getStorage: () => null });
  game.getState().load(OPEN);
  const fake = new FakeSolver();
  const clock = manualClock();
  const solver = createSolverStore({ game, service: () => fake, checkDelayMs: 0 });
  const playback = createPlaybackStore({ game, scheduler: clock });
  const episode = createEpisodeStore({ game, playback });
  const stop = coordinate({ game, solver, playback, episode });
  cleanups.push(() => {
    stop();
    solver.dispose();
    playback.dispose();
  });
  const h = () => selectHistory(game.getState());
  return { game, fake, clock, solver, playback, episode, stop, h };
}

describe('coordinator: the solver follows the game', () => {
  it('loading a new level cancels a running search, and the old outcome goes', async () => {
    const { game, fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    expect(solver.getState().job).not.toBeNull();
    game.getState().load(TINY);
    expect(solver.getState().job).toBeNull();
    expect(solver.getState().outcome).toBeNull();
    await flush();
    expect(fake.cancels).toBe(1);
  });

  it('the same board loaded again keeps its search, and the solution is written', async () => {
    const { game, fake, solver, h } = setup();
    void solver.getState().solve();
    await flush();
    game.getState().load(OPEN + '\n'); // a new Level object for the same board
    expect(solver.getState().job).not.toBeNull();
    expect(fake.cancels).toBe(0);
    const r = fake.answer();
    await flush();
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', applied: true });
    if (r.status !== 'solved') throw new Error('expected a solution');
    expect(h()).toMatchObject({ moves: r.solution, cursor: 0 });
  });

  it("playback's steps do not cancel a search; a push by playback is checked for deadlock", async () => {
    const { game, fake, clock, solver, playback, h } = setup();
    game.getState().setMoves(SOLUTION, 0);
    void solver.getState().solve();
    await flush();
    expect(playback.getState().stepPush(1)).toBe(true);
    expect(h().cursor).toBe(5);
    playback.getState().play();
    clock.run(2000);
    expect(h().cursor).toBe(SOLUTION.length);
    expect(solver.getState().job).not.toBeNull();
    expect(fake.cancels).toBe(0);
    await flush();
    expect(fake.checks.length).toBeGreaterThan(0); // asked only after a push
  });
});

describe('coordinator: playback follows the game', () => {
  it("playback's own steps keep Play going; an undo by hand takes over", () => {
    const { game, clock, playback, h } = setup();
    game.getState().setMoves(SOLUTION, 0);
    playback.getState().play();
    clock.run(300);
    expect(h().cursor).toBeGreaterThan(1);
    expect(playback.getState().playing).toBe(true);
    expect(playback.getState().placed).toEqual({
      levelIndex: 0,
      moves: SOLUTION,
      cursor: h().cursor,
    });
    game.getState().undo();
    expect(playback.getState()).toMatchObject({
      playing: false,
      stopAt: null,
      motion: null,
      placed: null,
    });
    const at = h().cursor;
    clock.run(1000);
    expect(h().cursor).toBe(at);
  });

  it('a solution the solver writes while playing takes over from Play', async () => {
    const { game, fake, clock, solver, playback } = setup();
    game.getState().setMoves('lll', 0);
    playback.getState().setSpeed(0);
    playback.getState().play();
    clock.run(100);
    expect(playback.getState().playing).toBe(true);
    void solver.getState().solve();
    await flush();
    fake.answer();
    await flush();
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', applied: true });
    expect(playback.getState().playing).toBe(false);
  });

  it('a hint is played by playback up to its push, and no further', async () => {
    const { fake, clock, solver, playback, h } = setup();
    const part = await answeredHint(solver, fake);
    expect(playback.getState()).toMatchObject({ playing: true, stopAt: part.length });
    clock.run(10_000);
    expect(h()).toEqual({ moves: part, cursor: part.length });
    expect(playback.getState().playing).toBe(false);
  });

  it('once stopped, the stores no longer react to each other', async () => {
    const { game, fake, clock, solver, playback, stop, h } = setup();
    stop();
    // A hint is written but not played.
    void solver.getState().hint();
    await flush();
    fake.answer();
    await flush();
    expect(solver.getState().outcome).toMatchObject({ purpose: 'hint', applied: true });
    expect(playback.getState().playing).toBe(false);
    expect(h().cursor).toBe(0);
    // An undo by hand does not stop Play.
    playback.getState().play();
    clock.run(50);
    expect(h().cursor).toBe(1);
    game.getState().undo();
    expect(playback.getState().playing).toBe(true);
    playback.getState().pause();
    // Another level does not cancel a search.
    solver.cache.clear(); // the hint's answer would answer at once
    void solver.getState().solve();
    await flush();
    game.getState().load(TINY);
    expect(solver.getState().job).not.toBeNull();
    expect(fake.cancels).toBe(0);
  });
});

describe('coordinator: the episode follows the game', () => {
  /** On OPEN in udlr: up, up, up (into the wall: a no-op), down; steps 2 and 3 share cursor 2. */
  function withEpisode() {
    const stores = setup();
    const actions = createEpisodeActions(stores.episode, { timeLimitS: () => 5 });
    expect(actions.applyActions('0 0 0 1', 'udlr')).toBe(true);
    expect(stores.episode.getState().episode?.steps.map((s) => s.moves)).toEqual([0, 1, 2, 2, 3]);
    return stores;
  }

  it("the episode's own seeks keep its step, even on a cursor that an earlier step shares", () => {
    const { episode, playback, h } = withEpisode();
    const shown: number[] = []; // every step the view is given, not only the last
    const unwatch = episode.subscribe((s, prev) => {
      if (s.step !== prev.step) shown.push(s.step);
    });
    episode.getState().seekStep(3);
    unwatch();
    expect(h().cursor).toBe(2);
    expect(shown).toEqual([3]); // never step 2, the first step at cursor 2
    expect(episode.getState()).toMatchObject({ step: 3, attached: true });
    episode.getState().seekStep(1);
    expect(h().cursor).toBe(1);
    expect(episode.getState().step).toBe(1);
    // The seek went through playback, whose own step does not take over.
    expect(playback.getState().placed).toMatchObject({ cursor: 1 });
  });

  it('a cursor moved by hand takes the episode off its step, to the first step at that cursor', () => {
    const { game, episode, h } = withEpisode();
    episode.getState().seekStep(3);
    game.getState().redo();
    expect(h().cursor).toBe(3);
    expect(episode.getState().step).toBe(4);
    game.getState().undo();
    expect(episode.getState().step).toBe(2); // not 3: the cursor alone cannot tell the no-op
    expect(episode.getState().attached).toBe(true);
  });

  it('a move by hand that cuts the history, or another level, lets the episode go', () => {
    const first = withEpisode();
    first.game.getState().move('r');
    expect(first.episode.getState().attached).toBe(false);
    first.episode.getState().seekStep(2); // ignored: the board is elsewhere
    expect(first.h()).toMatchObject({ moves: 'r', cursor: 1 });

    const second = withEpisode();
    second.game.getState().load(TINY);
    expect(second.episode.getState().attached).toBe(false);
  });

  it('once stopped, a move by hand no longer moves the step', () => {
    const { game, episode, stop } = withEpisode();
    episode.getState().seekStep(3);
    stop();
    game.getState().redo();
    expect(episode.getState().step).toBe(3);
  });
});

describe('coordinator: what counts as a change', () => {
  it('an alert or a notice is no change of the board; a step, a level or a collection is', () => {
    const { game } = setup();
    const before = game.getState();
    game.getState().showNotice('hello');
    expect(boardChanged(before, game.getState())).toBe(false);
    game.getState().move('l');
    expect(boardChanged(before, game.getState())).toBe(true);
    const walked = game.getState();
    game.getState().load(TINY);
    expect(boardChanged(walked, game.getState())).toBe(true);
  });

  it('the board is where playback put it only for the same collection, level, moves and cursor', () => {
    const { game } = setup();
    game.getState().setMoves(SOLUTION, 2);
    const prev = game.getState();
    game.getState().seek(3);
    const next = game.getState();
    const placed = { levelIndex: 0, moves: SOLUTION, cursor: 3 };
    expect(isPlaced(placed, prev, next)).toBe(true);
    expect(isPlaced({ ...placed, cursor: 2 }, prev, next)).toBe(false);
    expect(isPlaced({ ...placed, moves: 'llluR' }, prev, next)).toBe(false);
    expect(isPlaced({ ...placed, levelIndex: 1 }, prev, next)).toBe(false);
    expect(isPlaced(null, prev, next)).toBe(false);
    expect(isPlaced(placed, { ...prev, entries: [...prev.entries] }, next)).toBe(false);
  });

  it('boxes move on a push or an undone push, not on a walk', () => {
    const { game } = setup();
    game.getState().setMoves(SOLUTION, 3);
    const walk = game.getState();
    game.getState().seek(4);
    expect(boxesMoved(walk, game.getState())).toBe(false);
    const beforePush = game.getState();
    game.getState().seek(5);
    expect(boxesMoved(beforePush, game.getState())).toBe(true);
    const afterPush = game.getState();
    game.getState().seek(4);
    expect(boxesMoved(afterPush, game.getState())).toBe(true);
  });
});
