/**
 * Parsing level text: single boards, XSB/SOK collections, DeepMind Boxoban files and RLE boards.
 *
 * The parser never throws on user input. Each board found becomes an entry that is either a
 * playable level or an error that says what is wrong and where (1-based line and column).
 */
import { type Level, GOAL, WALL, FLOOR } from './level';
import { rleDecode } from './rle';
import { countText } from './count-text';

export interface LevelError {
  readonly message: string;
  /** 1-based line in the pasted text, when the error has a place. */
  readonly line?: number;
  /** 1-based column in that line. */
  readonly column?: number;
}

export type LevelEntry =
  | {
      readonly ok: true;
      readonly index: number;
      readonly title: string;
      readonly line: number;
      readonly level: Level;
    }
  | {
      readonly ok: false;
      readonly index: number;
      readonly title: string;
      readonly line: number;
      readonly error: LevelError;
    };

export type CollectionResult =
  | { readonly ok: true; readonly entries: readonly LevelEntry[] }
  | { readonly ok: false; readonly error: LevelError };

/** Pasted text over this many characters is refused before any work is done. */
export const MAX_TEXT_LENGTH = 1_000_000;
/** A board with more cells than this is refused. */
export const MAX_CELLS = 10_000;
/**
 * Run-length rows of one board may expand to at most this many characters (row breaks and
 * trailing floor included); more can only make a board over MAX_CELLS. Checked while expanding.
 */
export const MAX_BOARD_EXPANDED = MAX_CELLS * 2;
/**
 * All run-length rows of one text may expand to at most this many characters, so that a small
 * paste (`"9999#\n\n".repeat(100000)`) cannot grow into gigabytes of rows. Checked while
 * expanding; boards past it are reported, not read.
 */
export const MAX_TOTAL_EXPANDED = 2_000_000;
/** A text with more boards than this is refused as a whole (the largest collections hold a few thousand). */
export const MAX_BOARDS = 10_000;
/**
 * The boards of one text may hold at most this many cells in all (width × height, padding
 * included): a 1 MB collection of real levels holds about 1.5 million. Boards past it are
 * reported, not built.
 */
export const MAX_TOTAL_CELLS = 4_000_000;
// Formatted once: formatting costs microseconds, and a hostile text can hold 300,000 boards.
const CELLS_TEXT = countText(MAX_CELLS);
const TOTAL_TEXT = countText(MAX_TOTAL_EXPANDED);

const BOARD_CHARS = new Set(['#', '@', '+', '$', '*', '.', ' ', '-', '_']);
const RLE_CHARS = /^[#@+$*.\-_ 0-9|()]+$/;

interface RawRow {
  /** The row's characters, as written (RLE already expanded). */
  readonly text: string;
  readonly line: number;
  /** Column offset (0-based) in the source line of the row's first character; -1 when from RLE. */
  readonly offset: number;
}

interface RawBoard {
  rows: RawRow[];
  title: string;
  author: string;
  comment: string;
  line: number;
  /** Characters of its rows so far (run-length rows counted as expanded). */
  size: number;
  /** The first thing wrong that stops reading its rows (bad RLE, too large). */
  rowError?: LevelError;
}

/** What one parse has spent of MAX_TOTAL_EXPANDED. */
interface Budget {
  expanded: number;
}

type LineKind = 'blank' | 'comment' | 'board' | 'text';

function classify(line: string): LineKind {
  const trimmed = line.trim();
  if (trimmed === '') return 'blank';
  if (trimmed.startsWith(';')) return 'comment';
  if (!trimmed.includes('#')) return 'text';
  if (RLE_CHARS.test(trimmed)) return 'board';
  // A line that looks like a wall row but carries stray characters is still a board row, so
  // that the stray character is reported with its place instead of silently splitting a board.
  if (trimmed.startsWith('#') || trimmed.endsWith('#')) {
    let boardish = 0;
    for (const ch of trimmed) if (BOARD_CHARS.has(ch)) boardish++;
    if (boardish / trimmed.length >= 0.6) return 'board';
  }
  return 'text';
}

const KEY_VALUE = /^(title|author|comment|comment-end)\s*:\s*(.*)$/i;

/** Splits pasted text into boards with their titles. Exposed for tests. */
export function parseCollection(text: string): CollectionResult {
  if (text.length > MAX_TEXT_LENGTH) return tooLargeText(text.length);
  const boards: RawBoard[] = [];
  let current: RawBoard | null = null;
  let pendingTitle = '';
  let pendingComment = '';
  let lastTextWasAfterBoard = false;
  let inCommentBlock = false;
  const budget: Budget = { expanded: 0 };

  // Lines are cut one at a time (not split up front), so a text refused early costs little.
  for (let lineNo = 1, start = 0; start <= text.length; lineNo++) {
    const end = lineEnd(text, start);
    const raw = text.slice(start, end).replace(/\t/g, ' ');
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (inCommentBlock) {
      if (/^\s*comment-end\s*:?/i.test(raw)) inCommentBlock = false;
      continue;
    }
    const kind = classify(raw);
    if (kind === 'board') {
      if (!current) {
        if (boards.length === MAX_BOARDS) return tooManyBoards(lineNo);
        current = {
          rows: [],
          title: pendingTitle,
          author: '',
          comment: pendingComment,
          line: lineNo,
          size: 0,
        };
        boards.push(current);
        pendingTitle = '';
        pendingComment = '';
        lastTextWasAfterBoard = false;
      }
      appendRows(current, raw, lineNo, budget);
      continue;
    }
    const previous: RawBoard | null =
      current ?? (lastTextWasAfterBoard ? (boards[boards.length - 1] ?? null) : null);
    current = null;
    if (kind === 'blank') continue;
    if (kind === 'comment') {
      const body = raw.trim().slice(1).trim();
      if (body !== '') pendingComment = body;
      continue;
    }
    const trimmed = raw.trim();
    const kv = KEY_VALUE.exec(trimmed);
    if (kv) {
      const key = kv[1]!.toLowerCase();
      const value = kv[2]!.trim();
      if (key === 'comment') {
        if (value === '') inCommentBlock = true;
        continue;
      }
      if (key === 'comment-end') continue;
      // Key lines right after a board belong to it; elsewhere to the board that follows.
      const target = previous;
      if (target) {
        if (key === 'title') target.title = value;
        else target.author = value;
        lastTextWasAfterBoard = true;
      } else if (key === 'title') {
        pendingTitle = value;
      }
      continue;
    }
    pendingTitle = trimmed;
    pendingComment = '';
    lastTextWasAfterBoard = false;
  }

  if (boards.length === 0) return noBoard();
  return { ok: true, entries: entriesOf(boards) };
}

function tooLargeText(length: number): CollectionResult {
  return {
    ok: false,
    error: {
      message: `The text is too large (${countText(length)} characters; the limit is ${countText(MAX_TEXT_LENGTH)}).`,
    },
  };
}

function noBoard(): CollectionResult {
  return {
    ok: false,
    error: {
      message:
        'No board found: a board is made of rows such as "#####" with "@" for the player, "$" for boxes and "." for goals.',
    },
  };
}

/** Each board built into a level, or with the error that says why it cannot be played. */
function entriesOf(boards: readonly RawBoard[]): LevelEntry[] {
  const cellBudget = { cells: 0 };
  return boards.map((board, i): LevelEntry => {
    const title = board.title || board.comment;
    const built = buildLevel(board, title, cellBudget);
    return built.ok
      ? { ok: true, index: i + 1, title, line: board.line, level: built.level }
      : { ok: false, index: i + 1, title, line: board.line, error: built.error };
  });
}

/** Index of the line break (\n, \r or \r\n) ending the line that starts at `start`, or text.length. */
function lineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return end;
}

