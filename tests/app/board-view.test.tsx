import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Board } from '../../src/app/Board';
import {
  FULL_RECTANGLE_KEY,
  FullRectangleOption,
  useBoardViewStore,
} from '../../src/app/board-view';
import { selectPosition, useGameStore } from '../../src/store/game';
import { board, noCanvas, resetGame } from './helpers';
import { WALLED_ROOM } from '../fixtures/levels';

const MASSY = `Massy\n${WALLED_ROOM}`;

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
  useBoardViewStore.setState({ fullRectangle: false });
  expect(useGameStore.getState().load(MASSY)).toBe(true);
});

function size() {
  const canvas = board();
  const cell = Number(canvas.dataset.cellSize);
  return {
    cols: parseFloat(canvas.style.width) / cell,
    rows: parseFloat(canvas.style.height) / cell,
    cell,
  };
}

describe('board trimming in the page', () => {
  it('shows only the room and its walls, and a click lands on the square under it', async () => {
    const user = userEvent.setup();
    render(<Board />);
    expect(size()).toMatchObject({ cols: 6, rows: 5 });
    // View cell (row 2, col 3) is the level's (4, 5): the goal next to the player.
    const { cell } = size();
    await user.pointer({
      keys: '[MouseLeft]',
      target: board(),
      coords: { clientX: 3.5 * cell, clientY: 2.5 * cell },
    });
    expect(selectPosition(useGameStore.getState())?.player).toBe(4 * 10 + 5);
  });

  it('keeps the full rectangle when the option is ticked, and remembers it', async () => {
    const user = userEvent.setup();
    render(
      <>
        <FullRectangleOption />
        <Board />
      </>,
    );
    const box = screen.getByRole('checkbox', { name: 'Full rectangle' });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(box).toBeChecked();
    expect(size()).toMatchObject({ cols: 10, rows: 8 });
    expect(localStorage.getItem(FULL_RECTANGLE_KEY)).toBe('yes');
    const { cell } = size();
    await user.pointer({
      keys: '[MouseLeft]',
      target: board(),
      coords: { clientX: 5.5 * cell, clientY: 4.5 * cell },
    });
    expect(selectPosition(useGameStore.getState())?.player).toBe(4 * 10 + 5);
  });
});
