/**
 * The readable payload of a share link (format 1), shared by the plain and the compressed form:
 *
 *   <board>[~t<title>][~a<author>][~m<moves>]
 *
 * <board> is the level's RLE (`printRle`) in a URL-safe alphabet, chosen so that no character
 * needs percent-encoding in a fragment and none is trimmed by chat apps' link detection:
 *
 *   XSB   #  @  +  $  *  .  -(floor)  |(row break)   digits: run counts
 *   link  W  p  P  b  B  .  -         /              digits
 *
 * `p P b B` are the letter forms of `@ + $ *` known from the Sokoban wiki's level format; `W` is
 * a wall; `/` between rows as in chess FEN. `#` cannot appear in a fragment and `|` is not a
 * legal URL character, hence the mapping.
 *
 * <title> and <author> are UTF-8, form-encoded: `A-Z a-z 0-9 - _` as they are, space as `+`,
 * every other byte as `%XX`. <moves> is LURD with run counts (`3r2U`), as `compressLurd` writes.
 * Fields are keyed by one letter so that more can be added; a reader ignores keys it does not
 * know. Empty fields are skipped, so a trailing `~` is harmless (the encoder adds one when the
 * payload would end with `.`, which link detection in chat apps tends to drop).
 */
import { type Level } from '../sokoban/level';
import { printRle } from '../sokoban/print';
import { parseCollection } from '../sokoban/parse';
import { rleDecode, rleEncode } from '../sokoban/rle';

export type PayloadResult =
  { ok: true; level: Level; moves?: string } | { ok: false; message: string };

/** Moves longer than this (after expanding run counts) are refused: replaying stays quick. */
export const MAX_LINK_MOVES = 100_000;

const TO_LINK: Readonly<Record<string, string>> = {
  '#': 'W',
  '@': 'p',
  '+': 'P',
  $: 'b',
  '*': 'B',
  '|': '/',
};
const FROM_LINK: Readonly<Record<string, string>> = {
  W: '#',
  p: '@',
  P: '+',
  b: '$',
  B: '*',
  '/': '|',
};
const BOARD_CODE = /^[0-9WpPbB.\-/]*$/;
const MOVES_CODE = /^[0-9lurdLURD()]*$/;

export function boardCode(level: Level): string {
  return printRle(level).replace(/[#@+$*|]/g, (ch) => TO_LINK[ch]!);
}

export function printPayload(level: Level, moves?: string): string {
  let out = boardCode(level);
  if (level.title) out += '~t' + encodeText(level.title);
  if (level.author) out += '~a' + encodeText(level.author);
  if (moves) out += '~m' + rleEncode(moves);
  return out.endsWith('.') ? out + '~' : out;
}

/** Reads a payload; every failure is a message. Never throws. */
export function parsePayload(payload: string): PayloadResult {
  const [rawBoard = '', ...rest] = payload.split('~'); // split gives at least one part
  // Board and moves never hold '%'; one comes from a browser or chat app escaping a character on
  // the way (a '<' pasted into a link arrives as %3C), so undo that to name the real character.
  const board = unescapePercent(rawBoard);
  const fields = new Map<string, string>();
  for (const field of rest) {
    if (field === '') continue;
    const key = field[0]!;
    if (fields.has(key))
      return { ok: false, message: `This link is damaged: its "${key}" field appears twice.` };
    fields.set(key, field.slice(1));
  }

  if (board === '') return { ok: false, message: 'This link holds no level.' };
  if (!BOARD_CODE.test(board)) {
    const bad = [...board].find((ch) => !BOARD_CODE.test(ch));
    return {
      ok: false,
      message: `This link's level is damaged: "${bad}" is not a board character (W p P b B . - / and digits).`,
    };
  }
  const xsb = board.replace(/[WpPbB/]/g, (ch) => FROM_LINK[ch]!);
  const parsed = parseCollection(xsb);
  if (!parsed.ok)
    return { ok: false, message: `This link's level is invalid: ${parsed.error.message}` };
  // The board text is one line without titles, so it makes at most one board.
  const entry = parsed.entries[0];
  if (parsed.entries.length !== 1 || !entry)
    return { ok: false, message: "This link's level is invalid: it holds more than one board." };
  if (!entry.ok)
    return { ok: false, message: `This link's level is invalid: ${entry.error.message}` };

  let title = '';
  let author = '';
  if (fields.has('t')) {
    const t = decodeText(fields.get('t')!);
    if (t === null)
      return {
        ok: false,
        message: "This link's title is damaged (a broken %-escape; was the link cut short?).",
      };
    title = t;
  }
  if (fields.has('a')) {
    const a = decodeText(fields.get('a')!);
    if (a === null)
      return {
        ok: false,
        message: "This link's author is damaged (a broken %-escape; was the link cut short?).",
      };
    author = a;
  }
  const level: Level = { ...entry.level, title, author };

  const movesCode = fields.has('m') ? unescapePercent(fields.get('m')!) : undefined;
  if (movesCode === undefined || movesCode === '') return { ok: true, level };
  if (!MOVES_CODE.test(movesCode)) {
    return {
      ok: false,
      message:
        "This link's moves are damaged: only l, u, r, d (upper case for pushes) and counts may appear.",
    };
  }
  const expanded = rleDecode(movesCode, MAX_LINK_MOVES);
  if (!expanded.ok)
    return { ok: false, message: `This link's moves are damaged: ${expanded.message}.` };
  if (!/^[lurdLURD]*$/.test(expanded.text)) {
    return {
      ok: false,
      message: "This link's moves are damaged: a count is not followed by a move.",
    };
  }
  return expanded.text === '' ? { ok: true, level } : { ok: true, level, moves: expanded.text };
}

function unescapePercent(code: string): string {
  if (!code.includes('%')) return code;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

const encoder = new TextEncoder();
const HEX = '0123456789ABCDEF';

/**
 * UTF-8 form encoding. Lone UTF-16 surrogates (not text, but a string can hold them) become
 * U+FFFD, as TextEncoder writes them; every well-formed string comes back unchanged.
 */
export function encodeText(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    if (
      (byte >= 48 && byte <= 57) ||
      (byte >= 65 && byte <= 90) ||
      (byte >= 97 && byte <= 122) ||
      byte === 45 ||
      byte === 95
    ) {
      out += String.fromCharCode(byte);
    } else if (byte === 32) {
      out += '+';
    } else {
      out += '%' + HEX[byte >> 4] + HEX[byte & 15];
    }
  }
  return out;
}

/**
 * The inverse of `encodeText`; null on a broken `%` escape. Lenient elsewhere: other characters
 * stand for themselves (a hand-written link may hold them), invalid UTF-8 becomes U+FFFD.
 */
export function decodeText(code: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '%') {
      const hex = code.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ch === '+') {
      bytes.push(32);
    } else {
      const cp = code.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}
