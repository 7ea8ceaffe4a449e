/**
 * Issue 11 in a real browser: an agent's integer episode replays to the same positions in every
 * action order; Analyze (in the worker) marks the step where the level is lost; the chart seeks
 * playback by mouse click, drag, touch and keys. The level is "First steps" from the project's
 * own levels/starter.txt.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEW_W, chartScale, xOf } from '../../src/app/episode/chart-geometry';
import { blurInputs, describeE2E, gameStatus, loadLevel, swipe, useApp } from './harness';

/** "First steps": 8 wide, the player at row 2 col 5, boxes at (2,3) and (3,3), goals (2,2), (3,4). */
function firstSteps(): string {
  const text = readFileSync(new URL('../../levels/starter.txt', import.meta.url), 'utf8');
  const start = text.indexOf('First steps');
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end);
}

/**
 * Up, up (into the wall: a no-op step), left three times, down, push right twice, down, push
 * left: 10 steps, 9 moves, 3 pushes.
 */
const WALK = 'uullldrrdl';

const ENCODE: Record<string, (dir: string, push: boolean) => number> = {
  udlr: (d) => 'udlr'.indexOf(d),
  urdl: (d) => 'urdl'.indexOf(d),
  thinker5: (d) => 1 + 'udlr'.indexOf(d),
  // gym9: push actions where a box is pushed, move actions elsewhere.
  gym9: (d, push) => (push ? 1 : 5) + 'udlr'.indexOf(d),
};
/** Which steps of WALK push a box. */
const PUSHES = new Set([6, 7, 9]);

const board = (page: Page) => page.getByRole('img', { name: /^Sokoban board/ });
const stepText = (page: Page) => page.getByTestId('episode-step');
const chart = (page: Page) => page.getByRole('img', { name: /pushes left/ });

async function openPanel(page: Page, url: string) {
  await page.goto(url);
  await loadLevel(page, firstSteps());
  await blurInputs(page);
  await page.getByText('Episode analysis', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Actions' }).waitFor({ timeout: 15_000 });
}

async function applyActions(page: Page, actions: string, order: string) {
  await page.getByRole('textbox', { name: 'Actions' }).fill(actions);
  await page.getByRole('combobox', { name: 'Action order' }).selectOption(order);
  await page.getByRole('button', { name: 'Apply actions' }).click();
}

async function expectText(locator: Locator, pattern: RegExp, timeout = 10_000) {
  await expect
    .poll(async () => (await locator.textContent())?.trim() ?? '', { timeout })
    .toMatch(pattern);
}

/** Clicks (or taps) the chart over `step`: the chart is drawn in a VIEW_W-wide box, scaled. */
async function chartPoint(page: Page, steps: number, step: number) {
  const box = await chart(page).boundingBox();
  if (!box) throw new Error('no chart');
  const rows = Array.from({ length: steps + 1 }, () => ({ pushesLeft: 1 }));
  const x = xOf(chartScale(rows as never), step);
  return { x: box.x + (x / VIEW_W) * box.width, y: box.y + box.height / 2 };
}

describeE2E('episodes', () => {
  const app = useApp();

  it('replays an integer episode to the same positions in each action order', async () => {
    const page = await app.newPage();
    await openPanel(page, app.url);
    const seen: Record<string, string[]> = {};
    for (const order of Object.keys(ENCODE)) {
      const ints = [...WALK].map((d, i) => ENCODE[order]!(d, PUSHES.has(i)));
      await applyActions(page, JSON.stringify(ints), order);
      await expectText(stepText(page), /^Step 0 of 10: start/);
      const labels: string[] = [];
      // Step 2 is the no-op: the same position as step 1, and still 1 move.
      await page.getByRole('slider', { name: 'Step' }).fill('2');
      await expectText(stepText(page), /^Step 2 of 10: .*noop · 1\/0/);
      labels.push((await board(page).getAttribute('aria-label')) ?? '');
      await page.getByRole('button', { name: 'Jump to end' }).click();
      await expectText(stepText(page), /^Step 10 of 10: .*push · 9\/3/);
      await expectText(gameStatus(page), /^Moves: 9 · Pushes: 3/);
      labels.push((await board(page).getAttribute('aria-label')) ?? '');
      seen[order] = labels;
    }
    expect(seen.urdl).toEqual(seen.udlr);
    expect(seen.gym9).toEqual(seen.udlr);
    expect(seen.thinker5).toEqual(seen.udlr);
    // Auto finds an order with no extra no-ops (the walk's one no-op is the agent's own).
    await applyActions(page, JSON.stringify([...WALK].map((d) => 'udlr'.indexOf(d))), 'auto');
    await expectText(page.getByTestId('episode-choice'), /^Auto picked udlr \(1 no-op/);
  });

  it('Analyze marks the step where the level is lost, and the chart seeks', async () => {
    const page = await app.newPage();
    await openPanel(page, app.url);
    // up, up (no-op), down, left, then push the top box left twice: onto its goal, then into
    // column 1 along the wall, where no goal is: lost at step 6.
    await applyActions(page, '[0, 0, 1, 2, 2, 2]', 'udlr');
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect.poll(async () => (await chart(page).count()) > 0, { timeout: 60_000 }).toBe(true);
    expect(await chart(page).getAttribute('aria-label')).toMatch(/lost from step 6/);
    const summary = page.getByRole('group', { name: 'Episode summary' });
    await expectText(summary, /First lost step6/);
    await expectText(summary, /No-ops1/);

    // A click on the chart over step 4 moves playback there.
    const at4 = await chartPoint(page, 6, 4);
    await page.mouse.click(at4.x, at4.y);
    await expectText(stepText(page), /^Step 4 of 6:/);
    await expectText(gameStatus(page), /^Moves: 3 · Pushes: 0/);
    await expectText(page.getByTestId('episode-verdict'), /^Step 4: \d+ pushes left/);

    // A drag along it follows the pointer; the last step shows as lost.
    const at1 = await chartPoint(page, 6, 1);
    const at6 = await chartPoint(page, 6, 6);
    await page.mouse.move(at1.x, at1.y);
    await page.mouse.down();
    await expectText(stepText(page), /^Step 1 of 6:/);
    await page.mouse.move(at6.x, at6.y, { steps: 5 });
    await page.mouse.up();
    await expectText(stepText(page), /^Step 6 of 6:/);
    await expectText(page.getByTestId('episode-verdict'), /^Step 6: lost/);

    // Keys, with the chart focused (it took focus on the click).
    await page.keyboard.press('ArrowLeft');
    await expectText(stepText(page), /^Step 5 of 6:/);
    await page.keyboard.press('Home');
    await expectText(stepText(page), /^Step 0 of 6:/);
    await expectText(gameStatus(page), /^Moves: 0 · Pushes: 0/);
  });

  it('seeks by touch on the chart', async () => {
    const page = await app.newPage({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 400, height: 800 },
    });
    await openPanel(page, app.url);
    await applyActions(page, '[0, 0, 1, 2, 2, 2]', 'udlr');
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect.poll(async () => (await chart(page).count()) > 0, { timeout: 60_000 }).toBe(true);
    await chart(page).scrollIntoViewIfNeeded();
    const from = await chartPoint(page, 6, 2);
    const to = await chartPoint(page, 6, 5);
    await swipe(page, from, to);
    await expectText(stepText(page), /^Step 5 of 6:/);
  });
});
