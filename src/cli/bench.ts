/**
 * `npm run bench -- FILES... [--time-limit SECONDS] [--mode fast|optimal] [--jobs N]
 *  [--out FILE.json] [--limit-levels N] [--memory-limit MB] [--shard K/N]`
 *
 * Solves every level of the files on worker threads (one level per thread at a time, --jobs
 * threads), re-verifies each solution by replaying it, prints a summary per file and writes a
 * JSON file with a row per level. Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname } from 'node:path';
import type { LevelEntry } from '../sokoban';
import { readCollection } from './collection';
import { type MachineInfo, machineInfo } from './machine';
import { type BenchArgs, BENCH_USAGE, parseBenchArgs } from './options';
import { type PoolOutcome, type PoolTask, hardLimitMs, runPool } from './bench-pool';
import { errorLine, formatMs, invalidLine, resultLine } from './report';
import { median, percentile } from './stats';
import { startTsWorker } from './ts-worker';
import { isEntryPoint } from './entry';
import { inShard } from './shard';
import { countText } from '../sokoban/count-text';

export type BenchStatus =
  'solved' | 'unsolvable' | 'limit' | 'invalid' | 'error' | 'timeout' | 'crashed';

export interface BenchRow {
  readonly file: string;
  readonly index: number;
  readonly title: string;
  readonly status: BenchStatus;
  readonly moves: number | null;
  readonly pushes: number | null;
  /** Solved with a proven minimal push count (optimal mode). */
  readonly optimal: boolean | null;
  /** Also proven to have the fewest moves for that push count (optimal mode, time allowing). */
  readonly fewestMoves: boolean | null;
  /** Search time as the engine measured it; for timeout/crashed the wall time seen from the main thread. */
  readonly ms: number;
  /** From posting the level to the worker to receiving its answer. */
  readonly wallMs: number;
  readonly nodes: number;
  readonly nodesPerSecond: number | null;
  /** Peak memory of the worker's isolate during the search (MemoryReport.peakBytes), MB. */
  readonly peakMemoryMb: number | null;
  readonly baselineMemoryMb: number | null;
  readonly message: string | null;
  readonly solution: string | null;
}

export interface FileSummary {
  readonly file: string;
  readonly levels: number;
  readonly counts: Readonly<Record<BenchStatus, number>>;
  readonly optimalSolved: number;
  readonly fewestMovesSolved: number;
  /** Over every searched level (invalid ones aside); a level cut off by the limit counts with its time. */
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Over solved levels only. */
  readonly medianSolvedMs: number;
  readonly p90SolvedMs: number;
  /** Total nodes over total search time of the file's searched levels. */
  readonly nodesPerSecond: number;
  readonly peakMemoryMb: number;
  readonly medianPeakMemoryMb: number;
  readonly wallSeconds: number;
}

const MB = 2 ** 20;
const round1 = (x: number): number => Math.round(x * 10) / 10;

export function rowFromOutcome(
  file: string,
  index: number,
  title: string,
  level: PoolTask['level'],
  outcome: PoolOutcome,
): BenchRow {
  const wallMs = Math.round(outcome.wallMs);
  const base = { file, index, title, wallMs };
  if (outcome.kind === 'timeout' || outcome.kind === 'crashed') {
    return {
      ...base,
      status: outcome.kind,
      moves: null,
      pushes: null,
      optimal: null,
      fewestMoves: null,
      ms: wallMs,
      nodes: 0,
      nodesPerSecond: null,
      peakMemoryMb: null,
      baselineMemoryMb: null,
      message: outcome.message,
      solution: null,
    };
  }
  const memory = {
    peakMemoryMb: round1(outcome.memory.peakBytes / MB),
    baselineMemoryMb: round1(outcome.memory.baselineBytes / MB),
  };
  if (outcome.kind === 'threw') {
    const line = errorLine(index, title, `engine bug: it threw ${outcome.message}`);
    return {
      ...base,
      ...memory,
      status: 'error',
      moves: null,
      pushes: null,
      optimal: null,
      fewestMoves: null,
      ms: wallMs,
      nodes: 0,
      nodesPerSecond: null,
      message: line.message,
      solution: null,
    };
  }
  const line = resultLine(index, title, level, outcome.result);
  const result = outcome.result;
  return {
    ...base,
    ...memory,
    status: line.status,
    moves: line.moves,
    pushes: line.pushes,
    optimal: line.status === 'solved' && result.status === 'solved' ? result.optimal : null,
    fewestMoves:
      line.status === 'solved' && result.status === 'solved' ? result.fewestMoves === true : null,
    ms: line.ms,
    nodes: line.nodes,
    nodesPerSecond: result.ms > 0 ? Math.round(result.nodes / (result.ms / 1000)) : null,
    message: line.message,
    solution: line.solution,
  };
}

