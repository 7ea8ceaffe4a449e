/**
 * The game session store (zustand, persisted to localStorage).
 *
 * STATE (plain data; `entries` is derived from `text` and never stored)
 *   draft         the Level text box's content (what the user typed or pasted)
 *   text          the text of the collection being played (the last draft that loaded)
 *   entries       parseCollection(text).entries: each board, playable (`ok`) or with its error
 *   currentIndex  0-based index of the level being played in `entries`
 *   histories     per level (key: String(index)): { moves, cursor, restartedFrom? }
 *                 `moves` is LURD with case (pushes upper case); the first `cursor` moves are
 *                 played, the rest can be redone. `restartedFrom` is set by restart() so that
 *                 undo() brings the moves back.
 *   alert         an input error to show in role="alert" ({ source: 'level' | 'moves', message })
 *   notice        a short, non-alarming message ({ id, text }), e.g. "No way to push that box there."
 *
 * ACTIONS (components call only these; each returns true when it changed the game)
 *   setDraft(text)               edit the Level text box
 *   load(text?)                  parse `text` (default: draft); on error set `alert` and keep playing
 *   chooseLevel(index)           0-based; an unreadable entry sets `alert` and changes nothing
 *   goToLevel(query)             a title ("53" in a Boxoban file) or else a 1-based number
 *   nextLevel() / previousLevel()  the next / previous playable level
 *   move(dir)                    one step ('l' | 'u' | 'r' | 'd'), pushing when a box is in the way
 *   play(lurd)                   steps in sequence (any case); stops at the first illegal one
 *   walkTo(cell)                 walk along a shortest path; notice when unreachable
 *   pushBox(box, target)         push along the fewest pushes, then moves; notice when impossible
 *   undo() / redo() / restart()  unlimited; restart is undone by undo()
 *   applyLurd(text)              paste LURD (RLE, any case, spaces ignored) at the cursor; an
 *                                illegal move sets alert "move N is illegal", the prefix is kept
 *   setMoves(moves, cursor?)     replace the current level's history (e.g. with a solution), the
 *                                moves are checked by replaying; false (and nothing changes) if illegal
 *   seek(cursor)                 jump to any point in the current history (playback scrubber)
 *   showAlert(alert) / showNotice(text) / dismissAlert() / dismissNotice()
 *
 * SELECTORS (pure; the derived ones are cached, so they are safe in useGameStore(selector))
 *   selectEntry, selectLevel, selectHistory, selectPosition, selectPlayedMoves (the LURD up to
 *   the cursor), selectMoveCount, selectPushCount, selectSolved, selectCanUndo, selectCanRedo,
 *   selectPlayableCount.
 *
 * PERSISTENCE: zustand `persist`, version STORE_VERSION, key STORAGE_KEY (the collection text under
 * STORAGE_KEY + ':text', written only when it changes). Stored data that is corrupt, of another
 * version, or that does not replay is dropped with a `notice`; it never throws.
 */
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import {
  type Direction,
  type Level,
  type LevelEntry,
  type LevelError,
  type Position,
  countPushes,
  isSolved,
  parseCollection,
  parseLurd,
  pushPath,
  replay,
  step,
  walkPath,
} from '../sokoban';
import { createPositionCache } from './position-cache';
import starterText from '../../levels/starter.txt?raw';

export interface LevelHistory {
  /** LURD with case: pushes upper case. */
  readonly moves: string;
  /** How many of `moves` are played. */
  readonly cursor: number;
  /** Set by restart(): the cursor undo() returns to. */
  readonly restartedFrom?: number;
}

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

