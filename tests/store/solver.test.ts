import { afterEach, describe, expect, it } from 'vitest';
import {
  createGameStore,
  selectHistory,
  selectLevel,
  selectPosition,
  selectSolved,
} from '../../src/store/game';
import { coordinate } from '../../src/store/coordinator';
import { beforeLastPush, nextPush } from '../../src/store/push-cursors';
import {
  type SolverStore,
  clampTimeLimit,
  createSolverStore,
  levelFrom,
} from '../../src/store/solver';
import { isSolved, replay, startPosition } from '../../src/sokoban';
import { FakeSolver, answeredHint, flush } from './fake-solver';
import { OPEN, TINY } from './fixtures';

/** Two boxes; pushing the left one left puts it against a wall with no goal: dead. */
const DEAD_WALL = ['Dead wall', '#######', '#     #', '# $@$.#', '#    .#', '#######'].join('\n');

let stores: SolverStore[] = [];
let stops: (() => void)[] = [];
afterEach(() => {
  for (const s of stores) s.dispose();
  for (const stop of stops) stop();
  stores = [];
  stops = [];
});

function setup(text = OPEN) {
  const game = createGameStore({ getStorage: () => null });
  game.getState().load(text);
  const fake = new FakeSolver();
  const hints: number[] = [];
  let t = 1000;
  const solver = createSolverStore({
    game,
    service: () => fake,
    onHint: (to) => hints.push(to),
    checkDelayMs: 0,
    now: () => t,
  });
  stores.push(solver);
  stops.push(coordinate({ game, solver })); // another level cancels; pushes are checked
  return { game, fake, solver, hints, advance: (ms: number) => (t += ms) };
}

