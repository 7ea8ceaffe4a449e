/**
 * The game store's data and actions as types (the store is `game.ts`). Actions are declared as
 * properties, not methods: components take them out of the store as values (`onClick={undo}`),
 * and they are closures that never use `this`, which the property syntax says to the type checker
 * (`@typescript-eslint/unbound-method`).
 */
import type { Direction, Level, LevelEntry } from '../sokoban';
import type { History } from '../sokoban/history';

/** A level's history: its line of moves, the cursor, and the branches left (sokoban/history.ts). */
export type LevelHistory = History;

export interface GameAlert {
  readonly source: 'level' | 'moves';
  readonly message: string;
}

export interface GameNotice {
  /** Increases with every notice, so the same text shown twice is still announced. */
  readonly id: number;
  readonly text: string;
}

export interface GameData {
  readonly draft: string;
  readonly text: string;
  readonly entries: readonly LevelEntry[];
  readonly currentIndex: number;
  readonly histories: Readonly<Record<string, LevelHistory>>;
  readonly alert: GameAlert | null;
  readonly notice: GameNotice | null;
}

/** How openLevel went: the level's 0-based index, and whether it was added to the collection. */
export type OpenLevelResult =
  | { readonly ok: true; readonly index: number; readonly added: boolean }
  | { readonly ok: false; readonly message: string };

export interface GameActions {
  setDraft: (text: string) => void;
  load: (text?: string) => boolean;
  /** Adds a level (as text) after the last one of the collection; returns its index, or -1. */
  appendLevel: (levelText: string) => number;
  chooseLevel: (index: number) => boolean;
  goToLevel: (query: string) => boolean;
  nextLevel: () => boolean;
  previousLevel: () => boolean;
  move: (dir: Direction) => boolean;
  play: (lurd: string) => boolean;
  walkTo: (cell: number) => boolean;
  pushBox: (box: number, target: number) => boolean;
  undo: () => boolean;
  redo: () => boolean;
  restart: () => boolean;
  /** Makes branch `index` of the current level's history its line (sokoban/history.ts). */
  returnToBranch: (index: number) => boolean;
  applyLurd: (text: string) => boolean;
  setMoves: (moves: string, cursor?: number) => boolean;
  openLevel: (level: Level, moves?: string) => OpenLevelResult;
  seek: (cursor: number) => boolean;
  showAlert: (alert: GameAlert) => void;
  showNotice: (text: string) => void;
  dismissAlert: () => void;
  dismissNotice: () => void;
}

export type GameState = GameData & GameActions;
