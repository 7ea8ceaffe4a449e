/**
 * LURD move strings: `l u r d` for moves, `L U R D` for pushes, with RLE counts such as
 * `3r2U` or `2(lu)`. White space and line breaks are ignored.
 */
import { rleDecode } from './rle';

export type LurdParse = { ok: true; moves: string } | { ok: false; message: string };

/** Longest move string accepted: far beyond any known solution, small enough to stay responsive. */
export const MAX_MOVES = 1_000_000;

export function parseLurd(text: string): LurdParse {
  const compact = text.replace(/\s+/g, '');
  const decoded = rleDecode(compact, MAX_MOVES);
  if (!decoded.ok)
    return {
      ok: false,
      message: `Bad move string: ${decoded.message} (character ${decoded.column}).`,
    };
  const bad = /[^lurdLURD]/.exec(decoded.text);
  if (bad) {
    return {
      ok: false,
      message: `Bad move string: "${bad[0]}" is not a move (use l, u, r, d; upper case for pushes).`,
    };
  }
  return { ok: true, moves: decoded.text };
}

/**
 * Whether move `i` of a LURD string is a push: pushes are the upper-case letters `L U R D`. The
 * one home of this test; a string that passed parseLurd holds only `l u r d L U R D`, so any
 * upper-case letter is a push. Out of range is not a push.
 */
export function isPushAt(moves: string, i: number): boolean {
  const c = moves.charCodeAt(i); // NaN out of range: false below
  return c >= 65 && c <= 90; // 'A' to 'Z'
}

/** Whether one LURD letter is a push (`L U R D`). */
export function isPushLetter(letter: string): boolean {
  return letter.length === 1 && isPushAt(letter, 0);
}

export function countPushes(moves: string): number {
  let n = 0;
  for (let i = 0; i < moves.length; i++) if (isPushAt(moves, i)) n++;
  return n;
}

/** `moves/pushes`, the Sokoban world's way of stating a solution's length. */
export function formatLength(moves: string): string {
  return `${moves.length}/${countPushes(moves)}`;
}

/** Compresses a LURD string with RLE counts (`rrrr` → `4r`). */
export { rleEncode as compressLurd } from './rle';
