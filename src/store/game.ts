/**
 * The game session store (zustand, persisted to localStorage).
 *
 * STATE (plain data; `entries` is derived from `text` and never stored)
 *   draft         the Level text box's content (what the user typed or pasted)
 *   text          the text of the collection being played (the last draft that loaded)
 *   entries       parseCollection(text).entries: each board, playable (`ok`) or with its error
 *   currentIndex  0-based index of the level being played in `entries`
 *   histories     per level (key: String(index)): { moves, cursor, restartedFrom?, branches? }
 *                 (sokoban/history.ts) `moves` is LURD with case (pushes upper case); the first
 *                 `cursor` moves are played, the rest can be redone. `restartedFrom` is set by
 *                 restart() so that undo() brings the moves back. `branches` are the lines left
 *                 by moving after an undo (or by setMoves), which returnToBranch() brings back.
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
 *   returnToBranch(index)        the branch becomes the line (cursor at its end); the line left
 *                                becomes a branch
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
 *   selectPlayableCount, selectBranches (game-selectors.ts).
 *
 * WHERE THINGS ARE: this file only wires the store. Each action is a pure function of the data in
 * game-actions.ts (the rules of play), over sokoban/history.ts (undo, redo, branches, ...); the
 * collection text is game-collection.ts; reading a save back is game-restore.ts.
 *
 * PERSISTENCE: zustand `persist`, version STORE_VERSION, key STORAGE_KEY (the collection text under
 * STORAGE_KEY + ':text', written only when it changes). Stored data that is corrupt, of another
 * version, or that does not replay is dropped with a `notice`; it never throws. The app's store
 * saves new moves at most once every SAVE_EVERY_MS, and at once when the page is hidden or
 * closed (throttled-save.ts): playback makes 40 moves a second.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as history from '../sokoban/history';
import * as actions from './game-actions';
import { initialData } from './game-collection';
import { restore, storageNotice } from './game-restore';
import { type Dropped, type Persisted, STORE_VERSION, createGameStorage } from './game-storage';
import type { GameData, GameState } from './game-types';
import { flushWhenPageHides, gameChange, throttleStorage } from './throttled-save';

export type * from './game-types';
export * from './game-selectors';
export { STARTER_TEXT, describeLevelError } from './game-collection';
export { STORE_VERSION, createGameStorage } from './game-storage';
export const STORAGE_KEY = 'sokoban-playground:game';
/** The app's store writes its save at most this often (ms); see throttled-save.ts. */
export const SAVE_EVERY_MS = 250;

export interface GameStoreOptions {
  /** Where to persist (default: window.localStorage). Pass `() => null` for no persistence. */
  getStorage?: () => Storage | null;
  name?: string;
  /**
   * Save new moves at most once per this many ms, and at once when the page is hidden or closed
   * (throttled-save.ts). 0 (the default) saves every change as it happens.
   */
  saveEveryMs?: number;
}

export function createGameStore(options: GameStoreOptions = {}) {
  // The storage reports problems while zustand is saving (inside a set): the notice follows
  // once that set is over.
  let showStorageNotice = (_text: string): void => undefined;
  const direct = createGameStorage(options.getStorage, (problem) =>
    queueMicrotask(() => showStorageNotice(storageNotice(problem))),
  );
  let storage: typeof direct = direct;
  if (options.saveEveryMs) {
    const throttled = throttleStorage(direct, options.saveEveryMs, gameChange);
    flushWhenPageHides(throttled.flush);
    storage = throttled;
  }
  return create<GameState>()(
    persist(
      (set, get) => {
        /** An action of game-actions.ts, run on the current data and its change applied. */
        const run =
          <A extends unknown[], R>(action: (s: GameData, ...args: A) => actions.Outcome<R>) =>
          (...args: A): R => {
            const { patch, result } = action(get(), ...args);
            if (patch) set(patch);
            return result;
          };
        const onHistory = (change: Parameters<typeof actions.changeHistory>[1]) =>
          run((s) => actions.changeHistory(s, change));
        showStorageNotice = (text) => set({ notice: actions.nextNotice(get(), text) });
        return {
          ...initialData(),
          setDraft: (text) => set({ draft: text }),
          load: run(actions.load),
          appendLevel: run(actions.appendLevelText),
          chooseLevel: run(actions.chooseLevel),
          goToLevel: run(actions.goToLevel),
          nextLevel: run((s) => actions.stepLevel(s, 1)),
          previousLevel: run((s) => actions.stepLevel(s, -1)),
          move: run(actions.move),
          play: run(actions.play),
          walkTo: run(actions.walkTo),
          pushBox: run(actions.pushBox),
          undo: onHistory(history.undo),
          redo: onHistory(history.redo),
          restart: onHistory(history.restart),
          returnToBranch: (index) => onHistory((h) => history.returnToBranch(h, index))(),
          applyLurd: run(actions.applyLurd),
          setMoves: run(actions.setMoves),
          openLevel: run(actions.openLevel),
          seek: (cursor) => onHistory((h) => history.seek(h, cursor))(),
          showAlert: (alert) => set({ alert }),
          showNotice: (text) => set({ notice: actions.nextNotice(get(), text) }),
          dismissAlert: () => set({ alert: null }),
          dismissNotice: () => set({ notice: null }),
        };
      },
      {
        name: options.name ?? STORAGE_KEY,
        version: STORE_VERSION,
        storage,
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
export const useGameStore: GameStore = createGameStore({ saveEveryMs: SAVE_EVERY_MS });
