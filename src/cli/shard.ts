/**
 * `--shard K/N`: one of N disjoint slices of a collection, so that an outside scheduler (GNU
 * parallel, a Kubernetes Indexed Job) can fan a large file out over many machines. Slice K holds
 * the levels whose 1-based index i has (i - 1) mod N = K; the output keeps each level's index in
 * the file, so the slices' JSON lines merge back by sorting on `index`.
 */

export interface Shard {
  /** 0-based slice number, 0 <= k < n. */
  readonly k: number;
  /** How many slices, at least 1. */
  readonly n: number;
}

export type ShardParse =
  { readonly ok: true; readonly shard: Shard } | { readonly ok: false; readonly message: string };

/** Whole numbers only, written plainly: "3/8", not "3.0/8", "+3/8" or "0x3/8". */
const SHARD = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
/** Far above any real fan-out; keeps K and N exact integers. */
const MAX_SHARDS = 1_000_000_000;

export function parseShard(text: string): ShardParse {
  const match = SHARD.exec(text);
  if (!match) return { ok: false, message: `--shard must be K/N (such as 0/4), not "${text}"` };
  const k = Number(match[1]);
  const n = Number(match[2]);
  if (n < 1 || n > MAX_SHARDS)
    return { ok: false, message: `--shard K/N needs 1 <= N <= ${MAX_SHARDS}, not N = ${match[2]}` };
  if (k >= n)
    return {
      ok: false,
      message: `--shard K/N needs 0 <= K < N (K counts from 0), not ${k}/${n}`,
    };
  return { ok: true, shard: { k, n } };
}

/** Whether the level at 1-based `index` belongs to `shard` (every level when there is none). */
export function inShard(index: number, shard: Shard | undefined): boolean {
  return shard === undefined || (index - 1) % shard.n === shard.k;
}
