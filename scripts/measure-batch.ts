/**
 * Measures Solve all in Chromium on the local production build (run by hand, not by npm test):
 * loads a collection into the page, presses Solve all in the chosen mode, and prints the wall
 * time from the press to "Finished", with the workers used, the levels solved, and the
 * main-thread long tasks seen meanwhile. Target (issue 11): a 1000-level Boxoban file in fast
 * mode within 30 s on this machine.
 *
 * Usage:
 *   npx tsx scripts/measure-batch.ts [FILE] [--mode fast|optimal] [--time-limit S] [--runs N]
 *                                    [--dist DIR]
 * FILE defaults to ../shared/levels/boxoban/medium/valid/000.txt (../../shared from a worktree;
 * read there, never copied).
 * Without --dist it builds into a fresh temporary directory (not dist/, which others' test runs
 * may be rebuilding at the same moment in a shared checkout).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parseCollection, replay, startPosition, isSolved } from '../src/sokoban';
import { launchChromium, serveStatic } from '../tests/e2e/browser';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
/** The shared levels sit beside the main checkout: ../shared, or ../../shared from a worktree. */
const DEFAULT_FILE =
  ['../shared', '../../shared']
    .map((dir) => resolve(dir, 'levels/boxoban/medium/valid/000.txt'))
    .find((path) => existsSync(path)) ?? '../shared/levels/boxoban/medium/valid/000.txt';
const FILE = resolve(positional[0] ?? DEFAULT_FILE);
const MODE = option('--mode') ?? 'fast';
const TIME_LIMIT = option('--time-limit');
const RUNS = Number(option('--runs') ?? 1);
if (MODE !== 'fast' && MODE !== 'optimal') throw new Error('--mode is fast or optimal');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive integer');

const text = readFileSync(FILE, 'utf8');
const parsed = parseCollection(text);
if (!parsed.ok) throw new Error(`${FILE}: ${parsed.error.message}`);
const levels = parsed.entries;

let distDir = option('--dist');
if (!distDir) {
  distDir = mkdtempSync(join(tmpdir(), 'measure-batch-'));
  console.log(`building (vite build --outDir ${distDir})...`);
  execFileSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Pastes the collection into the Level box (a fill of 110 KB through CDP takes seconds). */
async function loadCollection(page: Page): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Level' });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await page.waitForFunction(
    (n) => document.querySelector<HTMLTextAreaElement>('textarea')?.value.length === n,
    text.length,
  );
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByRole('combobox', { name: 'Choose level' }).waitFor();
}

interface Run {
  wallMs: number;
  workers: string;
  rows: number;
  solved: number;
  verified: number;
  longTasks: number[];
  /** The sum of the levels' engine times (the `ms` of the rows). */
  engineMs: number;
  /** Main-thread task time of the page during the batch (CDP, thread ticks). */
  taskMs: number;
}

async function measureOnce(page: Page): Promise<Run> {
  await loadCollection(page);
  if (MODE === 'optimal') await page.getByRole('radio', { name: /Optimal/ }).check();
  if (TIME_LIMIT) await page.getByLabel('Time limit (s)').fill(TIME_LIMIT);
  // Long main-thread tasks while the batch runs: what a user would feel as a stuck page.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await cdp.send('Performance.getMetrics');
  const taskBefore = (before.metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
  const start = Date.now();
  await page.getByRole('button', { name: 'Solve all' }).click();
  // A light poll of one element: a text locator would scan the whole page every frame, in the
  // page's own main thread, and cost more than the batch's own work.
  await page.waitForFunction(
    () => document.querySelector('.batch-summary')?.textContent?.startsWith('Finished') === true,
    undefined,
    { polling: 100, timeout: 30 * 60_000 },
  );
  const wallMs = Date.now() - start;
  const workers = (await page.getByText(/per level, \d+ workers?\./).textContent()) ?? '';
  // The table draws only the rows near its scroll box; aria-rowcount counts them all (+ header).
  const rowCount = await page
    .getByRole('table', { name: 'Batch results' })
    .getAttribute('aria-rowcount');
  const rows = Number(rowCount) - 1;
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const path = await (await download).path();
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  let solved = 0;
  let verified = 0;
  let engineMs = 0;
  for (const line of lines) {
    const row = JSON.parse(line) as {
      index: number;
      status: string;
      solution: string | null;
      ms: number;
    };
    engineMs += row.ms;
    if (row.status !== 'solved' || row.solution === null) continue;
    solved++;
    // Checked here again, outside the page: the solution replays to solved.
    const entry = levels[row.index - 1];
    if (!entry?.ok) continue;
    const r = replay(entry.level, startPosition(entry.level), row.solution);
    if (!r.error && isSolved(entry.level, r.position)) verified++;
  }
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000 - taskBefore;
  return { wallMs, workers, rows, solved, verified, longTasks, engineMs, taskMs };
}

const server = await serveStatic(distDir);
const browser = await launchChromium();
const loadStart = load();
const results: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const run = await measureOnce(page);
    results.push(run);
    const worst = run.longTasks.length ? Math.max(...run.longTasks) : 0;
    console.log(
      `run ${i + 1}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${run.solved}/${levels.length} solved ` +
        `(${run.verified} re-verified here), ${run.rows} table rows; hardwareConcurrency ${cores}: ` +
        `"${run.workers}"; engine time summed over levels ${(run.engineMs / 1000).toFixed(2)} s; ` +
        `main-thread task time ${(run.taskMs / 1000).toFixed(2)} s; ${run.longTasks.length} long tasks (> 50 ms) on the main thread, longest ${worst.toFixed(0)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const walls = results.map((r) => r.wallMs).sort((a, b) => a - b);
console.log(
  `\n${FILE}, ${levels.length} levels, ${MODE} mode${TIME_LIMIT ? `, ${TIME_LIMIT} s` : ', default limit'}: ` +
    `wall time median ${(walls[Math.floor((walls.length - 1) / 2)]! / 1000).toFixed(2)} s over ${RUNS} run(s) (target 30 s for 1000 Boxoban levels in fast mode)`,
);
console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, node ${process.version}`,
);
console.log(`Load average at the start ${loadStart}, at the end ${load()}`);
