import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { STORAGE_KEY, useGameStore, selectPosition } from '../../src/store/game';
import { BAD_CHAR, OPEN, TINY, TWO_LEVELS, boxobanFile } from '../store/fixtures';
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

describe('first visit', () => {
  it('shows a small example level ready to play', () => {
    renderApp();
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(board()).toHaveAttribute('role', 'img');
    expect(board().getAttribute('aria-label')).toMatch(
      /^Sokoban board “First steps”, 8 by 6: 2 boxes, 0 on goals; player at row 3, column 6\.$/,
    );
    expect(screen.getByLabelText('Level')).toHaveValue(useGameStore.getState().text);
    expect(board().style.touchAction === 'none' || board().className.includes('board')).toBe(true);
  });
});

describe('loading', () => {
  it('loads a pasted level', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    expect(board().getAttribute('aria-label')).toMatch(
      /“Open”, 8 by 6: 1 box, 0 on goals; player at row 4, column 5/,
    );
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByLabelText('Choose level')).toBeNull(); // one level: no picker
  });

  it('an invalid level shows the parser message with its place, and the old game keeps playing', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.keyboard('{ArrowUp}');
    await loadLevel(user, BAD_CHAR);
    expect(screen.getByRole('alert')).toHaveTextContent('Line 3, column 3: Unknown character "x"');
    expect(status()).toBe('Moves: 1 · Pushes: 0');
    expect(board().getAttribute('aria-label')).toMatch(/“Open”/);
    board().focus?.();
    await user.click(document.body);
    await user.keyboard('{ArrowUp}');
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    // Fixing the text and loading again clears the alert.
    await loadLevel(user, TINY);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('opening a file', () => {
  it('loads the levels of a chosen file', async () => {
    const { user } = renderApp();
    await user.upload(
      screen.getByLabelText(/Open file/),
      new File([TWO_LEVELS], 'two.txt', { type: 'text/plain' }),
    );
    expect(await screen.findByRole('combobox', { name: 'Choose level' })).toBeInTheDocument();
    expect(board().getAttribute('aria-label')).toMatch(/“Tiny”/);
    expect(screen.getByLabelText('Level')).toHaveValue(TWO_LEVELS);
  });

  it('an unreadable file alerts and keeps the game', async () => {
    const { user } = renderApp();
    await user.upload(
      screen.getByLabelText(/Open file/),
      new File(['just words'], 'words.txt', { type: 'text/plain' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/No board found/);
    expect(board().getAttribute('aria-label')).toMatch(/“First steps”/);
  });
});

describe('keyboard', () => {
  it('arrows and WASD move and push; Z, Ctrl+Z, Backspace undo; Y, Ctrl+Y, Ctrl+Shift+Z redo', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.click(document.body);
    await user.keyboard('{ArrowUp}{ArrowLeft}wasd');
    expect(status()).toBe('Moves: 6 · Pushes: 1'); // the 's' pushes the box down
    expect(useGameStore.getState().histories['0']?.moves).toBe('ululDr');
    await user.keyboard('z');
    expect(status()).toBe('Moves: 5 · Pushes: 1');
    await user.keyboard('{Control>}z{/Control}');
    expect(status()).toBe('Moves: 4 · Pushes: 0');
    await user.keyboard('{Backspace}');
    expect(status()).toBe('Moves: 3 · Pushes: 0');
    await user.keyboard('y');
    expect(status()).toBe('Moves: 4 · Pushes: 0');
    await user.keyboard('{Control>}y{/Control}');
    expect(status()).toBe('Moves: 5 · Pushes: 1');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(status()).toBe('Moves: 6 · Pushes: 1');
  });

  it('R restarts, and Undo brings the moves back', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.click(document.body);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}');
    const before = board().getAttribute('aria-label');
    await user.keyboard('r');
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(board().getAttribute('aria-label')).toMatch(/player at row 4, column 5/);
    await user.keyboard('z');
    expect(status()).toBe('Moves: 3 · Pushes: 0');
    expect(board().getAttribute('aria-label')).toBe(before);
  });

  it('does nothing while the Level text box (or another field) has focus', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.click(screen.getByLabelText('Level'));
    await user.keyboard('{ArrowLeft}zr');
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    await user.click(screen.getByRole('textbox', { name: 'Moves' }));
    await user.keyboard('{ArrowUp}w');
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    expect(screen.getByRole('textbox', { name: 'Moves' })).toHaveValue('w');
  });

  it('queues every key press: ten quick presses make ten moves', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.click(document.body);
    // Left and right alternately along row 3: every press is legal.
    for (let i = 0; i < 10; i++)
      fireEvent.keyDown(window, { key: i % 2 ? 'ArrowRight' : 'ArrowLeft' });
    expect(status()).toBe('Moves: 10 · Pushes: 0');
  });

  it('says Solved and celebrates with the moves and pushes', async () => {
    const { user } = renderApp();
    await loadLevel(user, TINY);
    await user.click(document.body);
    await user.keyboard('{ArrowLeft}');
    expect(status()).toBe('Moves: 1 · Pushes: 1 · Solved');
    expect(screen.getByText(/Solved in 1 move and 1 push/)).toBeVisible();
    await user.keyboard('z');
    expect(screen.queryByText(/Solved in/)).toBeNull();
  });
});

