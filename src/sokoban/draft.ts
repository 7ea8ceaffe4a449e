/**
 * A level being drawn in the editor: a grid of XSB characters that may be anything at all while
 * it is drawn (no player yet, boxes and goals unequal, open walls). Plain data and pure
 * functions; `draftLevel` turns it into a Level through the parser, whose messages say what is
 * still wrong.
 */
import { type Level } from './level';
import { type LevelError, parseCollection } from './parse';
import { boardRows } from './print';

export interface Draft {
  readonly width: number;
  readonly height: number;
  /** Row-major XSB characters: '#', ' ', '.', '$', '*', '@', '+'. */
  readonly cells: string;
}

export type Tool = 'wall' | 'floor' | 'box' | 'goal' | 'player' | 'erase';

export const TOOLS: readonly Tool[] = ['wall', 'floor', 'box', 'goal', 'player', 'erase'];

export const MIN_DRAFT_SIDE = 3;
export const MAX_DRAFT_SIDE = 50;

/** The draft of a level's start position. */
export function draftOf(level: Level): Draft {
  const rows = boardRows(level);
  const cells = rows.map((r) => r.padEnd(level.width, ' ')).join('');
  return { width: level.width, height: level.height, cells };
}

/** An empty grid: floor everywhere, nothing on it. */
export function emptyDraft(width: number, height: number): Draft {
  return { width, height, cells: ' '.repeat(width * height) };
}

const HAS_GOAL = new Set(['.', '*', '+']);

/** What a cell becomes under a tool; the player is unique, so painting one removes the other. */
function paintCell(ch: string, tool: Tool): string {
  const goal = HAS_GOAL.has(ch);
  switch (tool) {
    case 'wall':
      return '#';
    case 'floor':
      return ' ';
    case 'goal':
      return ch === '$' || ch === '*' ? '*' : ch === '@' || ch === '+' ? '+' : '.';
    case 'box':
      return goal ? '*' : '$';
    case 'player':
      return goal ? '+' : '@';
    case 'erase':
      // The top thing goes first: a box or the player (its goal stays), then the goal, then a wall.
      if (ch === '*' || ch === '+') return '.';
      return ' ';
  }
}

/** The draft with `tool` applied at `cell`; the same object when nothing changes. */
export function paint(draft: Draft, cell: number, tool: Tool): Draft {
  if (cell < 0 || cell >= draft.cells.length) return draft;
  const before = draft.cells[cell]!;
  const after = paintCell(before, tool);
  if (after === before) return draft;
  let cells = draft.cells;
  if (tool === 'player') {
    // Only one player: the old one leaves (its goal stays).
    cells = cells.replace(/[@+]/g, (p) => (p === '+' ? '.' : ' '));
  }
  cells = cells.slice(0, cell) + after + cells.slice(cell + 1);
  return { ...draft, cells };
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Adds a row or column of floor on one side (up to MAX_DRAFT_SIDE). */
export function grow(draft: Draft, side: Side): Draft {
  const { width, height } = draft;
  const rows = draftRows(draft);
  if ((side === 'top' || side === 'bottom') && height < MAX_DRAFT_SIDE) {
    const blank = ' '.repeat(width);
    const next = side === 'top' ? [blank, ...rows] : [...rows, blank];
    return { width, height: height + 1, cells: next.join('') };
  }
  if ((side === 'left' || side === 'right') && width < MAX_DRAFT_SIDE) {
    const next = rows.map((r) => (side === 'left' ? ' ' + r : r + ' '));
    return { width: width + 1, height, cells: next.join('') };
  }
  return draft;
}

/** Removes the row or column on one side (down to MIN_DRAFT_SIDE). */
export function shrink(draft: Draft, side: Side): Draft {
  const { width, height } = draft;
  const rows = draftRows(draft);
  if ((side === 'top' || side === 'bottom') && height > MIN_DRAFT_SIDE) {
    const next = side === 'top' ? rows.slice(1) : rows.slice(0, -1);
    return { width, height: height - 1, cells: next.join('') };
  }
  if ((side === 'left' || side === 'right') && width > MIN_DRAFT_SIDE) {
    const next = rows.map((r) => (side === 'left' ? r.slice(1) : r.slice(0, -1)));
    return { width: width - 1, height, cells: next.join('') };
  }
  return draft;
}

export function draftRows(draft: Draft): string[] {
  const rows: string[] = [];
  for (let r = 0; r < draft.height; r++)
    rows.push(draft.cells.slice(r * draft.width, (r + 1) * draft.width));
  return rows;
}

/** The draft as XSB text, trailing spaces trimmed. */
export function draftText(draft: Draft): string {
  return draftRows(draft)
    .map((r) => r.replace(/ +$/, ''))
    .join('\n');
}

export type DraftCheck =
  | {
      readonly ok: true;
      readonly level: Level;
      /** Where the level's top-left cell is in the draft (empty edges are left out). */
      readonly row: number;
      readonly col: number;
    }
  | { readonly ok: false; readonly error: LevelError };

/** Rows and columns holding anything but empty floor: [top, bottom, left, right], or null. */
function bounds(draft: Draft): [number, number, number, number] | null {
  let top = draft.height;
  let bottom = -1;
  let left = draft.width;
  let right = -1;
  for (let i = 0; i < draft.cells.length; i++) {
    if (draft.cells[i] === ' ') continue;
    const r = Math.floor(i / draft.width);
    const c = i % draft.width;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  return bottom < 0 ? null : [top, bottom, left, right];
}

/**
 * The draft as a playable level, or the parser's first objection in plain words. Empty rows and
 * columns at the edges are left out, as a level file would; the level's place in the draft is
 * returned so that marks drawn on the level land on the right squares.
 */
export function draftLevel(draft: Draft, title = ''): DraftCheck {
  const box = bounds(draft);
  if (!box || !draft.cells.includes('#'))
    return {
      ok: false,
      error: { message: 'No walls yet: draw a ring of walls around the room with the Wall tool.' },
    };
  const [top, bottom, left, right] = box;
  const rows = draftRows(draft)
    .slice(top, bottom + 1)
    .map((r) => r.slice(left, right + 1).replace(/ /g, '-'));
  const parsed = parseCollection(rows.join('\n'));
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.entries.length > 1) {
    // A row without any wall splits the text into two boards: the room is open there.
    return {
      ok: false,
      error: { message: 'The level is not closed: a row has no wall in it, so the room is open.' },
    };
  }
  const entry = parsed.entries[0]!; // an ok collection holds at least one board
  if (!entry.ok) return { ok: false, error: entry.error };
  return { ok: true, level: { ...entry.level, title }, row: top, col: left };
}

/**
 * The cells on the straight line from `from` to `to` (both included), one step at a time, so a
 * fast drag that skips squares between two pointer events still paints every square it crossed.
 */
export function lineCells(width: number, from: number, to: number): number[] {
  let r = Math.floor(from / width);
  let c = from % width;
  const r1 = Math.floor(to / width);
  const c1 = to % width;
  const dr = Math.abs(r1 - r);
  const dc = Math.abs(c1 - c);
  const sr = r < r1 ? 1 : -1;
  const sc = c < c1 ? 1 : -1;
  let err = dc - dr;
  const cells = [r * width + c];
  while (r !== r1 || c !== c1) {
    // Step along one axis at a time, so consecutive cells share a side (no diagonal gaps).
    if (2 * err > -dr && (c !== c1 || r === r1)) {
      err -= dr;
      c += sc;
    } else {
      err += dc;
      r += sr;
    }
    cells.push(r * width + c);
  }
  return cells;
}
