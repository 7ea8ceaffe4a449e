/**
 * Issue 14, offline: the built app installs its service worker on the first visit, then reloads,
 * plays and solves with the network off (the solver worker and the lazy editor come from the
 * cache). A new version is announced ("A new version is ready." with Reload) and only taken when
 * the player presses Reload.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  DIST_DIR,
  blurInputs,
  describeE2E,
  gameStatus,
  loadLevel,
  serveStatic,
  useApp,
} from './harness';

/** Two boxes in a small room, written for this test: solved in a blink. */
const ROOM = ['#######', '#.  $ #', '#  @  #', '# $ . #', '#     #', '#######'].join('\n');

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();
async function until(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => text(locator), { timeout }).toMatch(pattern);
}

/** Waits until the service worker is active and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((done) =>
      navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
    );
  });
}

// Offline, the browser's own look for a new sw.js fails; it may log that. Not the app's error.
const OFFLINE_NOISE = /service ?worker|sw\.js|ERR_INTERNET_DISCONNECTED/i;

describeE2E('offline', () => {
  const app = useApp();

  it('after one visit, reloads, plays and solves with no network', async () => {
    const page = await app.newPage({
      serviceWorkers: 'allow',
      allowConsoleErrors: OFFLINE_NOISE,
    });
    await page.goto(app.url);
    await loadLevel(page, ROOM);
    await controlled(page);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string }) : null;
    });
    expect(manifest?.name).toBe('Sokoban Playground');

    await page.context().setOffline(true);
    // Requests the page makes now must not reach the server: the worker answers them.
    await page.reload();
    await expect.poll(() => page.getByTestId('board').count(), { timeout: 15_000 }).toBe(1);
    await blurInputs(page);
    await page.keyboard.press('ArrowUp'); // the level loaded before going offline is still here
    await until(gameStatus(page), /^Moves: 1 · Pushes: 0$/);
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await until(page.getByTestId('solver-outcome'), /^Solved: /);
    // The lazily loaded editor comes from the cache too.
    await page.getByRole('button', { name: 'Edit level' }).click();
    await expect
      .poll(() => page.getByText('Loading the editor…').count(), { timeout: 15_000 })
      .toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().setOffline(false);
  });

  it('announces a new version and switches only when the player presses Reload', async () => {
    // A copy of the build of our own, so this test can publish a "new version" of sw.js.
    const root = mkdtempSync(join(tmpdir(), 'sokoban-offline-'));
    cpSync(DIST_DIR, root, { recursive: true });
    const server = await serveStatic(root);
    try {
      const page = await app.newPage({ serviceWorkers: 'allow' });
      await page.goto(server.url);
      await loadLevel(page, ROOM);
      await controlled(page);
      await blurInputs(page);
      await page.keyboard.press('ArrowUp');
      await until(gameStatus(page), /^Moves: 1 · Pushes: 0$/);
      await page.evaluate(() => ((window as unknown as { stay: boolean }).stay = true));

      appendFileSync(join(root, 'sw.js'), '\n// the next version\n');
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const notice = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
      await until(notice, /A new version is ready\./);
      // Announced, not forced: the page has not reloaded and the game goes on.
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { stay?: boolean }).stay)).toBe(true);
      await page.keyboard.press('ArrowDown');
      await until(gameStatus(page), /^Moves: 2 · Pushes: 0$/);

      await Promise.all([
        page.waitForEvent('load', { timeout: 15_000 }),
        notice.getByRole('button', { name: 'Reload' }).click(),
      ]);
      expect(await page.evaluate(() => (window as unknown as { stay?: boolean }).stay)).toBe(
        undefined,
      );
      await until(gameStatus(page), /^Moves: 2 · Pushes: 0$/); // the session survived the reload
      expect(await notice.count()).toBe(0);
    } finally {
      await app.closePages();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
