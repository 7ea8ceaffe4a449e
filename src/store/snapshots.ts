/**
 * Snapshots: named positions of a level, saved by the user and restored later. A snapshot keeps
 * the level's whole move history and its cursor, so restoring one gives back its redo tail too.
 * Restoring never loses the moves on the board: unless they are already kept (in a snapshot or as
 * the restored history itself), they are first saved as a snapshot named "Before restoring …".
 *
 * Stored in localStorage by the level's board (a hash of it), so a level finds its snapshots in
 * any collection. Validated on read, bounded, and a refused write is said in the notice line.
 */
import { create } from 'zustand';
import { printBoard, type Level } from '../sokoban';
import { textHash } from './game-storage';
import { browserStorage, readStoredJson, writeStored } from './local-storage';
import { selectHistory, selectLevel, useGameStore } from './game';

export const SNAPSHOTS_KEY = 'sokoban-playground:snapshots';
export const MAX_SNAPSHOTS_PER_LEVEL = 50;
const MAX_LEVELS = 200;
const MAX_NAME = 80;

export interface Snapshot {
  readonly id: string;
  readonly name: string;
  readonly moves: string;
  readonly cursor: number;
}
type SnapshotData = Readonly<Record<string, readonly Snapshot[]>>;

export const levelKey = (level: Level): string => textHash(printBoard(level));

function isSnapshot(v: unknown): v is Snapshot {
  const s = v as Snapshot;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.id === 'string' &&
    typeof s.name === 'string' &&
    s.name.length <= MAX_NAME &&
    typeof s.moves === 'string' &&
    /^[lurdLURD]*$/.test(s.moves) &&
    Number.isInteger(s.cursor) &&
    s.cursor >= 0 &&
    s.cursor <= s.moves.length
  );
}

/** What is stored, keeping only well-formed snapshots. Never throws. */
export function readSnapshots(storage: Storage | null): SnapshotData {
  const raw = readStoredJson(SNAPSHOTS_KEY, storage);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, Snapshot[]> = {};
  for (const [key, list] of Object.entries(raw as Record<string, unknown>).slice(0, MAX_LEVELS))
    if (Array.isArray(list)) out[key] = list.filter(isSnapshot).slice(0, MAX_SNAPSHOTS_PER_LEVEL);
  return out;
}

interface SnapshotState {
  readonly data: SnapshotData;
  /** Saves the game's position on its level; returns the snapshot's name, or null. */
  save: (name: string) => string | null;
  /** Restores a snapshot of the game's level; false when it is not there or does not fit. */
  restore: (id: string) => boolean;
  remove: (id: string) => void;
}

let counter = 0;

export const useSnapshotStore = create<SnapshotState>()((set, get) => {
  const write = (key: string, list: readonly Snapshot[]) => {
    const data = { ...get().data, [key]: list };
    if (list.length === 0) delete data[key];
    set({ data });
    writeStored(
      SNAPSHOTS_KEY,
      JSON.stringify(data),
      'The snapshots could not be saved: the browser refused (storage full or blocked). They are kept until you close the page.',
    );
  };
  const add = (key: string, name: string, moves: string, cursor: number): Snapshot => {
    const snapshot = {
      id: `${Date.now().toString(36)}-${(counter++).toString(36)}`,
      name,
      moves,
      cursor,
    };
    write(key, [snapshot, ...(get().data[key] ?? [])].slice(0, MAX_SNAPSHOTS_PER_LEVEL));
    return snapshot;
  };
  return {
    data: readSnapshots(browserStorage()),
    save(name) {
      const game = useGameStore.getState();
      const level = selectLevel(game);
      if (!level) return null;
      const key = levelKey(level);
      const { moves, cursor } = selectHistory(game);
      const given = name.trim().slice(0, MAX_NAME);
      const named = given || `Snapshot ${(get().data[key]?.length ?? 0) + 1}`;
      return add(key, named, moves, cursor).name;
    },
    restore(id) {
      const game = useGameStore.getState();
      const level = selectLevel(game);
      if (!level) return false;
      const key = levelKey(level);
      const list = get().data[key] ?? [];
      const snapshot = list.find((s) => s.id === id);
      if (!snapshot) return false;
      const { moves, cursor } = selectHistory(game);
      const kept =
        moves === snapshot.moves || list.some((s) => s.moves === moves && s.cursor === cursor);
      if (!kept && moves !== '') add(key, `Before restoring “${snapshot.name}”`, moves, cursor);
      return game.setMoves(snapshot.moves, snapshot.cursor);
    },
    remove(id) {
      const level = selectLevel(useGameStore.getState());
      if (!level) return;
      const key = levelKey(level);
      write(
        key,
        (get().data[key] ?? []).filter((s) => s.id !== id),
      );
    },
  };
});