describe('buttons', () => {
  it('Undo, Redo and Restart, enabled only when they can act', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    const restart = screen.getByRole('button', { name: 'Restart' });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();
    expect(restart).toBeDisabled();
    await user.click(document.body);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    await user.click(undo);
    expect(status()).toBe('Moves: 1 · Pushes: 0');
    await user.click(redo);
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    await user.click(restart);
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    await user.click(undo);
    expect(status()).toBe('Moves: 2 · Pushes: 0');
  });
});

describe('mouse and touch', () => {
  it('a click on a reachable square walks there', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(9) });
    expect(selectPosition(useGameStore.getState())?.player).toBe(9);
    expect(status()).toBe('Moves: 5 · Pushes: 0');
  });

  it('a click on a box then on a square pushes it there; a square it cannot reach lets it go', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    expect(status()).toBe('Moves: 0 · Pushes: 0'); // picking a box does not move
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(21) });
    expect(status()).toMatch(/Pushes: 3 · Solved$/);
    // Up and right into the top-right corner: two more pushes.
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(21) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(14) });
    expect(status()).toMatch(/Pushes: 5$/);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(14) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(1) }); // a wall
    expect(status()).toMatch(/Pushes: 5$/);
    expect(board().getAttribute('aria-label')).not.toMatch(/picked/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a second click on a picked box lets it go, so the next click walks', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(18) });
    await user.pointer({ keys: '[MouseLeft]', target: board(), coords: cellPoint(20) });
    expect(selectPosition(useGameStore.getState())).toEqual({ player: 20, boxes: [18] });
    expect(status()).toBe('Moves: 1 · Pushes: 0');
  });

  it('dragging a box pushes it to where the pointer is released', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    await user.pointer([
      { keys: '[MouseLeft>]', target: board(), coords: cellPoint(18) },
      { target: board(), coords: cellPoint(20) },
      { keys: '[/MouseLeft]', target: board(), coords: cellPoint(20) },
    ]);
    expect(selectPosition(useGameStore.getState())?.boxes).toEqual([20]);
    expect(status()).toMatch(/Pushes: 2$/);
  });

  it('a swipe moves one step, a tap works like a click', () => {
    renderApp();
    act(() => {
      useGameStore.getState().load(OPEN);
    });
    const start = cellPoint(28);
    const swipe = (dx: number, dy: number) => {
      fireEvent.pointerDown(board(), { pointerId: 7, pointerType: 'touch', ...start });
      fireEvent.pointerUp(board(), {
        pointerId: 7,
        pointerType: 'touch',
        clientX: start.clientX + dx,
        clientY: start.clientY + dy,
      });
    };
    swipe(-80, 10);
    expect(selectPosition(useGameStore.getState())?.player).toBe(27);
    swipe(5, -60);
    expect(selectPosition(useGameStore.getState())?.player).toBe(19);
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    const tap = cellPoint(33);
    fireEvent.pointerDown(board(), { pointerId: 8, pointerType: 'touch', ...tap });
    fireEvent.pointerUp(board(), { pointerId: 8, pointerType: 'touch', ...tap });
    expect(selectPosition(useGameStore.getState())?.player).toBe(33);
  });
});

