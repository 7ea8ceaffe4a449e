/**
 * Run-length encoding as used across the Sokoban world: a count before a character
 * (`4#`), counts before parenthesised groups (`3(lu)`), and `|` between board rows.
 *
 * The decoder reads hostile text (pasted boards, share links, files given to the CLI), so it
 * never throws and never does more work than its budget allows: counts longer than
 * MAX_COUNT_DIGITS digits are refused as written, the expanded length is checked before each
 * repeat, groups nest at most MAX_GROUP_DEPTH deep, and the nesting is kept on an explicit
 * stack rather than the call stack (20,000 `(` must not overflow it).
 */

export type RleResult =
  | { ok: true; text: string }
  /** `tooLong` is set when the text is well formed but expands past the budget. */
  | { ok: false; message: string; column: number; tooLong?: true };

/** Expanded text larger than this is refused: a hostile `999999999(...)` must not hang the page. */
export const RLE_MAX_EXPANDED = 2_000_000;
/** A count has at most this many digits (9,999,999): far beyond any board row or move run. */
export const MAX_COUNT_DIGITS = 7;
/** Groups nest at most this deep; real move strings nest two or three deep. */
export const MAX_GROUP_DEPTH = 100;

interface Group {
  /** What the group has expanded to so far. */
  out: string;
  /** The count written before its `(`. */
  readonly count: number;
  /** 0-based column of that count (or of the `(` when there is none). */
  readonly countAt: number;
  /** 0-based column of the `(`. */
  readonly open: number;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpecial(ch: string): boolean {
  return isDigit(ch) || ch === '(' || ch === ')';
}

/** Expands counts and groups. `|` and every other character pass through unchanged. */
export function rleDecode(input: string, maxLength = RLE_MAX_EXPANDED): RleResult {
  const fail = (message: string, at: number): RleResult => ({
    ok: false,
    message,
    column: at + 1,
  });
  const tooLong = (at: number): RleResult => ({
    ok: false,
    message: `the expanded text is longer than ${maxLength} characters`,
    column: at + 1,
    tooLong: true,
  });
  // stack[0] is the top level; a `(` pushes a group, its `)` pops it into the one below.
  const stack: Group[] = [{ out: '', count: 1, countAt: 0, open: -1 }];
  // Characters already expanded in the groups below the top: the top group's expansion adds to
  // them at least once, so the budget is checked against the sum.
  let below = 0;
  let pos = 0;
  while (pos < input.length) {
    const ch = input[pos]!;
    if (ch === ')') {
      if (stack.length === 1) return fail('unmatched ")"', pos);
      const group = stack.pop()!;
      const top = stack[stack.length - 1]!;
      below -= top.out.length;
      if (below + top.out.length + group.out.length * group.count > maxLength)
        return tooLong(group.countAt);
      top.out += group.out.repeat(group.count);
      pos++;
      continue;
    }
    let count = 1;
    const countStart = pos;
    if (isDigit(ch)) {
      // Stops one digit past the limit: a million-digit count is refused without reading it all.
      while (pos < input.length && isDigit(input[pos]!) && pos - countStart <= MAX_COUNT_DIGITS)
        pos++;
      if (pos - countStart > MAX_COUNT_DIGITS)
        return fail(`a count has more than ${MAX_COUNT_DIGITS} digits`, countStart);
      count = Number(input.slice(countStart, pos));
      if (pos >= input.length || input[pos] === ')')
        return fail('a count must be followed by a character or a group', countStart);
    }
    const top = stack[stack.length - 1]!;
    if (input[pos] === '(') {
      if (stack.length > MAX_GROUP_DEPTH)
        return fail(`groups are nested more than ${MAX_GROUP_DEPTH} deep`, pos);
      below += top.out.length;
      stack.push({ out: '', count, countAt: countStart, open: pos });
      pos++;
      continue;
    }
    if (count === 1) {
      // A run of plain characters is copied at once: a million-move line is one slice, not a
      // million concatenations.
      let end = pos + 1;
      while (end < input.length && !isSpecial(input[end]!)) end++;
      if (below + top.out.length + (end - pos) > maxLength) return tooLong(pos);
      top.out += input.slice(pos, end);
      pos = end;
      continue;
    }
    if (below + top.out.length + count > maxLength) return tooLong(countStart);
    top.out += input[pos]!.repeat(count);
    pos++;
  }
  if (stack.length > 1) return fail('unclosed "("', stack[stack.length - 1]!.open);
  return { ok: true, text: stack[0]!.out };
}

/** Compresses runs of three or more equal characters into `N` + character. */
export function rleEncode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && text[j] === text[i]) j++;
    const run = j - i;
    out += run >= 3 ? `${run}${text[i]}` : text[i]!.repeat(run);
    i = j;
  }
  return out;
}
