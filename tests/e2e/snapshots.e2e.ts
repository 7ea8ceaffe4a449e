/** Issue 14's snapshots in a real browser: save a position, play on, restore it. */
import { expect, it } from 'vitest';
import { blurInputs, describeE2E, gameStatus, loadLevel, useApp } from './harness';

const CORRIDOR = ['Corridor', '########', '#@    $.#', '########'].join('\n');

describeE2E('snapshots', () => {
  const app = useApp();

  it('restores a saved snapshot, also after a reload', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, CORRIDOR);
    await blurInputs(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('textbox', { name: 'Snapshot name' }).fill('halfway');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    const list = page.getByRole('list', { name: 'Snapshots' });
    await expect.poll(() => list.getByText('halfway').count()).toBe(1);
    await blurInputs(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => gameStatus(page).textContent()).toMatch(/Moves: 4 · Pushes: 0/);
    await page.reload();
    await page.getByRole('button', { name: 'Restore halfway' }).click();
    await expect.poll(async () => gameStatus(page).textContent()).toMatch(/Moves: 2 · Pushes: 0/);
    // The four moves were kept as a snapshot of their own.
    await expect.poll(() => list.getByText('Before restoring “halfway”').count()).toBe(1);
  });
});
