/**
 * Where the game session is saved: localStorage behind zustand's PersistStorage interface.
 *
 * Keys (NAME is the store's name):
 *   NAME           {version, state: {currentIndex, histories, textSlot, textHash}}: small, written
 *                  on every change; the commit point of a save
 *   NAME:text.a    the collection text, in one of two slots: a new text goes to the slot the
 *   NAME:text.b    saved state does not point at, and only then is the state written pointing at
 *                  it, so a failed write leaves the old text with its own histories, never a new
 *                  text with old histories. `textHash` double-checks the pairing on load.
 *   NAME:draft     the Level box's draft, when it differs from the text and is not too large
 *
 * Saves made before the slots (NAME:text, and the draft inside NAME) are still read.
 *
 * It never throws. A full storage is reported (`onProblem`), never swallowed: the draft is given
 * up first and the save retried without it; a draft over MAX_SAVED_DRAFT is not saved at all.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { MAX_TEXT_LENGTH } from '../sokoban';
import type { LevelHistory } from './game';

/** What the game store saves. */
export interface Persisted {
  text: string;
  /** null when the draft equals the text (saves storing a large collection twice). */
  draft: string | null;
  currentIndex: number;
  histories: Record<string, LevelHistory>;
  /** Set on load when the saved histories do not belong to the saved text. */
  mismatch?: true;
}

/** What the storage returns for data it refuses; the store turns it into a notice. */
export interface Dropped {
  dropped: 'corrupt' | 'version';
}

/** The version of what is saved; a save of another version is dropped with a notice. */
export const STORE_VERSION = 1;

/** A draft larger than this is not saved: it is more than Load accepts anyway. */
export const MAX_SAVED_DRAFT = MAX_TEXT_LENGTH;

export type StorageProblem =
  /** The draft is over MAX_SAVED_DRAFT characters. */
  | { kind: 'draft-too-large'; length: number }
  /** The storage is full: the draft was given up so that the game could be saved. */
  | { kind: 'draft-quota' }
  /** The storage is full even without the draft: the latest change is not saved. */
  | { kind: 'not-saved' };

type Slot = 'a' | 'b';

interface StoredState {
  currentIndex: number;
  histories: Record<string, LevelHistory>;
  textSlot: Slot;
  textHash: string;
}

/** FNV-1a over the UTF-16 code units, with the length: enough to tell two texts apart. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

function getLocalStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled (privacy settings): play on, unsaved
  }
}

/** Runs a storage call; false when it threw (quota exceeded, storage disabled). */
function attempt(run: () => void): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/** Where each part of a save is kept, beside the state under NAME itself. */
const key = {
  text: (name: string, slot: Slot) => `${name}:text.${slot}`,
  legacyText: (name: string) => `${name}:text`,
  draft: (name: string) => `${name}:draft`,
};

/** A text slot the saved state points at. */
interface Committed {
  readonly slot: Slot;
  readonly text: string;
  readonly hash: string;
}

/**
 * Reads the text a saved state points at; legacy saves keep it under NAME:text (and have no
 * slot to commit). Throws when the slot's text is missing.
 */
function readText(storage: Storage, name: string, state: Record<string, unknown>) {
  if (state.textSlot !== 'a' && state.textSlot !== 'b') {
    const text = storage.getItem(key.legacyText(name)) ?? '';
    const draft = typeof state.draft === 'string' ? state.draft : null;
    return { text, draft, mismatch: false, committed: null };
  }
  const slot: Slot = state.textSlot;
  const text = storage.getItem(key.text(name, slot));
  if (text === null) throw new Error('the saved text is missing');
  const hash = textHash(text);
  const committed: Committed = { slot, text, hash };
  const draft = storage.getItem(key.draft(name));
  return { text, draft, mismatch: hash !== state.textHash, committed };
}

/** Reports each kind of problem once, until it is over: one full storage is one notice. */
function problemReporter(onProblem: (problem: StorageProblem) => void) {
  let reported: StorageProblem['kind'] | null = null;
  const report = (problem: StorageProblem | null) => {
    if ((problem?.kind ?? null) === reported) return;
    reported = problem?.kind ?? null;
    if (problem) onProblem(problem);
  };
  /** Clears the report if it is one of `kinds` (that problem is over). */
  const over = (...kinds: StorageProblem['kind'][]) => {
    if (reported !== null && kinds.includes(reported)) report(null);
  };
  return { report, over };
}

/** A saved value as read: a version and a state object; throws on anything else. */
function parseSaved(raw: string): { version: number; state: Record<string, unknown> } {
  const value = JSON.parse(raw) as StorageValue<unknown>;
  if (!isObject(value) || typeof value.version !== 'number' || !isObject(value.state))
    throw new Error('not a saved game');
  return { version: value.version, state: value.state };
}

