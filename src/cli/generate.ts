/**
 * `npm run generate -- [--boxes N] [--size WxH] [--seed S] [--count K] [--min-pushes P] [--json]`
 *
 * Prints K Boxoban-style levels, each proven solvable with its optimal push count, as an XSB
 * collection (or one JSON line per level). Level k (1-based) uses seed S + k − 1, so any level
 * can be made again alone. Same arguments, same bytes. Exit status 2 for bad arguments, 1 when
 * a seed yields no level for these parameters.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_PARAMS,
  type GeneratorParams,
  checkParams,
  generateLevel,
  generatedJson,
  parseSize,
  printGenerated,
  seedAt,
} from '../generator';
import { errorMessage } from '../sokoban/error-message';
import { isEntryPoint } from './entry';
import type { Parsed } from './options';

export const GENERATE_USAGE = [
  'usage: npm run generate -- [--boxes N] [--size WxH] [--seed S] [--count K] [--min-pushes P] [--json]',
  `  --boxes N        boxes per level, 1-6 (default ${DEFAULT_PARAMS.boxes})`,
  `  --size WxH       board size with its walls (default ${DEFAULT_PARAMS.width}x${DEFAULT_PARAMS.height})`,
  `  --seed S         seed of the first level, 0-4294967295 (default ${DEFAULT_PARAMS.seed}); level k uses S + k - 1`,
  '  --count K        how many levels (default 1)',
  `  --min-pushes P   reject levels solved in fewer pushes (default ${DEFAULT_PARAMS.minPushes})`,
  '  --json           one JSON object per level per line',
].join('\n');

export interface GenerateArgs {
  readonly params: GeneratorParams;
  readonly count: number;
  readonly json: boolean;
}

function wholeArg(name: string, text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (!/^\s*\d{1,10}\s*$/.test(text))
    return { ok: false, message: `${name} must be a whole number, not "${text}"` };
  return { ok: true, value: Number(text) };
}

export function parseGenerateArgs(argv: readonly string[]): Parsed<GenerateArgs> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        boxes: { type: 'string' },
        size: { type: 'string' },
        seed: { type: 'string' },
        count: { type: 'string' },
        'min-pushes': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
  const text = (key: string) => values[key] as string | undefined;
  const size = text('size') === undefined ? null : parseSize(text('size')!);
  if (text('size') !== undefined && !size)
    return { ok: false, message: `--size must look like 10x10, not "${text('size')}"` };
  const numbers: Record<string, number | undefined> = {};
  for (const key of ['boxes', 'seed', 'count', 'min-pushes']) {
    const n = wholeArg(`--${key}`, text(key));
    if (!n.ok) return n;
    numbers[key] = n.value;
  }
  const count = numbers.count ?? 1;
  if (count < 1 || count > 100_000)
    return { ok: false, message: `--count must be from 1 to 100000, not ${count}` };
  const checked = checkParams({
    ...(size ?? {}),
    ...(numbers.boxes !== undefined && { boxes: numbers.boxes }),
    ...(numbers.seed !== undefined && { seed: numbers.seed }),
    ...(numbers['min-pushes'] !== undefined && { minPushes: numbers['min-pushes'] }),
  });
  if (!checked.ok) return checked;
  return { ok: true, value: { params: checked.params, count, json: values.json === true } };
}

export interface GenerateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (line: string) => void;
}

export function main(argv: readonly string[], io: GenerateIo): number {
  const args = parseGenerateArgs(argv);
  if (!args.ok) {
    io.stderr(`generate: ${args.message}\n${GENERATE_USAGE}`);
    return 2;
  }
  const { params, count, json } = args.value;
  for (let k = 0; k < count; k++) {
    const made = generateLevel({ ...params, seed: seedAt(params.seed, k) });
    if (!made.ok) {
      io.stderr(`generate: ${made.message}`);
      return 1;
    }
    if (json) io.stdout(generatedJson(made, k + 1) + '\n');
    else io.stdout((k > 0 ? '\n' : '') + printGenerated(made, k + 1) + '\n');
  }
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(line + '\n'),
  });
}
