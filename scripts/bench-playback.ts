/**
 * Playback frame rate on a big board (issue 14: "a 50×50 board plays back at 60 frames a
 * second"). Run by hand, not by npm test:
 *
 *   npm run bench:playback -- [--dist DIR] [--size 50] [--moves 3000] [--seconds 10]
 *                             [--speed 4] [--dpr 1] [--width 1280] [--height 800] [--seed 1]
 *                             [--trace FILE.json]   (a Chromium trace of the playback, for
 *                                                    chrome://tracing or DevTools' Performance tab)
 *                             [--cpu-profile FILE.cpuprofile]   (the page's JavaScript profile)
 *
 * What it does:
 *   1. Generates a SIZE×SIZE level (a walled room with pillars, about one box in twelve floor
 *      squares and as many goals) and a long legal move string through it: a seeded random walk
 *      that keeps its heading for a few steps and pushes whatever it meets, replayed through
 *      src/sokoban to fix its case. No level files are read.
 *   2. Builds the app (or serves --dist), opens it in Debian's Chromium via playwright-core,
 *      pastes the level into "Level" and presses Load, pastes the moves into "Moves" and presses
 *      "Watch from start", sets "Speed" (index into SPEEDS: 4 = very fast, 40 moves a second,
 *      each move animated) and presses Play.
 *   3. Records every requestAnimationFrame timestamp for --seconds (warning if the moves run
 *      out sooner), and the main thread's task time (Chromium's Performance metrics) over the same
 *      span. The same recording with nothing playing is taken first, as the baseline of what this
 *      headless browser on this machine delivers at all.
 *
 * Prints frames, mean fps, median/p95/p99/max frame interval, intervals over 16.7 ms and over
 * 20 ms, frames missed (an interval of k vsync periods misses k - 1 frames), main-thread ms per
 * frame, and the machine load (os.loadavg) at start and end: frame times on a shared machine
 * follow its load, so record the load with the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { type Direction, parseLevel, replay, startPosition, step } from '../src/sokoban';
import { launchChromium, serveStatic } from '../tests/e2e/browser';

const VSYNC_MS = 1000 / 60;

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    size: { type: 'string', default: '50' },
    moves: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '10' },
    speed: { type: 'string', default: '4' },
    dpr: { type: 'string', default: '1' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    seed: { type: 'string', default: '1' },
    trace: { type: 'string' },
    'cpu-profile': { type: 'string' },
  },
});
const num = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
};

/** A small seeded generator (mulberry32), so the same --seed gives the same level and moves. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A size×size room: outer wall, a pillar every fifth square on every fifth row (so the board
 * has inner walls with their edges to draw), boxes and goals on about one floor square in
 * twelve each (never on the border row, so most can be pushed), the player in the middle.
 */
export function bigLevelText(size: number, random: () => number): string {
  const rows: string[] = [];
  const mid = Math.floor(size / 2);
  for (let r = 0; r < size; r++) {
    let row = '';
    for (let c = 0; c < size; c++) {
      const border = r === 0 || c === 0 || r === size - 1 || c === size - 1;
      const inner = r > 1 && c > 1 && r < size - 2 && c < size - 2;
      const roll = inner ? random() : 1;
      if (r === mid && c === mid) row += '@';
      else if (border || (r % 5 === 0 && c % 5 === 0)) row += '#';
      else if (roll < 1 / 12) row += random() < 0.15 ? '*' : '$';
      else if (roll < 2 / 12) row += '.';
      else row += ' ';
    }
    rows.push(row);
  }
  // As many goals as boxes: top up with goals on free floor, or turn spare goals into floor.
  const cells = rows.join('\n').split('');
  const count = (ch: string) => cells.filter((x) => x === ch).length;
  let spare = count('$') - count('.');
  for (let i = 0; spare !== 0 && i < cells.length; i++) {
    if (spare > 0 && cells[i] === ' ' && random() < 0.2) {
      cells[i] = '.';
      spare--;
    } else if (spare < 0 && cells[i] === '.') {
      cells[i] = ' ';
      spare++;
    }
  }
  return cells.join('');
}

/** A random walk of `length` legal steps that keeps its heading 1-6 steps at a time. */
export function walk(levelText: string, length: number, random: () => number): string {
  const parsed = parseLevel(levelText);
  if (!parsed.ok) throw new Error(`generated level does not parse: ${parsed.error.message}`);
  const level = parsed.level;
  const dirs: Direction[] = ['l', 'u', 'r', 'd'];
  let position = startPosition(level);
  let moves = '';
  let heading: Direction = 'r';
  let left = 0;
  let stuck = 0;
  while (moves.length < length && stuck < 100) {
    if (left <= 0) {
      heading = dirs[Math.floor(random() * 4)]!;
      left = 1 + Math.floor(random() * 6);
    }
    const next = step(level, position, heading);
    if (!next) {
      left = 0;
      stuck++;
      continue;
    }
    stuck = 0;
    left--;
    position = next.position;
    moves += next.letter;
  }
  const check = replay(level, startPosition(level), moves);
  if (check.error || check.moves !== moves) throw new Error('the generated walk does not replay');
  return moves;
}

// ------------------------------------------------------------------ the browser side

