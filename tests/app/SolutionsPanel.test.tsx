import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import SolutionsPanel from '../../src/app/solutions/SolutionsPanel';
import { LevelPicker } from '../../src/app/LevelPicker';
import { useGameStore } from '../../src/store/game';
import { collectionKey, useProgressStore } from '../../src/store/progress';
import { useSolutionsStore } from '../../src/store/solutions';
import { noCanvas, resetGame } from './helpers';

/** Box two squares left of its goal; the player can go round it. */
const ROOM = ['Room', '#######', '#     #', '#@$  .#', '#     #', '#######'].join('\n');
const OTHER = ['Other', '######', '#@ $.#', '######'].join('\n');

const key = () => collectionKey(useGameStore.getState().entries);
const keep = (lurd: string, finder: 'user' | 'solver', position = 1) =>
  useSolutionsStore.getState().record(key(), position, lurd, finder);

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
  noCanvas();
  useSolutionsStore.setState({ data: {} });
  useProgressStore.setState({ data: {} });
  expect(useGameStore.getState().load(`${ROOM}\n\n${OTHER}`)).toBe(true);
});

const list = () => screen.getByRole('list', { name: 'Solutions' });
const boards = () =>
  within(screen.getByRole('region', { name: 'Compare solutions' })).getAllByRole('img');

describe('the Solutions panel', () => {
  it('says when a level has no solutions yet', () => {
    render(<SolutionsPanel />);
    expect(screen.getByText(/No solutions of this level yet/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Solutions' })).toBeNull();
  });

  it('lists who found each solution with moves/pushes, and copies one as LURD', async () => {
    const user = userEvent.setup();
    keep('RRR', 'solver');
    keep('duduRRR', 'user');
    keep('RRR', 'user'); // the same moves again: one entry, both finders
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<SolutionsPanel />);
    const items = within(list()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/1\. you and solver 3\/3/);
    expect(items[1]).toHaveTextContent(/2\. you 7\/3/);
    await user.click(screen.getByRole('button', { name: 'Copy solution 2' }));
    expect(writeText).toHaveBeenCalledWith('duduRRR');
    expect(screen.getByText('Copied solution 2 (7/3).')).toBeInTheDocument();
  });

  it('lists only what replays to solved on the board (stored text is not trusted)', () => {
    keep('RRR', 'user');
    keep('uRRR', 'user'); // well-formed LURD, but not a solution of this level
    render(<SolutionsPanel />);
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('compares two picked solutions in step, the shorter one holding at its end', async () => {
    const user = userEvent.setup();
    keep('RRR', 'solver');
    keep('duduRRR', 'user');
    render(<SolutionsPanel />);
    const compare = screen.getByRole('button', { name: 'Compare' });
    expect(compare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Pick solution 1 to compare' }));
    expect(compare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Pick solution 2 to compare' }));
    await user.click(compare);
    expect(boards().map((b) => b.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Solution 1 \(solver\), move 0 of 3,/),
      expect.stringMatching(/^Solution 2 \(you\), move 0 of 7,/),
    ]);
    await user.click(screen.getByRole('button', { name: 'Step both forward' }));
    await user.click(screen.getByRole('button', { name: 'Step both forward' }));
    expect(boards()[0]).toHaveAccessibleName(/move 2 of 3, 2 of 3 pushes/);
    expect(boards()[1]).toHaveAccessibleName(/move 2 of 7, 0 of 3 pushes/);
    // The slider to its end (jsdom moves no range by keys; the e2e flow does): the shorter
    // solution stays at its end, solved.
    const slider = screen.getByRole('slider', { name: 'Compare position' });
    fireEvent.change(slider, { target: { value: '7' } });
    expect(slider).toHaveValue('7');
    expect(boards()[0]).toHaveAccessibleName(/move 3 of 3, .*; solved\.$/);
    expect(boards()[1]).toHaveAccessibleName(/move 7 of 7, .*; solved\.$/);
    await user.click(screen.getByRole('button', { name: 'Step both back' }));
    expect(boards()[0]).toHaveAccessibleName(/move 3 of 3/);
    expect(boards()[1]).toHaveAccessibleName(/move 6 of 7/);
  });

  it('plays both boards with Play both, and stops at the end of the longer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
      keep('RRR', 'solver');
      keep('duduRRR', 'user');
      render(<SolutionsPanel />);
      await user.click(screen.getByRole('checkbox', { name: 'Pick solution 1 to compare' }));
      await user.click(screen.getByRole('checkbox', { name: 'Pick solution 2 to compare' }));
      await user.click(screen.getByRole('button', { name: 'Compare' }));
      await user.click(screen.getByRole('button', { name: 'Play both' }));
      expect(screen.getByRole('button', { name: 'Pause both' })).toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(5000);
      expect(boards()[0]).toHaveAccessibleName(/move 3 of 3/);
      expect(boards()[1]).toHaveAccessibleName(/move 7 of 7/);
      expect(screen.getByRole('button', { name: 'Play both' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the level picker', () => {
  it("shows the user's bests and the solver's apart, and only the user's count as solved", () => {
    const record: ReturnType<typeof useProgressStore.getState>['record'] = (...a) =>
      useProgressStore.getState().record(...a);
    record(key(), 1, { moves: 7, pushes: 3 });
    record(key(), 1, { moves: 3, pushes: 3 }, 'solver');
    record(key(), 2, { moves: 2, pushes: 1 }, 'solver');
    render(<LevelPicker />);
    const options = within(screen.getByRole('combobox', { name: 'Choose level' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['#1 Room ✓ 7/3 (solver 3/3)', '#2 Other (solver 2/1)']);
    expect(screen.getByText(/Solved 1 of 2/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next unsolved' })).toBeEnabled();
  });
});