describe('solver store: solving', () => {
  it('solves the position in the worker, shows progress, and writes the solution after the moves played with the cursor where it was', async () => {
    const { game, fake, solver } = setup();
    game.getState().move('u'); // one step first: the solve starts from here
    const before = selectPosition(game.getState())!;
    const done = solver.getState().solve();
    await flush();
    expect(solver.getState().job).toMatchObject({ purpose: 'solve', mode: 'fast', prefix: 'u' });
    // The engine gets a level whose start is the current position.
    expect(fake.last.level.player).toBe(before.player);
    expect(fake.last.level.boxes).toEqual(before.boxes);
    expect(fake.last.options).toMatchObject({ mode: 'fast', timeLimitMs: 10_000 });
    fake.progress({ nodes: 1234, bound: 3 });
    expect(solver.getState().progress).toMatchObject({ nodes: 1234, bound: 3 });
    const result = fake.answer();
    await done;
    expect(result.status).toBe('solved');
    const s = solver.getState();
    expect(s.job).toBeNull();
    expect(s.outcome).toMatchObject({
      status: 'solved',
      purpose: 'solve',
      applied: true,
      remembered: false,
    });
    const h = selectHistory(game.getState());
    expect(h.cursor).toBe(1);
    expect(h.moves.startsWith('u')).toBe(true);
    if (result.status !== 'solved') throw new Error('unreachable');
    expect(h.moves.slice(1)).toBe(result.solution);
    expect(s.outcome).toMatchObject({ moves: result.moves, pushes: result.pushes });
    // The whole history, from the level's start, solves the level.
    const level = selectLevel(game.getState())!;
    expect(isSolved(level, replay(level, startPosition(level), h.moves).position)).toBe(true);
    // The engine's level is the game's level with the current position as its start.
    expect(fake.last.level).toEqual(levelFrom(level, before));
    game.getState().seek(h.moves.length);
    expect(selectSolved(game.getState())).toBe(true);
  });

  it('remembers answers per level and position: asking twice is instant, and so is any position after a push along the solution', async () => {
    const { game, fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    fake.answer();
    await flush();
    expect(fake.solves).toHaveLength(1);
    await solver.getState().solve();
    expect(fake.solves).toHaveLength(1);
    expect(solver.getState().outcome).toMatchObject({
      status: 'solved',
      remembered: true,
      applied: true,
    });
    // Step to just after the first push of the solution: a Hint there needs no search either.
    const moves = selectHistory(game.getState()).moves;
    const firstPush = moves.search(/[LURD]/);
    game.getState().seek(firstPush + 1);
    await solver.getState().hint();
    expect(fake.solves).toHaveLength(1);
    expect(solver.getState().outcome).toMatchObject({
      status: 'solved',
      purpose: 'hint',
      remembered: true,
    });
    // The same board loaded again (a new Level object) still hits the cache.
    game.getState().load(OPEN + '\n');
    await solver.getState().solve();
    expect(fake.solves).toHaveLength(1);
  });

  it('optimal mode is not answered by a solution that is not proven optimal', async () => {
    const { fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    fake.answer();
    await flush();
    solver.getState().setMode('optimal');
    void solver.getState().solve();
    await flush();
    expect(fake.solves).toHaveLength(2);
    expect(fake.last.options.mode).toBe('optimal');
    fake.answer();
    await flush();
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', optimal: true });
    // Now fast mode can use the optimal answer.
    solver.getState().setMode('fast');
    await solver.getState().solve();
    expect(fake.solves).toHaveLength(2);
  });

  it('Cancel stops at once: the outcome says so, the worker is told, and a late answer is ignored', async () => {
    const { game, fake, solver, advance } = setup();
    void solver.getState().solve();
    await flush();
    fake.progress({ nodes: 777 });
    advance(420);
    solver.getState().cancel();
    expect(solver.getState().job).toBeNull();
    expect(solver.getState().outcome).toEqual({
      status: 'cancelled',
      purpose: 'solve',
      ms: 420,
      nodes: 777,
      why: undefined,
    });
    await flush();
    expect(fake.cancels).toBe(1);
    // Even a solved answer arriving afterwards changes nothing.
    fake.last.resolve({
      status: 'solved',
      solution: 'x',
      moves: 1,
      pushes: 0,
      optimal: false,
      nodes: 1,
      ms: 1,
    });
    await flush();
    expect(solver.getState().outcome?.status).toBe('cancelled');
    expect(selectHistory(game.getState()).moves).toBe('');
  });

  it('Cancel then Solve at once: the new search is not stopped by the old cancel', async () => {
    const { fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    solver.getState().cancel();
    void solver.getState().solve();
    await flush();
    expect(fake.cancels).toBe(1);
    expect(fake.solves).toHaveLength(2);
    expect(fake.last.settled).toBe(false);
    expect(solver.getState().job).not.toBeNull();
    fake.answer();
    await flush();
    expect(solver.getState().outcome?.status).toBe('solved');
  });

  it('loading another level cancels a running search', async () => {
    const { game, fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    game.getState().load(TINY);
    expect(solver.getState().job).toBeNull();
    await flush();
    expect(fake.cancels).toBe(1);
    expect(solver.getState().outcome).toBeNull(); // the old level's outcome does not describe the new one
  });

  it('a worker crash shows an error, and the next Solve works', async () => {
    const { fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    fake.crash('The solver worker crashed: out of luck.');
    await flush();
    expect(solver.getState().job).toBeNull();
    expect(solver.getState().outcome).toMatchObject({ status: 'error' });
    expect(solver.getState().outcome).toHaveProperty(
      'message',
      expect.stringContaining('crashed: out of luck'),
    );
    void solver.getState().solve();
    await flush();
    expect(fake.solves).toHaveLength(2);
    fake.answer();
    await flush();
    expect(solver.getState().outcome?.status).toBe('solved');
  });

  it('a time limit offers Try longer (double the limit) and the other mode', async () => {
    const { fake, solver } = setup();
    solver.getState().setTimeLimit(3);
    void solver.getState().solve();
    await flush();
    fake.answer({
      status: 'limit',
      reason: 'time',
      message: 'Time limit reached after 5 positions.',
      nodes: 5,
      ms: 3000,
    });
    await flush();
    expect(solver.getState().outcome).toMatchObject({
      status: 'limit',
      reason: 'time',
      timeLimitS: 3,
      mode: 'fast',
    });
    void solver.getState().tryLonger();
    await flush();
    expect(solver.getState().timeLimitS).toBe(6);
    expect(fake.last.options.timeLimitMs).toBe(6000);
    fake.answer({ status: 'limit', reason: 'memory', message: 'Memory limit', nodes: 5, ms: 3000 });
    await flush();
    void solver.getState().switchMode();
    await flush();
    expect(fake.last.options.mode).toBe('optimal');
  });

  it('"No solution exists" only for a proof from the engine, remembered; invalid levels give the message', async () => {
    const { fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    fake.answer({ status: 'unsolvable', message: 'every box is frozen', nodes: 3, ms: 1 });
    await flush();
    expect(solver.getState().outcome).toMatchObject({
      status: 'unsolvable',
      message: 'every box is frozen',
      remembered: false,
    });
    await solver.getState().solve();
    expect(fake.solves).toHaveLength(1);
    expect(solver.getState().outcome).toMatchObject({ status: 'unsolvable', remembered: true });

    const other = setup(TINY);
    void other.solver.getState().solve();
    await flush();
    other.fake.answer({ status: 'invalid', message: '2 boxes but 1 goal', nodes: 0, ms: 0 });
    await flush();
    // The engine's answer is carried whole, with what the request was for.
    expect(other.solver.getState().outcome).toEqual({
      status: 'invalid',
      purpose: 'solve',
      message: '2 boxes but 1 goal',
      nodes: 0,
      ms: 0,
    });
  });

  it('a solution that arrives after the board changed is kept for later but not written', async () => {
    const { game, fake, solver } = setup();
    void solver.getState().solve();
    await flush();
    game.getState().move('l');
    fake.answer();
    await flush();
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', applied: false });
    expect(selectHistory(game.getState())).toEqual({ moves: 'l', cursor: 1 });
    game.getState().undo();
    await solver.getState().solve();
    expect(fake.solves).toHaveLength(1);
    expect(solver.getState().outcome).toMatchObject({
      status: 'solved',
      applied: true,
      remembered: true,
    });
  });

  it('Hint writes and plays only the walk to the next push and that push', async () => {
    const { game, fake, solver, hints } = setup();
    const part = await answeredHint(solver, fake);
    expect(part).toMatch(/^[lurd]*[LURD]$/);
    expect(selectHistory(game.getState())).toEqual({ moves: part, cursor: 0 });
    expect(hints).toEqual([part.length]);
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', purpose: 'hint' });
  });
});

describe('solver store: deadlock warnings', () => {
  it('after a push a check runs in the worker; a proven deadlock names its cause and marks the box; U goes back before the push', async () => {
    const { game, fake, solver } = setup(DEAD_WALL);
    await flush();
    fake.answerChecks(); // the start position
    await flush();
    expect(solver.getState().deadlock).toBeNull();
    game.getState().move('l'); // the left box against the left wall
    await flush();
    const [report] = fake.answerChecks();
    if (!report) throw new Error('no deadlock check was asked');
    expect(report.deadlocked).toBe(true);
    await flush();
    const warning = solver.getState().deadlock!;
    expect(warning.cause).toBe(report.cause);
    expect(warning.boxes).toEqual([15]); // row 2, column 1
    // A walk from the dead position keeps the warning (still dead) without asking again.
    game.getState().move('r');
    await flush();
    expect(fake.checks.filter((c) => !c.settled)).toHaveLength(0);
    expect(solver.getState().deadlock).not.toBeNull();
    expect(solver.getState().undoDeadlock()).toBe(true);
    expect(selectHistory(game.getState()).cursor).toBe(0);
    expect(solver.getState().deadlock).toBeNull();
  });

  it('walking (no box moved) asks nothing; an answer for a position the board has left is ignored', async () => {
    const { game, fake, solver } = setup(DEAD_WALL);
    await flush();
    fake.answerChecks();
    game.getState().move('u');
    game.getState().move('d');
    await flush();
    expect(fake.checks.filter((c) => !c.settled)).toHaveLength(0);
    game.getState().move('l'); // dead
    await flush();
    game.getState().undo(); // back before the answer comes
    await flush();
    fake.answerChecks();
    await flush();
    expect(solver.getState().deadlock).toBeNull();
  });

  it('a failed check proves nothing: no warning', async () => {
    const { game, fake, solver } = setup(DEAD_WALL);
    game.getState().move('l');
    await flush();
    for (const c of fake.checks) {
      c.settled = true;
      c.reject(new Error('crashed'));
    }
    await flush();
    expect(solver.getState().deadlock).toBeNull();
  });
});

describe('solver store: helpers', () => {
  it('nextPush, beforeLastPush, clampTimeLimit', () => {
    expect(nextPush('llUrrDD')).toBe('llU');
    expect(nextPush('lurd')).toBe('lurd');
    expect(beforeLastPush('llUrrDl', 7)).toBe(5);
    expect(beforeLastPush('llUrrDl', 5)).toBe(2);
    expect(beforeLastPush('lll', 3)).toBe(0);
    expect(clampTimeLimit(0)).toBe(1);
    expect(clampTimeLimit(99999)).toBe(3600);
    expect(clampTimeLimit(Number.NaN)).toBe(10);
  });
});
