/**
 * Times the generator: one level per seed with its optimal proof, default parameters unless
 * given. `npx tsx scripts/bench-generate.ts [--count N] [--seed S] [--boxes B] [--size WxH]`
 * Prints the median, 90th percentile and worst time, and the push counts' spread.
 */
import { parseArgs } from 'node:util';
import { checkParams, generateLevel, parseSize, seedAt } from '../src/generator';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '101' },
    seed: { type: 'string', default: '1' },
    boxes: { type: 'string' },
    size: { type: 'string' },
  },
});
const size = values.size ? parseSize(values.size) : null;
const checked = checkParams({
  seed: Number(values.seed),
  ...(values.boxes && { boxes: Number(values.boxes) }),
  ...(size ?? {}),
});
if (!checked.ok) throw new Error(checked.message);
const params = checked.params;
const count = Number(values.count);
generateLevel({ ...params, seed: seedAt(params.seed, count) }); // warm up the JIT once

const times: number[] = [];
const pushes: number[] = [];
let attempts = 0;
let failed = 0;
for (let k = 0; k < count; k++) {
  const start = performance.now();
  const r = generateLevel({ ...params, seed: seedAt(params.seed, k) });
  times.push(performance.now() - start);
  if (!r.ok) failed++;
  else {
    pushes.push(r.pushes);
    attempts += r.attempts;
  }
}
const at = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? NaN;
console.log(
  `${count} levels, ${params.width}x${params.height}, ${params.boxes} boxes, min pushes ${params.minPushes}, seeds ${params.seed}..${seedAt(params.seed, count - 1)}`,
);
console.log(
  `time per level with its optimal proof: median ${at(times, 0.5).toFixed(1)} ms, p90 ${at(times, 0.9).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
);
console.log(
  `pushes: median ${at(pushes, 0.5)}, min ${Math.min(...pushes)}, max ${Math.max(...pushes)}; rooms tried per level ${(attempts / Math.max(1, pushes.length)).toFixed(2)}; failed ${failed}`,
);
