/**
 * The Solve all store (zustand, not persisted): every level of the loaded collection solved on a
 * pool of workers (src/worker/pool.ts), in the solver panel's mode and time limit, with the
 * results as the command line reports them (src/solver/report.ts).
 *
 * STATE
 *   status        'idle' | 'running' | 'done' | 'cancelled'
 *   total / done / solved   levels in the batch, levels with a verdict, of them solved
 *   mode, timeLimitS, workers   what the batch runs with (read when it starts)
 *   startedAt / finishedAt      performance.now() at the start and at the end (null while running)
 *   rows          one row per level with a verdict, in the order they finished
 *   sort          the results table's order: a column and a direction
 *   error         why the batch could not start (no Web Workers), or null
 *
 * ACTIONS
 *   start()        solves every level of the game store's collection; invalid levels get their
 *                  `invalid` row at once. Ignored while a batch runs.
 *   cancel()       stops every worker at once; the rows so far stay (and can be exported)
 *   setSort(column)  sorts by that column; again on the same column reverses the direction
 *   openRow(entry) opens that level in the game, with its solution ready to play
 *
 * Rows reach the state in batches (every `flushMs`), not one set() per level: a Boxoban level
 * takes about a millisecond, and a re-render of the table per level would cost more than that.
 * The solutions of the solved rows are recorded as the solver's (kept solutions and bests, as a
 * single Solve's are: solution-tracking.ts) with each batch of rows, one save per batch. They are
 * never the user's: the level is not marked solved.
 */
import { create } from 'zustand';
import { type Level, type LevelEntry, sameBoard } from '../sokoban';
import type { SolveMode } from '../solver/api';
import {
  type SolveLine,
  csvHeader,
  csvLine,
  errorLine,
  invalidLine,
  jsonLine,
  resultLine,
} from '../solver/report';
import { type PoolOutcome, type PoolTask, SolverPool, poolSize } from '../worker/pool';
import type { WorkerSolveOptions } from '../worker/protocol';
import { type GameStore, useGameStore } from './game';
import { type EntrySolution, recordSolutions } from './solution-tracking';
import { BROWSER_MEMORY_MB, useSolverStore } from './solver';

export type BatchStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface BatchRow extends SolveLine {
  /** The level's 0-based place in the game's entries when the batch started. */
  readonly entry: number;
  /** Solved with the fewest pushes proven (optimal mode); null unless solved. */
  readonly optimal: boolean | null;
}

export type SortColumn = 'position' | 'title' | 'status' | 'moves' | 'pushes' | 'ms' | 'optimal';
export type SortDirection = 'ascending' | 'descending';

export interface BatchSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

export interface BatchData {
  readonly status: BatchStatus;
  readonly total: number;
  readonly done: number;
  readonly solved: number;
  readonly mode: SolveMode;
  readonly timeLimitS: number;
  readonly workers: number;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly rows: readonly BatchRow[];
  readonly sort: BatchSort;
  readonly error: string | null;
}

export interface BatchActions {
  start: () => Promise<void>;
  cancel: () => void;
  setSort: (column: SortColumn) => void;
  openRow: (entry: number) => boolean;
}

export type BatchState = BatchData & BatchActions;

/** What the store needs of a pool (src/worker/pool.ts); tests may pass their own. */
export interface BatchPool {
  readonly size: number;
  run(
    tasks: readonly PoolTask[],
    options: WorkerSolveOptions,
    onDone: (task: PoolTask, outcome: PoolOutcome) => void,
  ): Promise<boolean>;
  cancel(): void;
}

export interface BatchStoreOptions {
  readonly game?: GameStore;
  /** Where the mode and the time limit are read (the solver panel's store). */
  readonly solver?: { getState(): { readonly mode: SolveMode; readonly timeLimitS: number } };
  /** Makes the pool on the first start; null when workers are unavailable. */
  readonly createPool?: () => BatchPool | null;
  readonly now?: () => number;
  /** How often finished rows are handed to the state while running (ms). */
  readonly flushMs?: number;
}

/** All the workers together get about this much memory for their tables (MB). */
const POOL_MEMORY_MB = 1024;

/** Each worker's memory cap: the single solve's, less when many workers share the budget. */
export function workerMemoryMb(workers: number): number {
  return Math.max(64, Math.min(BROWSER_MEMORY_MB, Math.floor(POOL_MEMORY_MB / workers)));
}

function defaultPool(): BatchPool | null {
  if (typeof Worker === 'undefined') return null;
  const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  return new SolverPool({ size: poolSize(cores) });
}

/** The row of a level the pool has answered for. */
function rowOf(task: PoolTask, title: string, index: number, outcome: PoolOutcome): BatchRow {
  if (!outcome.ok) {
    const why = outcome.message.replace(/\s*a fresh one will start on the next request\.?$/, '');
    return {
      ...errorLine(index, title, `${why} The next level went to a fresh worker.`),
      entry: task.key,
      optimal: null,
    };
  }
  const line = resultLine(index, title, task.level, outcome.result);
  const optimal =
    line.status === 'solved' && outcome.result.status === 'solved' ? outcome.result.optimal : null;
  return { ...line, entry: task.key, optimal };
}

