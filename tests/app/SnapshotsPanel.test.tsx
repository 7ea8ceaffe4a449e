import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SnapshotsPanel } from '../../src/app/SnapshotsPanel';
import { selectHistory, useGameStore } from '../../src/store/game';
import { SNAPSHOTS_KEY, readSnapshots, useSnapshotStore } from '../../src/store/snapshots';
import { resetGame } from './helpers';

const CORRIDOR = ['Corridor', '########', '#@    $.#', '########'].join('\n');

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
  useSnapshotStore.setState({ data: {} });
  expect(useGameStore.getState().load(CORRIDOR)).toBe(true);
});

const history = () => selectHistory(useGameStore.getState());
const list = () => screen.getByRole('list', { name: 'Snapshots' });

describe('snapshots', () => {
  it('saves a named position, restores it, and keeps the moves it replaced', async () => {
    const user = userEvent.setup();
    render(<SnapshotsPanel />);
    useGameStore.getState().move('r');
    useGameStore.getState().move('r');
    await user.type(screen.getByRole('textbox', { name: 'Snapshot name' }), 'two steps');
    await user.click(screen.getByRole('button', { name: 'Save snapshot' }));
    expect(within(list()).getByText('two steps')).toBeInTheDocument();
    useGameStore.getState().move('r');
    useGameStore.getState().undo(); // the redo tail must come back with a restore
    useGameStore.getState().undo();
    useGameStore.getState().move('l'); // a new branch: 'rl'
    expect(history()).toMatchObject({ moves: 'rl', cursor: 2 });
    await user.click(screen.getByRole('button', { name: 'Restore two steps' }));
    expect(history()).toMatchObject({ moves: 'rr', cursor: 2 });
    // The moves that were on the board are a snapshot now, and restoring it brings them back.
    await user.click(screen.getByRole('button', { name: 'Restore Before restoring “two steps”' }));
    expect(history()).toMatchObject({ moves: 'rl', cursor: 2 });
    expect(JSON.parse(localStorage.getItem(SNAPSHOTS_KEY)!)).toBeTypeOf('object');
    await user.click(screen.getByRole('button', { name: 'Delete two steps' }));
    expect(within(list()).queryByText('two steps')).toBeNull();
  });

  it('reads hostile stored snapshots without trusting them', () => {
    localStorage.setItem(
      SNAPSHOTS_KEY,
      JSON.stringify({
        k: [
          { id: 'a', name: 'ok', moves: 'rR', cursor: 1 },
          { id: 'b', name: 'bad moves', moves: 'x<script>', cursor: 0 },
          { id: 'c', name: 'bad cursor', moves: 'r', cursor: 5 },
          'junk',
        ],
        j: 'junk',
      }),
    );
    const read = readSnapshots(localStorage);
    expect(read.k?.map((s) => s.id)).toEqual(['a']);
    expect(read.j).toBeUndefined();
    localStorage.setItem(SNAPSHOTS_KEY, '{broken');
    expect(readSnapshots(localStorage)).toEqual({});
  });
});
