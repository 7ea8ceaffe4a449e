import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseStorageFor } from './refuse-storage';
import { FakeSolver, flush } from './fake-solver';
import { OPEN } from './fixtures';
import { countPushes } from '../../src/sokoban';
import { createGameStore, selectHistory, useGameStore } from '../../src/store/game';
import { collectionKey, useProgressStore } from '../../src/store/progress';
import { createSolverStore, type SolverStore } from '../../src/store/solver';
import { trackSolutions } from '../../src/store/solution-tracking';
import {
  type KeptSolution,
  MAX_SOLUTIONS_PER_LEVEL,
  MAX_SOLUTION_LENGTH,
  SOLUTIONS_KEY,
  keepSolution,
  readSolutions,
  selectSolutions,
  useSolutionsStore,
} from '../../src/store/solutions';

beforeEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  useProgressStore.setState({ data: {} });
  useSolutionsStore.setState({ data: {} });
});

const solution = (lurd: string, by: KeptSolution['by'], found = 1): KeptSolution => ({
  lurd,
  moves: lurd.length,
  pushes: countPushes(lurd),
  by,
  found,
});

describe('keeping solutions', () => {
  it('keeps one entry per solution, naming every finder that found it', () => {
    let list = keepSolution([], 'rrR', 'user', 1);
    expect(keepSolution(list, 'rrR', 'user', 2)).toBe(list); // nothing new
    list = keepSolution(list, 'rrR', 'solver', 3);
    expect(list).toEqual([solution('rrR', ['user', 'solver'], 1)]);
    list = keepSolution(list, 'lR', 'solver', 4);
    expect(list.map((s) => s.lurd)).toEqual(['rrR', 'lR']);
  });

  it("prunes to the limit, oldest first, but never drops a finder's fewest moves or pushes", () => {
    let list: readonly KeptSolution[] = [];
    // The user's fewest pushes comes first (oldest), the solver's fewest moves second.
    list = keepSolution(list, 'rrrrrrrrrrR', 'user', 0); // 11/1
    list = keepSolution(list, 'RR', 'solver', 1); // 2/2
    for (let i = 0; i < MAX_SOLUTIONS_PER_LEVEL + 3; i++)
      list = keepSolution(list, `${'u'.repeat(i + 3)}RRR`, 'user', 2 + i);
    expect(list).toHaveLength(MAX_SOLUTIONS_PER_LEVEL);
    const kept = list.map((s) => s.lurd);
    expect(kept).toContain('rrrrrrrrrrR');
    expect(kept).toContain('RR');
    expect(kept).toContain('uuuRRR'); // the user's fewest moves
    expect(kept).not.toContain('uuuuRRR'); // the oldest that is no one's best went first
    expect(kept[kept.length - 1]).toBe(`${'u'.repeat(MAX_SOLUTIONS_PER_LEVEL + 5)}RRR`);
  });

  it('reads hostile stored solutions without trusting them', () => {
    const put = (v: unknown) =>
      localStorage.setItem(SOLUTIONS_KEY, typeof v === 'string' ? v : JSON.stringify(v));
    put('not json');
    expect(readSolutions(localStorage)).toEqual({});
    put([1, 2]);
    expect(readSolutions(localStorage)).toEqual({});
    const good = solution('luR', ['user']);
    put({
      a: {
        used: 1,
        levels: {
          '1': [
            good,
            good, // a duplicate
            { ...good, lurd: 'luRx' }, // not LURD
            { ...good, lurd: 'luRR' }, // counts do not match the text
            { ...solution('rR', ['user']), by: ['alien'] },
            { ...solution('rrR', ['user']), found: 'yesterday' },
            solution(`${'r'.repeat(MAX_SOLUTION_LENGTH)}R`, ['solver']),
            { ...solution('dR', ['user', 'solver', 'user']) },
          ],
          '0': [good],
          x: [good],
          '2': 'junk',
        },
      },
      b: 'junk',
    });
    const read = readSolutions(localStorage);
    expect(Object.keys(read)).toEqual(['a']);
    expect(Object.keys(read.a?.levels ?? {})).toEqual(['1']);
    expect(read.a?.levels['1']).toEqual([good, solution('dR', ['user', 'solver'])]);
  });

  it('keeps a solution in memory and says so when the browser refuses to save it', () => {
    refuseStorageFor(SOLUTIONS_KEY);
    useGameStore.getState().dismissNotice();
    expect(useSolutionsStore.getState().record('k', 1, 'rR', 'user')).toBe(true);
    expect(selectSolutions(useSolutionsStore.getState().data, 'k', 1)).toHaveLength(1);
    expect(useGameStore.getState().notice?.text).toMatch(/solution could not be saved/);
    expect(localStorage.getItem(SOLUTIONS_KEY)).toBeNull();
  });

  it('keeps a batch of solutions in memory and says so, in the plural, when the browser refuses', () => {
    refuseStorageFor(SOLUTIONS_KEY);
    useGameStore.getState().dismissNotice();
    useSolutionsStore.getState().recordAll(
      'k',
      [
        { position: 1, lurd: 'rR' },
        { position: 2, lurd: 'uU' },
      ],
      'solver',
    );
    expect(selectSolutions(useSolutionsStore.getState().data, 'k', 1)).toHaveLength(1);
    expect(selectSolutions(useSolutionsStore.getState().data, 'k', 2)).toHaveLength(1);
    expect(useGameStore.getState().notice?.text).toMatch(
      /solutions could not be saved.*They are kept until you close the page/,
    );
    expect(localStorage.getItem(SOLUTIONS_KEY)).toBeNull();
  });

  it('does not keep a solution longer than the limit', () => {
    const long = `${'r'.repeat(MAX_SOLUTION_LENGTH)}R`;
    expect(useSolutionsStore.getState().record('k', 1, long, 'solver')).toBe(false);
    expect(useSolutionsStore.getState().data).toEqual({});
  });
});

