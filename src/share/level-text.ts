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
    const entry = parsed.entries[0];
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
  // Only a level the parser could never have produced gets here (a bug, not user input).
  throw new Error('levelText: the board does not print back to itself');
}