export interface GameActions {
  setDraft(text: string): void;
  load(text?: string): boolean;
  /** Adds a level (as text) after the last one of the collection; returns its index, or -1. */
  appendLevel(levelText: string): number;
  chooseLevel(index: number): boolean;
  goToLevel(query: string): boolean;
  nextLevel(): boolean;
  previousLevel(): boolean;
  move(dir: Direction): boolean;
  play(lurd: string): boolean;
  walkTo(cell: number): boolean;
  pushBox(box: number, target: number): boolean;
  undo(): boolean;
  redo(): boolean;
  restart(): boolean;
  applyLurd(text: string): boolean;
  setMoves(moves: string, cursor?: number): boolean;
  seek(cursor: number): boolean;
  showAlert(alert: GameAlert): void;
  showNotice(text: string): void;
  dismissAlert(): void;
  dismissNotice(): void;
}

export type GameState = GameData & GameActions;

export const STORE_VERSION = 1;
export const STORAGE_KEY = 'sokoban-playground:game';
export const STARTER_TEXT: string = starterText;

const EMPTY_HISTORY: LevelHistory = { moves: '', cursor: 0 };

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
  return `${where[0].toUpperCase()}${where.slice(1)}: ${error.message}`;
}

function firstPlayable(entries: readonly LevelEntry[], from = 0, stepBy = 1): number {
  for (let i = from; i >= 0 && i < entries.length; i += stepBy) if (entries[i].ok) return i;
  return -1;
}

interface Parsed {
  entries: readonly LevelEntry[];
  first: number;
}

function parsePlayable(
  text: string,
): { ok: true; parsed: Parsed } | { ok: false; message: string } {
  const result = parseCollection(text);
  if (!result.ok) return { ok: false, message: describeLevelError(result.error) };
  const first = firstPlayable(result.entries);
  if (first < 0) {
    const bad = result.entries[0];
    const message = bad.ok
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

function initialData(): GameData {
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

// ---- selectors -----------------------------------------------------------------------------

const positions = createPositionCache();

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
    if (!start) startOf.set(level, (start = { player: level.player, boxes: level.boxes }));
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

// ---- persistence ---------------------------------------------------------------------------

interface Persisted {
  text: string;
  /** null when the draft equals the text (saves storing a large collection twice). */
  draft: string | null;
  currentIndex: number;
  histories: Record<string, LevelHistory>;
}

/** What migrate() and the storage return for data they refuse; merge() turns it into a notice. */
interface Dropped {
  dropped: 'corrupt' | 'version';
}

const DROPPED_NOTICE: Record<Dropped['dropped'], string> = {
  corrupt: 'The saved game could not be read, so it was discarded. Starting fresh.',
  version:
    'The saved game was from another version of the app, so it was discarded. Starting fresh.',
};

function getLocalStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled (privacy settings): play on, unsaved
  }
}

/**
 * localStorage behind the PersistStorage interface, never throwing: unreadable JSON becomes a
 * `Dropped` marker (and is removed), a full or disabled storage is ignored. The collection text
 * lives under its own key and is rewritten only when it changes, so a move writes a few bytes.
 */
export function createGameStorage(
  getStorage: () => Storage | null = getLocalStorage,
): PersistStorage<Persisted | Dropped> {
  let lastText: string | null = null;
  const textKey = (name: string) => `${name}:text`;
  return {
    getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      let raw: string | null;
      let text: string | null;
      try {
        raw = storage.getItem(name);
        text = storage.getItem(textKey(name));
      } catch {
        return null;
      }
      lastText = text; // what the storage holds now, so the next write knows whether to store the text
      if (raw === null) return null;
      try {
        const value = JSON.parse(raw) as StorageValue<Persisted>;
        if (
          !value ||
          typeof value !== 'object' ||
          typeof value.version !== 'number' ||
          !value.state ||
          typeof value.state !== 'object'
        ) {
          throw new Error('not a saved game');
        }
        return { version: value.version, state: { ...value.state, text: text ?? '' } };
      } catch {
        try {
          storage.removeItem(name);
          storage.removeItem(textKey(name));
        } catch {
          /* ignore */
        }
        return { version: STORE_VERSION, state: { dropped: 'corrupt' } };
      }
    },
    setItem(name, value) {
      const storage = getStorage();
      if (!storage || 'dropped' in value.state) return;
      const { text, ...rest } = value.state;
      try {
        if (text !== lastText) {
          storage.setItem(textKey(name), text);
          lastText = text;
        }
        storage.setItem(name, JSON.stringify({ version: value.version, state: rest }));
      } catch {
        // Quota exceeded or storage disabled: the game goes on, it just will not survive a reload.
      }
    },
    removeItem(name) {
      const storage = getStorage();
      try {
        storage?.removeItem(name);
        storage?.removeItem(textKey(name));
      } catch {
        /* ignore */
      }
    },
  };
}

