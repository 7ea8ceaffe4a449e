/**
 * Issue 4 in a real browser: Solve in the worker with progress, Play to Solved, Cancel of a long
 * search within a second, scrub back and take over, pasted moves with an illegal move, deadlock
 * warnings, keyboard use, and no main-thread task over 50 ms while solving and playing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { blurInputs, describeE2E, gameStatus, loadLevel, useApp } from './harness';

/**
 * The example level of issues 2 and 4 (Boxoban medium valid 000, "; 53"), read at run time from
 * the collection beside the checkout (../shared/levels), never stored in this repository. Without
 * that folder these tests are skipped with a message; with CI=true they fail instead.
 */
const SHARED_BOXOBAN = resolve(process.cwd(), '../shared/levels/boxoban/medium/valid/000.txt');
const LEVEL_53 = existsSync(SHARED_BOXOBAN)
  ? boxobanBoard(readFileSync(SHARED_BOXOBAN, 'utf8'), 53)
  : '';

/** The `; N` header and the 10 rows under it, as a user would paste them. */
function boxobanBoard(file: string, n: number): string {
  const lines = file.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === `; ${n}`);
  if (at < 0) throw new Error(`no "; ${n}" in ${SHARED_BOXOBAN}`);
  return lines.slice(at, at + 11).join('\n');
}

/**
 * A 20x20 room written for this test: 14 boxes spread over the room, their goals packed in the
 * top-left corner, pillars in a grid. Fast mode now solves it in under a second (the packing order
 * of issue 10), but proving the fewest pushes is far out of reach (`npm run solve -- --mode optimal
 * --time-limit 20` stops at the limit after 2.3 million positions), so an Optimal search on it runs
 * until cancelled however much faster the fast search gets.
 */
const BIG_ROOM = [
  'Big room',
  '####################',
  '#......            #',
  '# . . ...          #',
  '#  #   #   #   #   #',
  '# . ..             #',
  '#                  #',
  '#                  #',
  '#  #$  #   #   #   #',
  '#            $  $  #',
  '#         $        #',
  '#     $            #',
  '#  #   #   #   #   #',
  '#   $              #',
  '#  $       $   $   #',
  '#   $ $ @          #',
  '#  #   #  $#$  #   #',
  '#                  #',
  '#          $       #',
  '#                  #',
  '####################',
].join('\n');

/**
 * The same room with four boxes: solved in well under a second, with a long solution (about 400
 * moves) to play back fast.
 */
const ROOM_OF_FOUR = [
  'Room of four',
  '####################',
  '#....              #',
  '#                  #',
  '#  #   #   #   #   #',
  '#                  #',
  '#                  #',
  '#                  #',
  '#  #$  #   #   #   #',
  '#            $  $  #',
  '#         $        #',
  '#                  #',
  '#  #   #   #   #   #',
  '#                  #',
  '#                  #',
  '#       @          #',
  '#  #   #   #   #   #',
  '#                  #',
  '#                  #',
  '#                  #',
  '####################',
].join('\n');

/** Two boxes; pushing the left one left puts it against a wall with no goal (a proven deadlock). */
const CORNER_LEVEL = ['Dead wall', '#######', '#     #', '# $@$.#', '#    .#', '#######'].join(
  '\n',
);

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const outcome = (page: Page) => page.getByTestId('solver-outcome');
const where = (page: Page) => page.getByTestId('playback-where');

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

async function until(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => text(locator), { timeout }).toMatch(pattern);
}

