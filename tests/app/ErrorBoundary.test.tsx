import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { createGameStore } from '../../src/store/game';
import { MemoryStorage } from '../store/fixtures';
import { TWO_LEVELS } from '../store/fixtures';

function Broken(): never {
  throw new Error('a render bug');
}

describe('ErrorBoundary', () => {
  it('shows the error in an alert and offers Reload instead of a blank page', async () => {
    const reload = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary reload={reload}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('a render bug');
    expect(screen.getByText(/levels and moves are saved/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
    warn.mockRestore();
    error.mockRestore();
  });

  it('renders its children when nothing throws', () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
  });

  it('the game it promises to keep is saved before the crash (a reload restores it)', () => {
    const storage = new MemoryStorage();
    const before = createGameStore({ getStorage: () => storage });
    before.getState().load(TWO_LEVELS);
    before.getState().move('u');
    const after = createGameStore({ getStorage: () => storage }).getState();
    expect(after.text).toBe(TWO_LEVELS);
    expect(after.histories).toEqual({ '0': { moves: 'u', cursor: 1 } });
  });
});
