/**
 * The game store's actions as pure functions: each takes the store's data (and the action's
 * arguments) and returns the change to make (`patch`, null for none) and the action's result.
 * `createGameStore` (game.ts) only applies them, so every rule of play can be read and tested
 * here without zustand. The history itself (undo, redo, branches, ...) is sokoban/history.ts.
 */
import {
  type Direction,
  type Level,
  MAX_BOARDS,
  MAX_TEXT_LENGTH,
  parseLurd,
  pushPath,
  replay,
  sameBoard,
  startPosition,
  step,
  walkPath,
} from '../sokoban';
import * as history from '../sokoban/history';
import { type LevelText, levelText } from '../share/level-text';
import { appendLevel, describeLevelError, firstPlayable, parsePlayable } from './game-collection';
import { positions, selectHistory, selectLevel, selectPosition } from './game-selectors';
import type { GameAlert, GameData, GameNotice, LevelHistory, OpenLevelResult } from './game-types';
import { countText } from '../sokoban/count-text';

export interface Outcome<R> {
  readonly patch: Partial<GameData> | null;
  readonly result: R;
}

const unchanged = <R>(result: R): Outcome<R> => ({ patch: null, result });

/** A notice with the next id, so the same text shown twice is still announced. */
export function nextNotice(s: GameData, text: string): GameNotice {
  return { id: (s.notice?.id ?? 0) + 1, text };
}

const withNotice = (s: GameData, text: string): Outcome<false> => ({
  patch: { notice: nextNotice(s, text) },
  result: false,
});

const withAlert = (source: GameAlert['source'], message: string): Outcome<false> => ({
  patch: { alert: { source, message } },
  result: false,
});

/** The patch that writes the current level's history (and clears the notice). */
function historyPatch(s: GameData, h: LevelHistory): Partial<GameData> {
  return { histories: { ...s.histories, [String(s.currentIndex)]: h }, notice: null };
}

/** Applies a history operation (undo, redo, ...) to the current level; false when it is a no-op. */
export function changeHistory(
  s: GameData,
  change: (h: LevelHistory) => LevelHistory | null,
): Outcome<boolean> {
  const next = change(selectHistory(s));
  return next ? { patch: historyPatch(s, next), result: true } : unchanged(false);
}

// ---- the collection and the level ---------------------------------------------------------

export function load(s: GameData, text?: string): Outcome<boolean> {
  const source = text ?? s.draft;
  const result = parsePlayable(source);
  if (!result.ok)
    return {
      patch: { draft: source, alert: { source: 'level', message: result.message } },
      result: false,
    };
  const { entries, first } = result.parsed;
  const bad = entries.length - entries.filter((e) => e.ok).length;
  const same = source === s.text;
  const patch: Partial<GameData> = {
    draft: source,
    text: source,
    entries,
    // Loading the text already in play keeps the game: a second click on Load is harmless.
    currentIndex: same ? s.currentIndex : first,
    histories: same ? s.histories : {},
    alert: null,
    notice:
      bad > 0
        ? nextNotice(
            s,
            `${bad} of ${entries.length} levels could not be read; they are marked in the list.`,
          )
        : null,
  };
  return { patch, result: true };
}

export function appendLevelText(s: GameData, levelText: string): Outcome<number> {
  // Levels keep their indices, so every level's moves stay with it.
  const text = `${s.text.replace(/\s*$/, '')}\n\n${levelText}\n`;
  const result = parsePlayable(text);
  if (!result.ok || result.parsed.entries.length !== s.entries.length + 1) return unchanged(-1);
  return { patch: { text, draft: text, entries: result.parsed.entries }, result: s.entries.length };
}

export function chooseLevel(s: GameData, index: number): Outcome<boolean> {
  const entry = s.entries[index];
  if (!entry) return unchanged(false);
  if (!entry.ok)
    return withAlert('level', describeLevelError(entry.error, entry, s.entries.length > 1));
  if (index === s.currentIndex) return unchanged(false);
  return { patch: { currentIndex: index, alert: null, notice: null }, result: true };
}

