/**
 * The level text a shared level is loaded as. The game store keeps a collection as text (what the
 * Level box shows and what is saved), so a level from a link becomes text that the parser reads
 * back as exactly that board.
 *
 * A link can carry any title (line breaks, control characters, or a title that looks like a
 * board row such as `Title: ######`), while a title in level text is one line that must not read
 * as board. So: line breaks and control characters become spaces, and the first of these forms
 * that parses back to the same board with the same title is used:
 *   1. the board with `Title:` and `Author:` lines (printLevel, the usual form);
 *   2. the title as a `;` comment line before the board (a comment is never read as board);
 *   3. the bare board.
 * A level with floor outside its walls that text cannot hold is written without that floor.
 */
import { type Level, sameBoard } from '../sokoban/level';
import { parseCollection } from '../sokoban/parse';
import { printBoard, printLevel } from '../sokoban/print';

/** One line of plain text: control characters and line breaks become spaces, ends trimmed. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

export interface LevelText {
  readonly text: string;
  /** The level as the text parses back (title and author as the store will show them). */
  readonly level: Level;
}

export function levelText(level: Level): LevelText {
  const title = singleLine(level.title);
  const author = singleLine(level.author);
  const board = printBoard(level);
  const candidates: [string, string, string][] = [
    [printLevel({ ...level, title, author }), title, author],
    [title ? `; ${title}\n${board}` : board, title, ''],
    [board, '', ''],
  ];
  for (const [text, t, a] of candidates) {
    const parsed = parseCollection(text);
    if (!parsed.ok || parsed.entries.length !== 1) continue;
    const entry = parsed.entries[0]!;
    if (
      entry.ok &&
      sameBoard(entry.level, level) &&
      entry.title === t &&
      entry.level.title === t &&
      entry.level.author === a
    ) {
      return { text, level: entry.level };
    }
  }
  // A link may hold floor outside the walls that level text cannot: a row of floor alone
  // (`3-/3W/...`) is not a board row, and floor at a row's end is trimmed (`3W--/WpW/...`).
  // Such floor is never reached by the player, so the level is the same puzzle without it.
  const inner = withoutOuterFloor(level);
  if (inner !== level) return levelText(inner);
  // Only a level the parser could never have produced gets here (a bug, not user input).
  throw new Error('levelText: the board does not print back to itself');
}

/**
 * The level without its edge rows and columns of plain floor (no wall, goal, box or player);
 * the same object when there are none. Cell indices change, moves do not.
 */
export function withoutOuterFloor(level: Level): Level {
  const { width, height, tiles } = level;
  const used = new Uint8Array(width * height);
  for (let i = 0; i < tiles.length; i++) if (tiles[i] !== ' ') used[i] = 1;
  for (const b of level.boxes) used[b] = 1;
  used[level.player] = 1;
  const rowUsed = (r: number) => used.subarray(r * width, (r + 1) * width).includes(1);
  const colUsed = (c: number) => {
    for (let r = 0; r < height; r++) if (used[r * width + c]) return true;
    return false;
  };
  let top = 0;
  let bottom = height;
  let left = 0;
  let right = width;
  while (top < bottom && !rowUsed(top)) top++;
  while (bottom > top && !rowUsed(bottom - 1)) bottom--;
  while (left < right && !colUsed(left)) left++;
  while (right > left && !colUsed(right - 1)) right--;
  if (top === 0 && left === 0 && bottom === height && right === width) return level;
  const w = right - left;
  const cell = (i: number) => (Math.floor(i / width) - top) * w + ((i % width) - left);
  let inner = '';
  for (let r = top; r < bottom; r++) inner += tiles.slice(r * width + left, r * width + right);
  return {
    ...level,
    width: w,
    height: bottom - top,
    tiles: inner,
    boxes: level.boxes.map(cell),
    player: cell(level.player),
  };
}
