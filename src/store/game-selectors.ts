/**
 * The game store's selectors: pure functions of its data. The derived ones are cached, so they
 * return the very same object for the same state and are safe in useGameStore(selector).
 */
import {
  type Level,
  type LevelEntry,
  type Position,
  countPushes,
  isSolved,
  startPosition,
} from '../sokoban';
import { type Branch, EMPTY_HISTORY } from '../sokoban/history';
import type { GameData, LevelHistory } from './game-types';
import { createPositionCache } from './position-cache';

/** Replays shared by the selectors and the actions (game-actions.ts). */
export const positions = createPositionCache();

export function selectEntry(s: GameData): LevelEntry | undefined {
  return s.entries[s.currentIndex];
}

export function selectLevel(s: GameData): Level | null {
  const e = s.entries[s.currentIndex];
  return e && e.ok ? e.level : null;
}

export function selectHistory(s: GameData): LevelHistory {
  return s.histories[String(s.currentIndex)] ?? EMPTY_HISTORY;
}

// Histories are immutable, so a position can be remembered per history object: the selector then
// returns the very same object for the same state, whoever else asked the cache in between
// (useSyncExternalStore needs that).
const positionOf = new WeakMap<LevelHistory, { level: Level; position: Position }>();
const startOf = new WeakMap<Level, Position>();

export function selectPosition(s: GameData): Position | null {
  const level = selectLevel(s);
  if (!level) return null;
  const h = selectHistory(s);
  if (h.cursor === 0) {
    let start = startOf.get(level);
    if (!start) startOf.set(level, (start = startPosition(level)));
    return start;
  }
  const known = positionOf.get(h);
  if (known && known.level === level) return known.position;
  const position = positions.positionAt(level, h.moves, h.cursor);
  positionOf.set(h, { level, position });
  return position;
}

let playedMemo: { moves: string; cursor: number; played: string; pushes: number } = {
  moves: '',
  cursor: 0,
  played: '',
  pushes: 0,
};
function played(s: GameData) {
  const h = selectHistory(s);
  if (playedMemo.moves !== h.moves || playedMemo.cursor !== h.cursor) {
    const p = h.moves.slice(0, h.cursor);
    playedMemo = { moves: h.moves, cursor: h.cursor, played: p, pushes: countPushes(p) };
  }
  return playedMemo;
}

/** The LURD played so far (up to the cursor). */
export const selectPlayedMoves = (s: GameData): string => played(s).played;
export const selectMoveCount = (s: GameData): number => selectHistory(s).cursor;
export const selectPushCount = (s: GameData): number => played(s).pushes;
export function selectSolved(s: GameData): boolean {
  const level = selectLevel(s);
  const position = selectPosition(s);
  return !!level && !!position && isSolved(level, position);
}
export const selectCanUndo = (s: GameData): boolean => {
  const h = selectHistory(s);
  return h.cursor > 0 || h.restartedFrom !== undefined;
};
export const selectCanRedo = (s: GameData): boolean => {
  const h = selectHistory(s);
  return h.cursor < h.moves.length;
};
export const selectPlayableCount = (s: GameData): number =>
  s.entries.reduce((n, e) => n + (e.ok ? 1 : 0), 0);

const NO_BRANCHES: readonly Branch[] = [];
/** The branches of the current level's history (sokoban/history.ts), oldest first. */
export const selectBranches = (s: GameData): readonly Branch[] =>
  selectHistory(s).branches ?? NO_BRANCHES;
