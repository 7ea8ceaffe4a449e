/**
 * Measures how long hostile input takes to be refused or read, and what memory it leaves behind
 * (run by hand, not by npm test). Each input goes through the function a user's action calls:
 * parseCollection (Load, Open file…, `npm run solve`, saved-state hydration), parseLurd (Apply
 * moves, Watch from start) and openShare + levelText (opening a share link). Target: at most
 * 100 ms and a bounded amount of memory for a 1 MB input.
 *
 * Usage:  node --expose-gc --import tsx scripts/measure-hostile-input.ts [--runs N]
 *
 * Prints one line per input: its size, the median and worst wall time and CPU time of N runs,
 * the heap the result keeps, and what came back (the error message, or how many levels).
 */
import { loadavg, cpus } from 'node:os';
import { parseCollection } from '../src/sokoban/parse';
import { parseLurd } from '../src/sokoban/lurd';
import { encodeShare, levelText, openShare } from '../src/share';
import type { Level } from '../src/sokoban';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Case {
  readonly name: string;
  readonly input: string;
  readonly run: (input: string) => unknown;
}

function describe(result: unknown): string {
  const r = result as Record<string, unknown>;
  if (r && typeof r === 'object' && 'entries' in r) {
    const entries = r.entries as { ok: boolean; error?: { message: string } }[];
    const firstBad = entries.find((e) => !e.ok);
    return `${entries.length} board(s)${firstBad ? `; first error: ${firstBad.error!.message}` : ''}`;
  }
  if (r && typeof r === 'object' && 'error' in r && r.error && typeof r.error === 'object')
    return (r.error as { message: string }).message;
  if (r && typeof r === 'object' && 'message' in r) return String(r.message);
  return JSON.stringify(result).slice(0, 100);
}

const parse = (text: string) => parseCollection(text);
const lurd = (text: string) => parseLurd(text);
// A link is opened as the app does it: decode, replay, then print the level as collection text.
const link = async (fragment: string) => {
  const opened = await openShare(fragment);
  if (opened.ok) levelText(opened.level);
  return opened;
};

const level: Level = {
  title: '',
  author: '',
  width: 5,
  height: 3,
  tiles: '#####' + '#  .#' + '#####',
  boxes: [7],
  player: 6,
};

async function cases(): Promise<Case[]> {
  const spacesTitle = await encodeShare({ level: { ...level, title: ' '.repeat(65_000) } });
  if (!spacesTitle.ok) throw new Error(spacesTitle.message);
  return [
    { name: 'RLE rows of 40000 walls, one board', input: '40000#\n'.repeat(140_000), run: parse },
    { name: 'RLE boards of 9999 walls', input: '9999#|#@$.#\n\n'.repeat(70_000), run: parse },
    { name: 'RLE boards of 9 walls (many boards)', input: '9#\n\n'.repeat(250_000), run: parse },
    { name: 'a 1,000,000-digit count', input: '#' + '9'.repeat(999_990) + '()', run: parse },
    { name: '400-digit count then ()', input: '9'.repeat(400) + '()', run: lurd },
    { name: '999,990 nested "("', input: '#' + '('.repeat(999_990), run: parse },
    { name: '20,000 nested "(" (moves)', input: '('.repeat(20_000), run: lurd },
    {
      name: '2(...) nested 100 deep (moves)',
      input: '2('.repeat(100) + 'r' + ')'.repeat(100),
      run: lurd,
    },
    { name: 'a row of 999,998 spaces', input: '#' + ' '.repeat(999_998) + '#', run: parse },
    { name: 'one board of 160,000 rows', input: '#@$.#\n'.repeat(166_000), run: parse },
    {
      name: 'boards of 1 long and 9 short rows',
      input: ('#'.repeat(990) + '\n' + '#\n'.repeat(9) + '@$.\n\n').repeat(985),
      run: parse,
    },
    { name: 'a million-character move line', input: 'lurd'.repeat(250_000), run: lurd },
    { name: 'link: 1z~ title of 65,000 spaces', input: spacesTitle.fragment, run: link },
    { name: 'link: 1r~ of 40000 walls', input: '1r~' + '40000W/'.repeat(5000), run: link },
    { name: 'link: 1r~ nested "("', input: '1r~' + 'W' + '('.repeat(60_000), run: link },
    {
      name: 'link: moves nested 20,000 deep',
      input: '1r~5W/Wpb.W/5W~m' + '('.repeat(20_000),
      run: link,
    },
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, ${runs} runs each`,
  );
  console.log('input | chars | wall ms median / max | cpu ms median | heap kept MB | result');
  for (const c of await cases()) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let kept = 0;
    let result: unknown;
    for (let i = 0; i < runs; i++) {
      result = undefined;
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      result = await c.run(c.input);
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
      gc();
      kept = Math.max(kept, process.memoryUsage().heapUsed - heapBefore);
    }
    console.log(
      `${c.name} | ${c.input.length.toLocaleString('en')} | ${median(wall).toFixed(1)} / ${Math.max(...wall).toFixed(1)} | ${median(cpu).toFixed(1)} | ${(kept / 1e6).toFixed(1)} | ${describe(result).slice(0, 110)}`,
    );
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1000).toFixed(0)} MB`);
}

void main();
