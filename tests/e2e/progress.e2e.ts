/** Issue 14's progress per collection in a real browser: solved marks survive a reload. */
import { expect, it } from 'vitest';
import { blurInputs, describeE2E, gameStatus, loadLevel, useApp } from './harness';

const THREE = [
  'One',
  '#####',
  '#@$.#',
  '#####',
  '',
  'Two',
  '######',
  '#@ $.#',
  '######',
  '',
  'Three',
  '#######',
  '#@  $.#',
  '#######',
].join('\n');

describeE2E('progress per collection', () => {
  const app = useApp();

  it('marks solved levels with their best moves/pushes, across a reload, and finds the next unsolved', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, THREE);
    await blurInputs(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await gameStatus(page).textContent()) ?? '').toMatch(/Solved/);
    const select = page.getByRole('combobox', { name: 'Choose level' });
    const options = () => select.locator('option').allTextContents();
    await expect.poll(options).toEqual(['#1 One ✓ 1/1', '#2 Two', '#3 Three']);
    await page.reload();
    await expect.poll(options, { timeout: 20_000 }).toEqual(['#1 One ✓ 1/1', '#2 Two', '#3 Three']);
    await page.getByRole('button', { name: 'Next unsolved' }).click();
    expect(await select.inputValue()).toBe('1');
    await blurInputs(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(options).toEqual(['#1 One ✓ 1/1', '#2 Two ✓ 2/1', '#3 Three']);
    await page.getByRole('button', { name: 'Next unsolved' }).click();
    expect(await select.inputValue()).toBe('2');
  });
});
