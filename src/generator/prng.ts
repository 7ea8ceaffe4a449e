/**
 * Mulberry32, a small well-known 32-bit seeded generator (Tommy Ettinger's constants). All its
 * arithmetic is on 32-bit integers (Math.imul, shifts), so a seed gives the same numbers on every
 * machine and engine; nothing here reads Math.random.
 */
export interface Random {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A whole number in [0, n), n ≥ 1; unbiased (rejection sampling). */
  below(n: number): number;
  /** True with probability `numerator / denominator` (integers, so no float rounding differs). */
  chance(numerator: number, denominator: number): boolean;
}

/** A seed is any whole number; it is reduced to 32 bits. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const below = (n: number): number => {
    if (!(n >= 1) || n > 0x1_0000_0000) throw new RangeError(`below(${n}): n must be in [1, 2^32]`);
    // Reject the top partial bucket so that every outcome is equally likely.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };
  return {
    nextUint32,
    below,
    chance: (numerator, denominator) => below(denominator) < numerator,
  };
}

/** Fisher–Yates shuffle in place, driven by `random`. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}