function appendRows(board: RawBoard, raw: string, lineNo: number, budget: Budget): void {
  if (board.rowError) return; // the board is refused already: its other rows are not read
  // trimEnd, not a /\s+$/ regex: that one is quadratic on a long run of spaces before a character.
  const trimmedEnd = raw.trimEnd();
  const isRle = /[0-9|()]/.test(trimmedEnd);
  if (!isRle) {
    board.size += trimmedEnd.length;
    if (board.size > MAX_CELLS) board.rowError = tooLarge(lineNo);
    else board.rows.push({ text: trimmedEnd, line: lineNo, offset: 0 });
    return;
  }
  const body = trimmedEnd.trimStart();
  const lead = trimmedEnd.length - body.length;
  const boardLeft = MAX_BOARD_EXPANDED - board.size;
  const totalLeft = MAX_TOTAL_EXPANDED - budget.expanded;
  const decoded = rleDecode(body, Math.max(0, Math.min(boardLeft, totalLeft)));
  if (!decoded.ok) {
    board.rowError = !decoded.tooLong
      ? {
          message: `Bad run-length encoding: ${decoded.message}.`,
          line: lineNo,
          column: decoded.column + lead,
        }
      : boardLeft <= totalLeft
        ? tooLarge(lineNo)
        : {
            message: `Not read: the run-length rows of the text expand to more than ${TOTAL_TEXT} characters in all.`,
            line: lineNo,
          };
    return;
  }
  board.size += decoded.text.length;
  budget.expanded += decoded.text.length;
  for (const row of decoded.text.split('|'))
    board.rows.push({ text: row.trimEnd(), line: lineNo, offset: -1 });
}

function tooLarge(line: number): LevelError {
  return {
    message: `The board is too large (more than ${CELLS_TEXT} cells; the limit is ${CELLS_TEXT}).`,
    line,
  };
}

type Built = { ok: true; level: Level } | { ok: false; error: LevelError };

function where(row: RawRow, col: number): { line: number; column?: number } {
  return row.offset < 0 ? { line: row.line } : { line: row.line, column: row.offset + col + 1 };
}

function tooManyBoards(line: number): CollectionResult {
  return {
    ok: false,
    error: {
      message: `The text holds more than ${countText(MAX_BOARDS)} boards (the limit); split it into smaller collections.`,
      line,
    },
  };
}