interface Recording {
  readonly intervals: number[];
  /** Main-thread task time over the recording (ms), from Chromium's Performance metrics. */
  readonly taskMs: number;
  readonly scriptMs: number;
  readonly wallMs: number;
  /** The game status when the recording stopped. */
  readonly status: string;
}

async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

/**
 * Records rAF timestamps for `seconds`; `begin` runs once the recorder is running (it presses
 * Play).
 */
async function record(
  page: Page,
  cdp: CDPSession,
  seconds: number,
  begin: (() => Promise<void>) | null,
): Promise<Recording> {
  // A string, not a function: tsx would wrap a named function with a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const onFrame = (t) => {
      if (!window.__recording) return;
      window.__frames.push(t);
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  })()`);
  const before = await mainThread(cdp);
  const started = Date.now();
  await begin?.();
  // No polling of the page meanwhile: role and text queries walk the DOM in the page's own main
  // thread and would slow what is measured. The caller checks the moves did not run out.
  await page.waitForTimeout(seconds * 1000);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const wallMs = Date.now() - started;
  const after = await mainThread(cdp);
  const status = (await page.getByRole('status').first().textContent()) ?? '';
  return {
    intervals: frames.slice(1).map((t, i) => t - frames[i]!),
    taskMs: after.task - before.task,
    scriptMs: after.script - before.script,
    wallMs,
    status,
  };
}

function summary(name: string, r: Recording): string {
  const xs = [...r.intervals].sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return `${name}: no frames recorded`;
  const at = (q: number) => xs[Math.min(n - 1, Math.ceil(q * n) - 1)]!; // nearest rank
  const total = xs.reduce((a, b) => a + b, 0);
  const missed = xs.reduce((a, x) => a + Math.max(0, Math.round(x / VSYNC_MS) - 1), 0);
  const f = (x: number) => x.toFixed(1);
  return [
    `${name}: ${n + 1} frames in ${f(total / 1000)} s, mean ${f((1000 * n) / total)} fps`,
    `  frame interval median ${f(at(0.5))} ms, p95 ${f(at(0.95))}, p99 ${f(at(0.99))}, max ${f(xs[n - 1]!)}`,
    `  intervals > 16.7 ms: ${xs.filter((x) => x > 16.7).length} (${f((100 * xs.filter((x) => x > 16.7).length) / n)} %), > 20 ms: ${xs.filter((x) => x > 20).length} (${f((100 * xs.filter((x) => x > 20).length) / n)} %); frames missed (k vsyncs in one interval = k - 1): ${missed}`,
    `  main thread: ${f(r.taskMs)} ms of tasks (${f(r.scriptMs)} ms script) = ${f(r.taskMs / n)} ms a frame, ${f(r.taskMs / (r.wallMs / 1000))} ms per second; ${f(r.wallMs / 1000)} s wall`,
    `  status at the end: ${r.status.trim()}`,
  ].join('\n');
}

function buildApp(): string {
  if (values.dist) return values.dist;
  const dir = mkdtempSync(join(tmpdir(), 'bench-playback-'));
  console.log(`building (vite build --outDir ${dir})...`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  return dir;
}

async function main(): Promise<void> {
  const size = num('size');
  const seconds = num('seconds');
  const random = prng(num('seed'));
  const levelText = bigLevelText(size, random);
  const moves = walk(levelText, num('moves'), random);
  const pushes = moves.replace(/[lurd]/g, '').length;
  console.log(
    `level ${size}x${size}, ${levelText.replace(/[^$*]/g, '').length} boxes, ${moves.length} moves (${pushes} pushes), seed ${values.seed}`,
  );
  const dist = buildApp();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loadStart = load();
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const version = browser.version();
  try {
    const context = await browser.newContext({
      viewport: { width: num('width'), height: num('height') },
      deviceScaleFactor: num('dpr'),
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.getByRole('textbox', { name: 'Level', exact: true }).fill(levelText);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByRole('textbox', { name: 'Moves', exact: true }).fill(moves);
    await page.getByRole('button', { name: 'Watch from start' }).click();
    await page.getByRole('slider', { name: 'Speed' }).fill(String(values.speed));
    const canvas = page.getByTestId('board');
    const box = await canvas.boundingBox();
    const cell = await canvas.getAttribute('data-cell-size');
    console.log(
      `board ${box ? `${Math.round(box.width)}x${Math.round(box.height)}` : '?'} CSS px, cell ${cell} px, device pixel ratio ${values.dpr}, window ${values.width}x${values.height}`,
    );
    const idle = await record(page, cdp, 3, null);
    if (values.trace) await browser.startTracing(page, { path: values.trace, screenshots: false });
    const profiling = values['cpu-profile'];
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const play = await record(page, cdp, seconds, () =>
      page.getByRole('button', { name: 'Play', exact: true }).click(),
    );
    if (values.trace) await browser.stopTracing();
    if (profiling) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profiling, JSON.stringify(profile));
    }
    console.log(`\n${summary('nothing playing (baseline)', idle)}\n\n${summary('playback', play)}`);
    if (play.status.includes(`Moves: ${moves.length} `))
      console.log('WARNING: the moves ran out before the recording ended: give more --moves');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, node ${process.version}, Chromium ${version}`,
  );
  console.log(`Load average at the start ${loadStart}, at the end ${load()}`);
}

await main();