const LURD_ONLY = /^[lurdLURD]*$/;

/**
 * Checks stored data field by field and rebuilds the derived state. Anything that does not fit
 * is dropped with a notice; moves that no longer replay are cut to their legal prefix.
 */
function restore(stored: unknown, current: GameState): GameState {
  const fresh = (why: Dropped['dropped']): GameState => ({
    ...current,
    notice: { id: (current.notice?.id ?? 0) + 1, text: DROPPED_NOTICE[why] },
  });
  if (!stored || typeof stored !== 'object') return current; // nothing saved
  if ('dropped' in stored)
    return fresh((stored as Dropped).dropped === 'version' ? 'version' : 'corrupt');
  const s = stored as Partial<Persisted>;
  if (
    typeof s.text !== 'string' ||
    (s.draft !== null && typeof s.draft !== 'string') ||
    !Number.isInteger(s.currentIndex)
  )
    return fresh('corrupt');
  if (!s.histories || typeof s.histories !== 'object') return fresh('corrupt');
  const parsed = parsePlayable(s.text);
  if (!parsed.ok) return fresh('corrupt');
  const { entries, first } = parsed.parsed;
  const index = s.currentIndex as number;
  const currentIndex = index >= 0 && index < entries.length && entries[index].ok ? index : first;
  const histories: Record<string, LevelHistory> = {};
  let trimmed = false;
  for (const [key, h] of Object.entries(s.histories as Record<string, unknown>)) {
    const i = Number(key);
    const entry = entries[i];
    const hist = h as Partial<LevelHistory> | null;
    if (
      !entry ||
      !entry.ok ||
      !hist ||
      typeof hist.moves !== 'string' ||
      !LURD_ONLY.test(hist.moves) ||
      !Number.isInteger(hist.cursor)
    ) {
      trimmed = true;
      continue;
    }
    const checked = replay(
      entry.level,
      { player: entry.level.player, boxes: entry.level.boxes },
      hist.moves,
    );
    if (checked.error) trimmed = true;
    const cursor = Math.max(0, Math.min(hist.cursor as number, checked.moves.length));
    const restartedFrom =
      Number.isInteger(hist.restartedFrom) && cursor === 0
        ? Math.min(hist.restartedFrom as number, checked.moves.length)
        : undefined;
    histories[key] = restartedFrom
      ? { moves: checked.moves, cursor, restartedFrom }
      : { moves: checked.moves, cursor };
  }
  return {
    ...current,
    text: s.text,
    draft: s.draft ?? s.text,
    entries,
    currentIndex,
    histories,
    notice: trimmed
      ? {
          id: (current.notice?.id ?? 0) + 1,
          text: 'Some saved moves could not be replayed and were dropped.',
        }
      : current.notice,
  };
}

// ---- the store -----------------------------------------------------------------------------

export interface GameStoreOptions {
  /** Where to persist (default: window.localStorage). Pass `() => null` for no persistence. */
  getStorage?: () => Storage | null;
  name?: string;
}