const IDLE: BatchData = {
  status: 'idle',
  total: 0,
  done: 0,
  solved: 0,
  mode: 'fast',
  timeLimitS: 0,
  workers: 0,
  startedAt: 0,
  finishedAt: null,
  rows: [],
  sort: { column: 'position', direction: 'ascending' },
  error: null,
};

/**
 * Finished rows held back and handed on together, at most `flushMs` after the first of them
 * (see the opening comment: one set() per level would cost more than the level).
 */
function rowBuffer(flushMs: number, deliver: (rows: BatchRow[]) => void) {
  let pending: BatchRow[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const added = pending;
    pending = [];
    deliver(added);
  };
  return {
    flush,
    add(row: BatchRow) {
      pending.push(row);
      if (timer === null) timer = setTimeout(flush, flushMs);
    },
    /** Drops the rows not handed on yet (a new batch starts). */
    clear() {
      pending = [];
    },
  };
}

/** A batch's work: the playable levels as pool tasks, and the rows of the invalid ones. */
function planBatch(entries: readonly LevelEntry[]) {
  const tasks: PoolTask[] = [];
  const titles = new Map<number, { index: number; title: string }>();
  const levels = new Map<number, Level>();
  const invalid: BatchRow[] = [];
  entries.forEach((entry, i) => {
    if (!entry.ok) {
      invalid.push({ ...invalidLine(entry), entry: i, optimal: null });
      return;
    }
    levels.set(i, entry.level);
    titles.set(i, { index: entry.index, title: entry.title });
    tasks.push({ key: i, level: entry.level });
  });
  return { tasks, titles, levels, invalid };
}

