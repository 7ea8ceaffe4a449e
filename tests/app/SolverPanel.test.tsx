import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { selectHistory, selectPosition, useGameStore } from '../../src/store/game';
import { usePlaybackStore } from '../../src/store/playback';
import { useSolverStore } from '../../src/store/solver';
import { FakeSolver, flush } from '../store/fake-solver';
import { OPEN } from '../store/fixtures';
import { act, loadLevel, noCanvas, renderApp, resetGame, status } from './helpers';

const DEAD_WALL = ['Dead wall', '#######', '#     #', '# $@$.#', '#    .#', '#######'].join('\n');

let fake: FakeSolver;

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
  fake = new FakeSolver();
  useSolverStore.configure({ service: () => fake });
  useSolverStore.cache.clear();
  useSolverStore.setState({
    mode: 'fast',
    timeLimitS: 10,
    job: null,
    progress: null,
    outcome: null,
    deadlock: null,
  });
  usePlaybackStore.getState().pause();
  usePlaybackStore.setState({ speed: 2, motion: null, reducedMotion: false });
});

/** Answers the latest solve (by default with the real engine's result) inside act(). */
function answer(...args: Parameters<FakeSolver['answer']>) {
  let r!: ReturnType<FakeSolver['answer']>;
  act(() => {
    r = fake.answer(...args);
  });
  return r;
}

/** Waits until the store has asked the worker about the position on the board (the check is debounced). */
async function checkAsked() {
  const here = selectPosition(useGameStore.getState())!;
  await waitFor(() =>
    expect(
      fake.checks.some((c) => !c.settled && c.position.boxes.join() === here.boxes.join()),
    ).toBe(true),
  );
}

function answerChecks() {
  let r!: ReturnType<FakeSolver['answerChecks']>;
  act(() => {
    r = fake.answerChecks();
  });
  return r;
}

const button = (name: string) => screen.getByRole('button', { name });
const panel = () => screen.getByRole('region', { name: 'Solver' });

async function start(user: ReturnType<typeof renderApp>['user'], text = OPEN) {
  await loadLevel(user, text);
  await user.click(document.body);
}

