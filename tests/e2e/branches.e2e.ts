/**
 * Issue 14's branching undo in a real browser: play, undo, play differently, return to the first
 * line from the list "Branches", and back; the branches survive a reload.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blurInputs, describeE2E, gameStatus, loadLevel, pressKeys, useApp } from './harness';

const ROOM = ['Branching', '#########', '#@    $.#', '#       #', '#########'].join('\n');

const statusText = async (page: Page) => (await gameStatus(page).textContent())?.trim() ?? '';
const boardLabel = async (page: Page) =>
  (await page.getByRole('img', { name: /^Sokoban board/ }).getAttribute('aria-label')) ?? '';

describeE2E('branching undo', () => {
  const app = useApp();

  it('keeps the line left after an undo as a branch, and returns to it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, ROOM);
    await blurInputs(page);
    const branches = page.getByRole('list', { name: 'Branches' });
    await pressKeys(page, ['ArrowRight', 'ArrowRight', 'ArrowRight']);
    await expect.poll(() => statusText(page)).toBe('Moves: 3 · Pushes: 0');
    await page.keyboard.press('z');
    await page.keyboard.press('z');
    await expect.poll(() => statusText(page)).toBe('Moves: 1 · Pushes: 0');
    expect(await branches.count()).toBe(0); // an undo alone leaves no branch
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => statusText(page)).toBe('Moves: 2 · Pushes: 0');
    expect(await boardLabel(page)).toMatch(/player at row 3, column 3\./);

    const first = branches.getByRole('button', { name: 'Return to branch 1 (3 moves)' });
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Moves: 3 · Pushes: 0');
    expect(await boardLabel(page)).toMatch(/player at row 2, column 5\./);
    await expect.poll(() => page.getByText('Returned to branch 1: 3 moves.').count()).toBe(1);

    // The line just left is a branch now; it is saved with the game.
    await page.reload();
    await expect.poll(() => statusText(page)).toBe('Moves: 3 · Pushes: 0');
    await branches.getByRole('button', { name: 'Return to branch 1 (2 moves)' }).click();
    await expect.poll(() => statusText(page)).toBe('Moves: 2 · Pushes: 0');
    expect(await boardLabel(page)).toMatch(/player at row 3, column 3\./);
    expect(await branches.getByRole('button').count()).toBe(1);
  });
});
