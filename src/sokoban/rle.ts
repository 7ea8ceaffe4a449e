/**
 * Run-length encoding as used across the Sokoban world: a count before a character
 * (`4#`), counts before parenthesised groups (`3(lu)`), and `|` between board rows.
 */

export type RleResult = { ok: true; text: string } | { ok: false; message: string; column: number };

/** Expanded text larger than this is refused: a hostile `999999999(...)` must not hang the page. */
export const RLE_MAX_EXPANDED = 2_000_000;

/** Expands counts and groups. `|` and every other character pass through unchanged. */
export function rleDecode(input: string, maxLength = RLE_MAX_EXPANDED): RleResult {
  let pos = 0;
  const fail = (message: string, at = pos): RleResult => ({ ok: false, message, column: at + 1 });

  // Returns the expanded group body, or an RleResult on failure.
  const parseSeq = (closing: boolean): string | RleResult => {
    let out = '';
    while (pos < input.length) {
      const ch = input[pos];
      if (ch === ')') {
        if (!closing) return fail('unmatched ")"');
        return out;
      }
      let count = 1;
      const countStart = pos;
      if (ch >= '0' && ch <= '9') {
        while (pos < input.length && input[pos] >= '0' && input[pos] <= '9') pos++;
        count = Number(input.slice(countStart, pos));
        if (pos >= input.length)
          return fail('a count must be followed by a character or a group', countStart);
      }
      let unit: string;
      if (input[pos] === '(') {
        const open = pos;
        pos++;
        const inner = parseSeq(true);
        if (typeof inner !== 'string') return inner;
        if (input[pos] !== ')') return fail('unclosed "("', open);
        pos++;
        unit = inner;
      } else if (input[pos] === ')') {
        return fail('a count must be followed by a character or a group', countStart);
      } else {
        unit = input[pos];
        pos++;
      }
      if (out.length + unit.length * count > maxLength)
        return fail(`the expanded text is longer than ${maxLength} characters`, countStart);
      out += count === 1 ? unit : unit.repeat(count);
    }
    return out; // a group's caller checks for its ")"
  };

  const result = parseSeq(false);
  if (typeof result !== 'string') return result;
  return { ok: true, text: result };
}

/** Compresses runs of three or more equal characters into `N` + character. */
export function rleEncode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && text[j] === text[i]) j++;
    const run = j - i;
    out += run >= 3 ? `${run}${text[i]}` : text[i].repeat(run);
    i = j;
  }
  return out;
}
