import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/solve';
import {
  type BatchRow,
  batchCsv,
  batchJsonLines,
  createBatchStore,
  sortRows,
} from '../../src/store/batch';
import { createGameStore, selectHistory } from '../../src/store/game';
import { PROGRESS_KEY, collectionKey, useProgressStore } from '../../src/store/progress';
import { SOLUTIONS_KEY, selectSolutions, useSolutionsStore } from '../../src/store/solutions';
import { verifySolution } from '../../src/solver/report';
import type { SolveMode } from '../../src/solver/api';
import { SolverPool } from '../../src/worker/pool';
import type { SolverRequest } from '../../src/worker/protocol';
import { COLLECTION } from '../cli/fixtures';
import { engineFactory } from '../worker/engine-worker';
import { type FakeWorker, fakeFactory } from '../worker/fake-worker';

/** The worker's latest request gets the one-move answer "L" (which solves only level B below). */
function answerL(worker: FakeWorker, optimal: boolean): void {
  const request = worker.last as Extract<SolverRequest, { type: 'solve' }>;
  worker.reply({
    type: 'result',
    id: request.id,
    result: { status: 'solved', solution: 'L', moves: 1, pushes: 1, optimal, nodes: 1, ms: 0 },
  });
}

/** The CLI's own output for the same text, through its main() with the file read from memory. */
function cliLines(text: string, mode: SolveMode): string[] {
  const out: string[] = [];
  main(['collection.txt', '--json', '--mode', mode], {
    stdout: (l) => out.push(l),
    stderr: () => undefined,
    readFile: () => text,
  });
  return out;
}

