import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MovesPanel } from '../../src/app/MovesPanel';
import { selectHistory, selectPlayedMoves, useGameStore } from '../../src/store/game';
import { resetGame } from './helpers';

// Made up here: a corridor with one box, room to step up and down on the way.
const ROOMY = ['Roomy', '#########', '#       #', '#@   $ .#', '#       #', '#########'].join('\n');

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
  expect(useGameStore.getState().load(ROOMY)).toBe(true);
});

const game = () => useGameStore.getState();

describe('branches in the Moves panel', () => {
  it('lists nothing until a move after an undo leaves a line behind', () => {
    render(<MovesPanel />);
    act(() => {
      game().play('rrr');
      game().undo();
    });
    expect(screen.queryByRole('list', { name: 'Branches' })).toBeNull();
  });

  it('returns to a branch by keyboard, and the line left becomes a branch', async () => {
    const user = userEvent.setup();
    render(<MovesPanel />);
    act(() => {
      game().play('rrrr');
      game().seek(1);
      game().play('du'); // a new line: r d u, the old r r r R kept as branch 1
    });
    expect(selectPlayedMoves(game())).toBe('rdu');
    const list = screen.getByRole('list', { name: 'Branches' });
    const button = within(list).getByRole('button', { name: 'Return to branch 1 (4 moves)' });
    expect(within(list).getAllByRole('button')).toHaveLength(1);

    act(() => button.focus());
    await user.keyboard('{Enter}');
    expect(selectHistory(game())).toMatchObject({ moves: 'rrrR', cursor: 4 });
    expect(screen.getByText('Returned to branch 1: 4 moves.')).toBeInTheDocument();
    // And back again: the line just left is the branch now.
    await user.click(screen.getByRole('button', { name: 'Return to branch 1 (3 moves)' }));
    expect(selectHistory(game())).toMatchObject({ moves: 'rdu', cursor: 3 });
  });

  it('names each branch by its number and length, oldest first', () => {
    render(<MovesPanel />);
    act(() => {
      game().play('rr');
      game().seek(0);
      game().play('d');
      game().seek(0);
      game().play('u');
    });
    const names = within(screen.getByRole('list', { name: 'Branches' }))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['Return to branch 1 (2 moves)', 'Return to branch 2 (1 moves)']);
  });
});
