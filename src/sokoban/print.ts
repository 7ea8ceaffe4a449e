/** Printing levels back as XSB text and as RLE, the inverse of `parse.ts`. */
import { type Level, type Position, startPosition } from './level';
import { rleEncode } from './rle';

/** XSB rows of a board in a given position (the level's start by default); trailing floor trimmed. */
export function boardRows(
  level: Level,
  position: Position = startPosition(level),
  floor = ' ',
): string[] {
  const boxes = new Set(position.boxes);
  const rows: string[] = [];
  for (let r = 0; r < level.height; r++) {
    let row = '';
    for (let c = 0; c < level.width; c++) {
      const cell = r * level.width + c;
      const tile = level.tiles[cell];
      const goal = tile === '.';
      if (cell === position.player) row += goal ? '+' : '@';
      else if (boxes.has(cell)) row += goal ? '*' : '$';
      else if (tile === '#') row += '#';
      else row += goal ? '.' : floor;
    }
    rows.push(trimEndOf(row, floor));
  }
  return rows;
}

/** `row` without its trailing `ch`s; a loop, since / +$/ is quadratic on a long run of spaces. */
function trimEndOf(row: string, ch: string): string {
  let end = row.length;
  while (end > 0 && row[end - 1] === ch) end--;
  return row.slice(0, end);
}

/** The board as XSB text, one row a line. */
export function printBoard(level: Level, position?: Position): string {
  return boardRows(level, position).join('\n');
}

/** The board as RLE: counts before runs, `-` for floor, `|` between rows (`4#|#@$.#|4#`). */
export function printRle(level: Level, position?: Position): string {
  return boardRows(level, position, '-').map(rleEncode).join('|');
}

/**
 * A level with its title and author in a form `parseCollection` reads back: the title as a
 * `Title:` line after the board (safe whatever the title looks like), then `Author:`.
 */
export function printLevel(level: Level, position?: Position): string {
  const lines = [printBoard(level, position)];
  if (level.title) lines.push(`Title: ${level.title}`);
  if (level.author) lines.push(`Author: ${level.author}`);
  return lines.join('\n');
}

/** Several levels as one collection, separated by blank lines. */
export function printCollection(levels: readonly Level[]): string {
  return levels.map((l) => printLevel(l)).join('\n\n') + '\n';
}
