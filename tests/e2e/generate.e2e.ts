/**
 * Issue 13's generator in a real browser: Generate with a seed shows a proven level (made in
 * the generator's worker), the seed link opens the same level in a fresh browser, and
 * Generate 100 shows progress and can be cancelled.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, useApp } from './harness';

const region = (page: Page) => page.getByRole('region', { name: 'Generator' });

async function poll(read: () => Promise<string>, match: RegExp, timeout = 30_000) {
  await expect.poll(read, { timeout }).toMatch(match);
}

/** The level in play, as the Level text box shows the collection and the picker the index. */
async function boardText(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector('[data-testid="board"]')?.getAttribute('aria-label') ?? '',
  );
}

describeE2E('generator', () => {
  const app = useApp();

  it('generates the level of a seed, and its seed link opens the same level elsewhere', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    const panel = region(page);
    await panel.getByRole('spinbutton', { name: 'Boxes' }).fill('3');
    await panel.getByRole('spinbutton', { name: 'Seed' }).fill('42');
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    await poll(
      async () => (await panel.textContent()) ?? '',
      /Seed 42: proven solvable in \d+ pushes \(optimal\)/,
    );
    const pushes = /solvable in (\d+) pushes/.exec((await panel.textContent())!)![1];
    await poll(async () => boardText(page), /.+/);
    const board = await boardText(page);
    const link = await panel.getByRole('textbox', { name: 'Seed link' }).inputValue();
    expect(link).toMatch(/#1g~s42~b3~w10~h10~p10$/);
    const levelText = await page.getByRole('textbox', { name: 'Level' }).inputValue();

    // A fresh browser context (its own storage) opens the link.
    const other = await app.newPage();
    await other.goto(link);
    await poll(
      async () =>
        (await other.getByText(/Opened a generated level from a seed link/).textContent()) ?? '',
      new RegExp(`\\(seed 42\\): proven solvable in ${pushes} pushes \\(optimal\\)`),
    );
    expect(await boardText(other)).toBe(board);
    const otherText = await other.getByRole('textbox', { name: 'Level' }).inputValue();
    const rows = (t: string) =>
      t
        .split('\n')
        .filter((l) => /^#[# .$@*+]*#$/.test(l))
        .slice(-10);
    expect(rows(otherText)).toEqual(rows(levelText));
    expect(other.url()).not.toContain('#1g'); // the fragment is cleared once opened
  });

  it('refuses a hostile seed link with a clear message', async () => {
    const page = await app.newPage();
    await page.goto(`${app.url}#1g~s1~b99`);
    await poll(
      async () => (await page.getByRole('alert').first().textContent()) ?? '',
      /This shared link could not be opened.*Boxes must be a whole number from 1 to 6/,
    );
  });

  it('Generate 100 shows progress and can be cancelled', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    const panel = region(page);
    await panel.getByRole('button', { name: 'Generate 100' }).click();
    const bar = panel.getByRole('progressbar', { name: 'Generation progress' });
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await poll(async () => (await panel.textContent()) ?? '', /Cancelled after \d+ of 100 levels/);
    expect(await bar.count()).toBe(0);
    await expect
      .poll(async () => panel.getByRole('button', { name: 'Generate', exact: true }).isEnabled())
      .toBe(true);
  });
});
