/**
 * Seed links: a link that carries only the generator's seed and parameters, not the level.
 * The page that opens it makes the level again (src/generator is deterministic), so the link
 * stays short whatever the board:
 *
 *   1g~s42~b4~w10~h10~p10      seed 42, 4 boxes, 10 × 10, at least 10 pushes
 *
 * Fields are one letter and a whole number: `s` seed, `b` boxes, `w` width, `h` height,
 * `p` minimum pushes. A missing field takes the generator's default; a reader ignores letters it
 * does not know, as the level links do (src/share/payload.ts). Links are hostile input: the length is
 * checked first, each number may have at most 10 digits before it is read, and the values go
 * through the generator's own bounds (checkParams). Decoding never throws.
 */
import { type GeneratorParams, checkParams } from './params';
import { countText } from '../sokoban/count-text';

export const SEED_TAG = '1g';
/** A seed link is short; anything longer is refused before it is split. */
export const MAX_SEED_LINK_LENGTH = 200;

const FIELDS: readonly (readonly [string, keyof GeneratorParams])[] = [
  ['s', 'seed'],
  ['b', 'boxes'],
  ['w', 'width'],
  ['h', 'height'],
  ['p', 'minPushes'],
];
const NAMES: Readonly<Record<string, string>> = {
  s: 'seed',
  b: 'box count',
  w: 'width',
  h: 'height',
  p: 'minimum push count',
};

export type SeedLinkDecoding =
  | { readonly ok: true; readonly params: GeneratorParams }
  | { readonly ok: false; readonly message: string };

/** The fragment (without `#`) for a set of parameters; all five are always written. */
export function encodeSeedLink(params: GeneratorParams): string {
  return [SEED_TAG, ...FIELDS.map(([key, name]) => `${key}${params[name]}`)].join('~');
}

/** True when the fragment (with or without `#`) is a seed link, good or bad. */
export function isSeedLink(fragment: string): boolean {
  const text = fragment.trimStart().replace(/^#/, '');
  return text === SEED_TAG || text.startsWith(`${SEED_TAG}~`);
}

/** Reads a seed link; every failure is a message. */
export function decodeSeedLink(fragment: string): SeedLinkDecoding {
  if (fragment.length > MAX_SEED_LINK_LENGTH)
    return {
      ok: false,
      message: `This generator link is too long (${countText(fragment.length)} characters; the limit is ${MAX_SEED_LINK_LENGTH}).`,
    };
  const text = fragment.trim().replace(/^#/, '');
  if (!isSeedLink(text))
    return {
      ok: false,
      message: `This is not a generator link: it should start with "${SEED_TAG}~".`,
    };
  const values: Partial<Record<keyof GeneratorParams, number>> = {};
  const seen = new Set<string>();
  for (const field of text.split('~').slice(1)) {
    if (field === '') continue;
    const key = field[0]!;
    const name = FIELDS.find(([k]) => k === key)?.[1];
    if (!name) continue; // a later format's field
    if (seen.has(key))
      return {
        ok: false,
        message: `This generator link is damaged: its "${key}" field appears twice.`,
      };
    seen.add(key);
    const digits = field.slice(1);
    if (!/^\d{1,10}$/.test(digits))
      return {
        ok: false,
        message: `This generator link is damaged: its ${NAMES[key]} must be a whole number, not "${digits.slice(0, 20)}".`,
      };
    values[name] = Number(digits);
  }
  if (!seen.has('s'))
    return { ok: false, message: 'This generator link is damaged: it has no seed ("s" field).' };
  const checked = checkParams(values);
  return checked.ok
    ? checked
    : {
        ok: false,
        message: `This generator link asks for something it cannot: ${checked.message}`,
      };
}
