/**
 * `npm run analyze -- FILE [--level N] --actions FILE|STRING [--order udlr|urdl|gym9|thinker5|auto]
 * [--time-limit SECONDS] [--json]`
 *
 * Replays an agent's episode on a level and judges every step: optimal pushes left, or lost and
 * why. With --json, stdout carries one JSON object per step (step 0 is the start) and then one
 * summary object, and nothing else. Exit status 2, with one line on stderr, for bad arguments,
 * a file that cannot be read or holds no level, or actions that cannot be read.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type ActionOrder,
  type EpisodeFile,
  type EpisodeOrder,
  type LevelEntry,
  type EpisodeSummary,
  type Level,
  type StepRow,
  ACTION_ORDERS,
  describeChoice,
  episodeRows,
  errorMessage,
  episodeSummary,
  looksLikeEpisodeFile,
  parseActions,
  parseEpisodeFile,
  replayParsed,
  resolveLevelRef,
} from '../sokoban';
import { analysePositions } from '../solver/episode';
import { readCollection, readText } from './collection';
import { isEntryPoint } from './entry';

export const ANALYZE_USAGE = [
  'usage: npm run analyze -- FILE [--level N] [--actions FILE|STRING] [--order udlr|urdl|gym9|thinker5|auto] [--time-limit SECONDS] [--json]',
  '  FILE              a collection of levels (XSB/SOK, Boxoban "; N" files, RLE), or an episode file',
  '  --level N         the level the episode was played on (1-based; needed when FILE holds several)',
  '  --actions A       a file or a string: integers (JSON array, or separated by commas, spaces,',
  '                    new lines), LURD, or an episode JSON file (its level may be a Boxoban id)',
  '  --order O         how integers map to directions (default auto: the fewest no-op steps)',
  '  --time-limit S    limit of each optimal search in seconds (default 10)',
  '  --json            one JSON object per step, then a summary object; nothing else on stdout',
].join('\n');

export interface AnalyzeIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly readFile?: (path: string) => string;
  /** Whether `path` names a readable file (tests inject; fs by default). */
  readonly isFile?: (path: string) => boolean;
}

interface AnalyzeArgs {
  readonly file: string;
  readonly level?: number | undefined;
  readonly actions?: string | undefined;
  readonly order?: EpisodeOrder | undefined;
  readonly timeLimitMs: number;
  readonly json: boolean;
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function parseAnalyzeArgs(argv: readonly string[]): Result<AnalyzeArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        level: { type: 'string' },
        actions: { type: 'string' },
        order: { type: 'string' },
        'time-limit': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1)
    return { ok: false, message: positionals.length ? 'one FILE expected' : 'no FILE given' };
  if (v.level !== undefined && !/^\s*[1-9]\d*\s*$/.test(v.level))
    return { ok: false, message: `--level must be a whole number of at least 1, not "${v.level}"` };
  const orders: readonly string[] = [...ACTION_ORDERS, 'auto'];
  if (v.order !== undefined && !orders.includes(v.order))
    return { ok: false, message: `--order must be one of ${orders.join(', ')}, not "${v.order}"` };
  const seconds = v['time-limit'] === undefined ? 10 : Number(v['time-limit']);
  if (!Number.isFinite(seconds) || seconds <= 0)
    return {
      ok: false,
      message: `--time-limit must be a positive number, not "${v['time-limit']}"`,
    };
  return {
    ok: true,
    value: {
      file: positionals[0]!,
      level: v.level === undefined ? undefined : Number(v.level),
      actions: v.actions,
      order: v.order as EpisodeOrder | undefined,
      timeLimitMs: Math.round(seconds * 1000),
      json: v.json === true,
    },
  };
}

const defaultIsFile = (path: string): boolean => {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
};

interface Input {
  readonly level: Level;
  readonly actions: string;
  readonly order: EpisodeOrder;
}

