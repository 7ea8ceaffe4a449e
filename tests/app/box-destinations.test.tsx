/**
 * Box destinations, as a player uses them: pick a box (click, tap or the start of a drag), see
 * where it can go, click a marked square to push it there; Esc or another square lets it go.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { boxDestinations, startPosition } from '../../src/sokoban';
import { selectLevel, selectPosition, useGameStore } from '../../src/store/game';
import { OPEN } from '../store/fixtures';
import {
  act,
  board,
  cellPoint,
  loadLevel,
  noCanvas,
  renderApp,
  resetGame,
  status,
} from './helpers';

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
});

const marked = () => (board().dataset.destinations ?? '').split(' ').filter(Boolean).map(Number);
const label = () => board().getAttribute('aria-label') ?? '';

// OPEN: an 8 by 6 room, the box at cell 18, the player at cell 28; walls all round.
describe('box destinations', () => {
  it('a click on a box marks the squares it can be pushed to, and says how many', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    expect(marked()).toEqual([]);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    const state = useGameStore.getState();
    const expected = boxDestinations(selectLevel(state)!, selectPosition(state)!, 18);
    expect(marked()).toEqual(expected);
    // Every inner square of the open room but the box's own: 6 by 4 less one.
    expect(expected).toHaveLength(23);
    expect(marked()).not.toContain(18);
    expect(marked()).not.toContain(1); // a wall
    expect(label()).toMatch(/A box is picked; it can be pushed to 23 squares\.$/);
  });

  it('a click on a marked square pushes the box there along moves that undo one by one', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(34) });
    expect(selectPosition(useGameStore.getState())?.boxes).toEqual([34]);
    expect(marked()).toEqual([]);
    const moves = useGameStore.getState().histories['0']!.moves;
    expect(status()).toBe(`Moves: ${moves.length} · Pushes: 2`);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(status()).toBe(`Moves: ${moves.length - 1} · Pushes: 1`);
  });

  it('Esc lets the box go; so does a click on a square it cannot reach, which moves nothing', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    expect(marked()).toHaveLength(23);
    await user.keyboard('{Escape}');
    expect(marked()).toEqual([]);
    expect(label()).not.toMatch(/picked/);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(0) }); // a wall
    expect(marked()).toEqual([]);
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('the start of a drag marks the destinations before the box is dropped', () => {
    renderApp();
    act(() => {
      useGameStore.getState().load(OPEN);
    });
    fireEvent.pointerDown(board(), { pointerId: 3, pointerType: 'mouse', ...cellPoint(18) });
    expect(marked()).toHaveLength(23);
    fireEvent.pointerUp(board(), { pointerId: 3, pointerType: 'mouse', ...cellPoint(20) });
    expect(selectPosition(useGameStore.getState())?.boxes).toEqual([20]);
    expect(marked()).toEqual([]);
  });

  it('by touch: a tap on the box, then a tap on a marked square', () => {
    renderApp();
    act(() => {
      useGameStore.getState().load(OPEN);
    });
    const tap = (cell: number) => {
      fireEvent.pointerDown(board(), { pointerId: 5, pointerType: 'touch', ...cellPoint(cell) });
      fireEvent.pointerUp(board(), { pointerId: 5, pointerType: 'touch', ...cellPoint(cell) });
    };
    tap(18);
    expect(marked()).toHaveLength(23);
    tap(9); // top-left corner: up, then left
    expect(selectPosition(useGameStore.getState())?.boxes).toEqual([9]);
  });

  it('a box boxed in by a wall and another box has fewer destinations', () => {
    renderApp();
    act(() => {
      useGameStore.getState().load('#####\n#$$ #\n#  @#\n#.. #\n#####');
    });
    const level = selectLevel(useGameStore.getState())!;
    fireEvent.pointerDown(board(), { pointerId: 1, pointerType: 'mouse', ...cellPoint(6) });
    fireEvent.pointerUp(board(), { pointerId: 1, pointerType: 'mouse', ...cellPoint(6) });
    // In the corner with a box beside it: it can go nowhere, and the board says so.
    expect(boxDestinations(level, startPosition(level), 6)).toEqual([]);
    expect(marked()).toEqual([]);
    expect(label()).toMatch(/it can be pushed to 0 squares\.$/);
  });
});
