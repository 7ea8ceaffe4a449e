/**
 * The collection a game plays: reading its text into entries (with the error messages the user
 * sees), the starter collection, and adding a level's text at its end. Pure functions.
 */
import {
  type LevelEntry,
  type LevelError,
  MAX_TEXT_LENGTH,
  errorMessage,
  parseCollection,
  sameBoard,
} from '../sokoban';
import type { LevelText } from '../share/level-text';
import type { GameData } from './game-types';
import starterText from '../../levels/starter.txt?raw';

export const STARTER_TEXT: string = starterText;

/** "Line 3, column 5: Unknown character ..." — the parser's message with its place in front. */
export function describeLevelError(
  error: LevelError,
  entry?: { index: number; title: string },
  many = false,
): string {
  const place: string[] = [];
  if (entry && many) place.push(`Level ${entry.index}${entry.title ? ` (${entry.title})` : ''}`);
  if (error.line !== undefined)
    place.push(
      error.column !== undefined
        ? `line ${error.line}, column ${error.column}`
        : `line ${error.line}`,
    );
  if (place.length === 0) return error.message;
  const where = place.join(', ');
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${error.message}`;
}

export function firstPlayable(entries: readonly LevelEntry[], from = 0, stepBy = 1): number {
  for (let i = from; i >= 0 && i < entries.length; i += stepBy) if (entries[i]!.ok) return i;
  return -1;
}

export interface Parsed {
  entries: readonly LevelEntry[];
  first: number;
}

export function parsePlayable(
  text: string,
): { ok: true; parsed: Parsed } | { ok: false; message: string } {
  let result: ReturnType<typeof parseCollection>;
  try {
    result = parseCollection(text);
  } catch (error) {
    // The parser returns its errors as values; this only keeps a bug in it from losing the game.
    return {
      ok: false,
      message: `The text could not be read (${errorMessage(error)}).`,
    };
  }
  if (!result.ok) return { ok: false, message: describeLevelError(result.error) };
  const first = firstPlayable(result.entries);
  if (first < 0) {
    const bad = result.entries[0];
    // A collection with no entries at all has nothing to point at either.
    const message =
      bad === undefined || bad.ok
        ? 'No playable level.'
        : describeLevelError(bad.error, bad, result.entries.length > 1);
    const more =
      result.entries.length > 1
        ? ` (none of the ${result.entries.length} levels can be played)`
        : '';
    return { ok: false, message: message + more };
  }
  return { ok: true, parsed: { entries: result.entries, first } };
}

const starter = parsePlayable(STARTER_TEXT);
if (!starter.ok) throw new Error(`levels/starter.txt does not parse: ${starter.message}`); // a bug, not user input

export function initialData(): GameData {
  if (!starter.ok) throw new Error('unreachable');
  return {
    draft: STARTER_TEXT,
    text: STARTER_TEXT,
    entries: starter.parsed.entries,
    currentIndex: starter.parsed.first,
    histories: {},
    alert: null,
    notice: null,
  };
}

/**
 * The collection text with a level's text added at its end, and the entry it parses to; null
 * when it cannot be added (the collection is at its size limit, or its end would swallow the
 * level). A comment block left open at the end is closed first.
 */
export function appendLevel(
  text: string,
  count: number,
  shown: LevelText,
): { text: string; entry: LevelEntry & { ok: true } } | null {
  const sep = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  for (const candidate of [text + sep + shown.text, `${text}${sep}Comment-End:\n\n${shown.text}`]) {
    if (candidate.length > MAX_TEXT_LENGTH) return null;
    const parsed = parseCollection(candidate);
    if (!parsed.ok || parsed.entries.length !== count + 1) continue;
    const entry = parsed.entries[count]!; // the length was just checked
    if (entry.ok && sameBoard(entry.level, shown.level)) return { text: candidate, entry };
  }
  return null;
}
