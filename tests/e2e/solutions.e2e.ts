/**
 * Issue 14's solutions kept, in a real browser: a level solved by hand and by the solver lists
 * both, one is copied, and the two play back in step on two boards side by side.
 */
import { expect, it } from 'vitest';
import { PHONE, blurInputs, describeE2E, gameStatus, loadLevel, useApp } from './harness';

/** Box two squares left of its goal, room to walk round it; a second level makes the picker show. */
const LEVELS = [
  'Room',
  '#######',
  '#     #',
  '#@$  .#',
  '#     #',
  '#######',
  '',
  'Corridor',
  '######',
  '#@ $.#',
  '######',
].join('\n');

/** The move numbers the two comparison boards show, read in one go. */
function boardMoves(page: import('playwright-core').Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-label="Compare solutions"] canvas[role="img"]')].map((c) =>
      Number(/move (\d+) of/.exec(c.getAttribute('aria-label') ?? '')?.[1] ?? -1),
    ),
  );
}

describeE2E('solutions kept', () => {
  const app = useApp();

  it('keeps the user’s and the solver’s solutions, copies one and compares two in step', async () => {
    const page = await app.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(app.url);
    await loadLevel(page, LEVELS);
    await blurInputs(page);
    // By hand, the long way: down, up, down, up, then three pushes (7/3).
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowDown', 'ArrowUp'])
      await page.keyboard.press(key);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await gameStatus(page).textContent()) ?? '').toMatch(/Solved/);
    await page.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('solver-outcome').textContent(), { timeout: 30_000 })
      .toMatch(/^Solved: /);

    // The picker shows the user's best and, apart, the solver's.
    const option = page.getByRole('combobox', { name: 'Choose level' }).locator('option').first();
    await expect.poll(() => option.textContent()).toMatch(/^#1 Room ✓ 7\/3 \(solver \d+\/3\)$/);

    await page.locator('summary', { hasText: 'Solutions' }).click();
    const list = page.getByRole('list', { name: 'Solutions' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    const items = await list.getByRole('listitem').allTextContents();
    expect(items[0]).toMatch(/^1\. you 7\/3/);
    expect(items[1]).toMatch(/^2\. solver \d+\/3/);

    await page.getByRole('button', { name: 'Copy solution 1' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('duduRRR');

    // Compare, by keyboard: pick both with Space, then Compare with Enter.
    await page.getByRole('checkbox', { name: 'Pick solution 1 to compare' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Pick solution 2 to compare' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Compare', exact: true }).focus();
    await page.keyboard.press('Enter');
    const region = page.getByRole('region', { name: 'Compare solutions' });
    expect(await region.getByRole('img').count()).toBe(2);
    const solverLength = Number(/solver (\d+)\//.exec(items[1] ?? '')?.[1]);
    expect(await boardMoves(page)).toEqual([0, 0]);

    await region.getByRole('button', { name: 'Step both forward' }).click();
    await region.getByRole('button', { name: 'Step both forward' }).click();
    expect(await boardMoves(page)).toEqual([2, Math.min(2, solverLength)]);

    // Play both from the start: at every moment both boards show the same step, the shorter
    // one held at its end.
    const slider = region.getByRole('slider', { name: 'Compare position' });
    await slider.focus();
    await page.keyboard.press('Home');
    await region.getByRole('button', { name: 'Play both' }).click();
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const [a, b] = await boardMoves(page);
      expect(b).toBe(Math.min(a!, solverLength));
      seen.add(`${a}/${b}`);
      if (a === 7) break;
      await page.waitForTimeout(40);
    }
    expect(seen.has(`7/${solverLength}`)).toBe(true);
    expect(seen.size).toBeGreaterThan(2); // it moved through the steps, not in one jump
    await expect.poll(() => region.getByRole('button', { name: 'Play both' }).count()).toBe(1);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await boardMoves(page)).toEqual([6, Math.min(6, solverLength)]);
  });

  it('keeps the solutions across a reload, and fits the comparison on a phone', async () => {
    const page = await app.newPage({ ...PHONE });
    await page.goto(app.url);
    await loadLevel(page, LEVELS);
    await blurInputs(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Restart' }).click();
    await blurInputs(page);
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowRight'])
      await page.keyboard.press(key);
    await expect.poll(async () => (await gameStatus(page).textContent()) ?? '').toMatch(/Solved/);
    await page.reload();
    await page.locator('summary', { hasText: 'Solutions' }).click();
    const list = page.getByRole('list', { name: 'Solutions' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    await page.getByRole('checkbox', { name: 'Pick solution 1 to compare' }).check();
    await page.getByRole('checkbox', { name: 'Pick solution 2 to compare' }).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const region = page.getByRole('region', { name: 'Compare solutions' });
    const boards = await region.getByRole('img').all();
    expect(boards).toHaveLength(2);
    for (const board of boards) {
      const box = (await board.boundingBox())!;
      expect(box.width).toBeGreaterThan(40);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });
});