describe('level picker', () => {
  it('shows number and title, with previous and next; each level keeps its own moves', async () => {
    const { user } = renderApp();
    await loadLevel(user, TWO_LEVELS);
    const select = screen.getByRole('combobox', { name: 'Choose level' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['#1 Tiny', '#2 Open']);
    expect(screen.getByRole('button', { name: 'Previous level' })).toBeDisabled();
    await user.click(document.body);
    await user.keyboard('{ArrowUp}');
    await user.click(screen.getByRole('button', { name: 'Next level' }));
    expect(board().getAttribute('aria-label')).toMatch(/“Open”/);
    expect(status()).toBe('Moves: 0 · Pushes: 0');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    await user.selectOptions(select, '#1 Tiny');
    expect(status()).toBe('Moves: 1 · Pushes: 0');
    // The select lets go of the focus, so arrows play instead of changing the level.
    expect(select).not.toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    await user.keyboard('z');
    await user.click(screen.getByRole('button', { name: 'Next level' }));
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    expect(screen.getByRole('button', { name: 'Next level' })).toBeDisabled();
  });

  it('a pasted Boxoban file lists titles "0".."N" and choosing 53 loads the board under "; 53"', async () => {
    const text = boxobanFile(120);
    const { user } = renderApp();
    act(() => {
      useGameStore.getState().setDraft(text);
    });
    await user.click(screen.getByRole('button', { name: 'Load' }));
    const select = screen.getByRole('combobox', { name: 'Choose level' });
    const options = within(select).getAllByRole('option');
    expect(options).toHaveLength(120);
    expect(options[0]).toHaveTextContent('#1 0');
    await user.selectOptions(select, '#54 53');
    const lines = text.split('\n');
    const at = lines.indexOf('; 53');
    const player = lines.slice(at + 1, at + 11).findIndex((l) => l.includes('@'));
    const col = lines[at + 1 + player]!.indexOf('@');
    expect(board().getAttribute('aria-label')).toBe(
      `Sokoban board “53”, 10 by 10: 1 box, 0 on goals; player at row ${player + 1}, column ${col + 1}.`,
    );
    // The number box takes a title too.
    await user.selectOptions(select, '#1 0');
    await user.type(screen.getByRole('spinbutton', { name: 'Go to level' }), '53');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByRole('heading', { level: 2, name: /Level 54 of 120/ })).toHaveTextContent(
      '53',
    );
  });
});

