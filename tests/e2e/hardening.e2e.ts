/**
 * Issue 9 in a real browser: hostile text never crashes the page, links and reloads never lose
 * a player's work, an oversized draft is refused loudly without stopping saves, and a solver
 * worker that dies mid-solve is reported and replaced. The harness fails any test that leaves
 * an uncaught page error or an unhandled rejection behind.
 */
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { blurInputs, describeE2E, gameStatus, loadLevel, pasteText, useApp } from './harness';

const MINE = ['#######', '#     #', '# .$@ #', '#     #', '#######', 'Title: Mine'].join('\n');
const STALE_LINK = '#1r~5W/Wpb.W/5W~tShared';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const title = (page: Page) => page.locator('h2.level-title');
const note = (page: Page) => page.getByRole('note');

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

async function until(locator: Locator, pattern: RegExp | string, timeout = 10_000) {
  const poll = expect.poll(() => text(locator), { timeout });
  if (typeof pattern === 'string') await poll.toBe(pattern);
  else await poll.toMatch(pattern);
}

describeE2E('hardening (issue 9) in Chromium', () => {
  const app = useApp();

  it('a link is cleared after opening: a reload shows your own level and moves (stale link)', async () => {
    const page = await app.newPage();
    await page.goto(app.url + STALE_LINK);
    await until(title(page), /Shared/);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    await loadLevel(page, MINE);
    await until(title(page), /Mine/);
    await blurInputs(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await until(gameStatus(page), 'Moves: 2 · Pushes: 0');
    await page.reload();
    await until(title(page), /Mine/);
    await until(gameStatus(page), 'Moves: 2 · Pushes: 0');
  });

  it('opening a link adds its level and keeps your collection and moves a pick away', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, MINE);
    await blurInputs(page);
    await page.keyboard.press('ArrowUp');
    await until(gameStatus(page), 'Moves: 1 · Pushes: 0');
    await page.goto(app.url + STALE_LINK);
    await until(title(page), /Shared/);
    await until(note(page), /added to your collection as level 2/);
    await page.getByRole('combobox', { name: 'Choose level' }).selectOption({ index: 0 });
    await until(title(page), /Mine/);
    await until(gameStatus(page), 'Moves: 1 · Pushes: 0');
  });

  it('valid links with floor outside the walls open', async () => {
    const page = await app.newPage();
    for (const fragment of ['#1r~3-/3W/WpW/WbW/W.W/3W', '#1r~3W--/WpW/WbW/W.W/3W']) {
      await page.goto(app.url + fragment);
      await until(title(page), /Shared level/);
      expect(await page.getByRole('alert').count()).toBe(0);
      await blurInputs(page);
      await page.keyboard.press('ArrowDown');
      await until(gameStatus(page), /Solved/);
      await page.reload(); // once fragment-free, a reload is just the game: no rejection
      await until(title(page), /Shared level/);
    }
  });

  it('an oversized draft is not saved, the player is told, and moves still survive a reload', async () => {
    const page = await app.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(app.url);
    await loadLevel(page, MINE);
    const box = page.getByRole('textbox', { name: 'Level' });
    await pasteText(page, box, '#'.repeat(5_300_000));
    await until(note(page), /5,300,000 characters.*will not survive a reload/, 60_000);
    await blurInputs(page);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await until(gameStatus(page), 'Moves: 3 · Pushes: 0');
    await page.reload();
    await until(title(page), /Mine/);
    await until(gameStatus(page), 'Moves: 3 · Pushes: 0');
  }, 240_000);

  it('hostile text in Load, Open file… and Apply moves gives an alert and keeps the game', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, MINE);
    await blurInputs(page);
    await page.keyboard.press('ArrowUp');
    const alert = page.getByRole('alert');
    const hostile: [string, RegExp][] = [
      ['#' + '('.repeat(20_000), /nested more than 100 deep/],
      ['#' + '9'.repeat(400) + '()', /more than 7 digits/],
      ['40000#\n'.repeat(3), /too large/],
    ];
    for (const [input, message] of hostile) {
      await loadLevel(page, input);
      await until(alert, message);
      await page.getByRole('button', { name: 'Dismiss error' }).click();
    }
    await page.locator('input[type=file]').setInputFiles({
      name: 'bomb.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('#' + '('.repeat(20_000)),
    });
    await until(alert, /nested more than 100 deep/);
    await page.getByRole('button', { name: 'Dismiss error' }).click();
    const moves = page.getByRole('textbox', { name: 'Moves' });
    for (const name of ['Apply moves', 'Watch from start']) {
      await moves.fill('9'.repeat(400) + '()');
      await button(page, name).click();
      await until(alert, /more than 7 digits/);
      await page.getByRole('button', { name: 'Dismiss error' }).click();
      await moves.fill('('.repeat(20_000));
      await button(page, name).click();
      await until(alert, /nested more than 100 deep/);
      await page.getByRole('button', { name: 'Dismiss error' }).click();
    }
    await until(title(page), /Mine/);
    await until(gameStatus(page), 'Moves: 1 · Pushes: 0');
  });

  it('a solver worker killed mid-solve ends the job with a message; the next Solve works', async () => {
    const page = await app.newPage();
    // The first worker takes its life lock as the real one does, reports progress, then is gone
    // without a word (as when the browser kills it); later workers are the real one.
    let kills = 1;
    await page.context().route(/solver\.worker-[^/]*\.js$/, async (route) => {
      if (kills-- > 0) {
        await route.fulfill({
          contentType: 'text/javascript',
          body: `navigator.locks.request(self.name, () => new Promise(() => {}));
self.onmessage = (e) => {
  self.postMessage({ type: 'progress', id: e.data.id, progress: { nodes: 1, ms: 1, depth: 0, lowerBound: 1 } });
  setTimeout(() => self.close(), 200);
};`,
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(app.url);
    await loadLevel(page, MINE);
    await button(page, 'Solve').click();
    const panel = page.getByRole('region', { name: 'Solver' });
    await until(panel.getByRole('alert'), /stopped unexpectedly.*Press Solve to try again\.$/);
    await button(page, 'Solve').click();
    await until(page.getByTestId('solver-outcome'), /^Solved: /, 30_000);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });
});
