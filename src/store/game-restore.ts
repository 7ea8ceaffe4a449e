/**
 * Reading a saved game back (zustand persist's `merge`) and the notices for storage problems.
 * Saved data is checked field by field against the levels it belongs to: anything that does not
 * fit is dropped or clamped with a notice, and nothing here throws.
 */
import { type Level, MAX_MOVES, replay, startPosition } from '../sokoban';
import { type Branch, MAX_BRANCHES, normalBranches } from '../sokoban/history';
import { type Dropped, type Persisted, type StorageProblem, MAX_SAVED_DRAFT } from './game-storage';
import { parsePlayable } from './game-collection';
import type { GameState, LevelHistory } from './game-types';
import { countText } from '../sokoban/count-text';

const DROPPED_NOTICE: Record<Dropped['dropped'], string> = {
  corrupt: 'The saved game could not be read, so it was discarded. Starting fresh.',
  version:
    'The saved game was from another version of the app, so it was discarded. Starting fresh.',
};

/** The notice for a problem the storage reports; null when nothing needs saying. */
export function storageNotice(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'draft-too-large':
      return `The Level box holds ${countText(problem.length)} characters, more than the ${countText(MAX_SAVED_DRAFT)} that can be saved: that text will not survive a reload (your game is still saved).`;
    case 'draft-quota':
      return "The browser's storage is full, so the text in the Level box is not saved (your game is still saved).";
    case 'not-saved':
      return "The browser's storage is full: the game could not be saved, so the latest changes will not survive a reload.";
  }
}

const LURD_ONLY = /^[lurdLURD]*$/;
/** A history key is a level's 0-based index written plainly ("3", never "03" or "3.0"). */
const INDEX_KEY = /^(0|[1-9]\d{0,5})$/;

/**
 * One saved history, checked and clamped against its level: moves cut to their legal prefix,
 * the cursor within them, restartedFrom (which undo() returns to) only in 1..moves.length and
 * only at cursor 0. Null when it is not a history at all.
 */
function restoreHistory(
  level: Level,
  saved: unknown,
): { history: LevelHistory; cut: boolean } | null {
  const h = saved as Partial<LevelHistory> | null;
  if (
    !h ||
    typeof h !== 'object' ||
    typeof h.moves !== 'string' ||
    h.moves.length > MAX_MOVES ||
    !LURD_ONLY.test(h.moves) ||
    !Number.isInteger(h.cursor)
  )
    return null;
  const checked = replay(level, startPosition(level), h.moves);
  const moves = checked.moves;
  const cursor = Math.max(0, Math.min(h.cursor as number, moves.length));
  const from = h.restartedFrom;
  const restartedFrom =
    cursor === 0 && Number.isInteger(from) && (from as number) >= 1
      ? Math.min(from as number, moves.length)
      : 0;
  const branches = restoreBranches(level, moves, h.branches);
  const history: LevelHistory = {
    moves,
    cursor,
    ...(restartedFrom > 0 && { restartedFrom }),
    ...(branches.kept.length > 0 && { branches: branches.kept }),
  };
  const cut =
    !!checked.error ||
    branches.cut ||
    cursor !== h.cursor ||
    (h.restartedFrom !== undefined && h.restartedFrom !== history.restartedFrom);
  return { history, cut };
}

/**
 * The saved branches of a history whose line is `moves`: each must be a fork point on the line
 * and a tail of moves that replays from there. Saves from before branches have none.
 */
function restoreBranches(
  level: Level,
  moves: string,
  saved: unknown,
): { kept: Branch[]; cut: boolean } {
  if (saved === undefined) return { kept: [], cut: false };
  if (!Array.isArray(saved)) return { kept: [], cut: true };
  const kept: Branch[] = [];
  for (const b of saved.slice(-MAX_BRANCHES) as unknown[]) {
    const { at, tail } = (b ?? {}) as Partial<Branch>;
    if (
      typeof at !== 'number' ||
      !Number.isInteger(at) ||
      at < 0 ||
      at > moves.length ||
      typeof tail !== 'string' ||
      tail.length > MAX_MOVES - at ||
      !LURD_ONLY.test(tail)
    )
      continue;
    const line = moves.slice(0, at) + tail;
    const checked = replay(level, startPosition(level), line);
    if (!checked.error && checked.moves === line) kept.push({ at, tail });
  }
  const normal = normalBranches(moves, kept);
  return { kept: normal, cut: normal.length !== saved.length };
}

/**
 * Checks stored data field by field and rebuilds the derived state. Anything that does not fit
 * is dropped or clamped with a notice; nothing here throws, and a saved text that no longer reads
 * is kept in the Level box rather than lost.
 */
export function restore(stored: unknown, current: GameState): GameState {
  const withNotice = (state: GameState, text: string): GameState => ({
    ...state,
    notice: { id: (current.notice?.id ?? 0) + 1, text },
  });
  if (!stored || typeof stored !== 'object') return current; // nothing saved
  if ('dropped' in stored)
    return withNotice(
      current,
      DROPPED_NOTICE[(stored as Dropped).dropped === 'version' ? 'version' : 'corrupt'],
    );
  const s = stored as Partial<Persisted>;
  if (
    typeof s.text !== 'string' ||
    (s.draft !== null && s.draft !== undefined && typeof s.draft !== 'string') ||
    !Number.isInteger(s.currentIndex) ||
    !s.histories ||
    typeof s.histories !== 'object'
  )
    return withNotice(current, DROPPED_NOTICE.corrupt);
  const draft = typeof s.draft === 'string' && s.draft.length <= MAX_SAVED_DRAFT ? s.draft : null;
  const parsed = parsePlayable(s.text);
  if (!parsed.ok) {
    // Keep what was saved where the player can see and fix it: the Level box.
    const kept = s.text.length <= MAX_SAVED_DRAFT ? s.text : (draft ?? current.draft);
    return withNotice(
      { ...current, draft: kept },
      `The saved levels could not be read (${parsed.message}), so the example levels are shown; the saved text is in the Level box.`,
    );
  }
  const { entries, first } = parsed.parsed;
  const index = s.currentIndex as number;
  const currentIndex = index >= 0 && index < entries.length && entries[index]!.ok ? index : first;
  const histories: Record<string, LevelHistory> = {};
  let cut = s.mismatch === true;
  if (!s.mismatch) {
    for (const [key, saved] of Object.entries(s.histories as Record<string, unknown>)) {
      const entry = INDEX_KEY.test(key) ? entries[Number(key)] : undefined;
      const restored = entry && entry.ok ? restoreHistory(entry.level, saved) : null;
      if (!restored) {
        cut = true;
        continue;
      }
      histories[key] = restored.history;
      cut ||= restored.cut;
    }
  }
  const restoredState: GameState = {
    ...current,
    text: s.text,
    draft: draft ?? s.text,
    entries,
    currentIndex,
    histories,
  };
  if (s.mismatch)
    return withNotice(
      restoredState,
      'The saved moves did not belong to the saved levels (another tab may have saved meanwhile), so they were dropped.',
    );
  return cut
    ? withNotice(restoredState, 'Some saved moves could not be replayed and were dropped.')
    : restoredState;
}