describe('moves as LURD', () => {
  it('applies pasted moves; an illegal one stops with "move N is illegal", the legal part kept', async () => {
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    const input = screen.getByRole('textbox', { name: 'Moves' });
    await user.type(input, 'UUU');
    await user.click(screen.getByRole('button', { name: 'Apply moves' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/move 3 is illegal/i);
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    await user.clear(input);
    await user.type(input, '3l d 3r');
    await user.click(screen.getByRole('button', { name: 'Apply moves' }));
    expect(status()).toBe('Moves: 9 · Pushes: 3 · Solved');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('uullldRRR')).toBeInTheDocument();
  });

  it('copies the current moves as LURD', async () => {
    const { user } = renderApp();
    await loadLevel(user, TINY);
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(document.body);
    await user.keyboard('{ArrowUp}{ArrowDown}{ArrowLeft}');
    await user.click(screen.getByRole('button', { name: 'Copy moves' }));
    expect(writeText).toHaveBeenCalledWith('udL');
    expect(screen.getByRole('note')).toHaveTextContent('Copied 3/1');
  });
});

describe('copy fallback', () => {
  it('without a clipboard, copies through a hidden text area; failing that, puts the moves in the Moves box', async () => {
    const { user } = renderApp();
    await loadLevel(user, TINY);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const exec = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    await user.click(document.body);
    await user.keyboard('{ArrowUp}');
    await user.click(screen.getByRole('button', { name: 'Copy moves' }));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(screen.getByRole('note')).toHaveTextContent('Copied 1/0');
    exec.mockReturnValue(false);
    await user.click(screen.getByRole('button', { name: 'Copy moves' }));
    expect(screen.getByRole('note')).toHaveTextContent(/clipboard is not available/);
    expect(screen.getByRole('textbox', { name: 'Moves' })).toHaveValue('u');
  });
});

describe('persistence', () => {
  it('corrupt stored data is dropped with a visible notice, and the app still plays', async () => {
    localStorage.setItem(STORAGE_KEY, '{"version":1,"state":');
    await useGameStore.persist.rehydrate();
    const { user } = renderApp();
    expect(screen.getByRole('note')).toHaveTextContent(/could not be read/);
    await user.click(document.body);
    await user.keyboard('{ArrowLeft}');
    expect(status()).toBe('Moves: 1 · Pushes: 0');
  });

  it('the text, the chosen level and the moves survive a reload', async () => {
    const first = renderApp();
    await loadLevel(first.user, TWO_LEVELS);
    await first.user.click(screen.getByRole('button', { name: 'Next level' }));
    await first.user.click(document.body);
    await first.user.keyboard('{ArrowUp}{ArrowLeft}');
    first.unmount();
    // A reload: the page goes (`pagehide` writes the save still waiting: the store saves at most
    // every SAVE_EVERY_MS), the store forgets everything, then reads the storage back.
    // (Resetting the store writes to the storage too, so keep a copy of what the page had saved.)
    window.dispatchEvent(new Event('pagehide'));
    const saved = Object.fromEntries(
      Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!]),
    );
    useGameStore.setState(useGameStore.getInitialState(), true);
    for (const [k, v] of Object.entries(saved)) localStorage.setItem(k, v);
    expect(useGameStore.getState().text).not.toBe(TWO_LEVELS);
    await useGameStore.persist.rehydrate();
    renderApp();
    expect(screen.getByLabelText('Level')).toHaveValue(TWO_LEVELS);
    expect(board().getAttribute('aria-label')).toMatch(/“Open”/);
    expect(status()).toBe('Moves: 2 · Pushes: 0');
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('drawing', () => {
  it('draws on the canvas when a 2D context exists, and again after a move', async () => {
    vi.restoreAllMocks();
    const calls: string[] = [];
    const ctx = new Proxy(
      {},
      {
        get:
          (_t, p: string) =>
          (...a: unknown[]) =>
            calls.push(`${p}(${a.length})`),
        set: () => true,
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      ctx as unknown as CanvasRenderingContext2D,
    );
    const { user } = renderApp();
    await loadLevel(user, OPEN);
    expect(calls.filter((c) => c.startsWith('clearRect')).length).toBeGreaterThan(0);
    expect(calls).toContain('setTransform(6)');
    const before = calls.length;
    await user.click(document.body);
    await user.keyboard('{ArrowUp}');
    expect(calls.length).toBeGreaterThan(before);
    expect(board().width).toBe(
      8 * Number(board().dataset.cellSize) * (window.devicePixelRatio || 1),
    );
  });
});

describe('board size', () => {
  it('fills the width of its container, redraws on resize, and is crisp at the device pixel ratio', async () => {
    let width = 390;
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('board-wrap') ? width : 0;
    });
    const dpr = vi.spyOn(window, 'devicePixelRatio', 'get').mockReturnValue(3);
    const { user } = renderApp();
    await loadLevel(user, OPEN); // 8 × 6
    expect(board().style.width).toBe('384px'); // 48 px squares: the largest that fit 390 px
    expect(board().style.height).toBe('288px');
    expect(board().width).toBe(384 * 3);
    width = 200;
    dpr.mockReturnValue(1);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(board().style.width).toBe('200px'); // 25 px squares
    expect(board().width).toBe(200);
  });
});