/** Why a board of width × height cannot be read (too large alone or with the others), or null. */
function sizeError(
  board: RawBoard,
  rows: readonly RawRow[],
  width: number,
  height: number,
  budget: { cells: number },
): LevelError | null {
  if (width * height > MAX_CELLS)
    return {
      message: `The board is too large (${width}×${height} = ${width * height} cells; the limit is ${MAX_CELLS}).`,
      line: rows[0]?.line ?? board.line,
    };
  budget.cells += width * height;
  if (budget.cells > MAX_TOTAL_CELLS)
    return {
      message: `Not read: the boards of the text hold more than ${countText(MAX_TOTAL_CELLS)} cells in all.`,
      line: board.line,
    };
  return null;
}

interface Cells {
  readonly tiles: string[];
  readonly boxes: number[];
  readonly player: number;
  readonly goals: number;
}

/** The rows' characters as tiles, boxes, the player (-1 if none) and the goal count. */
function readCells(
  rows: readonly RawRow[],
  width: number,
  height: number,
): { ok: true; cells: Cells } | { ok: false; error: LevelError } {
  const tiles: string[] = new Array<string>(width * height).fill(FLOOR);
  const boxes: number[] = [];
  let player = -1;
  let goals = 0;
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.text.length; c++) {
      const ch = row.text[c]!;
      const cell = r * width + c;
      switch (ch) {
        case '#':
          tiles[cell] = WALL;
          break;
        case ' ':
        case '-':
        case '_':
          break;
        case '.':
          tiles[cell] = GOAL;
          goals++;
          break;
        case '$':
          boxes.push(cell);
          break;
        case '*':
          tiles[cell] = GOAL;
          goals++;
          boxes.push(cell);
          break;
        case '@':
        case '+':
          if (player >= 0) {
            const message = `More than one player: a second "${ch}" at row ${r + 1}, column ${c + 1}.`;
            return { ok: false, error: { message, ...where(row, c) } };
          }
          player = cell;
          if (ch === '+') {
            tiles[cell] = GOAL;
            goals++;
          }
          break;
        default: {
          const message = `Unknown character "${ch}" at row ${r + 1}, column ${c + 1}.`;
          return { ok: false, error: { message, ...where(row, c) } };
        }
      }
    }
  }
  return { ok: true, cells: { tiles, boxes, player, goals } };
}

/** What the board lacks to be a level (a player, a box, as many goals as boxes), or null. */
function countError({ boxes, player, goals }: Cells, line: number): LevelError | null {
  if (player < 0)
    return { message: 'No player: mark the player with "@" (or "+" on a goal).', line };
  if (boxes.length === 0)
    return { message: 'No boxes: a level needs at least one "$" (or "*" on a goal).', line };
  if (boxes.length !== goals)
    return {
      message: `Boxes and goals differ in number: ${boxes.length} box${boxes.length === 1 ? '' : 'es'}, ${goals} goal${goals === 1 ? '' : 's'}.`,
      line,
    };
  return null;
}

function buildLevel(board: RawBoard, title: string, budget: { cells: number }): Built {
  if (board.rowError) return { ok: false, error: board.rowError };
  // Drop rows that are empty after RLE expansion (a trailing "|" for instance).
  const rows = board.rows.filter((r) => r.text.trim() !== '');
  const height = rows.length;
  const width = rows.reduce((w, r) => Math.max(w, r.text.length), 0);
  const tooLarge = sizeError(board, rows, width, height, budget);
  if (tooLarge) return { ok: false, error: tooLarge };
  const read = readCells(rows, width, height);
  if (!read.ok) return read;
  const missing = countError(read.cells, board.line);
  if (missing) return { ok: false, error: missing };
  const { tiles, boxes, player } = read.cells;
  const leak = findLeak(tiles, width, height, player);
  if (leak >= 0) {
    const r = Math.floor(leak / width);
    const c = leak % width;
    const row = rows[r]!;
    return {
      ok: false,
      error: {
        message: `The level is not closed: the player can walk off the board at row ${r + 1}, column ${c + 1}.`,
        ...where(row, c),
      },
    };
  }
  return {
    ok: true,
    level: { title, author: board.author, width, height, tiles: tiles.join(''), boxes, player },
  };
}

/** Flood-fills from the player through non-wall cells; returns a border cell reached, or -1. */
function findLeak(tiles: string[], width: number, height: number, player: number): number {
  const seen = new Uint8Array(width * height);
  const stack = [player];
  seen[player] = 1;
  while (stack.length) {
    const cell = stack.pop()!;
    const c = cell % width;
    const r = (cell - c) / width;
    if (r === 0 || c === 0 || r === height - 1 || c === width - 1) return cell;
    for (const next of [cell - 1, cell + 1, cell - width, cell + width]) {
      if (!seen[next] && tiles[next] !== WALL) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return -1;
}

/** Parses text expected to hold one level; the first board is used. */
export function parseLevel(
  text: string,
): { ok: true; level: Level } | { ok: false; error: LevelError } {
  const result = parseCollection(text);
  if (!result.ok) return result;
  const first = result.entries[0]!; // an ok collection holds at least one board
  return first.ok ? { ok: true, level: first.level } : { ok: false, error: first.error };
}
