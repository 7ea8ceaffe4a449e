import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../src/app/App';
import { useGameStore } from '../../src/store/game';
import { boardLayout, cellCenter } from '../../src/render';

/** A fresh game: empty storage, the store back to its first-visit state. */
export async function resetGame(): Promise<void> {
  localStorage.clear();
  useGameStore.setState(useGameStore.getInitialState(), true);
  await useGameStore.persist.rehydrate();
}

/** jsdom has no 2D canvas: getContext returns null (the board then skips drawing), quietly. */
export function noCanvas(): void {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
}

export function renderApp() {
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}

export async function loadLevel(
  user: ReturnType<typeof userEvent.setup>,
  text: string,
): Promise<void> {
  const box = screen.getByLabelText('Level');
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Load' }));
}

export function status(): string {
  return screen.getByRole('status').textContent ?? '';
}

export function board(): HTMLCanvasElement {
  return screen.getByTestId('board') as unknown as HTMLCanvasElement;
}

/** Client coordinates of a cell's centre on the board (jsdom puts the canvas at 0, 0). */
export function cellPoint(cell: number): { clientX: number; clientY: number } {
  const canvas = board();
  const state = useGameStore.getState();
  const entry = state.entries[state.currentIndex];
  if (!entry?.ok) throw new Error('no level');
  const size = Number(canvas.dataset.cellSize);
  const layout = boardLayout(
    entry.level.width,
    entry.level.height,
    entry.level.width * size,
    entry.level.height * size,
  );
  const rect = canvas.getBoundingClientRect();
  const { x, y } = cellCenter(layout, cell);
  return { clientX: rect.left + x, clientY: rect.top + y };
}

export { act };
