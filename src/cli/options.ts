/**
 * Command-line arguments of `npm run solve` and `npm run bench`.
 *
 * Parsing never throws: a bad argument is a value with a message, which the command prints
 * with its usage on stderr before exiting with status 2.
 */
import { parseArgs } from 'node:util';
import { errorMessage } from '../sokoban/error-message';
import type { SolveMode } from '../solver/api';
import { type Shard, parseShard } from './shard';

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface SolveArgs {
  readonly file: string;
  /** 1-based index of the one level to solve; every level when absent. */
  readonly level?: number | undefined;
  readonly timeLimitMs: number;
  readonly mode: SolveMode;
  readonly memoryLimitMb?: number | undefined;
  readonly json: boolean;
  /** Only the levels of this slice of the file (--shard K/N). */
  readonly shard?: Shard;
}

export interface BenchArgs {
  readonly files: readonly string[];
  readonly timeLimitMs: number;
  readonly mode: SolveMode;
  readonly memoryLimitMb?: number | undefined;
  readonly jobs: number;
  /** Where the JSON rows go; a timestamped file under bench-results/ when absent. */
  readonly out?: string | undefined;
  /** Only the first N levels of each file. */
  readonly limitLevels?: number | undefined;
  /** Only the levels of this slice of each file (--shard K/N), after --limit-levels. */
  readonly shard?: Shard;
}

export const DEFAULT_SOLVE_TIME_LIMIT_S = 60;
export const DEFAULT_BENCH_TIME_LIMIT_S = 10;

export const SOLVE_USAGE = [
  'usage: npm run solve -- FILE [--level N] [--time-limit SECONDS] [--mode fast|optimal] [--memory-limit MB] [--shard K/N] [--json]',
  '  FILE              a collection of levels (XSB/SOK, Boxoban "; N" files, RLE)',
  '  --level N         solve only the N-th level of the file (1-based)',
  `  --time-limit S    wall-clock limit per level in seconds (default ${DEFAULT_SOLVE_TIME_LIMIT_S})`,
  '  --mode M          fast (a solution soon, the default) or optimal (fewest pushes, proven)',
  "  --memory-limit MB memory cap for the search tables (default: the engine's, 512)",
  '  --shard K/N       only the levels whose 1-based index i has (i - 1) mod N = K (0 <= K < N)',
  '  --json            one JSON object per level per line, nothing else on stdout',
].join('\n');

export const BENCH_USAGE = [
  'usage: npm run bench -- FILES... [--time-limit SECONDS] [--mode fast|optimal] [--jobs N] [--out FILE.json] [--limit-levels N] [--memory-limit MB] [--shard K/N]',
  `  --time-limit S    wall-clock limit per level in seconds (default ${DEFAULT_BENCH_TIME_LIMIT_S})`,
  '  --mode M          fast (default) or optimal',
  '  --jobs N          levels solved in parallel, each on its own worker thread (default 1)',
  '  --out FILE.json   where to write one row per level (default bench-results/<timestamp>.json)',
  '  --limit-levels N  only the first N levels of each file',
  "  --memory-limit MB memory cap for the search tables (default: the engine's, 512)",
  '  --shard K/N       only the levels whose 1-based index i has (i - 1) mod N = K (0 <= K < N)',
].join('\n');

function positiveNumber(name: string, text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    return { ok: false, message: `${name} must be a positive number, not "${text}"` };
  }
  return { ok: true, value };
}

function positiveInteger(name: string, text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) {
    return { ok: false, message: `${name} must be a whole number of at least 1, not "${text}"` };
  }
  return { ok: true, value: Number(text) };
}

function mode(text: string | undefined): Parsed<SolveMode> {
  if (text === undefined || text === 'fast') return { ok: true, value: 'fast' };
  if (text === 'optimal') return { ok: true, value: 'optimal' };
  return { ok: false, message: `--mode must be "fast" or "optimal", not "${text}"` };
}

function shard(text: string | undefined): Parsed<Shard | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const parsed = parseShard(text);
  return parsed.ok ? { ok: true, value: parsed.shard } : parsed;
}

/** node:util's parseArgs throws on unknown options; turn that into a value. */
function tryParse<T>(run: () => T): Parsed<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

export function parseSolveArgs(argv: readonly string[]): Parsed<SolveArgs> {
  const parsed = tryParse(() =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        level: { type: 'string' },
        'time-limit': { type: 'string' },
        mode: { type: 'string' },
        'memory-limit': { type: 'string' },
        shard: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }),
  );
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length === 0) return { ok: false, message: 'no FILE given' };
  if (positionals.length > 1)
    return {
      ok: false,
      message: `one FILE expected, got ${positionals.length}: ${positionals.join(' ')}`,
    };
  const level = positiveInteger('--level', values.level);
  if (!level.ok) return level;
  const limit = positiveNumber('--time-limit', values['time-limit']);
  if (!limit.ok) return limit;
  const memory = positiveNumber('--memory-limit', values['memory-limit']);
  if (!memory.ok) return memory;
  const m = mode(values.mode);
  if (!m.ok) return m;
  const sh = shard(values.shard);
  if (!sh.ok) return sh;
  // Both pick levels; together one would silently empty or ignore the other.
  if (sh.value !== undefined && level.value !== undefined)
    return { ok: false, message: '--level and --shard cannot be used together' };
  return {
    ok: true,
    value: {
      file: positionals[0]!,
      level: level.value,
      timeLimitMs: Math.round((limit.value ?? DEFAULT_SOLVE_TIME_LIMIT_S) * 1000),
      mode: m.value,
      memoryLimitMb: memory.value,
      json: values.json === true,
      ...(sh.value === undefined ? {} : { shard: sh.value }),
    },
  };
}

export function parseBenchArgs(argv: readonly string[]): Parsed<BenchArgs> {
  const parsed = tryParse(() =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'time-limit': { type: 'string' },
        mode: { type: 'string' },
        jobs: { type: 'string' },
        out: { type: 'string' },
        'limit-levels': { type: 'string' },
        'memory-limit': { type: 'string' },
        shard: { type: 'string' },
      },
    }),
  );
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length === 0) return { ok: false, message: 'no FILES given' };
  const limit = positiveNumber('--time-limit', values['time-limit']);
  if (!limit.ok) return limit;
  const memory = positiveNumber('--memory-limit', values['memory-limit']);
  if (!memory.ok) return memory;
  const jobs = positiveInteger('--jobs', values.jobs);
  if (!jobs.ok) return jobs;
  const limitLevels = positiveInteger('--limit-levels', values['limit-levels']);
  if (!limitLevels.ok) return limitLevels;
  const m = mode(values.mode);
  if (!m.ok) return m;
  const sh = shard(values.shard);
  if (!sh.ok) return sh;
  if (values.out !== undefined && values.out.trim() === '')
    return { ok: false, message: '--out needs a file name' };
  return {
    ok: true,
    value: {
      files: positionals,
      timeLimitMs: Math.round((limit.value ?? DEFAULT_BENCH_TIME_LIMIT_S) * 1000),
      mode: m.value,
      memoryLimitMb: memory.value,
      jobs: jobs.value ?? 1,
      out: values.out,
      limitLevels: limitLevels.value,
      ...(sh.value === undefined ? {} : { shard: sh.value }),
    },
  };
}