/** The level and the actions the arguments name, or one line saying what is wrong. */
function readInput(args: AnalyzeArgs, io: AnalyzeIo): Result<Input> {
  const file = readText(args.file, io.readFile);
  if (!file.ok) return file;
  let episode: EpisodeFile | null = null;
  let entries: readonly LevelEntry[] = [];
  if (looksLikeEpisodeFile(file.text)) {
    // FILE may be an episode file itself: its level and its actions.
    const parsed = parseEpisodeFile(file.text);
    if (!parsed.ok) return { ok: false, message: `${args.file}: ${parsed.message}` };
    episode = parsed.file;
  } else {
    const collection = readCollection(args.file, () => file.text);
    if (!collection.ok) return collection;
    entries = collection.entries;
  }
  let actions = episode?.actions ?? null;
  if (args.actions !== undefined) {
    const fromFile = (io.isFile ?? defaultIsFile)(args.actions);
    const text = fromFile
      ? readText(args.actions, io.readFile)
      : { ok: true as const, text: args.actions };
    if (!text.ok) return text;
    actions = text.text;
    if (looksLikeEpisodeFile(actions)) {
      const parsed = parseEpisodeFile(actions);
      if (!parsed.ok) return parsed;
      episode = { ...parsed.file, level: parsed.file.level ?? episode?.level ?? null };
      actions = parsed.file.actions;
    }
  }
  if (actions === null) return { ok: false, message: '--actions is required' };
  const order = args.order ?? episode?.order ?? 'auto';
  if (episode?.level && args.level === undefined) {
    if (episode.level.kind === 'id' && entries.length === 0)
      return {
        ok: false,
        message: `the episode names level ${episode.level.id}: pass its collection as FILE and the episode as --actions`,
      };
    const resolved = resolveLevelRef(episode.level, entries);
    return resolved.ok ? { ok: true, value: { level: resolved.level, actions, order } } : resolved;
  }
  const level = pickLevel(args, entries);
  return level.ok ? { ok: true, value: { level: level.value, actions, order } } : level;
}

/** The --level N-th level of FILE (the only one when N is not given). */
function pickLevel(args: AnalyzeArgs, entries: readonly LevelEntry[]): Result<Level> {
  if (entries.length === 0) return { ok: false, message: `${args.file} holds no level` };
  if (args.level === undefined && entries.length > 1)
    return {
      ok: false,
      message: `${args.file} holds ${entries.length} levels: say which with --level N`,
    };
  const n = args.level ?? 1;
  const entry = entries[n - 1];
  if (!entry)
    return {
      ok: false,
      message: `--level ${n} is out of range: ${args.file} holds ${entries.length} level${entries.length === 1 ? '' : 's'}`,
    };
  if (!entry.ok)
    return { ok: false, message: `level ${n} is not playable: ${entry.error.message}` };
  return { ok: true, value: entry.level };
}

function textRow(r: StepRow): string {
  const left = r.pushesLeft === null ? '-' : String(r.pushesLeft);
  const marks = [r.cycle ? 'cycle' : '', r.wasted ? 'wasted' : ''].filter(Boolean).join(' ');
  return [
    String(r.step).padStart(5),
    String(r.action ?? '').padStart(6),
    (r.kind ?? 'start').padEnd(5),
    `${r.moves}/${r.pushes}`.padStart(9),
    left.padStart(5),
    r.status.padEnd(7),
    [r.cause ?? '', marks].filter(Boolean).join('; '),
  ].join(' ');
}

function textSummary(s: EpisodeSummary): string[] {
  return [
    `${s.steps} steps (${s.order}): ${s.moves} moves, ${s.pushes} pushes, ${s.noops} no-ops, ${s.cycleSteps} steps in cycles, ${s.wastedPushes} wasted pushes`,
    `first lost step: ${s.firstLostStep ?? 'none'}; optimal pushes at the start: ${s.optimalPushes ?? 'unknown'}; the agent's: ${s.agentPushes}${s.solved ? ' (solved)' : ''}`,
  ];
}

export function main(argv: readonly string[], io: AnalyzeIo): number {
  const args = parseAnalyzeArgs(argv);
  if (!args.ok) {
    io.stderr(`analyze: ${args.message}\n${ANALYZE_USAGE}`);
    return 2;
  }
  const input = readInput(args.value, io);
  const parsed = input.ok ? parseActions(input.value.actions) : input;
  if (!input.ok || !parsed.ok) {
    const place =
      !parsed.ok && 'line' in parsed && parsed.line !== undefined
        ? ` (line ${parsed.line}, column ${parsed.column})`
        : '';
    io.stderr(`analyze: ${parsed.ok ? '' : parsed.message}${place}`);
    return 2;
  }
  const { level, order } = input.value;
  const read = replayParsed(level, parsed, order);
  if (!read.ok) {
    io.stderr(`analyze: ${read.message}`);
    return 2;
  }
  const { episode, auto } = read;
  const started = Date.now();
  const verdicts = analysePositions(
    level,
    episode.steps.map((s) => s.position),
    { timeLimitMs: args.value.timeLimitMs },
  );
  const rows = episodeRows(episode, verdicts);
  const summary = episodeSummary(episode, rows);
  if (args.value.json) {
    for (const row of rows) io.stdout(JSON.stringify(row));
    const autoFields = auto
      ? { orderNoops: auto.noops as Record<ActionOrder, number | null>, orderClose: auto.close }
      : {};
    io.stdout(
      JSON.stringify({ summary: true, ...summary, ...autoFields, ms: Date.now() - started }),
    );
  } else {
    if (auto) io.stdout(describeChoice(auto));
    io.stdout(' step action kind  moves/pu  left status  cause');
    for (const row of rows) io.stdout(textRow(row));
    for (const line of textSummary(summary)) io.stdout(line);
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