describe('tracking who solved a level', () => {
  let solvers: SolverStore[] = [];
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const s of solvers) s.dispose();
    for (const stop of stops.splice(0)) stop();
    solvers = [];
  });

  function setup() {
    const game = createGameStore({ getStorage: () => null });
    game.getState().load(OPEN);
    const fake = new FakeSolver();
    const solver = createSolverStore({ game, service: () => fake, checkDelayMs: 1e9 });
    solvers.push(solver);
    stops.push(trackSolutions(game, solver));
    const key = collectionKey(game.getState().entries);
    const kept = () => selectSolutions(useSolutionsStore.getState().data, key, 1);
    const bests = () => useProgressStore.getState().data[key]?.levels['1'];
    return { game, fake, solver, kept, bests };
  }

  it("records the user's solution and the solver's apart, and playing the solver's through is not the user's", async () => {
    const { game, fake, solver, kept, bests } = setup();
    expect(game.getState().play('dllluuRRR')).toBe(true); // solved by hand, 9/3
    expect(kept()).toEqual([expect.objectContaining({ lurd: 'dllluuRRR', by: ['user'] })]);
    expect(bests()?.user?.bestMoves).toEqual({ moves: 9, pushes: 3 });
    expect(bests()?.solver).toBeUndefined();

    game.getState().restart();
    const done = solver.getState().solve();
    await flush();
    const answer = fake.answer(); // the real engine's answer
    await done;
    if (answer.status !== 'solved') throw new Error('the engine should solve OPEN');
    expect(kept()[1]).toMatchObject({ lurd: answer.solution, by: ['solver'] });
    expect(bests()?.solver?.bestMoves).toEqual({ moves: answer.moves, pushes: answer.pushes });

    // Play (here: a seek to the end) walks the solver's moves to solved: still the solver's.
    game.getState().seek(selectHistory(game.getState()).moves.length);
    expect(kept()).toHaveLength(2);
    expect(kept()[1]?.by).toEqual(['solver']);
    expect(bests()?.user?.bestMoves).toEqual({ moves: 9, pushes: 3 });
  });

  it("keeps the moves played before a Solve in front of the solver's solution", async () => {
    const { game, fake, solver, kept } = setup();
    expect(game.getState().play('ul')).toBe(true);
    const done = solver.getState().solve();
    await flush();
    const answer = fake.answer();
    await done;
    if (answer.status !== 'solved') throw new Error('the engine should solve OPEN');
    expect(kept()).toEqual([
      expect.objectContaining({ lurd: `ul${answer.solution}`, by: ['solver'] }),
    ]);
  });

  it('keeps an answer that came after the user moved on, from where the solve began', async () => {
    const { game, fake, solver, kept } = setup();
    const done = solver.getState().solve();
    await flush();
    game.getState().move('u'); // the board leaves the position: the answer is not written
    const answer = fake.answer();
    await done;
    if (answer.status !== 'solved') throw new Error('the engine should solve OPEN');
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', applied: false });
    expect(kept()).toEqual([expect.objectContaining({ lurd: answer.solution, by: ['solver'] })]);
  });

  it('does not credit the solver with moves the user played to solved before pressing Solve', async () => {
    const { game, fake, solver, kept } = setup();
    game.getState().play('dllluuRRR');
    const done = solver.getState().solve();
    await flush();
    fake.answer(); // the engine, asked on a solved board: an empty solution
    await done;
    expect(solver.getState().outcome).toMatchObject({ status: 'solved', solution: '' });
    expect(kept()).toEqual([expect.objectContaining({ lurd: 'dllluuRRR', by: ['user'] })]);
  });

  it('keeps nothing from an answer that does not solve the level', async () => {
    const { solver, fake, kept, bests } = setup();
    const done = solver.getState().solve();
    await flush();
    fake.answer({
      status: 'solved',
      solution: 'uu',
      moves: 2,
      pushes: 0,
      optimal: false,
      ms: 1,
      nodes: 1,
    });
    await done;
    expect(kept()).toEqual([]);
    expect(bests()).toBeUndefined();
  });
});