/** Records long tasks (over 50 ms, the browser's own threshold) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __observer?: PerformanceObserver };
    w.__long = [];
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(Math.round(entry.duration));
    });
    w.__observer.observe({ type: 'longtask' });
  });
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __long: number[] }).__long.slice());
}

if (!LEVEL_53) {
  if (process.env.CI === 'true')
    throw new Error(
      `The Boxoban collection is missing at ${SHARED_BOXOBAN}; CI needs ../shared beside the checkout.`,
    );
  console.warn(`\n[e2e] SKIPPED "solve and watch": no Boxoban collection at ${SHARED_BOXOBAN}.\n`);
}

(LEVEL_53 ? describeE2E : describe.skip)('solve and watch', () => {
  const app = useApp();

  it(
    'level 53: Solve shows progress or the result, Play reaches Solved; no long task meanwhile',
    { retry: 2 },
    async () => {
      const page = await app.newPage();
      await page.goto(app.url);
      await loadLevel(page, LEVEL_53);
      await blurInputs(page);
      await until(gameStatus(page), /^Moves: 0 · Pushes: 0$/);
      // Fetch the worker's code first, so the long-task window covers solving and playing only.
      await page.waitForTimeout(300);
      await watchLongTasks(page);
      await button(page, 'Solve').click();
      // Either the live progress (elapsed, nodes) or, for a quick search, the result.
      await expect
        .poll(
          async () =>
            (await page.getByTestId('solver-progress').count()) > 0 ||
            (await outcome(page).count()) > 0,
          { timeout: 10_000 },
        )
        .toBe(true);
      await until(
        outcome(page),
        /^Solved: \d+\/\d+ in ([\d.]+ s|\d+ ms), (optimal \(fewest pushes(, then fewest moves)?\)|not proven optimal)\. Press Play to watch it\.$/,
      );
      const [, moves] = /Solved: (\d+)\/(\d+)/.exec(await text(outcome(page)))!;
      await until(where(page), new RegExp(`^Move 0 of ${moves}$`));
      await until(gameStatus(page), /^Moves: 0 · Pushes: 0$/);
      // Watch it at a fast speed (the default is Normal, 8 moves per second).
      await page.getByRole('slider', { name: 'Speed' }).fill('3');
      await button(page, 'Play').click();
      await expect(button(page, 'Pause').isVisible()).resolves.toBe(true);
      await until(gameStatus(page), /Solved$/, 15_000);
      await until(where(page), new RegExp(`^Move ${moves} of ${moves}$`));
      await until(gameStatus(page), new RegExp(`^Moves: ${moves} · Pushes: \\d+ · Solved$`));
      const tasks = await longTasks(page);
      console.log(
        `[e2e] long tasks during solve + playback of level 53: ${tasks.length ? tasks.join(', ') + ' ms' : 'none'}`,
      );
      expect(tasks.filter((d) => d > 50)).toEqual([]);

      // Asking twice is instant: back to the start, Solve answers from the session cache.
      await page.keyboard.press('Home');
      await until(where(page), new RegExp(`^Move 0 of ${moves}$`));
      await button(page, 'Solve').click();
      await until(outcome(page), /remembered from earlier/, 2000);
    },
  );

  // A long task can come from another process starving this 2-core machine rather than from the
  // page, so a run that sees one is repeated (retry) before the test fails; every run logs what it saw.
  it(
    'a long solution on a 20x20 room plays very fast with smooth frames and no long task',
    { retry: 2 },
    async () => {
      const page = await app.newPage();
      await page.goto(app.url);
      await loadLevel(page, ROOM_OF_FOUR);
      await button(page, 'Solve').click();
      await until(outcome(page), /^Solved: /);
      const total = Number(/of (\d+)/.exec(await text(where(page)))![1]);
      expect(total).toBeGreaterThan(100);
      await page.getByRole('slider', { name: 'Speed' }).fill('4'); // very fast: 40 moves/s
      await watchLongTasks(page);
      // Count animation frames while playing, to report the frame rate the page keeps.
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[] };
        w.__frames = [];
        const tick = (t: number) => {
          w.__frames.push(t);
          if (w.__frames.length < 100_000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await button(page, 'Play').click();
      await page.waitForTimeout(3000);
      await button(page, 'Pause').click();
      const frames = await page.evaluate(() =>
        (window as unknown as { __frames: number[] }).__frames.slice(),
      );
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
      const worst = Math.max(...gaps);
      const played = Number(/^Move (\d+)/.exec(await text(where(page)))![1]);
      const tasks = await longTasks(page);
      console.log(
        `[e2e] playback of ${total} moves at 40 moves/s for 3 s: ${played} moves, ${(gaps.length / 3).toFixed(0)} frames/s, worst frame gap ${worst.toFixed(1)} ms; long tasks: ${tasks.length ? tasks.join(', ') + ' ms' : 'none'}`,
      );
      expect(played).toBeGreaterThan(60);
      expect(tasks.filter((d) => d > 50)).toEqual([]);
    },
  );

  it('a long search on a 20x20 room shows progress and is cancelled within 1 s; the next Solve works', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, BIG_ROOM);
    await page.getByRole('radio', { name: 'Optimal (fewest pushes)' }).check();
    await page.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('120');
    await watchLongTasks(page);
    await button(page, 'Solve').click();
    const progress = page.getByTestId('solver-progress');
    await until(progress, /Nodes[\d,]+/);
    await until(progress, /Nodes\/s[\d,]+/);
    await page.waitForTimeout(1500);
    // The page answers while the worker searches: a move by hand goes through at once.
    await blurInputs(page);
    await page.keyboard.press('ArrowRight');
    await until(gameStatus(page), /^Moves: 1 · Pushes: 0$/, 2000);
    const ms = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const cancel = [...document.querySelectorAll('button')].find(
            (b) => b.textContent?.trim() === 'Cancel',
          )!;
          const t0 = performance.now();
          const check = () => {
            const shown =
              document.querySelector('[data-testid="solver-outcome"]')?.textContent ?? '';
            if (/^Cancelled after/.test(shown)) done(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          cancel.click();
          check();
        }),
    );
    console.log(
      `[e2e] Cancel on the 20x20 room: the panel showed "Cancelled" ${ms.toFixed(1)} ms after the click`,
    );
    expect(ms).toBeLessThan(1000);
    await expect(button(page, 'Cancel').isDisabled()).resolves.toBe(true);
    const tasks = await longTasks(page);
    console.log(
      `[e2e] long tasks during the 20x20 search: ${tasks.length ? tasks.join(', ') + ' ms' : 'none'}`,
    );
    expect(tasks.filter((d) => d > 50)).toEqual([]);

    // Loading another level cancels a running search, and the next Solve works on a fresh worker.
    await button(page, 'Solve').click();
    await until(page.getByTestId('solver-progress'), /Nodes/);
    await loadLevel(page, LEVEL_53);
    await expect.poll(() => page.getByTestId('solver-progress').count()).toBe(0);
    await page.getByRole('radio', { name: 'Fast' }).check();
    await button(page, 'Solve').click();
    await until(outcome(page), /^Solved: /);
  });

  it('a worker that crashes shows an error, and the next Solve works', async () => {
    const page = await app.newPage({ allowConsoleErrors: /solver test crash/ });
    // The first worker script served is one that throws on its first message.
    let crashes = 1;
    await page.context().route(/solver\.worker-[^/]*\.js$/, async (route) => {
      if (crashes-- > 0) {
        await route.fulfill({
          contentType: 'text/javascript',
          body: 'self.onmessage = () => { throw new Error("solver test crash"); };',
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(app.url);
    await loadLevel(page, LEVEL_53);
    await button(page, 'Solve').click();
    const panel = page.getByRole('region', { name: 'Solver' });
    await until(
      panel.getByRole('alert'),
      /^The solver worker crashed: .*solver test crash.*Press Solve to try again\.$/,
    );
    await button(page, 'Solve').click();
    await until(outcome(page), /^Solved: /);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });

  it('scrub back and take over: a different move by hand cuts the rest; the same move keeps it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, LEVEL_53);
    await button(page, 'Solve').click();
    await until(outcome(page), /^Solved: /);
    const total = Number(/of (\d+)/.exec(await text(where(page)))![1]);
    const scrubber = page.getByRole('slider', { name: 'Position' });
    await scrubber.fill(String(total)); // to the end
    await until(gameStatus(page), /Solved$/);
    await scrubber.fill('4');
    await until(where(page), new RegExp(`^Move 4 of ${total}$`));
    await until(gameStatus(page), /^Moves: 4 · /);
    const solution = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem('sokoban-playground:game') ?? '{}') as {
          state: { histories: Record<string, { moves: string }> };
        },
    );
    const moves: string = Object.values(solution.state.histories)[0]!.moves;
    expect(moves).toHaveLength(total);

    // The same move as the solution's next one keeps the rest as the redo tail.
    await blurInputs(page);
    const key: Record<string, string> = {
      l: 'ArrowLeft',
      u: 'ArrowUp',
      r: 'ArrowRight',
      d: 'ArrowDown',
    };
    await page.keyboard.press(key[moves[4]!.toLowerCase()]!);
    await until(where(page), new RegExp(`^Move 5 of ${total}$`));
    await expect(button(page, 'Redo').isEnabled()).resolves.toBe(true);
    // Undo, then a move the solution does not make: the old tail is gone, Redo has nothing.
    await button(page, 'Undo').click();
    await blurInputs(page);
    const other = (['l', 'u', 'r', 'd'] as const).find(
      (d) => d !== moves[4]!.toLowerCase() && d !== 'r' && d !== 'u',
    );
    // From move 4 the player can step; pick a legal one that differs from the solution.
    await page.keyboard.press(key[other!]!);
    const now = await text(where(page));
    if (now === `Move 5 of 5`) {
      await expect(button(page, 'Redo').isDisabled()).resolves.toBe(true);
      await expect(button(page, 'Play').isDisabled()).resolves.toBe(false); // Play restarts from the start
    } else {
      // The step was blocked by a wall: nothing changed, the tail is still there.
      expect(now).toBe(`Move 4 of ${total}`);
    }
  });

  it('Hint plays the walk to the next push and that push; a second Hint goes on from there', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, LEVEL_53);
    await button(page, 'Hint').click();
    await until(
      outcome(page),
      /^Hint: the next push is shown\. A solution from here is \d+\/\d+\.$/,
    );
    await until(gameStatus(page), /^Moves: \d+ · Pushes: 1$/);
    const first = await text(where(page));
    expect(first).toMatch(/^Move (\d+) of \1$/); // only the hint's moves, nothing more to redo
    await blurInputs(page);
    await page.keyboard.press('h');
    await until(gameStatus(page), /^Moves: \d+ · Pushes: 2$/);
    await until(outcome(page), /^Hint: .*\.$/);
  });

  it('pasted moves are watched from the start; an illegal move gives an alert naming it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, LEVEL_53);
    const movesBox = page.getByRole('textbox', { name: 'Moves' });
    // From the start (row 6, column 9): down, down, then a wall below.
    await movesBox.fill('d d d l');
    await button(page, 'Watch from start').click();
    await until(
      page.getByRole('alert'),
      /^Move 3 is illegal; the 2 moves before it were applied\.$/,
    );
    await until(where(page), /^Move 0 of 2$/);
    await until(gameStatus(page), /^Moves: 0 · Pushes: 0$/);
    await button(page, 'Play').click();
    await until(where(page), /^Move 2 of 2$/);
    await until(gameStatus(page), /^Moves: 2 · Pushes: 0$/);
  });

  it('a push against a goal-less wall shows a deadlock warning with its cause and the marked box; U undoes it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, CORNER_LEVEL);
    await blurInputs(page);
    await page.keyboard.press('ArrowLeft'); // pushes the left box against the left wall
    const warning = page.getByTestId('deadlock-warning');
    await until(
      warning,
      /^Deadlock: box on a dead square: it can never be pushed to a goal \(the marked box\)\. This position can no longer be solved\./,
      5000,
    );
    // The page is never blocked: keys still move while the warning is up.
    await page.keyboard.press('ArrowRight');
    await until(gameStatus(page), /^Moves: 2 · Pushes: 1$/);
    await page.keyboard.press('u');
    await until(gameStatus(page), /^Moves: 0 · Pushes: 0$/);
    await expect.poll(() => warning.count()).toBe(0);
    // A harmless push (the right box onto its goal) raises no warning.
    await page.keyboard.press('ArrowRight');
    await until(gameStatus(page), /^Moves: 1 · Pushes: 1$/);
    await page.waitForTimeout(500);
    expect(await warning.count()).toBe(0);
  });

  it('every solver and playback control is reachable with Tab and named; the keys work', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, LEVEL_53);
    await button(page, 'Solve').click();
    await until(outcome(page), /^Solved: /);
    // Mid-sequence, so that no step button is disabled (disabled buttons take no focus).
    await page.getByRole('slider', { name: 'Position' }).fill('3');
    await until(where(page), /^Move 3 of /);
    const names = new Set<string>();
    await page.locator('body').focus();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label =
          el.getAttribute('aria-label') ??
          (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
          el.closest('label')?.textContent ??
          el.textContent;
        return `${el.tagName.toLowerCase()}:${(label ?? '').trim()}`;
      });
      names.add(name);
    }
    for (const expected of [
      'button:Solve',
      'button:Hint',
      'input:Time limit (s)',
      'input:Fast',
      'button:Jump to start',
      'button:Push back',
      'button:Move back',
      'button:Play',
      'button:Move forward',
      'button:Push forward',
      'button:Jump to end',
      'input:Position',
      'input:Speed',
      'button:Copy solution',
    ]) {
      expect([...names]).toContain(expected);
    }
    await expect(
      page
        .getByRole('radiogroup', { name: 'Mode' })
        .or(page.getByRole('group', { name: 'Mode' }))
        .count(),
    ).resolves.toBe(1);

    // Keys: End, Home, '.', ',', ']', '=' and Space.
    await blurInputs(page);
    const total = Number(/of (\d+)/.exec(await text(where(page)))![1]);
    await page.keyboard.press('End');
    await until(where(page), new RegExp(`^Move ${total} of ${total}$`));
    await page.keyboard.press('Home');
    await until(where(page), new RegExp(`^Move 0 of ${total}$`));
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    await page.keyboard.press(',');
    await until(where(page), new RegExp(`^Move 1 of ${total}$`));
    await page.keyboard.press(']');
    await until(gameStatus(page), /Pushes: 1$/);
    await page.keyboard.press('=');
    await page.keyboard.press('=');
    await page.keyboard.press('=');
    await until(
      page.getByRole('slider', { name: 'Speed' }).locator('xpath=..').locator('.playback-speed'),
      /^Instant/,
    );
    await page.keyboard.press(' ');
    await until(gameStatus(page), /Solved$/);
  });
});