/** Removes every key of the save under `name` (the draft's too, if asked). */
function removeSave(storage: Storage | null, name: string, withDraft: boolean): void {
  const keys = [name, key.text(name, 'a'), key.text(name, 'b'), key.legacyText(name)];
  for (const k of withDraft ? [...keys, key.draft(name)] : keys)
    attempt(() => storage?.removeItem(k));
}

/**
 * The draft's own key: saved when it changes, given up when it is too large or when the
 * storage is full (the game comes first).
 */
function draftSaver(problems: ReturnType<typeof problemReporter>) {
  let savedDraft: string | null = null;
  /** A draft given up for room: not tried again until it changes. */
  let refusedDraft: string | null = null;
  return {
    /** The draft read from the storage. */
    loaded(draft: string | null) {
      savedDraft = draft;
    },
    forget() {
      savedDraft = null;
    },
    write(storage: Storage, name: string, draft: string | null): void {
      if (draft !== null && draft.length > MAX_SAVED_DRAFT) {
        if (savedDraft !== null) attempt(() => storage.removeItem(key.draft(name)));
        savedDraft = null;
        problems.report({ kind: 'draft-too-large', length: draft.length });
        return;
      }
      if (draft !== null && draft === refusedDraft) return;
      if (draft !== savedDraft) {
        if (draft === null) {
          attempt(() => storage.removeItem(key.draft(name)));
        } else if (!attempt(() => storage.setItem(key.draft(name), draft))) {
          attempt(() => storage.removeItem(key.draft(name)));
          savedDraft = null;
          problems.report({ kind: 'draft-quota' });
          return;
        }
        savedDraft = draft;
      }
      problems.over('draft-too-large', 'draft-quota');
    },
    /** A write that, when the storage is full, gives up the saved draft and tries once more. */
    writeFreeingDraft(storage: Storage, name: string, k: string, v: string): boolean {
      if (attempt(() => storage.setItem(k, v))) return true;
      if (savedDraft === null) return false;
      attempt(() => storage.removeItem(key.draft(name)));
      refusedDraft = savedDraft;
      savedDraft = null;
      problems.report({ kind: 'draft-quota' });
      return attempt(() => storage.setItem(k, v));
    },
  };
}

export function createGameStorage(
  getStorage: () => Storage | null = getLocalStorage,
  onProblem: (problem: StorageProblem) => void = () => undefined,
): PersistStorage<Persisted | Dropped> {
  /** The text the saved state points at, as far as this tab knows. */
  let committed: Committed | null = null;
  const problems = problemReporter(onProblem);
  const drafts = draftSaver(problems);

  return {
    getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      try {
        const raw = storage.getItem(name);
        if (raw === null) return null;
        const value = parseSaved(raw);
        const read = readText(storage, name, value.state);
        if (read.committed) committed = read.committed;
        const { text, draft, mismatch } = read;
        drafts.loaded(draft);
        const state = { ...value.state, text, draft } as Persisted;
        delete (state as Partial<StoredState>).textSlot;
        delete (state as Partial<StoredState>).textHash;
        if (mismatch) state.mismatch = true;
        return { version: value.version, state };
      } catch {
        removeSave(storage, name, false);
        committed = null;
        return { version: STORE_VERSION, state: { dropped: 'corrupt' } };
      }
    },

    setItem(name, value) {
      const storage = getStorage();
      if (!storage || 'dropped' in value.state) return;
      const { text, draft, currentIndex, histories } = value.state;
      // 1. A new text goes to the free slot; the saved state still points at the old one.
      let target = committed;
      if (!target || target.text !== text) {
        const slot: Slot = committed?.slot === 'a' ? 'b' : 'a';
        if (!drafts.writeFreeingDraft(storage, name, key.text(name, slot), text)) {
          problems.report({ kind: 'not-saved' });
          return;
        }
        target = { slot, text, hash: textHash(text) };
      }
      // 2. The state, pointing at that slot: the commit point.
      const state: StoredState = {
        currentIndex,
        histories,
        textSlot: target.slot,
        textHash: target.hash,
      };
      const json = JSON.stringify({ version: value.version, state });
      if (!drafts.writeFreeingDraft(storage, name, name, json)) {
        problems.report({ kind: 'not-saved' });
        return;
      }
      // 3. Only now is the old text free to go.
      if (committed?.slot !== target.slot) {
        if (committed) attempt(() => storage.removeItem(key.text(name, committed!.slot)));
        attempt(() => storage.removeItem(key.legacyText(name)));
      }
      committed = target;
      problems.over('not-saved');
      drafts.write(storage, name, draft);
    },

    removeItem(name) {
      removeSave(getStorage(), name, true);
      committed = null;
      drafts.forget();
    },
  };
}
