/**
 * Measures Analyze on a 120-step Boxoban episode in Chromium (issue 11: at most 2 s), through
 * the page as a user drives it: the level pasted into Level, the actions into Actions (udlr),
 * Analyze pressed, the chart awaited. Run by hand, not by npm test.
 *
 * The episodes are built here, not stored: each level is solved in Node (fast mode), and its
 * solution is spread over 120 steps with the agent's habits mixed in: pacing (a step and the step
 * back, a cycle) and no-op steps into walls, at places chosen by a seeded PRNG. Every push of
 * the solution stays, so each analysed episode ends solved and every push needs a verdict.
 *
 * Usage:  npx tsx scripts/measure-episode.ts [--levels FILE] [--count N] [--runs R] [--dist DIR]
 *         (default: /work/shared/levels/boxoban/medium/valid/000.txt, its first 5 levels, 3 runs)
 * Prints, per level, the analysis time the panel reports and the wall time from the click to the
 * chart; then the median and the worst over all runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Random, mulberry32 } from '../src/generator/prng';
import {
  type Direction,
  type Level,
  type Position,
  isWall,
  neighbour,
  parseCollection,
  printLevel,
  startPosition,
  step,
} from '../src/sokoban';
import { solve } from '../src/solver';
import { launchChromium, serveStatic } from '../tests/e2e/browser';

const BUDGET_MS = 2000;
const STEPS = 120;
const UDLR = 'udlr';
const BACK: Record<Direction, Direction> = { u: 'd', d: 'u', l: 'r', r: 'l' };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/**
 * A detour from `p` that ends where it began: a step that pushes nothing and the step back (when
 * `room` allows two steps), or a no-op into a wall.
 */
function habit(level: Level, p: Position, random: Random, room: number): Direction[] {
  const dirs = [...UDLR] as Direction[];
  for (let i = dirs.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [dirs[i], dirs[j]] = [dirs[j]!, dirs[i]!];
  }
  for (const d of dirs) {
    const r = step(level, p, d);
    if (room >= 2 && r && !r.pushed && random.chance(7, 10)) return [d, BACK[d]];
  }
  for (const d of dirs) {
    const next = neighbour(level.width, level.height, p.player, d);
    if (next < 0 || isWall(level, next)) return [d];
  }
  return [];
}

/** The solution's moves with habits mixed in until the episode has STEPS steps, as udlr ints. */
function buildEpisode(level: Level, solution: string, seed: number): number[] {
  const random = mulberry32(seed);
  const spare = STEPS - solution.length;
  const out: Direction[] = [];
  let p = startPosition(level);
  for (let i = 0; i < solution.length; i++) {
    const quota = Math.floor(((i + 1) * spare) / solution.length);
    while (out.length - i < quota) {
      const extra = habit(level, p, random, quota - (out.length - i));
      if (extra.length === 0) break;
      for (const d of extra) p = step(level, p, d)?.position ?? p;
      out.push(...extra);
    }
    const d = solution[i]!.toLowerCase() as Direction;
    p = step(level, p, d)!.position;
    out.push(d);
  }
  return out.map((d) => UDLR.indexOf(d));
}

async function main(): Promise<void> {
  const file = arg('--levels', '/work/shared/levels/boxoban/medium/valid/000.txt');
  const count = Number(arg('--count', '5'));
  const runs = Number(arg('--runs', '3'));
  let dist = arg('--dist', '');
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), 'measure-episode-'));
    console.log(`building (vite build --outDir ${dist})...`);
    execFileSync(
      'npx',
      ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
      {
        stdio: 'inherit',
      },
    );
  }
  const parsed = parseCollection(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  const entries = parsed.entries.slice(0, count);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const reported: number[] = [];
  const wall: number[] = [];
  console.log(
    `load before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    for (const entry of entries) {
      if (!entry.ok) continue;
      const level = entry.level;
      const solved = solve(level, { mode: 'fast', timeLimitMs: 30_000 });
      if (solved.status !== 'solved' || solved.solution.length > STEPS) {
        console.log(`level ${entry.title}: skipped (${solved.status})`);
        continue;
      }
      const actions = buildEpisode(level, solved.solution, Number(entry.title) + 1);
      for (let run = 0; run < runs; run++) {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.getByRole('textbox', { name: 'Level' }).fill(printLevel(level));
        await page.getByRole('button', { name: 'Load', exact: true }).click();
        await page.getByText('Episode analysis', { exact: true }).click();
        await page.getByRole('textbox', { name: 'Actions' }).fill(JSON.stringify(actions));
        await page.getByRole('combobox', { name: 'Action order' }).selectOption('udlr');
        await page.getByRole('button', { name: 'Apply actions' }).click();
        const start = Date.now();
        await page.getByRole('button', { name: 'Analyze' }).click();
        await page.getByRole('img', { name: /pushes left/ }).waitFor({ timeout: 120_000 });
        const took = Date.now() - start;
        const text = (await page.getByTestId('episode-analysed').textContent()) ?? '';
        const ms = /in ([\d.]+) (ms|s)/.exec(text);
        const inPanel = ms ? Number(ms[1]) * (ms[2] === 's' ? 1000 : 1) : NaN;
        const summary = (
          await page.getByRole('group', { name: 'Episode summary' }).innerText()
        ).replace(/\s*\n\s*/g, ' ');
        reported.push(inPanel);
        wall.push(took);
        console.log(
          `level ${entry.title} run ${run + 1}: ${actions.length} steps, solution ${solved.solution.length} moves; analysed in ${inPanel} ms (panel), ${took} ms click to chart | ${summary}`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `\n${reported.length} analyses of ${STEPS}-step episodes: panel median ${median(reported)} ms, worst ${Math.max(...reported)} ms; click to chart median ${median(wall)} ms, worst ${Math.max(...wall)} ms (budget ${BUDGET_MS} ms)`,
  );
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

void main();
