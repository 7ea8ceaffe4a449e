import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LevelEditor from '../../src/app/editor/LevelEditor';
import type { SolverLike } from '../../src/app/editor/solvability';
import { solve } from '../../src/solver/index';
import { printBoard } from '../../src/sokoban';
import { selectLevel, useGameStore } from '../../src/store/game';
import { noCanvas, resetGame } from './helpers';

/** The real engine, called in this thread instead of a worker. */
const engineSolver = (): SolverLike => ({
  solve: (level, options) => new Promise((resolve) => resolve(solve(level, options))),
  cancel: () => {},
  dispose: () => {},
});

function renderEditor(onClose = vi.fn()) {
  const user = userEvent.setup();
  render(<LevelEditor onClose={onClose} createSolver={engineSolver} />);
  return { user, onClose, grid: screen.getByTestId('editor-grid') };
}

const solvability = () => screen.getByRole('status', { name: 'Solvability' });

/** Draws a 8×6 ring of walls, then player, box and goal in the second row, by keyboard only. */
async function drawByKeyboard(user: ReturnType<typeof userEvent.setup>, grid: HTMLElement) {
  grid.focus();
  await user.keyboard(' ');
  await user.keyboard('{Shift>}' + '{ArrowRight}'.repeat(7) + '{ArrowDown}'.repeat(5));
  await user.keyboard('{ArrowLeft}'.repeat(7) + '{ArrowUp}'.repeat(4) + '{/Shift}');
  await user.keyboard('{ArrowRight}p {ArrowRight}b {ArrowRight}g ');
}

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
});

describe('level editor', () => {
  it('starts on a copy of the level on the board, with six tools in the Tool radio group', () => {
    renderEditor();
    const group = screen.getByRole('radiogroup', { name: 'Tool' });
    for (const name of ['Wall', 'Floor', 'Box', 'Goal', 'Player', 'Erase'])
      expect(screen.getByRole('radio', { name })).toBeInTheDocument();
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Wall' })).toBeChecked();
    expect(screen.getByText(/A valid level: 2 boxes/)).toBeInTheDocument();
  });

  it('draws a level from an empty grid by keyboard, checks it, and plays it', async () => {
    const game = useGameStore.getState();
    const before = selectLevel(game);
    const { user, grid, onClose } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByText(/No walls yet/)).toBeInTheDocument();
    await drawByKeyboard(user, grid);
    expect(screen.getByRole('radio', { name: 'Goal' })).toBeChecked();
    await waitFor(() => expect(solvability()).toHaveTextContent('Solvable in 1 push (optimal)'));
    expect(selectLevel(useGameStore.getState())).toBe(before); // the game is untouched so far
    await user.click(screen.getByRole('button', { name: 'Play this level' }));
    expect(onClose).toHaveBeenCalled();
    const played = selectLevel(useGameStore.getState());
    expect(played && printBoard(played)).toBe(
      ['########', '#@$.   #', '#      #', '#      #', '#      #', '########'].join('\n'),
    );
  });

  it('paints by dragging the pointer, one undo step per stroke; undo and redo', async () => {
    const { user, grid } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    // jsdom lays nothing out: cells are 32 px from the canvas's corner at (0, 0).
    const at = (row: number, col: number) => ({ clientX: col * 32 + 16, clientY: row * 32 + 16 });
    fireEvent.pointerDown(grid, { pointerId: 1, button: 0, ...at(0, 0) });
    fireEvent.pointerMove(grid, { pointerId: 1, ...at(0, 7) }); // skips squares: all are painted
    fireEvent.pointerUp(grid, { pointerId: 1, ...at(0, 7) });
    expect(screen.getByText(/Row 1, column 8: wall/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Box' }));
    fireEvent.pointerDown(grid, { pointerId: 2, button: 0, ...at(2, 2) });
    fireEvent.pointerUp(grid, { pointerId: 2, ...at(2, 2) });
    await user.click(screen.getByRole('button', { name: 'Undo edit' }));
    expect(screen.getByText(/No player/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo edit' }));
    expect(screen.getByText(/No walls yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Redo edit' }));
    await user.click(screen.getByRole('button', { name: 'Redo edit' }));
    expect(screen.getByText(/Row 3, column 3: box/)).toBeInTheDocument();
    grid.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByText(/Row 1, column 3: wall/)).toBeInTheDocument();
  });

  it('says why a drawing is not a level yet, in the parser’s words, and reports unsolvable', async () => {
    const { user, grid } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await drawByKeyboard(user, grid);
    grid.focus();
    // A second box in a corner: counts differ, then with its goal it is unsolvable.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowLeft}{ArrowLeft}b ');
    expect(
      screen.getByText(/Boxes and goals differ in number: 2 boxes, 1 goal/),
    ).toBeInTheDocument();
    expect(solvability()).toHaveTextContent(/^Not checked/);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}g ');
    await waitFor(() => expect(solvability()).toHaveTextContent(/^Unsolvable \(/));
  });

  it('adds rows and columns and adds the level to the collection, keeping the game', async () => {
    const { user } = renderEditor();
    useGameStore.getState().move('l');
    const entries = useGameStore.getState().entries.length;
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    await user.click(screen.getByRole('button', { name: 'Remove column' }));
    expect(screen.getByTestId('editor-grid').getAttribute('aria-label')).toMatch(/9 by 7/);
    await user.click(screen.getByRole('button', { name: 'Add to collection' }));
    const game = useGameStore.getState();
    expect(game.entries).toHaveLength(entries + 1);
    expect(game.histories['0']?.cursor).toBe(1);
    expect(screen.getByRole('status', { name: 'Editor notes' })).toHaveTextContent(
      `Added as level ${entries + 1} of the collection.`,
    );
  });

  it('toggles the dead-square overlay', async () => {
    const { user } = renderEditor();
    const toggle = screen.getByRole('button', { name: 'Dead squares' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });
});