describe('solver panel', () => {
  it('has Solve, Cancel, Hint, the Mode choice and the time limit, by name', async () => {
    const { user } = renderApp();
    await start(user);
    expect(button('Solve')).toBeEnabled();
    expect(button('Cancel')).toBeDisabled();
    expect(button('Hint')).toBeEnabled();
    const mode = screen.getByRole('group', { name: 'Mode' });
    expect(within(mode).getByRole('radio', { name: 'Fast' })).toBeChecked();
    expect(within(mode).getByRole('radio', { name: 'Optimal (fewest pushes)' })).not.toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Time limit (s)' })).toHaveValue(10);
  });

  it('shows elapsed, nodes, nodes/s and bound while working; Cancel stops at once', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    expect(button('Cancel')).toBeEnabled();
    act(() => fake.progress({ nodes: 12345, nodesPerSecond: 67890.4, bound: 9, elapsedMs: 1500 }));
    const progress = screen.getByTestId('solver-progress');
    expect(progress).toHaveTextContent('Solving (fast, limit 10 s)');
    expect(progress).toHaveTextContent(/Elapsed(\d+ ms|\d+\.\d s)/);
    expect(progress).toHaveTextContent('Nodes12,345');
    expect(progress).toHaveTextContent('Nodes/s67,890');
    expect(progress).toHaveTextContent('Bound9');
    expect(progress).not.toHaveTextContent('Fewest pushes found');
    // Optimal mode's second pass: the pushes are proven, the bound now counts moves.
    act(() => fake.progress({ bound: 42, fewestMovesFor: 11 }));
    expect(progress).toHaveTextContent('Bound (moves)42');
    expect(progress).toHaveTextContent(
      'Fewest pushes found and proven: 11. Now looking for the fewest moves with as many pushes…',
    );
    await user.click(button('Cancel'));
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      /^Cancelled after (\d+ ms|\d+\.\d s)\.$/,
    );
    expect(screen.queryByTestId('solver-progress')).toBeNull();
    expect(button('Cancel')).toBeDisabled();
    expect(fake.cancels).toBe(1);
  });

  it('a solution reads "Solved: moves/pushes in t s, not proven optimal", goes into the history at the cursor, and the status shows Move 0 of N', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    const r = answer();
    await flush();
    if (r.status !== 'solved') throw new Error('expected a solution');
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      new RegExp(
        `^Solved: ${r.moves}/${r.pushes} in (\\d+ ms|\\d+\\.\\d s), not proven optimal\\. Press Play to watch it\\.$`,
      ),
    );
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(screen.getByTestId('playback-where')).toHaveTextContent(`Move 0 of ${r.moves}`);
    expect(selectHistory(useGameStore.getState())).toEqual({ moves: r.solution, cursor: 0 });
    // Asking again is instant (no new request) and says so.
    await user.click(button('Solve'));
    expect(fake.solves).toHaveLength(1);
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent('remembered from earlier');
  });

  it('Optimal mode and the time limit go to the worker; the outcome says "optimal"', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(screen.getByRole('radio', { name: 'Optimal (fewest pushes)' }));
    const limit = screen.getByRole('spinbutton', { name: 'Time limit (s)' });
    await user.clear(limit);
    await user.type(limit, '25');
    await user.click(button('Solve'));
    await flush();
    expect(fake.last.options).toMatchObject({ mode: 'optimal', timeLimitMs: 25_000 });
    const r = answer();
    await flush();
    expect(r).toMatchObject({ optimal: true, fewestMoves: true });
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      /, optimal \(fewest pushes, then fewest moves\)\./,
    );
  });

  it('the time limit: "Stopped at the time limit" with Try longer (doubles it) and Try Optimal', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    answer({
      status: 'limit',
      reason: 'time',
      message: 'Time limit reached after 4000 positions.',
      nodes: 4000,
      ms: 10_000,
    });
    await flush();
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      'Stopped at the time limit (10 s) after 4,000 positions, without a solution. That does not mean there is none.',
    );
    await user.click(button('Try longer'));
    await flush();
    expect(screen.getByRole('spinbutton', { name: 'Time limit (s)' })).toHaveValue(20);
    expect(fake.last.options.timeLimitMs).toBe(20_000);
    answer({
      status: 'limit',
      reason: 'memory',
      message: 'Memory limit (256 MB) reached',
      nodes: 9,
      ms: 100,
    });
    await flush();
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(/^Stopped at the memory limit/);
    expect(screen.queryByRole('button', { name: 'Try longer' })).toBeNull();
    await user.click(button('Try Optimal'));
    await flush();
    expect(fake.last.options.mode).toBe('optimal');
    expect(screen.getByRole('radio', { name: 'Optimal (fewest pushes)' })).toBeChecked();
  });

  it('"No solution exists" with the engine\'s reason; an invalid level shows its message', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    answer({ status: 'unsolvable', message: 'the box can never reach a goal.', nodes: 1, ms: 1 });
    await flush();
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      'No solution exists: the box can never reach a goal.',
    );
    // A walk changes nothing that matters: the proof is remembered.
    await user.keyboard('{ArrowUp}');
    await user.click(button('Solve'));
    expect(fake.solves).toHaveLength(1);
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent('No solution exists');
    act(() => useSolverStore.cache.clear());
    await user.click(button('Solve'));
    await flush();
    answer({ status: 'invalid', message: 'Level has 2 boxes but 1 goal.', nodes: 0, ms: 0 });
    await flush();
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      'The level cannot be solved as given: Level has 2 boxes but 1 goal.',
    );
  });

  it('a worker crash shows an alert, and the next Solve works', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    act(() => fake.crash('The solver worker crashed: RangeError.'));
    await flush();
    expect(within(panel()).getByRole('alert')).toHaveTextContent(
      'The solver worker crashed: RangeError. Press Solve to try again.',
    );
    await user.click(button('Solve'));
    await flush();
    answer();
    await flush();
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(/^Solved: /);
    expect(within(panel()).queryByRole('alert')).toBeNull();
  });

  it('Hint (button or H) writes the walk and the next push and plays them', async () => {
    const { user } = renderApp();
    await start(user);
    await user.keyboard('h');
    await flush();
    const r = answer();
    await flush();
    if (r.status !== 'solved') throw new Error('expected a solution');
    const part = r.solution.slice(0, r.solution.search(/[LURD]/) + 1);
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(
      `Hint: the next push is shown. A solution from here is ${r.moves}/${r.pushes}.`,
    );
    expect(selectHistory(useGameStore.getState()).moves).toBe(part);
    await waitFor(() => expect(status()).toBe(`Moves: ${part.length} · Pushes: 1`), {
      timeout: 5000,
    });
    // The next hint along the same solution needs no search.
    await user.click(button('Hint'));
    expect(fake.solves).toHaveLength(1);
  });

  it('Escape cancels a running solve; loading another level does too', async () => {
    const { user } = renderApp();
    await start(user);
    await user.click(button('Solve'));
    await flush();
    await user.click(document.body);
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('solver-outcome')).toHaveTextContent(/^Cancelled after/);
    await user.click(button('Solve'));
    await flush();
    await loadLevel(user, DEAD_WALL);
    expect(button('Cancel')).toBeDisabled();
    expect(screen.queryByTestId('solver-progress')).toBeNull();
    expect(fake.cancels).toBe(2);
  });
});

describe('deadlock warning', () => {
  it('after a push into a deadlock: the cause, the marked box, and U (or the button) undoes to before the push; input never waits', async () => {
    const { user } = renderApp();
    await start(user, DEAD_WALL);
    await user.keyboard('{ArrowLeft}');
    await flush();
    await checkAsked();
    answerChecks();
    await flush();
    const warning = screen.getByTestId('deadlock-warning');
    expect(warning).toHaveTextContent(
      'Deadlock: box on a dead square: it can never be pushed to a goal (the marked box). This position can no longer be solved.',
    );
    expect(useSolverStore.getState().deadlock?.boxes).toEqual([15]);
    await user.keyboard('{ArrowRight}'); // not blocked
    expect(status()).toBe('Moves: 2 · Pushes: 1');
    await user.keyboard('u');
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(screen.queryByTestId('deadlock-warning')).toBeNull();
    // Again, with the button this time.
    await user.keyboard('{ArrowLeft}');
    await flush();
    await checkAsked();
    answerChecks();
    await flush();
    await user.click(screen.getByRole('button', { name: /Undo to before the deadlock/ }));
    expect(status()).toBe('Moves: 0 · Pushes: 0');
  });

  it('no warning without a proof', async () => {
    const { user } = renderApp();
    await start(user, DEAD_WALL);
    await user.keyboard('{ArrowRight}'); // the right box onto its goal
    await flush();
    await checkAsked();
    const [report] = answerChecks();
    await flush();
    expect(report?.deadlocked).toBe(false);
    expect(screen.queryByTestId('deadlock-warning')).toBeNull();
    fireEvent.keyDown(window, { key: 'u' });
    expect(status()).toBe('Moves: 1 · Pushes: 1');
  });
});
