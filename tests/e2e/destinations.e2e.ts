/**
 * Issue 14, box destinations in Chromium: pick a box by mouse or by touch, see the squares it
 * can be pushed to drawn on the canvas, and push it to one with a click or a tap; Esc lets go.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blurInputs, describeE2E, gameStatus, loadLevel, PHONE, useApp } from './harness';

// 8 by 6, written for this test: the box at cell 18 (row 2, column 2), the player at cell 28.
const OPEN = ['Open', '########', '#      #', '# $  . #', '#   @  #', '#      #', '########'].join(
  '\n',
);
const WIDTH = 8;

async function geometry(page: Page) {
  const canvas = page.getByTestId('board');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const size = Number(await canvas.getAttribute('data-cell-size'));
  /** The page point of a spot in a square, as fractions of the square (0.5, 0.5 = centre). */
  const at = (cell: number, fx = 0.5, fy = 0.5) => ({
    x: box.x + ((cell % WIDTH) + fx) * size,
    y: box.y + (Math.floor(cell / WIDTH) + fy) * size,
  });
  return { canvas, at, size };
}

const label = (page: Page) => page.getByTestId('board').getAttribute('aria-label');

/** The colour drawn at a spot of a square, read back from the canvas. */
function pixel(page: Page, cell: number, fx: number, fy: number): Promise<number[]> {
  return page.getByTestId('board').evaluate(
    (el, [cell, fx, fy, width]) => {
      const canvas = el as HTMLCanvasElement;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const size = Number(canvas.dataset.cellSize) * scale;
      const x = Math.round(((cell % width) + fx) * size);
      const y = Math.round((Math.floor(cell / width) + fy) * size);
      return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data];
    },
    [cell, fx, fy, WIDTH] as const,
  );
}

// The selection colour (#f59f00) the brackets are drawn in.
const isBracket = ([r = 0, g = 0, b = 0]: number[]) => r > 220 && g > 130 && g < 180 && b < 60;
// A spot on the top-left bracket's horizontal arm: 20 % in, 9 % further along.
const ARM = [0.29, 0.2] as const;

describeE2E('box destinations', () => {
  const app = useApp();

  it('by mouse: a click marks where the box can go, a click on a mark pushes it there, Esc lets go', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, OPEN);
    await blurInputs(page);
    const { at } = await geometry(page);
    expect(isBracket(await pixel(page, 20, ...ARM))).toBe(false);

    await page.mouse.click(at(18).x, at(18).y);
    await expect.poll(() => label(page)).toMatch(/it can be pushed to 23 squares\.$/);
    await expect.poll(async () => isBracket(await pixel(page, 20, ...ARM))).toBe(true);
    expect(isBracket(await pixel(page, 1, ...ARM))).toBe(false); // a wall is no destination
    await page.keyboard.press('Escape');
    await expect.poll(() => label(page)).not.toMatch(/picked/);
    await expect.poll(async () => isBracket(await pixel(page, 20, ...ARM))).toBe(false);

    await page.mouse.click(at(18).x, at(18).y);
    await page.mouse.click(at(21).x, at(21).y); // its goal, three squares right
    await expect.poll(() => label(page)).toMatch(/1 box, 1 on goal/);
    expect(await gameStatus(page).textContent()).toMatch(/Pushes: 3 · Solved$/);
    await page.getByRole('button', { name: 'Undo' }).click(); // one move back, not the whole push
    expect(await gameStatus(page).textContent()).toMatch(/Pushes: 2$/);
  });

  it('by mouse: the start of a drag marks the destinations; dropping on one pushes', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, OPEN);
    const { at } = await geometry(page);
    await page.mouse.move(at(18).x, at(18).y);
    await page.mouse.down();
    await expect.poll(async () => isBracket(await pixel(page, 34, ...ARM))).toBe(true);
    await page.mouse.move(at(34).x, at(34).y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => gameStatus(page).textContent()).toMatch(/Pushes: 2$/);
    expect(isBracket(await pixel(page, 34, ...ARM))).toBe(false);
  });

  it('by touch: a tap on the box marks, a tap on a mark pushes, a tap elsewhere lets go', async () => {
    const page = await app.newPage(PHONE);
    await page.goto(app.url);
    await loadLevel(page, OPEN);
    const { at } = await geometry(page);
    await page.touchscreen.tap(at(18).x, at(18).y);
    await expect.poll(() => label(page)).toMatch(/it can be pushed to 23 squares\.$/);
    await page.touchscreen.tap(at(0).x + 2, at(0).y + 2); // a wall: let go, nothing moves
    await expect.poll(() => label(page)).not.toMatch(/picked/);
    expect(await gameStatus(page).textContent()).toBe('Moves: 0 · Pushes: 0');
    await page.touchscreen.tap(at(18).x, at(18).y);
    await expect.poll(async () => isBracket(await pixel(page, 9, ...ARM))).toBe(true);
    await page.touchscreen.tap(at(9).x, at(9).y); // the top-left corner
    await expect.poll(() => gameStatus(page).textContent()).toMatch(/Pushes: 2$/);
    await expect.poll(() => label(page)).not.toMatch(/picked/);
  });
});