const STATUSES: readonly BenchStatus[] = [
  'solved',
  'unsolvable',
  'limit',
  'invalid',
  'error',
  'timeout',
  'crashed',
];

export function summarise(
  file: string,
  rows: readonly BenchRow[],
  wallSeconds: number,
): FileSummary {
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]),
  ) as Record<BenchStatus, number>;
  const searched = rows.filter((r) => r.status !== 'invalid');
  const solved = rows.filter((r) => r.status === 'solved');
  const withNodes = searched.filter((r) => r.nodesPerSecond !== null);
  const totalNodes = withNodes.reduce((s, r) => s + r.nodes, 0);
  const totalMs = withNodes.reduce((s, r) => s + r.ms, 0);
  const peaks = searched.map((r) => r.peakMemoryMb).filter((m): m is number => m !== null);
  return {
    file,
    levels: rows.length,
    counts,
    optimalSolved: solved.filter((r) => r.optimal === true).length,
    fewestMovesSolved: solved.filter((r) => r.fewestMoves === true).length,
    medianMs: median(searched.map((r) => r.ms)),
    p90Ms: percentile(
      searched.map((r) => r.ms),
      90,
    ),
    medianSolvedMs: median(solved.map((r) => r.ms)),
    p90SolvedMs: percentile(
      solved.map((r) => r.ms),
      90,
    ),
    nodesPerSecond: totalMs > 0 ? Math.round(totalNodes / (totalMs / 1000)) : 0,
    peakMemoryMb: peaks.length ? Math.max(...peaks) : NaN,
    medianPeakMemoryMb: median(peaks),
    wallSeconds: round1(wallSeconds),
  };
}

const fmt = (ms: number): string => (Number.isNaN(ms) ? '–' : formatMs(ms));
const fmtMb = (mb: number): string => (Number.isNaN(mb) ? '–' : `${Math.round(mb)} MB`);

/** A Markdown table of the summaries, ready for BENCHMARKS.md. */
export function summaryTable(summaries: readonly FileSummary[], mode: string): string[] {
  const lines = [
    `| file | solved / levels | ${mode === 'optimal' ? 'proven optimal (fewest moves too) | ' : ''}limit | other | median | p90 | median (solved) | p90 (solved) | nodes/s | peak memory (max / median) | wall |`,
    `|---|---|${mode === 'optimal' ? '---|' : ''}---|---|---|---|---|---|---|---|---|`,
  ];
  for (const s of summaries) {
    const other = (['unsolvable', 'invalid', 'error', 'timeout', 'crashed'] as const)
      .filter((k) => s.counts[k] > 0)
      .map((k) => `${s.counts[k]} ${k}`)
      .join(', ');
    lines.push(
      `| ${s.file} | ${s.counts.solved} / ${s.levels} | ${mode === 'optimal' ? `${s.optimalSolved} (${s.fewestMovesSolved}) | ` : ''}${s.counts.limit} | ${other || '0'} | ${fmt(s.medianMs)} | ${fmt(s.p90Ms)} | ${fmt(s.medianSolvedMs)} | ${fmt(s.p90SolvedMs)} | ${countText(s.nodesPerSecond)} | ${fmtMb(s.peakMemoryMb)} / ${fmtMb(s.medianPeakMemoryMb)} | ${s.wallSeconds} s |`,
    );
  }
  return lines;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** The commit, plus a note when the engine's files differ from it (the checkout is shared). */
function engineVersion(): string | null {
  // The last commit that touched the engine, not HEAD: others commit UI work meanwhile.
  const commit = git(['log', '-1', '--format=%h', '--', 'src/solver', 'src/sokoban']);
  if (!commit) return null;
  const dirty = git(['status', '--porcelain', '--', 'src/solver', 'src/sokoban']);
  return dirty ? `${commit} + uncommitted changes in src/solver or src/sokoban` : commit;
}

interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly interrupted: boolean;
  readonly command: string;
  readonly commit: string | null;
  readonly machine: MachineInfo;
  readonly settings: {
    mode: string;
    timeLimitMs: number;
    hardLimitMs: number;
    memoryLimitMb: number | null;
    jobs: number;
    limitLevels: number | null;
    shard: string | null;
  };
  readonly memoryMeasure: string;
  readonly summaries: readonly FileSummary[];
  readonly rows: readonly BenchRow[];
}

