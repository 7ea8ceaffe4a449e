/**
 * The generator's parameters: defaults, limits and checking. Checking never throws; a bad
 * parameter is a message, shown by the CLI and the Generate panel alike.
 */

export interface GeneratorParams {
  /** Board size including the outer walls (Boxoban: 10 × 10). */
  readonly width: number;
  readonly height: number;
  /** Number of boxes, 1–6. */
  readonly boxes: number;
  /** Any whole number 0 … 2^32 − 1; the same seed and parameters give the same level. */
  readonly seed: number;
  /** Levels solvable in fewer pushes than this are rejected. */
  readonly minPushes: number;
}

export const DEFAULT_PARAMS: GeneratorParams = {
  width: 10,
  height: 10,
  boxes: 4,
  seed: 1,
  minPushes: 10,
};

export const MIN_SIDE = 5;
export const MAX_SIDE = 20;
export const MIN_BOXES = 1;
export const MAX_BOXES = 6;
export const MAX_SEED = 0xffff_ffff;
export const MAX_MIN_PUSHES = 200;

export type ParamsCheck =
  | { readonly ok: true; readonly params: GeneratorParams }
  | { readonly ok: false; readonly message: string };

function whole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Fills defaults and checks every field. */
export function checkParams(input: Partial<GeneratorParams>): ParamsCheck {
  const params = { ...DEFAULT_PARAMS, ...input };
  const { width, height, boxes, seed, minPushes } = params;
  if (!whole(width, MIN_SIDE, MAX_SIDE) || !whole(height, MIN_SIDE, MAX_SIDE))
    return {
      ok: false,
      message: `The size must be whole numbers from ${MIN_SIDE} to ${MAX_SIDE} on each side, not ${width}×${height}.`,
    };
  if (!whole(boxes, MIN_BOXES, MAX_BOXES))
    return {
      ok: false,
      message: `Boxes must be a whole number from ${MIN_BOXES} to ${MAX_BOXES}, not ${boxes}.`,
    };
  if (!whole(seed, 0, MAX_SEED))
    return {
      ok: false,
      message: `The seed must be a whole number from 0 to ${MAX_SEED}, not ${seed}.`,
    };
  if (!whole(minPushes, 0, MAX_MIN_PUSHES))
    return {
      ok: false,
      message: `The minimum push count must be a whole number from 0 to ${MAX_MIN_PUSHES}, not ${minPushes}.`,
    };
  return { ok: true, params };
}

/** Reads "WxH" (or "W×H"); null when it is not two whole numbers. */
export function parseSize(text: string): { width: number; height: number } | null {
  const m = /^\s*(\d{1,4})\s*[x×X]\s*(\d{1,4})\s*$/.exec(text);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** The seed of the k-th level (0-based) of a collection that starts at `seed`. */
export function seedAt(seed: number, k: number): number {
  return (seed + k) % (MAX_SEED + 1);
}
