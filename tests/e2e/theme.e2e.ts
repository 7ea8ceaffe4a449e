/** Issue 14's themes in a real browser: the system's scheme by default, a toggle that persists. */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, useApp } from './harness';

const toggle = (page: Page) => page.getByRole('button', { name: 'Dark theme' });
const pressed = async (page: Page) => toggle(page).getAttribute('aria-pressed');
const pageTheme = (page: Page) =>
  page.evaluate(() => ({
    attr: document.documentElement.dataset.theme,
    background: getComputedStyle(document.documentElement).backgroundColor,
  }));

describeE2E('theme', () => {
  const app = useApp();

  it('follows prefers-color-scheme when nothing is chosen', async () => {
    const page = await app.newPage({ colorScheme: 'dark' });
    await page.goto(app.url);
    expect(await pressed(page)).toBe('true');
    expect((await pageTheme(page)).attr).toBe('dark');
  });

  it('keeps the chosen theme across a reload', async () => {
    const page = await app.newPage({ colorScheme: 'light' });
    await page.goto(app.url);
    expect(await pressed(page)).toBe('false');
    const light = await pageTheme(page);
    await toggle(page).click();
    expect(await pressed(page)).toBe('true');
    const dark = await pageTheme(page);
    expect(dark.attr).toBe('dark');
    expect(dark.background).not.toBe(light.background);
    await page.reload();
    await expect.poll(() => pressed(page), { timeout: 20_000 }).toBe('true');
    expect(await pageTheme(page)).toEqual(dark);
    // And back: light is remembered too, even though the system stays light.
    await toggle(page).press('Enter');
    await page.reload();
    await expect.poll(() => pressed(page), { timeout: 20_000 }).toBe('false');
    expect((await pageTheme(page)).attr).toBe('light');
  });
});
