/**
 * Issue 5 in a real browser: Share makes a link; the link opened in a fresh browser context shows
 * the same board pixel for pixel; a replay link played to its end reaches the same position; opened
 * levels are added to the collection; broken and hostile links give an alert and leave a
 * working game.
 */
import { deflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { BOXOBAN_SIZE_BOARD } from '../fixtures/levels';
import { blurInputs, describeE2E, gameStatus, loadLevel, useApp } from './harness';

/** A Boxoban-size level written for these tests, with a title. */
const LEVEL_A = `${BOXOBAN_SIZE_BOARD}\nTitle: Share test A`;

/** A second, different level (for back and forward). */
const LEVEL_B = [
  '#########',
  '#       #',
  '# .$  @ #',
  '#   $.  #',
  '#       #',
  '#########',
  'Title: Share test B',
].join('\n');

/** Same viewport for every page, tall enough that no scroll bar changes the board's width. */
const VIEWPORT = { width: 1280, height: 1800 };

const board = (page: Page) => page.getByRole('img', { name: /^Sokoban board/ });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const shareBox = (page: Page) => page.getByRole('textbox', { name: 'Share link' });

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** The canvas as a PNG data URL, once two frames in a row draw the same (no animation left). */
async function canvasImage(page: Page): Promise<{ size: string; png: string }> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const shot = await board(page).evaluate(
      (el) =>
        new Promise<string>((done) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const c = el as HTMLCanvasElement;
              done(`${c.width}x${c.height}|${c.toDataURL('image/png')}`);
            }),
          ),
        ),
    );
    if (shot === last) {
      const [size = '', png = ''] = shot.split('|');
      return { size, png };
    }
    last = shot;
    await page.waitForTimeout(50);
  }
  throw new Error('the board never stopped changing');
}

/** Dismisses notes ("Opened a shared level.") so that both pages have the same layout. */
async function dismissNotes(page: Page) {
  const notes = page.getByRole('button', { name: 'Dismiss note' });
  while ((await notes.count()) > 0) await notes.first().click();
}

