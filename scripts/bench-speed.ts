/**
 * Search speed at a fixed amount of work, for comparing two versions of the engine on a shared
 * machine: every level of the files is searched up to a node cap (no clock, so both versions
 * expand the same positions when the search is unchanged), and the figure is positions per
 * second of this process's CPU time, which load from other processes inflates far less than
 * wall time. Run by hand, not by npm test:
 *
 *   npx tsx scripts/bench-speed.ts FILE... [--mode fast|optimal] [--nodes N] [--limit-levels N] [--runs R]
 *
 * Prints, per run, the levels, positions, CPU seconds and positions per CPU second; the best
 * run is the one to compare (the least disturbed by other processes).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readCollection } from '../src/cli/collection';
import type { Level } from '../src/sokoban';
import { solveTuned } from '../src/solver';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', default: 'fast' },
    nodes: { type: 'string', default: '200000' },
    'limit-levels': { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const mode = values.mode === 'optimal' ? 'optimal' : 'fast';
const cap = Number(values.nodes);
const runs = Math.max(1, Number(values.runs));
const limit = values['limit-levels'] ? Number(values['limit-levels']) : Infinity;

const levels: Level[] = [];
for (const file of positionals) {
  const read = readCollection(file);
  if (!read.ok) throw new Error(read.message);
  const ok = read.entries.flatMap((e) => (e.ok ? [e.level] : []));
  levels.push(...ok.slice(0, limit));
}

let best = 0;
for (let run = 1; run <= runs; run++) {
  const before = process.cpuUsage();
  let nodes = 0;
  let solved = 0;
  for (const level of levels) {
    const r = solveTuned(level, { mode }, { maxNodes: cap, fewestMoves: false });
    nodes += r.nodes;
    if (r.status === 'solved') solved++;
  }
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  const rate = nodes / seconds;
  best = Math.max(best, rate);
  console.log(
    `run ${run}: ${levels.length} levels (${mode}, cap ${cap} nodes), ${solved} solved, ${nodes} positions, ${seconds.toFixed(2)} s CPU, ${Math.round(rate)} positions/s`,
  );
}
console.log(
  `best: ${Math.round(best)} positions per CPU second; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
