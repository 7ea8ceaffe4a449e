import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { selectHistory, useGameStore } from '../../src/store/game';
import { SPEEDS, usePlaybackStore } from '../../src/store/playback';
import { useSolverStore } from '../../src/store/solver';
import { FakeSolver } from '../store/fake-solver';
import { OPEN } from '../store/fixtures';
import { act, loadLevel, noCanvas, renderApp, resetGame, status } from './helpers';

/** On OPEN: walk left three and up one, then three pushes right onto the goal. */
const SOLUTION = 'llluRRR';

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
  useSolverStore.configure({ service: () => new FakeSolver() });
  useSolverStore.setState({ job: null, progress: null, outcome: null, deadlock: null });
  usePlaybackStore.getState().pause();
  usePlaybackStore.setState({ speed: 2, motion: null, reducedMotion: false });
});

const button = (name: string) => screen.getByRole('button', { name });
const where = () => screen.getByTestId('playback-where').textContent;
const h = () => selectHistory(useGameStore.getState());

async function withSolution(user: ReturnType<typeof renderApp>['user']) {
  await loadLevel(user, OPEN);
  act(() => {
    useGameStore.getState().setMoves(SOLUTION, 0);
  });
  await user.click(document.body);
}

describe('playback controls', () => {
  it('every control is there by name, with its key shown; the status keeps the counters and adds "Move 0 of 7" beside them', async () => {
    const { user } = renderApp();
    await withSolution(user);
    const group = screen.getByRole('group', { name: 'Playback controls' });
    for (const [name, key] of [
      ['Jump to start', 'Home'],
      ['Push back', '['],
      ['Move back', ','],
      ['Play', 'Space'],
      ['Move forward', '.'],
      ['Push forward', ']'],
      ['Jump to end', 'End'],
    ] as const) {
      expect(within(group).getByRole('button', { name })).toHaveAttribute('aria-keyshortcuts', key);
    }
    expect(screen.getByRole('slider', { name: 'Position' })).toHaveAttribute(
      'aria-valuetext',
      'Move 0 of 7',
    );
    expect(screen.getByRole('slider', { name: 'Speed' })).toHaveAttribute(
      'aria-valuetext',
      'Normal (8 moves/s)',
    );
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(where()).toBe('Move 0 of 7');
    const keys = screen.getByText('Playback keys').closest('details')!;
    for (const k of ['Space', ',', '.', '[', ']', 'Home', 'End', '-', '+', 'H', 'U', 'Esc'])
      expect(within(keys).getByText(k, { selector: 'kbd' })).toBeTruthy();
  });

  it('one move and one push back or forward, start and end, by button and by key', async () => {
    const { user } = renderApp();
    await withSolution(user);
    expect(button('Jump to start')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move forward' }));
    expect(where()).toBe('Move 1 of 7');
    expect(status()).toBe('Moves: 1 · Pushes: 0');
    await user.click(screen.getByRole('button', { name: 'Push forward' }));
    expect(where()).toBe('Move 5 of 7');
    expect(status()).toBe('Moves: 5 · Pushes: 1');
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(status()).toBe('Moves: 7 · Pushes: 3 · Solved');
    expect(button('Jump to end')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Push back' }));
    expect(where()).toBe('Move 6 of 7');
    await user.click(screen.getByRole('button', { name: 'Move back' }));
    expect(where()).toBe('Move 5 of 7');
    await user.click(document.body);
    await user.keyboard('{Home}');
    expect(where()).toBe('Move 0 of 7');
    await user.keyboard('...');
    expect(where()).toBe('Move 3 of 7');
    await user.keyboard(',');
    expect(where()).toBe('Move 2 of 7');
    await user.keyboard(']');
    expect(where()).toBe('Move 5 of 7');
    await user.keyboard('[['); // user-event's escape for '['
    expect(where()).toBe('Move 0 of 7');
    await user.keyboard('{End}');
    expect(status()).toMatch(/Solved$/);
  });

  it('the Position scrubber seeks anywhere; a move by hand then takes over and cuts the rest', async () => {
    const { user } = renderApp();
    await withSolution(user);
    fireEvent.change(screen.getByRole('slider', { name: 'Position' }), { target: { value: '4' } });
    expect(where()).toBe('Move 4 of 7');
    expect(status()).toBe('Moves: 4 · Pushes: 0');
    // The same move as the sequence's next one: the rest stays as Redo.
    await user.keyboard('{ArrowRight}');
    expect(where()).toBe('Move 5 of 7');
    expect(button('Redo')).toBeEnabled();
    // A different move: the rest is gone.
    await user.keyboard('{ArrowDown}');
    expect(where()).toBe('Move 6 of 6');
    expect(h().moves).toBe('llluRd');
    expect(button('Redo')).toBeDisabled();
  });

  it('Play animates to the end and shows Pause meanwhile; Pause stops; Space toggles', async () => {
    const { user } = renderApp();
    await withSolution(user);
    act(() => usePlaybackStore.getState().setSpeed(0)); // very slow: 2 moves/s, time to look
    await user.click(button('Play'));
    expect(button('Pause')).toBeInTheDocument();
    expect(usePlaybackStore.getState().playing).toBe(true);
    await user.click(button('Pause'));
    expect(button('Play')).toBeInTheDocument();
    const at = h().cursor;
    expect(at).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 700));
    expect(h().cursor).toBe(at);
    // Faster, and Space (on the page) plays on to the end.
    act(() => usePlaybackStore.getState().setSpeed(4));
    await user.click(document.body);
    await user.keyboard(' ');
    await waitFor(() => expect(status()).toBe('Moves: 7 · Pushes: 3 · Solved'), { timeout: 5000 });
    expect(usePlaybackStore.getState().playing).toBe(false);
    // Space on a focused button is the button's own: it must not also toggle.
    act(() => usePlaybackStore.getState().setSpeed(0));
    button('Play').focus();
    await user.keyboard(' ');
    expect(usePlaybackStore.getState().playing).toBe(true);
    act(() => usePlaybackStore.getState().pause());
  });

  it('the Speed slider goes from very slow to instant; instant jumps to the end', async () => {
    const { user } = renderApp();
    await withSolution(user);
    const speed = screen.getByRole('slider', { name: 'Speed' });
    expect(speed).toHaveAttribute('min', '0');
    expect(speed).toHaveAttribute('max', String(SPEEDS.length - 1));
    fireEvent.change(speed, { target: { value: '0' } });
    expect(speed).toHaveAttribute('aria-valuetext', 'Very slow (2 moves/s)');
    await user.keyboard('+++++');
    expect(speed).toHaveAttribute('aria-valuetext', 'Instant (jump to the end)');
    await user.click(button('Play'));
    expect(status()).toBe('Moves: 7 · Pushes: 3 · Solved');
  });

  it('Copy solution copies the whole sequence as LURD once it solves the level', async () => {
    const { user } = renderApp(); // user-event puts a clipboard stub in place
    await loadLevel(user, OPEN);
    expect(button('Copy solution')).toBeDisabled();
    act(() => {
      useGameStore.getState().setMoves(SOLUTION, 2);
    });
    await user.click(button('Copy solution'));
    await expect(navigator.clipboard.readText()).resolves.toBe('llluRRR');
    expect(screen.getByRole('note')).toHaveTextContent(
      'Copied the solution, 7/3 (moves/pushes), as LURD.',
    );
  });

  it("Watch from start: pasted moves from the level's start, ready to Play; an illegal move is named in the alert", async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.click(document.body);
    await user.keyboard('{ArrowUp}');
    const box = screen.getByRole('textbox', { name: 'Moves' });
    await user.type(box, '3l u 3R');
    await user.click(button('Watch from start'));
    expect(box).toHaveValue('');
    expect(where()).toBe('Move 0 of 7');
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    act(() => usePlaybackStore.getState().setSpeed(SPEEDS.length - 1));
    await user.click(button('Play'));
    expect(status()).toMatch(/Solved$/);

    await user.type(box, 'uuuu');
    await user.click(button('Watch from start'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Move 3 is illegal; the 2 moves before it were applied.',
    );
    expect(where()).toBe('Move 0 of 2');
  });

  it('prefers-reduced-motion: steps without slides, and says so', async () => {
    // jsdom has no matchMedia: give it one that prefers reduced motion.
    const matchMedia = (query: string) =>
      ({
        matches: query.includes('reduce'),
        media: query,
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList;
    Object.defineProperty(window, 'matchMedia', {
      value: matchMedia,
      configurable: true,
      writable: true,
    });
    try {
      const { user } = renderApp();
      await withSolution(user);
      expect(screen.getByText('Reduced motion: moves step without sliding.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Move forward' }));
      expect(usePlaybackStore.getState().motion).toBeNull();
      expect(where()).toBe('Move 1 of 7');
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });
});