async function share(page: Page, withMoves: boolean): Promise<string> {
  const box = page.getByRole('checkbox', { name: 'Include moves' });
  if ((await box.isChecked()) !== withMoves) await box.click();
  await button(page, 'Share').click();
  await expect.poll(() => shareBox(page).inputValue()).toMatch(/#1[rz]~/);
  return shareBox(page).inputValue();
}

describeE2E('share links in Chromium', () => {
  const app = useApp();

  it('Share → the link in a fresh browser context shows the same board, pixel for pixel', async () => {
    const page = await app.newPage({
      viewport: VIEWPORT,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_A);
    await blurInputs(page);
    await expect.poll(() => text(gameStatus(page))).toBe('Moves: 0 · Pushes: 0');
    await dismissNotes(page);
    const before = await canvasImage(page);

    const link = await share(page, false);
    console.log(`share link (${link.length} chars): ${link}`);
    expect(link.startsWith(app.url.replace(/\/?$/, '/'))).toBe(true);
    // The board (80 characters) and the title: short enough for a chat line.
    expect(link.length).toBeLessThanOrEqual(app.url.length + 100);
    await expect.poll(() => text(page.locator('.share-status'))).toMatch(/copied to the clipboard/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // A fresh context: no saved game, nothing shared but the link.
    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(link);
    await expect.poll(() => text(other.locator('h2.level-title'))).toContain('Share test A');
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 0 · Pushes: 0');
    await dismissNotes(other);
    const after = await canvasImage(other);
    expect(after.size).toBe(before.size);
    expect(after.png === before.png).toBe(true);
    expect(await board(other).getAttribute('aria-label')).toBe(
      await board(page).getAttribute('aria-label'),
    );
    // The comparison can fail: one step later the picture differs.
    await blurInputs(other);
    await other.keyboard.press('ArrowRight');
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 1 · Pushes: 0');
    expect((await canvasImage(other)).png === before.png).toBe(false);
  });

  it('a big level travels compressed (1z) and opens the same, pixel for pixel', async () => {
    // A 40×30 room with a pillar every few squares and three boxes: a readable link would be
    // several hundred characters, so the compressed form is chosen.
    const rows = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 40 }, (_, c): string =>
        r === 0 || r === 29 || c === 0 || c === 39 || (r % 4 === 2 && c % 5 === 3) ? '#' : ' ',
      ),
    );
    rows[5]![5] = '$';
    rows[5]![10] = '$';
    rows[20]![30] = '$';
    rows[8]![8] = rows[15]![15] = rows[25]![35] = '.';
    rows[10]![20] = '@';
    const big = [...rows.map((r) => r.join('').replace(/ +$/, '')), 'Title: Big room'].join('\n');
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, big);
    await expect.poll(() => text(page.locator('h2.level-title'))).toContain('Big room');
    await dismissNotes(page);
    const before = await canvasImage(page);
    const link = await share(page, false);
    expect(link).toMatch(/#1z~[A-Za-z0-9_-]+$/);
    console.log(`40×30 level: ${link.length - app.url.length} characters after the address`);

    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(link);
    await expect.poll(() => text(other.locator('h2.level-title'))).toContain('Big room');
    await dismissNotes(other);
    const after = await canvasImage(other);
    expect(after.size).toBe(before.size);
    expect(after.png === before.png).toBe(true);
  });

  it('a replay link played to its end reaches the same position', async () => {
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_A);
    await blurInputs(page);
    // Walk and push: the player starts at row 4, column 6, a box on each side.
    for (const key of [
      'ArrowRight',
      'ArrowLeft',
      'ArrowLeft',
      'ArrowDown',
      'ArrowLeft',
      'ArrowUp',
      'ArrowUp',
    ])
      await page.keyboard.press(key);
    const status = await text(gameStatus(page));
    expect(status).toMatch(/^Moves: [1-9]\d* · Pushes: [1-9]/);
    await dismissNotes(page);
    const end = await canvasImage(page);
    const label = await board(page).getAttribute('aria-label');

    const link = await share(page, true);
    expect(link).toMatch(/~m[0-9lurdLURD]+$/);

    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(link);
    await expect.poll(() => text(other.locator('h2.level-title'))).toContain('Share test A');
    // The moves wait on the redo stack, from the start.
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 0 · Pushes: 0');
    const moves = Number(/^Moves: (\d+)/.exec(status)![1]);
    const play = button(other, 'Play');
    if ((await play.count()) > 0 && (await play.isEnabled())) {
      await play.click();
    } else {
      for (let i = 0; i < moves; i++) await button(other, 'Redo').click();
    }
    await expect.poll(() => text(gameStatus(other)), { timeout: 20_000 }).toBe(status);
    await expect.poll(() => board(other).getAttribute('aria-label')).toBe(label);
    await dismissNotes(other);
    const replayed = await canvasImage(other);
    expect(replayed.size).toBe(end.size);
    expect(replayed.png === end.png).toBe(true);
  });

  it('reloading a replay link keeps the moves made since; opening it afresh starts over', async () => {
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_B);
    await blurInputs(page);
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp'])
      await page.keyboard.press(key);
    await expect.poll(() => text(gameStatus(page))).toBe('Moves: 4 · Pushes: 1');
    const link = await share(page, true);

    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(link);
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 0 · Pushes: 0');
    await button(other, 'Redo').click();
    await button(other, 'Redo').click();
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 2 · Pushes: 0');
    await other.reload();
    await expect.poll(() => text(other.locator('h2.level-title'))).toContain('Share test B');
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 2 · Pushes: 0');
    // The rest of the shared moves is still there to redo.
    await button(other, 'Redo').click();
    await button(other, 'Redo').click();
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 4 · Pushes: 1');
    // Following the link again (not a reload) opens it as sent: at the start, moves to redo.
    await other.goto(app.url);
    await other.goto(link);
    await expect.poll(() => text(gameStatus(other))).toBe('Moves: 0 · Pushes: 0');
    await expect.poll(() => button(other, 'Redo').isEnabled()).toBe(true);
  });

  it('levels opened by links are added to the collection, and the address is cleared', async () => {
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_A);
    const linkA = await share(page, false);
    await loadLevel(page, LEVEL_B);
    const linkB = await share(page, false);

    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(linkA);
    const title = other.locator('h2.level-title');
    await expect.poll(() => text(title)).toContain('Share test A');
    await expect.poll(() => other.evaluate(() => location.hash)).toBe('');
    await other.goto(linkB);
    await expect.poll(() => text(title)).toContain('Share test B');
    await expect.poll(() => other.evaluate(() => location.hash)).toBe('');
    // Both stay a pick away: the first link's level was not replaced by the second.
    const picker = other.getByRole('combobox', { name: 'Choose level' });
    const options = await picker.locator('option').allTextContents();
    expect(options.some((o) => o.includes('Share test A'))).toBe(true);
    expect(options.some((o) => o.includes('Share test B'))).toBe(true);
  });

  it('broken and hostile links give an alert, and the game that was there still plays', async () => {
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_B);
    const good = (await share(page, false)).split('#')[1]!;
    await blurInputs(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => text(gameStatus(page))).toBe('Moves: 1 · Pushes: 0');

    const bomb = deflateRawSync(Buffer.alloc(50_000_000)).toString('base64url');
    const broken: [string, string, RegExp][] = [
      ['truncated', good.slice(0, 20), /level is invalid|damaged/],
      [
        'truncated compressed',
        `1z~${deflateRawSync(Buffer.from('10W/W-pb.-W/10W')).toString('base64url').slice(0, 6)}`,
        /cannot be unpacked|damaged/,
      ],
      ['unknown version', good.replace(/^1r/, '7r'), /newer format/],
      ['not a link', 'top', /not a level link/],
      ['invalid level', '1r~5W/Wpbb.W/5W', /Boxes and goals differ/],
      ['over the payload cap', `1r~${'W'.repeat(70_000)}`, /holds too much/],
      ['zip bomb', `1z~${bomb}`, /holds too much/],
      ['hundreds of KB', `1r~${'W'.repeat(300_000)}`, /too long to open/],
      [
        'script in the board',
        '1r~5W/Wp<script>window.__pwned=1</script>b.W/5W',
        /"<" is not a board character/,
      ],
      ['illegal moves', `${good}~mUUUU`, /moves do not fit/],
    ];
    for (const [what, fragment, message] of broken) {
      await page.goto(`${app.url}#${fragment}`);
      const alert = page.getByRole('alert');
      await expect.poll(() => text(alert), { message: what }).toMatch(message);
      expect(await text(alert), what).toContain('Your game is unchanged');
      // The game the user had is still there and still plays.
      await expect
        .poll(() => text(page.locator('h2.level-title')), { message: what })
        .toContain('Share test B');
      const before = await text(gameStatus(page));
      await blurInputs(page);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      const n = Number(/^Moves: (\d+)/.exec(before)![1]);
      await expect
        .poll(() => text(gameStatus(page)), { message: what })
        .toBe(`Moves: ${n + 2} · Pushes: 0`);
    }
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('script:not([src]), img').count()).toBe(0);
  });

  it('a broken link opened in a new tab shows the alert over a playable example level', async () => {
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(`${app.url}#1r~${'W'.repeat(300_000)}`);
    await expect.poll(() => text(page.getByRole('alert'))).toMatch(/too long to open/);
    await expect.poll(() => text(gameStatus(page))).toBe('Moves: 0 · Pushes: 0');
    const before = await board(page).getAttribute('aria-label');
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      await page.keyboard.press(key);
      if ((await board(page).getAttribute('aria-label')) !== before) break;
    }
    await expect.poll(() => text(gameStatus(page))).toMatch(/^Moves: [1-9]/);
  });

  it('a script-like title opens as plain text', async () => {
    const title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const page = await app.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
    await loadLevel(page, `${LEVEL_B.split('\nTitle:')[0]}\nTitle: ${title}`);
    const link = await share(page, false);
    expect(link).not.toMatch(/[<>"]/);
    const other = await app.newPage({ viewport: VIEWPORT });
    await other.goto(link);
    await expect.poll(() => text(other.locator('h2.level-title'))).toContain(title);
    await other.waitForTimeout(200);
    expect(
      await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await other.locator('script:not([src]), img').count()).toBe(0);
  });
});