const MEMORY_MEASURE =
  "peakMemoryMb: highest heapTotal + external (ArrayBuffers of typed arrays included) of the worker thread's V8 isolate, " +
  'sampled before the search, at each progress callback (~100 ms) and when the search returns; a full GC runs before a level when the isolate holds over 64 MB, ' +
  'so small levels may include up to 64 MB of earlier garbage. Process RSS is not per thread and is reported once as maxRssMb.';

interface Job {
  readonly file: string;
  readonly index: number;
  readonly title: string;
  readonly task: PoolTask;
}

/** The row of a level that cannot be played: no search, its parse error as the message. */
function invalidRow(file: string, entry: LevelEntry & { ok: false }): BenchRow {
  return {
    file,
    index: entry.index,
    title: entry.title,
    status: 'invalid',
    moves: null,
    pushes: null,
    optimal: null,
    fewestMoves: null,
    ms: 0,
    wallMs: 0,
    nodes: 0,
    nodesPerSecond: null,
    peakMemoryMb: null,
    baselineMemoryMb: null,
    message: invalidLine(entry).message,
    solution: null,
  };
}

interface BenchPlan {
  readonly jobs: readonly Job[];
  readonly invalidRows: readonly BenchRow[];
  readonly fileOrder: readonly string[];
}

/** Reads the files: a job per playable level (in the shard, up to --limit-levels), a row per invalid one. */
function planBench(
  args: BenchArgs,
): { ok: true; plan: BenchPlan } | { ok: false; message: string } {
  const jobs: Job[] = [];
  const invalidRows: BenchRow[] = [];
  const fileOrder: string[] = [];
  const options = {
    mode: args.mode,
    timeLimitMs: args.timeLimitMs,
    ...(args.memoryLimitMb === undefined ? {} : { memoryLimitMb: args.memoryLimitMb }),
  };
  for (const file of args.files) {
    const collection = readCollection(file);
    if (!collection.ok) return { ok: false, message: collection.message };
    fileOrder.push(file);
    const entries = (
      args.limitLevels === undefined
        ? collection.entries
        : collection.entries.slice(0, args.limitLevels)
    ).filter((e) => inShard(e.index, args.shard));
    for (const entry of entries) {
      if (!entry.ok) invalidRows.push(invalidRow(file, entry));
      else
        jobs.push({
          file,
          index: entry.index,
          title: entry.title,
          task: { level: entry.level, options: { ...options } },
        });
    }
  }
  return { ok: true, plan: { jobs, invalidRows, fileOrder } };
}

/** bench-results/<start time>.json, the time with no colons or fraction (a safe file name). */
function defaultOutPath(startedAt: Date): string {
  const stamp = startedAt
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  return `bench-results/${stamp}.json`;
}

function settingsOf(args: BenchArgs): BenchReport['settings'] {
  return {
    mode: args.mode,
    timeLimitMs: args.timeLimitMs,
    hardLimitMs: hardLimitMs(args.timeLimitMs),
    memoryLimitMb: args.memoryLimitMb ?? null,
    jobs: args.jobs,
    limitLevels: args.limitLevels ?? null,
    shard: args.shard ? `${args.shard.k}/${args.shard.n}` : null,
  };
}

/**
 * The rows as the pool answers, each file's wall clock (from its first level handed to a
 * worker to its last answer), and the progress lines printed on the way.
 */