const withoutTime = (line: string) => {
  const { ms: _ms, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return rest;
};

let game: ReturnType<typeof createGameStore>;
const settings = { mode: 'fast' as SolveMode, timeLimitS: 10 };

function batchWith(createPool: () => SolverPool | null) {
  return createBatchStore({
    game,
    solver: { getState: () => settings },
    createPool,
    flushMs: 0,
  });
}

const enginePool =
  (size = 2) =>
  () =>
    new SolverPool({ size, createWorker: engineFactory().create, stallTimeoutMs: 0 });

beforeEach(() => {
  localStorage.clear();
  useProgressStore.setState({ data: {} });
  useSolutionsStore.setState({ data: {} });
  game = createGameStore({ getStorage: () => null, name: 'batch-test' });
  expect(game.getState().load(COLLECTION)).toBe(true);
  settings.mode = 'fast';
});

describe('Solve all (store)', () => {
  it.each(['fast', 'optimal'] as const)(
    'in %s mode exports the lines npm run solve --json prints for the same levels',
    async (mode) => {
      settings.mode = mode;
      const batch = batchWith(enginePool());
      await batch.getState().start();
      const s = batch.getState();
      expect(s).toMatchObject({ status: 'done', total: 6, done: 6, solved: 4, mode, workers: 2 });
      const exported = batchJsonLines(s.rows).trimEnd().split('\n');
      const cli = cliLines(COLLECTION, mode);
      expect(exported.map((l) => Object.keys(JSON.parse(l) as object))).toEqual(
        cli.map((l) => Object.keys(JSON.parse(l) as object)),
      );
      // Times differ from run to run; everything else, nodes included, is the same search.
      expect(exported.map(withoutTime)).toEqual(cli.map(withoutTime));
      if (mode === 'optimal')
        expect(s.rows.filter((r) => r.status === 'solved').every((r) => r.optimal)).toBe(true);
    },
  );

  it('exports the same rows as CSV, with the JSON keys as the header and quoting where needed', async () => {
    game.getState().load('Say "hi", then push\n#####\n#@$.#\n#####\n');
    const batch = batchWith(enginePool(1));
    await batch.getState().start();
    const csv = batchCsv(batch.getState().rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row, extra] = csv.split('\r\n');
    expect(header).toBe('index,title,status,solution,moves,pushes,ms,nodes,message');
    expect(row).toMatch(/^1,"Say ""hi"", then push",solved,R,1,1,\d+,\d+,$/);
    expect(extra).toBe('');
  });

  it('marks the level of a crashed worker as failed and carries on with a fresh worker', async () => {
    const { create, workers } = fakeFactory();
    game.getState().load('A\n#####\n#@$.#\n#####\n\nB\n#####\n#.$@#\n#####\n');
    const batch = batchWith(
      () => new SolverPool({ size: 1, createWorker: create, stallTimeoutMs: 0 }),
    );
    const running = batch.getState().start();
    await new Promise((r) => setTimeout(r, 0));
    workers[0]!.crash('Uncaught InternalError: too much recursion');
    await new Promise((r) => setTimeout(r, 0));
    answerL(workers[1]!, false);
    await running;
    const rows = batch.getState().rows;
    expect(batch.getState()).toMatchObject({ status: 'done', done: 2, solved: 1 });
    expect(rows.find((r) => r.index === 1)).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /crashed: Uncaught InternalError: too much recursion.*fresh worker/,
      ),
    });
    expect(rows.find((r) => r.index === 2)).toMatchObject({ status: 'solved', solution: 'L' });
  });

  it('does not report a solution that does not replay as solved, nor keep it', async () => {
    const { create, workers } = fakeFactory();
    game.getState().load('A\n#####\n#@$.#\n#####\n');
    const batch = batchWith(
      () => new SolverPool({ size: 1, createWorker: create, stallTimeoutMs: 0 }),
    );
    const running = batch.getState().start();
    await new Promise((r) => setTimeout(r, 0));
    answerL(workers[0]!, true);
    await running;
    expect(batch.getState().rows[0]).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/engine bug: the solution does not replay/),
    });
    expect(batch.getState().solved).toBe(0);
    expect(useSolutionsStore.getState().data).toEqual({});
    expect(useProgressStore.getState().data).toEqual({});
  });

  it("records each solved level's solution as the solver's, never as the player's, saved once per batch of rows", async () => {
    const entries = game.getState().entries;
    const key = collectionKey(entries);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const batch = createBatchStore({
      game,
      solver: { getState: () => settings },
      createPool: enginePool(),
      flushMs: 60_000, // every row arrives in the one flush at the end
    });
    await batch.getState().start();
    // A level solved as it stands has the empty solution: nothing to keep (as for Solve).
    const solved = batch.getState().rows.filter((r) => r.status === 'solved' && r.solution !== '');
    expect(solved).toHaveLength(3);
    const progress = useProgressStore.getState().data[key]?.levels ?? {};
    for (const row of solved) {
      const entry = entries[row.entry];
      if (!entry?.ok) throw new Error('a solved row of an unreadable level');
      const kept = selectSolutions(useSolutionsStore.getState().data, key, row.index);
      expect(kept.map((s) => [s.lurd, s.by])).toEqual([[row.solution, ['solver']]]);
      expect(verifySolution(entry.level, kept[0]!.lurd)).toEqual({ ok: true });
      const score = { moves: row.moves, pushes: row.pushes };
      expect(progress[row.index]).toEqual({ solver: { bestMoves: score, bestPushes: score } });
    }
    // The levels without a solution have nothing recorded, and no level is the player's.
    expect(Object.keys(progress).sort()).toEqual(solved.map((r) => String(r.index)).sort());
    const writes = (k: string) => setItem.mock.calls.filter(([name]) => name === k).length;
    expect([writes(SOLUTIONS_KEY), writes(PROGRESS_KEY)]).toEqual([1, 1]);
    // Both survive a reload: what was saved reads back the same.
    expect(JSON.parse(localStorage.getItem(SOLUTIONS_KEY)!)).toEqual(
      useSolutionsStore.getState().data,
    );
  });

  it('cancel stops the batch at once and keeps the rows so far', async () => {
    const { create, workers } = fakeFactory();
    const batch = batchWith(
      () => new SolverPool({ size: 1, createWorker: create, stallTimeoutMs: 0 }),
    );
    const running = batch.getState().start();
    await new Promise((r) => setTimeout(r, 0));
    // The invalid level needs no worker: its row is there from the start.
    batch.getState().cancel();
    await running;
    expect(workers[0]!.terminated).toBe(true);
    const s = batch.getState();
    expect(s.status).toBe('cancelled');
    expect(s.finishedAt).not.toBeNull();
    expect(s.rows.map((r) => [r.index, r.status])).toEqual([[4, 'invalid']]);
    expect(s.rows[0]?.message).toMatch(/^Unknown character "x".* \(line 26, column 4\)$/);
  });

  it('says so when the browser cannot run workers', async () => {
    const batch = batchWith(() => null);
    await batch.getState().start();
    expect(batch.getState()).toMatchObject({
      status: 'idle',
      error: 'This browser cannot run the solver (no Web Workers).',
    });
  });

  it("opens a row with its solution ready to play, and never over the player's own moves", async () => {
    const batch = batchWith(enginePool(1));
    await batch.getState().start();
    const row = batch.getState().rows.find((r) => r.index === 3)!;
    expect(batch.getState().openRow(row.entry)).toBe(true);
    let g = game.getState();
    expect(g.currentIndex).toBe(2);
    expect(selectHistory(g)).toEqual({ moves: row.solution, cursor: 0 });
    expect(g.notice?.text).toMatch(/Level 3 opened with its solution, \d+\/\d+.*press Play/);

    // Moves of the player's own on level 2: the solution opens in a copy, the moves stay.
    g.chooseLevel(1);
    expect(game.getState().move('u')).toBe(true);
    const own = selectHistory(game.getState()).moves;
    const first = batch.getState().rows.find((r) => r.index === 2)!;
    expect(first.solution).not.toBe(own);
    expect(batch.getState().openRow(first.entry)).toBe(true);
    g = game.getState();
    expect(g.entries).toHaveLength(7);
    expect(g.currentIndex).toBe(6);
    expect(selectHistory(g)).toEqual({ moves: first.solution, cursor: 0 });
    expect(g.histories['1']?.moves).toBe(own);
    expect(g.notice?.text).toMatch(/in a copy added as level 7/);
  });
});

describe('sortRows', () => {
  const row = (index: number, over: Partial<BatchRow> = {}): BatchRow => ({
    index,
    title: String(index),
    status: 'solved',
    solution: 'R',
    moves: 10 - index,
    pushes: 1,
    ms: index,
    nodes: 1,
    message: null,
    entry: index - 1,
    optimal: false,
    ...over,
  });
  const rows = [
    row(1),
    row(2, { status: 'limit', moves: null, pushes: null, solution: null, optimal: null }),
    row(3),
    row(10, { title: '10', moves: 3 }),
  ];
  const order = (column: Parameters<typeof sortRows>[1]['column'], up = true) =>
    sortRows(rows, { column, direction: up ? 'ascending' : 'descending' }).map((r) => r.index);

  it('sorts by any column either way, levels without a value last, ties by position', () => {
    expect(order('moves')).toEqual([10, 3, 1, 2]);
    expect(order('moves', false)).toEqual([1, 3, 10, 2]);
    expect(order('title')).toEqual([1, 2, 3, 10]); // numbers as numbers, not "10" < "2"
    expect(order('status')).toEqual([1, 3, 10, 2]);
    expect(order('pushes', false)).toEqual([1, 3, 10, 2]);
    expect(order('position', false)).toEqual([10, 3, 2, 1]);
    expect(order('ms', false)).toEqual([10, 3, 2, 1]);
  });
});
