/**
 * Issue 13 in a real browser: draw a level from an empty grid and play it, by mouse, by keyboard
 * and by touch. The live check must say the drawing is solvable (in the solver's worker) before
 * it is played, and playing it must end in "Solved".
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, gameStatus, PHONE, pressKeys, swipe, useApp } from './harness';

const EXPECTED = ['########', '#@$.   #', '#      #', '#      #', '#      #', '########'];

async function expectText(locator: ReturnType<Page['getByRole']>, text: string | RegExp) {
  await expect
    .poll(async () => (await locator.textContent()) ?? '', { timeout: 20_000 })
    .toMatch(text instanceof RegExp ? text : new RegExp(`^${text.replace(/[()]/g, '\\$&')}$`));
}

type Press = (locator: ReturnType<Page['getByRole']>) => Promise<void>;
const click: Press = (locator) => locator.click();

/** A tap with a finger on the middle of an element (scrolled into view first). */
function tapper(page: Page): Press {
  return async (locator) => {
    await locator.scrollIntoViewIfNeeded();
    const b = (await locator.boundingBox())!;
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
  };
}

/** Opens the editor on the starter level (8×6) and clears it; returns a cell-centre function. */
async function openEmptyEditor(page: Page, press: Press = click) {
  await press(page.getByRole('button', { name: 'Edit level' }));
  await press(page.getByRole('button', { name: 'Clear' }));
  await expectText(page.getByText(/No walls yet/), /No walls yet/);
  const grid = page.getByTestId('editor-grid');
  await grid.scrollIntoViewIfNeeded();
  const cell = Number(await grid.getAttribute('data-cell-size'));
  expect(cell).toBeGreaterThan(0);
  // Measured at each use: tapping a control may scroll the page.
  return async (row: number, col: number) => {
    const box = (await grid.boundingBox())!;
    return { x: box.x + (col + 0.5) * cell, y: box.y + (row + 0.5) * cell };
  };
}

async function expectSolvableThenPlay(page: Page, press: Press) {
  await expectText(
    page.getByRole('status', { name: 'Solvability' }),
    'Solvable in 1 push (optimal)',
  );
  await press(page.getByRole('button', { name: 'Play this level' }));
  await expectText(gameStatus(page), 'Moves: 0 · Pushes: 0');
  const text = await page.getByRole('textbox', { name: 'Level' }).inputValue();
  expect(text).toContain(EXPECTED.join('\n'));
}

describeE2E('level editor', () => {
  const app = useApp();

  it('draws a level from an empty grid with the mouse and plays it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    const at = await openEmptyEditor(page);
    const drag = async (from: [number, number], to: [number, number]) => {
      const a = await at(...from);
      const b = await at(...to);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 4 });
      await page.mouse.up();
    };
    await drag([0, 0], [0, 7]);
    await drag([0, 7], [5, 7]);
    await drag([5, 7], [5, 0]);
    await drag([5, 0], [0, 0]);
    for (const [name, row, col] of [
      ['Player', 1, 1],
      ['Box', 1, 2],
      ['Goal', 1, 3],
    ] as const) {
      await page.getByRole('radio', { name }).click();
      const c = await at(row, col);
      await page.mouse.click(c.x, c.y);
    }
    await expectSolvableThenPlay(page, click);
    await pressKeys(page, ['ArrowRight']);
    await expectText(gameStatus(page), 'Moves: 1 · Pushes: 1 · Solved');
  });

  it('draws a level from an empty grid with the keyboard only and plays it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await openEmptyEditor(page);
    await page.getByTestId('editor-grid').focus();
    const keys = [
      'Space',
      ...Array<string>(7).fill('Shift+ArrowRight'),
      ...Array<string>(5).fill('Shift+ArrowDown'),
      ...Array<string>(7).fill('Shift+ArrowLeft'),
      ...Array<string>(4).fill('Shift+ArrowUp'),
      'ArrowRight',
      'p',
      'Space',
      'ArrowRight',
      'b',
      'Space',
      'ArrowRight',
      'g',
      'Enter',
    ];
    await pressKeys(page, keys);
    expect(await page.getByRole('radio', { name: 'Goal' }).isChecked()).toBe(true);
    // Leave by keyboard: Tab to "Play this level" and press Enter.
    const play = page.getByRole('button', { name: 'Play this level' });
    await expectText(page.getByRole('status', { name: 'Solvability' }), /Solvable in 1 push/);
    await play.focus();
    await page.keyboard.press('Enter');
    await expectText(gameStatus(page), 'Moves: 0 · Pushes: 0');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pressKeys(page, ['ArrowRight']);
    await expectText(gameStatus(page), 'Moves: 1 · Pushes: 1 · Solved');
  });

  it('draws a level from an empty grid by touch on a phone and plays it', async () => {
    const page = await app.newPage(PHONE);
    await page.goto(app.url);
    const tap = tapper(page);
    const at = await openEmptyEditor(page, tap);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    for (const [from, to] of [
      [await at(0, 0), await at(0, 7)],
      [await at(0, 7), await at(5, 7)],
      [await at(5, 7), await at(5, 0)],
      [await at(5, 0), await at(0, 0)],
    ] as const)
      await swipe(page, from, to, 8);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    // Headless Chromium turns the first tap after CDP-injected swipes into the end of a gesture
    // and sends no click for it (pointer events still arrive, which is why the board, which
    // works on pointer events, is not affected): a tap on the page's heading absorbs it.
    await tap(page.getByRole('heading', { name: 'Sokoban Playground' }));
    for (const [name, row, col] of [
      ['Player', 1, 1],
      ['Box', 1, 2],
      ['Goal', 1, 3],
    ] as const) {
      await tap(page.getByRole('radio', { name }));
      expect(await page.getByRole('radio', { name }).isChecked()).toBe(true);
      await page.getByTestId('editor-grid').scrollIntoViewIfNeeded();
      const cell = await at(row, col);
      await page.touchscreen.tap(cell.x, cell.y);
    }
    await expectSolvableThenPlay(page, tap);
    // Swipe right on the board: one step, the push that solves it.
    const board = page.getByTestId('board');
    await board.scrollIntoViewIfNeeded();
    const bb = (await board.boundingBox())!;
    const cell = Number(await board.getAttribute('data-cell-size'));
    const y = bb.y + 1.5 * cell;
    await swipe(page, { x: bb.x + 1.5 * cell, y }, { x: bb.x + 4 * cell, y });
    await expectText(gameStatus(page), 'Moves: 1 · Pushes: 1 · Solved');
  });
});