export function createGameStore(options: GameStoreOptions = {}) {
  return create<GameState>()(
    persist(
      (set, get) => {
        const notice = (text: string): GameNotice => ({ id: (get().notice?.id ?? 0) + 1, text });

        /** Writes the current level's history. */
        const setHistory = (h: LevelHistory) => {
          const s = get();
          set({ histories: { ...s.histories, [String(s.currentIndex)]: h }, notice: null });
        };

        /**
         * Plays letters from the cursor. A step equal to the next redo move keeps the redo tail
         * (so replaying a solution by hand does not throw it away); any other step cuts it.
         */
        const playFrom = (letters: string): { played: number; error?: string } => {
          const s = get();
          const level = selectLevel(s);
          if (!level) return { played: 0, error: 'No level' };
          const h = selectHistory(s);
          let moves = h.moves;
          let cursor = h.cursor;
          let position = positions.positionAt(level, h.moves, h.cursor);
          let played = 0;
          let error: string | undefined;
          for (let i = 0; i < letters.length; i++) {
            const dir = letters[i].toLowerCase() as Direction;
            const result =
              dir === 'l' || dir === 'u' || dir === 'r' || dir === 'd'
                ? step(level, position, dir)
                : null;
            if (!result) {
              error = `move ${i + 1} is illegal`;
              break;
            }
            position = result.position;
            if (cursor < moves.length && moves[cursor] === result.letter) cursor++;
            else {
              moves = moves.slice(0, cursor) + result.letter;
              cursor++;
            }
            played++;
          }
          if (played > 0) setHistory({ moves, cursor });
          return { played, error };
        };

        const choose = (index: number): boolean => {
          const s = get();
          const entry = s.entries[index];
          if (!entry) return false;
          if (!entry.ok) {
            set({
              alert: {
                source: 'level',
                message: describeLevelError(entry.error, entry, s.entries.length > 1),
              },
            });
            return false;
          }
          if (index === s.currentIndex) return false;
          set({ currentIndex: index, alert: null, notice: null });
          return true;
        };

        return {
          ...initialData(),

          setDraft(text) {
            set({ draft: text });
          },

          load(text) {
            const source = text ?? get().draft;
            const result = parsePlayable(source);
            if (!result.ok) {
              set({ draft: source, alert: { source: 'level', message: result.message } });
              return false;
            }
            const { entries, first } = result.parsed;
            const bad = entries.length - entries.filter((e) => e.ok).length;
            const same = source === get().text;
            set({
              draft: source,
              text: source,
              entries,
              // Loading the text already in play keeps the game: a second click on Load is harmless.
              currentIndex: same ? get().currentIndex : first,
              histories: same ? get().histories : {},
              alert: null,
              notice:
                bad > 0
                  ? notice(
                      `${bad} of ${entries.length} levels could not be read; they are marked in the list.`,
                    )
                  : null,
            });
            return true;
          },

          appendLevel(levelText) {
            const s = get();
            // Levels keep their indices, so every level's moves stay with it.
            const text = `${s.text.replace(/\s*$/, '')}\n\n${levelText}\n`;
            const result = parsePlayable(text);
            if (!result.ok || result.parsed.entries.length !== s.entries.length + 1) return -1;
            set({ text, draft: text, entries: result.parsed.entries });
            return s.entries.length;
          },

          chooseLevel: choose,

          goToLevel(query) {
            const q = query.trim();
            if (q === '') return false;
            const { entries } = get();
            const byTitle = entries.findIndex((e) => e.title === q);
            if (byTitle >= 0) return choose(byTitle);
            const n = Number(q.replace(/^#/, ''));
            if (Number.isInteger(n) && n >= 1 && n <= entries.length) return choose(n - 1);
            set({
              notice: notice(
                `No level "${q}": type a title or a number from 1 to ${entries.length}.`,
              ),
            });
            return false;
          },

          nextLevel() {
            const s = get();
            const i = firstPlayable(s.entries, s.currentIndex + 1, 1);
            return i >= 0 ? choose(i) : false;
          },

          previousLevel() {
            const s = get();
            const i = firstPlayable(s.entries, s.currentIndex - 1, -1);
            return i >= 0 ? choose(i) : false;
          },

          move(dir) {
            return playFrom(dir).played > 0;
          },

          play(lurd) {
            const r = playFrom(lurd);
            return r.played > 0 && !r.error;
          },

          walkTo(cell) {
            const s = get();
            const level = selectLevel(s);
            const position = selectPosition(s);
            if (!level || !position) return false;
            if (cell === position.player) return false;
            const path = walkPath(level, position, cell);
            if (path === null) {
              set({ notice: notice("The player can't walk there.") });
              return false;
            }
            return playFrom(path).played > 0;
          },

          pushBox(box, target) {
            const s = get();
            const level = selectLevel(s);
            const position = selectPosition(s);
            if (!level || !position) return false;
            if (box === target) return false;
            const path = pushPath(level, position, box, target);
            if (path === null) {
              set({ notice: notice('No way to push that box there.') });
              return false;
            }
            return playFrom(path).played > 0;
          },

          undo() {
            const h = selectHistory(get());
            if (h.cursor === 0 && h.restartedFrom !== undefined) {
              setHistory({ moves: h.moves, cursor: h.restartedFrom });
              return true;
            }
            if (h.cursor === 0) return false;
            setHistory({ moves: h.moves, cursor: h.cursor - 1 });
            return true;
          },

          redo() {
            const h = selectHistory(get());
            if (h.cursor >= h.moves.length) return false;
            setHistory({ moves: h.moves, cursor: h.cursor + 1 });
            return true;
          },

          restart() {
            const h = selectHistory(get());
            if (h.cursor === 0) return false;
            setHistory({ moves: h.moves, cursor: 0, restartedFrom: h.cursor });
            return true;
          },

          applyLurd(text) {
            const parsed = parseLurd(text);
            if (!parsed.ok) {
              set({ alert: { source: 'moves', message: parsed.message } });
              return false;
            }
            if (parsed.moves === '') {
              set({
                alert: {
                  source: 'moves',
                  message: 'No moves to apply: type moves such as "llUr" or "3r2U".',
                },
              });
              return false;
            }
            const r = playFrom(parsed.moves);
            if (r.error) {
              const kept =
                r.played === 0
                  ? 'nothing was applied'
                  : `the ${r.played} move${r.played === 1 ? '' : 's'} before it ${r.played === 1 ? 'was' : 'were'} applied`;
              set({
                alert: {
                  source: 'moves',
                  message: `${r.error[0].toUpperCase()}${r.error.slice(1)}; ${kept}.`,
                },
              });
              return false;
            }
            set({ alert: null });
            return true;
          },

          setMoves(moves, cursor) {
            const level = selectLevel(get());
            if (!level) return false;
            const checked = replay(level, { player: level.player, boxes: level.boxes }, moves);
            if (checked.error) return false;
            const at = Math.max(0, Math.min(cursor ?? checked.moves.length, checked.moves.length));
            setHistory({ moves: checked.moves, cursor: at });
            return true;
          },

          seek(cursor) {
            const h = selectHistory(get());
            const at = Math.max(0, Math.min(Math.trunc(cursor), h.moves.length));
            if (at === h.cursor && h.restartedFrom === undefined) return false;
            setHistory({ moves: h.moves, cursor: at });
            return true;
          },

          showAlert(alert) {
            set({ alert });
          },

          showNotice(text) {
            set({ notice: notice(text) });
          },

          dismissAlert() {
            set({ alert: null });
          },

          dismissNotice() {
            set({ notice: null });
          },
        };
      },
      {
        name: options.name ?? STORAGE_KEY,
        version: STORE_VERSION,
        storage: createGameStorage(options.getStorage),
        partialize: (s): Persisted => ({
          text: s.text,
          draft: s.draft === s.text ? null : s.draft,
          currentIndex: s.currentIndex,
          histories: s.histories,
        }),
        migrate: (): Dropped => ({ dropped: 'version' }),
        merge: (stored, current) => restore(stored, current),
      },
    ),
  );
}

export type GameStore = ReturnType<typeof createGameStore>;

/** The app's one game store. */
export const useGameStore: GameStore = createGameStore();
