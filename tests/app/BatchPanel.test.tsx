import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { main } from '../../src/cli/solve';
import { useBatchStore } from '../../src/store/batch';
import { selectHistory, useGameStore } from '../../src/store/game';
import { useSolverStore } from '../../src/store/solver';
import { SolverPool } from '../../src/worker/pool';
import { timeLeftMs } from '../../src/app/batch/BatchProgress';
import { BatchTable, visibleRange } from '../../src/app/batch/BatchTable';
import type { BatchRow } from '../../src/store/batch';
import { COLLECTION } from '../cli/fixtures';
import { engineFactory } from '../worker/engine-worker';
import { fakeFactory } from '../worker/fake-worker';
import { loadLevel, noCanvas, renderApp, resetGame } from './helpers';

const button = (name: string) => screen.getByRole('button', { name });

function usePool(create: () => ReturnType<ReturnType<typeof engineFactory>['create']>) {
  useBatchStore.configure({
    createPool: () => new SolverPool({ size: 2, createWorker: create, stallTimeoutMs: 0 }),
  });
}

/** What the Export buttons download: file name, type and text, caught at the Blob URL. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const files: { name: string; blob: Blob }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs[Number(this.href.split('/').pop()) - 1]! });
  });
  return files;
}

async function solveAll(user: ReturnType<typeof renderApp>['user']) {
  await loadLevel(user, COLLECTION);
  await user.click(button('Solve all'));
  await screen.findByRole('progressbar', { name: 'Batch progress' });
}

const finished = () =>
  screen.findByText(/^Finished: \d+ of \d+ levels solved\.$/, undefined, { timeout: 20_000 });

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
  useSolverStore.setState({ mode: 'fast', timeLimitS: 10, job: null, outcome: null });
  usePool(engineFactory().create);
  useBatchStore.setState(useBatchStore.getInitialState(), true);
});

afterEach(() => {
  useBatchStore.getState().cancel();
});

describe('Solve all panel', () => {
  it('is one button until pressed; then it loads, solves every level and shows the progress', async () => {
    const { user } = renderApp();
    const region = screen.getByRole('region', { name: 'Whole collection' });
    expect(
      within(region)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Solve all']);
    await solveAll(user);
    await finished();
    const bar = screen.getByRole('progressbar', { name: 'Batch progress' });
    expect(bar).toHaveAttribute('max', '6');
    expect(bar).toHaveAttribute('value', '6');
    expect(bar).toHaveAttribute('aria-valuetext', '6 of 6 levels done, 4 solved');
    expect(screen.getByTestId('batch-counts')).toHaveTextContent(
      /^6 \/ 6 done · 4 solved · (\d+ ms|\d+(\.\d)? s) elapsed$/,
    );
    expect(screen.getByText('Fast, 10 s per level, 2 workers.')).toBeInTheDocument();
    expect(button('Solve all')).toBeEnabled();
    expect(button('Cancel Solve all')).toBeDisabled();
  });

  it('shows levels done, the time left while running, and Cancel stops every worker', async () => {
    const { create, workers } = fakeFactory();
    usePool(create);
    const { user } = renderApp();
    await solveAll(user);
    // Focus moves to Cancel (the pressed button is gone); the invalid level is done at once.
    await waitFor(() => expect(button('Cancel Solve all')).toHaveFocus());
    await waitFor(() =>
      expect(screen.getByTestId('batch-counts')).toHaveTextContent(
        /^1 \/ 6 done · 0 solved · .* elapsed · about .* left$/,
      ),
    );
    expect(workers).toHaveLength(2);
    await user.keyboard('{Enter}');
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(button('Solve all')).toHaveFocus();
    expect(
      screen.getByText('Cancelled after 1 of 6 levels; the results so far are kept.'),
    ).toBeInTheDocument();
    expect(button('Solve all')).toBeEnabled();
    expect(screen.getByRole('table', { name: 'Batch results' })).toBeInTheDocument();
  });

  it('sorts the results table by any column, both ways, with aria-sort on the header', async () => {
    const { user } = renderApp();
    await solveAll(user);
    await finished();
    const table = screen.getByRole('table', { name: 'Batch results' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Position ▲',
      'Title',
      'Status',
      'Moves',
      'Pushes',
      'ms',
      'Proven optimal',
    ]);
    const positions = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    const sortOf = (name: string) =>
      within(table)
        .getByRole('button', { name: new RegExp(`^${name}`) })
        .closest('th')!;
    expect(sortOf('Position')).toHaveAttribute('aria-sort', 'ascending');
    expect(positions()).toEqual(['1', '2', '3', '4', '5', '6']);

    await user.click(within(table).getByRole('button', { name: /^Moves/ }));
    expect(sortOf('Moves')).toHaveAttribute('aria-sort', 'ascending');
    expect(sortOf('Position')).not.toHaveAttribute('aria-sort');
    const moves = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[3]!.textContent);
    const ascending = moves();
    const solvedMoves = ascending.filter((m) => m !== '').map(Number);
    expect(solvedMoves).toEqual([...solvedMoves].sort((a, b) => a - b));
    expect(ascending.slice(4)).toEqual(['', '']); // unsolved levels last

    await user.click(within(table).getByRole('button', { name: /^Moves/ }));
    expect(sortOf('Moves')).toHaveAttribute('aria-sort', 'descending');
    expect(moves().slice(0, 4).map(Number)).toEqual([...solvedMoves].reverse());

    await user.click(within(table).getByRole('button', { name: /^Status/ }));
    const statuses = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[2]!.textContent ?? '');
    expect(statuses.map((s) => s.split(' ')[0])).toEqual([
      'solved',
      'solved',
      'solved',
      'solved',
      'unsolvable',
      'invalid',
    ]);
    // By keyboard too: the header buttons take Enter.
    within(table)
      .getByRole('button', { name: /^Title/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(sortOf('Title')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('exports CSV and JSON lines as files, the JSON in the fields and values of npm run solve --json', async () => {
    const files = catchDownloads();
    const { user } = renderApp();
    expect(screen.queryByRole('button', { name: 'Export JSON' })).toBeNull();
    await solveAll(user);
    await finished();
    await user.click(button('Export JSON'));
    await user.click(button('Export CSV'));
    expect(files.map((f) => [f.name, f.blob.type])).toEqual([
      ['solve-all-fast.jsonl', 'application/x-ndjson'],
      ['solve-all-fast.csv', 'text/csv'],
    ]);
    const cli: string[] = [];
    main(['c.txt', '--json'], {
      stdout: (l) => cli.push(l),
      stderr: () => undefined,
      readFile: () => COLLECTION,
    });
    const drop = (line: string) => {
      const { ms: _ms, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    };
    const json = (await files[0]!.blob.text()).trimEnd().split('\n');
    expect(json.map(drop)).toEqual(cli.map(drop));
    const csv = (await files[1]!.blob.text()).split('\r\n');
    expect(csv[0]).toBe('index,title,status,solution,moves,pushes,ms,nodes,message');
    expect(csv).toHaveLength(8); // header, six levels, and the empty string after the last CRLF
    const first = JSON.parse(json[0]!) as { solution: string; moves: number; nodes: number };
    expect(csv[1]).toMatch(
      new RegExp(`^1,One push,solved,${first.solution},${first.moves},1,\\d+,${first.nodes},$`),
    );
  });

  it('a row opens its level with its solution ready to play', async () => {
    const { user } = renderApp();
    await solveAll(user);
    await finished();
    const row = useBatchStore.getState().rows.find((r) => r.index === 3)!;
    await user.click(button('Open level 3 with its solution'));
    const game = useGameStore.getState();
    expect(game.currentIndex).toBe(2);
    expect(selectHistory(game)).toEqual({ moves: row.solution, cursor: 0 });
    expect(screen.getByRole('button', { name: 'Play' })).toBeEnabled();
    expect(screen.getByRole('note')).toHaveTextContent(
      `Level 3 opened with its solution, ${row.moves}/${row.pushes} (moves/pushes): press Play.`,
    );
    // A click anywhere on a row does the same (here the unsolvable level: no solution to load).
    await user.click(screen.getByRole('cell', { name: 'Cornered' }));
    expect(useGameStore.getState().currentIndex).toBe(4);
    expect(selectHistory(useGameStore.getState()).moves).toBe('');
  });
});

describe('timeLeftMs', () => {
  it('extrapolates the average time per level to the levels left', () => {
    expect(timeLeftMs(1000, 0, 10)).toBeNull();
    expect(timeLeftMs(1000, 4, 10)).toBe(1500);
    expect(timeLeftMs(1000, 10, 10)).toBe(0);
  });
});

describe('a long results table', () => {
  const rows: BatchRow[] = Array.from({ length: 1000 }, (_, i) => ({
    index: i + 1,
    title: String(i),
    status: 'solved',
    solution: 'R',
    moves: 1,
    pushes: 1,
    ms: 1000 - i,
    nodes: 1,
    message: null,
    entry: i,
    optimal: false,
  }));

  it('draws only the rows near its scroll box, and tells screen readers the full count', () => {
    useBatchStore.setState({ rows, status: 'done', total: 1000, done: 1000, solved: 1000 });
    render(<BatchTable />);
    const table = screen.getByRole('table', { name: 'Batch results' });
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    const drawn = () => table.querySelectorAll('tr.batch-row');
    expect(drawn().length).toBeLessThan(60);
    expect(drawn()[0]).toHaveAttribute('aria-rowindex', '2');
    // Scrolled to the middle: the rows there are drawn, with their place in the whole table.
    const box = table.parentElement!;
    box.scrollTop = 500 * 28;
    fireEvent.scroll(box);
    const around = [...drawn()].map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(around).toContain(502);
    expect(Math.min(...around)).toBeGreaterThan(400);
    expect(screen.getByRole('button', { name: 'Open level 501 with its solution' })).toBeVisible();
    // Sorting applies to all thousand rows, not just the drawn ones.
    box.scrollTop = 0;
    fireEvent.scroll(box);
    fireEvent.click(within(table).getByRole('button', { name: /^ms/ }));
    expect(within(drawn()[0] as HTMLElement).getAllByRole('cell')[5]).toHaveTextContent(/^1$/);
  });

  it('visibleRange draws all of a short table and a window of a long one', () => {
    expect(visibleRange(100, 5000, 300, 28)).toEqual({ from: 0, to: 100 });
    expect(visibleRange(1000, 0, 280, 28)).toEqual({ from: 0, to: 22 });
    expect(visibleRange(1000, 2800, 280, 28)).toEqual({ from: 88, to: 122 });
    expect(visibleRange(1000, 1e9, 280, 28)).toEqual({ from: 978, to: 1000 });
  });
});