export function goToLevel(s: GameData, query: string): Outcome<boolean> {
  const q = query.trim();
  if (q === '') return unchanged(false);
  const byTitle = s.entries.findIndex((e) => e.title === q);
  if (byTitle >= 0) return chooseLevel(s, byTitle);
  const n = Number(q.replace(/^#/, ''));
  if (Number.isInteger(n) && n >= 1 && n <= s.entries.length) return chooseLevel(s, n - 1);
  return withNotice(s, `No level "${q}": type a title or a number from 1 to ${s.entries.length}.`);
}

/** The next (`by` 1) or previous (`by` -1) playable level. */
export function stepLevel(s: GameData, by: 1 | -1): Outcome<boolean> {
  const i = firstPlayable(s.entries, s.currentIndex + by, by);
  return i >= 0 ? chooseLevel(s, i) : unchanged(false);
}

// ---- playing ------------------------------------------------------------------------------

/**
 * Plays letters from the cursor, each checked against the rules; stops at the first illegal one.
 * The history decides what happens to the redo tail (sokoban/history.ts `playOn`).
 */
export function playFrom(
  s: GameData,
  letters: string,
): Outcome<{ played: number; error?: string | undefined }> {
  const level = selectLevel(s);
  if (!level) return unchanged({ played: 0, error: 'No level' });
  const h = selectHistory(s);
  let position = positions.positionAt(level, h.moves, h.cursor);
  let played = '';
  let error: string | undefined;
  for (let i = 0; i < letters.length; i++) {
    const dir = letters[i]!.toLowerCase();
    const result =
      dir === 'l' || dir === 'u' || dir === 'r' || dir === 'd' ? step(level, position, dir) : null;
    if (!result) {
      error = `move ${i + 1} is illegal`;
      break;
    }
    position = result.position;
    played += result.letter;
  }
  const patch = played === '' ? null : historyPatch(s, history.playOn(h, played));
  return { patch, result: { played: played.length, error } };
}

const playedAny = (o: Outcome<{ played: number }>): Outcome<boolean> => ({
  patch: o.patch,
  result: o.result.played > 0,
});

export const move = (s: GameData, dir: Direction): Outcome<boolean> => playedAny(playFrom(s, dir));

export function play(s: GameData, lurd: string): Outcome<boolean> {
  const o = playFrom(s, lurd);
  return { patch: o.patch, result: o.result.played > 0 && !o.result.error };
}

export function walkTo(s: GameData, cell: number): Outcome<boolean> {
  const level = selectLevel(s);
  const position = selectPosition(s);
  if (!level || !position || cell === position.player) return unchanged(false);
  const path = walkPath(level, position, cell);
  if (path === null) return withNotice(s, "The player can't walk there.");
  return playedAny(playFrom(s, path));
}

export function pushBox(s: GameData, box: number, target: number): Outcome<boolean> {
  const level = selectLevel(s);
  const position = selectPosition(s);
  if (!level || !position || box === target) return unchanged(false);
  const path = pushPath(level, position, box, target);
  if (path === null) return withNotice(s, 'No way to push that box there.');
  return playedAny(playFrom(s, path));
}

export function applyLurd(s: GameData, text: string): Outcome<boolean> {
  let parsed: ReturnType<typeof parseLurd>;
  try {
    parsed = parseLurd(text);
  } catch (error) {
    // parseLurd returns its errors as values; this keeps a bug in it from a blank page.
    parsed = { ok: false, message: `The moves could not be read (${String(error)}).` };
  }
  if (!parsed.ok) return withAlert('moves', parsed.message);
  if (parsed.moves === '')
    return withAlert('moves', 'No moves to apply: type moves such as "llUr" or "3r2U".');
  const { patch, result } = playFrom(s, parsed.moves);
  if (!result.error) return { patch: { ...patch, alert: null }, result: true };
  const n = result.played;
  const kept =
    n === 0
      ? 'nothing was applied'
      : `the ${n} move${n === 1 ? '' : 's'} before it ${n === 1 ? 'was' : 'were'} applied`;
  const message = `${result.error.charAt(0).toUpperCase()}${result.error.slice(1)}; ${kept}.`;
  return { patch: { ...patch, alert: { source: 'moves', message } }, result: false };
}

/** Another line for the current level, checked by replaying; the old line stays a branch. */
export function setMoves(s: GameData, moves: string, cursor?: number): Outcome<boolean> {
  const level = selectLevel(s);
  if (!level) return unchanged(false);
  const checked = replay(level, startPosition(level), moves);
  if (checked.error) return unchanged(false);
  const h = history.replaceLine(selectHistory(s), checked.moves, cursor ?? checked.moves.length);
  return { patch: historyPatch(s, h), result: true };
}

// ---- a level from elsewhere (a share link) -------------------------------------------------

/**
 * Opens a level given as data, with moves that wait on the redo stack: where it already is in
 * the collection, unless its own moves would be overwritten; else added at the end.
 */
export function openLevel(s: GameData, given: Level, givenMoves = ''): Outcome<OpenLevelResult> {
  // The level as collection text holds it. An untitled one is titled "Shared level", so that a
  // stray line at the end of the collection is not taken for its title.
  let shown: LevelText;
  try {
    shown = levelText(given.title.trim() === '' ? { ...given, title: 'Shared level' } : given);
  } catch {
    return unchanged({ ok: false, message: 'Its level cannot be written as level text.' });
  }
  const level = shown.level;
  const checked = replay(level, startPosition(level), givenMoves);
  if (checked.error)
    return unchanged({
      ok: false,
      message: `Its moves do not fit its level: ${checked.error.message}.`,
    });
  const moves = checked.moves;
  const found = findOpenable(s, level, moves);
  const added = found < 0 ? addShown(s, shown) : null;
  if (added && !added.ok) return unchanged(added);
  const index = added ? s.entries.length : found;
  const had = s.histories[String(index)];
  const histories = { ...s.histories };
  // Moves from the link wait on the redo stack; a position already reached in them is where
  // Undo goes back to, as after Restart.
  if (moves !== '') {
    const line = history.replaceLine(had ?? history.EMPTY_HISTORY, moves, 0);
    histories[String(index)] =
      had && had.cursor > 0 ? { ...line, restartedFrom: had.cursor } : line;
  }
  const patch = { ...(added?.patch ?? {}), currentIndex: index, histories, alert: null };
  return { patch, result: { ok: true, index, added: added !== null } };
}

/**
 * Where the same board already is in the collection, the current level first: -1 when nowhere,
 * or only where its own moves would be overwritten (then it is added again: nothing is lost).
 */
function findOpenable(s: GameData, level: Level, moves: string): number {
  const fits = (i: number) => {
    const e = s.entries[i];
    if (!e?.ok || !sameBoard(e.level, level)) return false;
    const h = s.histories[String(i)];
    return moves === '' || !h || h.moves === '' || h.moves === moves;
  };
  return fits(s.currentIndex) ? s.currentIndex : s.entries.findIndex((_, i) => fits(i));
}

/** The patch that adds a level's text at the collection's end, or why it cannot be added. */
function addShown(
  s: GameData,
  shown: LevelText,
): { ok: true; patch: Partial<GameData> } | { ok: false; message: string } {
  const appended = appendLevel(s.text, s.entries.length, shown);
  if (!appended)
    return {
      ok: false,
      message: `It could not be added to your collection (the collection is at its limit of ${countText(MAX_TEXT_LENGTH)} characters or ${countText(MAX_BOARDS)} levels).`,
    };
  const patch: Partial<GameData> = {
    text: appended.text,
    // The Level box follows, unless it holds an edit of its own.
    draft: s.draft === s.text ? appended.text : s.draft,
    // The old entries are kept as they are, so nothing keyed on them starts over.
    entries: [...s.entries, { ...appended.entry, index: s.entries.length + 1 }],
  };
  return { ok: true, patch };
}
