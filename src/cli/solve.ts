/**
 * `npm run solve -- FILE [--level N] [--time-limit SECONDS] [--mode fast|optimal] [--shard K/N]
 *  [--json]`
 *
 * Solves the levels of a collection one after another in this process. With --json, stdout
 * carries exactly one JSON object per level per line (DESIGN.md's contract) and nothing else.
 * Exit status: 0 when every level got a verdict, 1 when the engine misbehaved on some level
 * (status "error"), 2 for bad arguments or a file that cannot be read or holds no level.
 */
import { solve } from '../solver/index';
import type { SolveOptions, SolveResult } from '../solver/api';
import type { Level } from '../sokoban';
import { errorMessage } from '../sokoban/error-message';
import { readCollection } from './collection';
import { SOLVE_USAGE, parseSolveArgs } from './options';
import { type SolveLine, errorLine, invalidLine, jsonLine, resultLine, textLines } from './report';
import { isEntryPoint } from './entry';
import { inShard } from './shard';

export interface SolveIo {
  /** One line of output, without its newline. */
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Reads a file as UTF-8 (fs by default; tests may inject). */
  readonly readFile?: (path: string) => string;
  /** The engine (src/solver by default; tests may inject one to exercise the CLI's own checks). */
  readonly solve?: (level: Level, options: SolveOptions) => SolveResult;
}

export function main(argv: readonly string[], io: SolveIo): number {
  const args = parseSolveArgs(argv);
  if (!args.ok) {
    io.stderr(`solve: ${args.message}\n${SOLVE_USAGE}`);
    return 2;
  }
  const { file, level: only, timeLimitMs, mode, memoryLimitMb, json, shard } = args.value;
  const collection = readCollection(file, io.readFile);
  if (!collection.ok) {
    io.stderr(`solve: ${collection.message}`);
    return 2;
  }
  const entries = collection.entries;
  if (only !== undefined && only > entries.length) {
    io.stderr(
      `solve: --level ${only} is out of range: ${file} holds ${entries.length} level${entries.length === 1 ? '' : 's'}`,
    );
    return 2;
  }
  const engine = io.solve ?? solve;
  const options: SolveOptions = {
    mode,
    timeLimitMs,
    ...(memoryLimitMb === undefined ? {} : { memoryLimitMb }),
  };
  let failures = 0;
  const counts = new Map<string, number>();
  // A shard keeps each level's index in the file, so shards' lines merge by sorting on it.
  const chosen =
    only === undefined ? entries.filter((e) => inShard(e.index, shard)) : [entries[only - 1]!]; // checked in range above
  for (const entry of chosen) {
    let line: SolveLine;
    if (!entry.ok) {
      line = invalidLine(entry);
    } else {
      try {
        line = resultLine(entry.index, entry.title, entry.level, engine(entry.level, options));
      } catch (error) {
        // An exception from the engine is a bug, not a verdict: say so and go on with the rest.
        line = errorLine(entry.index, entry.title, `engine bug: ${errorMessage(error)}`);
      }
    }
    if (line.status === 'error') {
      failures++;
      io.stderr(`solve: level ${line.index}: ${line.message}`);
    }
    counts.set(line.status, (counts.get(line.status) ?? 0) + 1);
    if (json) io.stdout(jsonLine(line));
    else for (const text of textLines(line)) io.stdout(text);
  }
  if (!json && chosen.length > 1) {
    const summary = ['solved', 'unsolvable', 'limit', 'invalid', 'error']
      .filter((s) => counts.has(s))
      .map((s) => `${counts.get(s)} ${s}`)
      .join(', ');
    const of = shard ? ` (shard ${shard.k}/${shard.n} of ${entries.length})` : '';
    io.stdout(`${chosen.length} levels${of}: ${summary}`);
  }
  return failures > 0 ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  // `npm run solve -- big.txt --json | head` closes the pipe early: stop quietly, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    process.exitCode = main(process.argv.slice(2), {
      // Pipes are synchronous on Linux, so lines are never lost or interleaved before exit.
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    // A bug, not a verdict: one line on stderr, never a stack trace (issue #9).
    process.stderr.write(`solve: internal error: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  }
}