/** The sort after a click on `column`: that column ascending, or the other way if it was on. */
function nextSort(sort: BatchSort, column: SortColumn): BatchSort {
  if (sort.column !== column) return { column, direction: 'ascending' };
  return { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The state as a batch of `total` levels starts (the sort stays as the user left it). */
function runningData(
  total: number,
  mode: SolveMode,
  timeLimitS: number,
  poolSize: number,
  startedAt: number,
): Partial<BatchData> {
  return {
    status: 'running',
    total,
    done: 0,
    solved: 0,
    mode,
    timeLimitS,
    workers: Math.min(poolSize, Math.max(1, total)),
    startedAt,
    finishedAt: null,
    rows: [],
    error: null,
  };
}

/** The counts and rows once `added` have reached the state. */
function withRows(data: BatchData, added: readonly BatchRow[]): Partial<BatchData> {
  return {
    rows: data.rows.concat(added),
    done: data.done + added.length,
    solved: data.solved + added.filter((r) => r.status === 'solved').length,
  };
}

/** The solutions of the rows that are solved (each replayed already: resultLine). */
function solvedOf(rows: readonly BatchRow[]): EntrySolution[] {
  return rows.flatMap((r) =>
    r.status === 'solved' && r.solution ? [{ entry: r.entry, lurd: r.solution }] : [],
  );
}

/** The pool, made on the first start that needs it; the maker can be replaced (tests). */
function poolHolder(make: () => BatchPool | null) {
  let pool: BatchPool | null = null;
  return {
    /** The pool, or why there is none. */
    ready(): { ok: true; pool: BatchPool } | { ok: false; message: string } {
      try {
        pool ??= make();
      } catch (error) {
        return { ok: false, message: `The solver could not be started: ${String(error)}` };
      }
      if (!pool)
        return { ok: false, message: 'This browser cannot run the solver (no Web Workers).' };
      return { ok: true, pool };
    },
    cancel() {
      pool?.cancel();
    },
    replace(next: () => BatchPool | null) {
      make = next;
      pool = null;
    },
  };
}

export function createBatchStore(options: BatchStoreOptions = {}) {
  const game = options.game ?? useGameStore;
  const solver = options.solver ?? useSolverStore;
  const now = options.now ?? (() => performance.now());
  const pools = poolHolder(options.createPool ?? defaultPool);
  /** The batch's levels by entry, kept for openRow (plain data, never rendered). */
  let levels = new Map<number, Level>();
  /** The collection the batch runs on, as it was when it started: its rows' entries are of it. */
  let batchEntries: readonly LevelEntry[] = [];
  let run = 0;

  const store = create<BatchState>()((set, get) => {
    const buffer = rowBuffer(options.flushMs ?? 250, (added) => {
      set(withRows(get(), added));
      recordSolutions(batchEntries, solvedOf(added), 'solver');
    });
    return {
      ...IDLE,

      async start() {
        if (get().status === 'running') return;
        const { entries } = game.getState();
        const { mode, timeLimitS } = solver.getState();
        const ready = pools.ready();
        if (!ready.ok) return set({ error: ready.message });
        const { pool } = ready;
        const id = ++run;
        buffer.clear();
        const plan = planBatch(entries);
        levels = plan.levels;
        batchEntries = entries;
        set(runningData(entries.length, mode, timeLimitS, pool.size, now()));
        for (const row of plan.invalid) buffer.add(row);
        const finished = await pool.run(
          plan.tasks,
          { mode, timeLimitMs: timeLimitS * 1000, memoryLimitMb: workerMemoryMb(pool.size) },
          (task, outcome) => {
            const { index, title } = plan.titles.get(task.key)!;
            buffer.add(rowOf(task, title, index, outcome));
          },
        );
        if (id !== run) return;
        buffer.flush();
        set({ status: finished ? 'done' : 'cancelled', finishedAt: now() });
      },

      cancel() {
        if (get().status !== 'running') return;
        run++;
        pools.cancel();
        buffer.flush();
        set({ status: 'cancelled', finishedAt: now() });
      },

      setSort(column) {
        set({ sort: nextSort(get().sort, column) });
      },

      openRow(entry) {
        const row = get().rows.find((r) => r.entry === entry);
        const level = levels.get(entry);
        if (!row || !level) return false;
        return openLevelWith(game, entry, level, row);
      },
    };
  });

  return Object.assign(store, {
    /** Replaces the pool maker (tests); the next start makes a new pool with it. */
    configure(next: { createPool: () => BatchPool | null }) {
      store.getState().cancel();
      pools.replace(next.createPool);
    },
  });
}

/**
 * Opens the batch's level in the game with its solution on the redo stack, cursor at the start,
 * so that Play plays it. Where the level still is in the collection and holds no moves of its own
 * (or the same solution), it opens there; otherwise the game's openLevel finds it or adds a copy,
 * so no one's moves are overwritten.
 */
function openLevelWith(game: GameStore, entry: number, level: Level, row: BatchRow): boolean {
  const solution = row.status === 'solved' ? (row.solution ?? '') : '';
  const s = game.getState();
  const there = s.entries[entry];
  const history = s.histories[String(entry)];
  const free = !history || history.moves === '' || history.moves === solution;
  let at = entry;
  let added = false;
  if (there?.ok && sameBoard(there.level, level) && free) {
    s.chooseLevel(entry);
    if (solution !== '' && !game.getState().setMoves(solution, 0)) return false;
  } else {
    const opened = s.openLevel(level, solution);
    if (!opened.ok) {
      s.showAlert({
        source: 'level',
        message: `Level ${row.index} could not be opened: ${opened.message}`,
      });
      return false;
    }
    at = opened.index;
    added = opened.added;
  }
  const copy = added ? ` in a copy added as level ${at + 1} (the level has moves of its own)` : '';
  game
    .getState()
    .showNotice(
      solution === ''
        ? `Level ${row.index} opened${copy}.`
        : `Level ${row.index} opened${copy} with its solution, ${row.moves}/${row.pushes} (moves/pushes): press Play.`,
    );
  return true;
}

export type BatchStore = ReturnType<typeof createBatchStore>;

/** The app's Solve all store; its module loads with the batch panel, not with the page. */
export const useBatchStore: BatchStore = createBatchStore();

// ---- sorting --------------------------------------------------------------------------------

const STATUS_ORDER: Record<BatchRow['status'], number> = {
  solved: 0,
  limit: 1,
  unsolvable: 2,
  invalid: 3,
  error: 4,
};

/** A row's value in a column; null sorts after every value, in either direction. */
function sortKey(row: BatchRow, column: SortColumn): number | string | null {
  switch (column) {
    case 'position':
      return row.index;
    case 'title':
      return row.title;
    case 'status':
      return STATUS_ORDER[row.status];
    case 'moves':
      return row.moves;
    case 'pushes':
      return row.pushes;
    case 'ms':
      return row.ms;
    case 'optimal':
      return row.optimal === null ? null : row.optimal ? 0 : 1;
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The rows in the table's order: by the column, then by position (a stable, total order). */
export function sortRows(rows: readonly BatchRow[], sort: BatchSort): BatchRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const x = sortKey(a, sort.column);
    const y = sortKey(b, sort.column);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const c = typeof x === 'string' ? collator.compare(x, String(y)) : x - (y as number);
      if (c !== 0) return sign * c;
    }
    return a.index - b.index || a.entry - b.entry;
  });
}

/** The rows in the collection's order, as the command line prints them. */
export function inFileOrder(rows: readonly BatchRow[]): BatchRow[] {
  return rows.slice().sort((a, b) => a.entry - b.entry);
}

// ---- exports --------------------------------------------------------------------------------

/** JSON lines, one per level in the collection's order: the fields of `npm run solve -- --json`. */
export function batchJsonLines(rows: readonly BatchRow[]): string {
  return inFileOrder(rows)
    .map((row) => jsonLine(row) + '\n')
    .join('');
}

/** The same rows as CSV (RFC 4180: CRLF line ends), with the JSON line's keys as the header. */
export function batchCsv(rows: readonly BatchRow[]): string {
  return [csvHeader(), ...inFileOrder(rows).map(csvLine)].map((line) => line + '\r\n').join('');
}
