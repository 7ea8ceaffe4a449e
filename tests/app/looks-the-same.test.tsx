/**
 * Issue #12's visible fix, "Restart and Load reset which way the player faces": the board after
 * Restart, or after loading the level again (with another level played in between), is drawn exactly as when the level was first opened
 * (every canvas call with its arguments), whatever was played in between. The player is drawn
 * the same in every direction today; this keeps it so if the drawing ever learns a facing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { OPEN, TINY } from '../store/fixtures';
import { loadLevel, renderApp, resetGame, status } from './helpers';

/** A 2D context that records every call with its arguments; `frame()` is the last full draw. */
function recordingCanvas() {
  const calls: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get:
        (_t, name: string) =>
        (...args: unknown[]) =>
          calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`),
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    ctx as unknown as CanvasRenderingContext2D,
  );
  const frame = () => {
    const start = calls.findLastIndex((c) => c.startsWith('clearRect('));
    return calls.slice(start).join('\n');
  };
  return { frame };
}

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
});

describe('a level looks the same as when first opened', () => {
  it('after moves and pushes, then Restart; after another level, then Load of this one', async () => {
    const { frame } = recordingCanvas();
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await waitFor(() => expect(status()).toBe('Moves: 0 · Pushes: 0'));
    const opened = frame();
    expect(opened).toContain('arc('); // the player is drawn

    await user.click(document.body);
    // Ends facing left after a push, away from how the level opens.
    await user.keyboard('{ArrowUp}{ArrowLeft}{ArrowLeft}{ArrowDown}{ArrowRight}{ArrowLeft}');
    await waitFor(() => expect(status()).toMatch(/^Moves: 6 · Pushes: [1-9]/));
    expect(frame()).not.toBe(opened);

    await user.click(screen.getByRole('button', { name: 'Restart' }));
    await waitFor(() => expect(status()).toBe('Moves: 0 · Pushes: 0'));
    await waitFor(() => expect(frame()).toBe(opened));

    await user.keyboard('{ArrowRight}{ArrowUp}');
    await waitFor(() => expect(status()).toBe('Moves: 2 · Pushes: 0'));
    await loadLevel(user, TINY);
    await user.click(document.body);
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(status()).toMatch(/Solved$/));
    await loadLevel(user, OPEN);
    await waitFor(() => expect(status()).toBe('Moves: 0 · Pushes: 0'));
    await waitFor(() => expect(frame()).toBe(opened));
  });
});
