/**
 * Issue 11, part 3 in a real browser: Solve all on a collection the generator makes here (eight
 * levels, each with its proven fewest pushes), in Optimal mode, on the page's worker pool. The
 * exported JSON lines must match what the command line's code prints for the same text (fields,
 * statuses, moves and pushes), and a row must open its level with the solution ready to play.
 * Issue 14: every solution found is kept as the solver's, shown in the picker and the Solutions
 * panel, and no level is marked solved for the player.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { main } from '../../src/cli/solve';
import { type GeneratedLevel, generateLevel, printGeneratedCollection } from '../../src/generator';
import { describeE2E, gameStatus, loadLevel, useApp } from './harness';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function until(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => text(locator), { timeout }).toMatch(pattern);
}

/** Eight levels of three boxes, seeds 500–507, each proven by the generator's own solve. */
function generated(): GeneratedLevel[] {
  return Array.from({ length: 8 }, (_, k) => {
    const made = generateLevel({ seed: 500 + k, boxes: 3, minPushes: 6 });
    if (!made.ok) throw new Error(made.message);
    return made;
  });
}

interface Line {
  index: number;
  title: string;
  status: string;
  solution: string | null;
  moves: number | null;
  pushes: number | null;
  ms: number;
  nodes: number;
  message: string | null;
}

describeE2E('Solve all', () => {
  const app = useApp();
  const levels = generated();
  const collection = printGeneratedCollection(levels);

  it('solves a generated collection in Optimal mode and exports the rows the CLI prints', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, collection);
    await page.getByRole('radio', { name: 'Optimal (fewest pushes)' }).check();
    await button(page, 'Solve all').click();
    const bar = page.getByRole('progressbar', { name: 'Batch progress' });
    await bar.waitFor();
    await until(page.getByText(/^Finished: /), /^Finished: 8 of 8 levels solved\.$/, 60_000);
    await expect(bar.getAttribute('value')).resolves.toBe('8');
    await expect(bar.getAttribute('aria-valuetext')).resolves.toBe('8 of 8 levels done, 8 solved');
    await until(page.getByTestId('batch-counts'), /^8 \/ 8 done · 8 solved · .+ elapsed$/);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const workers = Math.max(1, Math.min(8, cores - 1));
    await page
      .getByText(`Optimal, 10 s per level, ${workers} worker${workers === 1 ? '' : 's'}.`)
      .waitFor();

    const table = page.getByRole('table', { name: 'Batch results' });
    await expect(table.locator('tbody tr').count()).resolves.toBe(8);
    await expect(table.getByRole('cell', { name: 'yes', exact: true }).count()).resolves.toBe(8);

    const download = page.waitForEvent('download');
    await button(page, 'Export JSON').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('solve-all-optimal.jsonl');
    const exported = readFileSync(await file.path(), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);

    const cli: Line[] = [];
    main(['generated.txt', '--json', '--mode', 'optimal'], {
      stdout: (l) => cli.push(JSON.parse(l) as Line),
      stderr: () => undefined,
      readFile: () => collection,
    });
    expect(exported.map((l) => Object.keys(l))).toEqual(cli.map((l) => Object.keys(l)));
    const essentials = (l: Line) => [l.index, l.title, l.status, l.moves, l.pushes, l.message];
    expect(exported.map(essentials)).toEqual(cli.map(essentials));
    // And both agree with the generator's proof of the fewest pushes.
    expect(exported.map((l) => l.pushes)).toEqual(levels.map((g) => g.pushes));

    const csvDownload = page.waitForEvent('download');
    await button(page, 'Export CSV').click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('index,title,status,solution,moves,pushes,ms,nodes,message');
    expect(csv.slice(1, 9).map((row) => row.split(',').slice(0, 6))).toEqual(
      exported.map((l) => [l.index, l.title, l.status, l.solution, l.moves, l.pushes].map(String)),
    );

    // A row opens its level with its solution ready: Play walks it to Solved.
    const fifth = exported[4]!;
    await page.getByRole('button', { name: 'Open level 5 with its solution' }).click();
    await until(
      page.getByRole('combobox', { name: 'Choose level' }).locator('option:checked'),
      /^#5 5 \(solver \d+\/\d+\)$/,
    );
    await until(gameStatus(page), /^Moves: 0 · Pushes: 0$/);
    await until(page.getByTestId('playback-where'), new RegExp(`^Move 0 of ${fifth.moves}$`));
    await page.getByRole('slider', { name: 'Speed' }).fill('5'); // instant
    await button(page, 'Play').click();
    await until(
      gameStatus(page),
      new RegExp(`^Moves: ${fifth.moves} · Pushes: ${fifth.pushes} · Solved$`),
      15_000,
    );

    // Every solution is kept as the solver's: the picker shows its moves/pushes and no level
    // is the player's (no ✓, not even the one just played through: those are the solver's moves).
    const options = page.getByRole('combobox', { name: 'Choose level' }).locator('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(exported.map((l) => `#${l.index} ${l.title} (solver ${l.moves}/${l.pushes})`));
    await expect(page.getByText(/^Solved \d+ of \d+$/).textContent()).resolves.toBe(
      'Solved 0 of 8',
    );
    // And the Solutions panel lists it for the level on the board, found by the solver.
    await page.locator('summary', { hasText: 'Solutions' }).click();
    const list = page.getByRole('list', { name: 'Solutions' });
    await expect
      .poll(() => list.getByRole('listitem').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringMatching(new RegExp(`^1\\. solver ${fifth.moves}/${fifth.pushes} `))]);
  });

  it('works by keyboard: Enter on Solve all runs it, focus comes back to Solve all, Enter on a row opens it', async () => {
    const page = await app.newPage();
    await page.goto(app.url);
    await loadLevel(page, collection);
    await button(page, 'Solve all').focus();
    await page.keyboard.press('Enter');
    await until(page.getByText(/^Finished: /), /^Finished: 8 of 8 levels solved\.$/, 60_000);
    // Focus went to Cancel while it ran, and back to Solve all when it ended.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Solve all',
    );
    await page.getByRole('button', { name: 'Open level 2 with its solution' }).focus();
    await page.keyboard.press('Enter');
    await until(
      page.getByRole('combobox', { name: 'Choose level' }).locator('option:checked'),
      /^#2 2 \(solver \d+\/\d+\)$/,
    );
    await expect(button(page, 'Play').isEnabled()).resolves.toBe(true);
  });
});