function benchProgress(plan: BenchPlan, out: (line: string) => void) {
  const { jobs } = plan;
  const rows: (BenchRow | undefined)[] = new Array<BenchRow | undefined>(jobs.length);
  const fileStart = new Map<string, number>();
  const fileEnd = new Map<string, number>();
  const remaining = new Map<string, number>();
  for (const j of jobs) remaining.set(j.file, (remaining.get(j.file) ?? 0) + 1);
  let done = 0;

  const started = (i: number): void => {
    const file = jobs[i]!.file;
    if (!fileStart.has(file)) fileStart.set(file, performance.now());
  };
  const answered = (i: number, outcome: PoolOutcome): void => {
    const job = jobs[i]!;
    const row = rowFromOutcome(job.file, job.index, job.title, job.task.level, outcome);
    rows[i] = row;
    done++;
    const left = remaining.get(job.file)! - 1;
    remaining.set(job.file, left);
    if (left === 0) fileEnd.set(job.file, performance.now());
    if (row.status !== 'solved')
      out(
        `  ${basename(job.file)} #${job.index} ${row.status} after ${formatMs(row.ms)}: ${row.message ?? ''}`,
      );
    if (done % 100 === 0 || left === 0) {
      const fileRows = rows.filter((r): r is BenchRow => r?.file === job.file);
      out(
        `  ${job.file}: ${fileRows.length} done, ${fileRows.filter((r) => r.status === 'solved').length} solved (${done}/${jobs.length} overall)`,
      );
    }
  };
  /** Every row so far (the invalid ones too) in file order, and each file's summary. */
  const results = () => {
    const { fileOrder } = plan;
    const all = [...plan.invalidRows, ...rows.filter((r): r is BenchRow => r !== undefined)].sort(
      (a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.index - b.index,
    );
    const summaries = fileOrder.map((file) => {
      const start = fileStart.get(file) ?? performance.now();
      const end = fileEnd.get(file) ?? performance.now();
      return summarise(
        file,
        all.filter((r) => r.file === file),
        (end - start) / 1000,
      );
    });
    return { all, summaries };
  };
  const broken = () =>
    rows.filter(
      (r) => r && (r.status === 'error' || r.status === 'crashed' || r.status === 'timeout'),
    ).length;
  return { started, answered, results, broken };
}

/** Writes the JSON report and prints the summary table and where the rows went. */
function writeReport(report: BenchReport, outPath: string, out: (line: string) => void): void {
  mkdirSync(dirname(outPath), { recursive: true });
  const endLoad = Math.round(loadavg()[0]! * 100) / 100;
  writeFileSync(
    outPath,
    `${JSON.stringify({ ...report, loadAverageAtEnd: endLoad, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 1)}\n`,
  );
  out('');
  for (const line of summaryTable(report.summaries, report.settings.mode)) out(line);
  out('');
  out(`load average (1 min) at start ${report.machine.loadAverage}, at end ${endLoad}`);
  out(
    `process max RSS (main thread and all workers): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  out(`${report.interrupted ? 'interrupted; partial ' : ''}rows written to ${outPath}`);
}

export async function main(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    err(`bench: ${parsed.message}\n${BENCH_USAGE}`);
    return 2;
  }
  const args: BenchArgs = parsed.value;
  const planned = planBench(args);
  if (!planned.ok) {
    err(`bench: ${planned.message}`);
    return 2;
  }
  const { plan } = planned;
  const { jobs } = plan;

  const startedAt = new Date();
  const outPath = args.out ?? defaultOutPath(startedAt);
  const machine = machineInfo();
  out(
    `bench: ${jobs.length} levels from ${args.files.length} file(s), mode ${args.mode}, limit ${args.timeLimitMs / 1000} s per level, ${args.jobs} job(s)${args.shard ? `, shard ${args.shard.k}/${args.shard.n}` : ''}`,
  );
  // Taken once, now: the workers load the engine as it is at their start, and a long run may end
  // after newer engine commits.
  const engine = engineVersion();
  out(`engine: ${engine ?? 'unknown'}`);
  out(
    `machine: ${machine.cpuModel}, nproc ${machine.nproc}, node ${machine.node}, load average ${machine.loadAverage}`,
  );

  const progress = benchProgress(plan, out);
  const finish = (interrupted: boolean): void => {
    const { all, summaries } = progress.results();
    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      interrupted,
      command: `npm run bench -- ${argv.join(' ')}`,
      commit: engine,
      machine,
      settings: settingsOf(args),
      memoryMeasure: MEMORY_MEASURE,
      summaries,
      rows: all,
    };
    writeReport(report, outPath, out);
  };
  const onSigint = (): void => {
    finish(true);
    process.exit(130);
  };
  process.on('SIGINT', onSigint);

  const spawn = () =>
    startTsWorker(new URL('./bench-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
  try {
    await runPool(
      jobs.map((j) => j.task),
      args.jobs,
      spawn,
      progress.answered,
      progress.started, // a file's wall clock starts when its first level is handed to a worker
    );
  } finally {
    process.off('SIGINT', onSigint);
  }
  finish(false);
  const broken = progress.broken();
  if (broken > 0) err(`bench: ${broken} level(s) ended in error, crash or timeout; see ${outPath}`);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
