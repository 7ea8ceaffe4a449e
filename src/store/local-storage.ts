/**
 * The small records kept beside the game (display preferences, progress, snapshots), each under
 * one localStorage key. Nothing here throws: a storage that cannot be reached reads as empty, and
 * a write the browser refuses (full, blocked, sandboxed) is said in the game's notice line with
 * the caller's words, the data staying in memory until the page is closed. The game itself is
 * saved by game-storage.ts.
 */
import { useGameStore } from './game';

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame may throw on the mere access
  }
}

/** The raw string under `key`, or null (missing, or the storage cannot be read). */
export function readStored(key: string, storage = browserStorage()): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The JSON under `key`, or undefined when missing or not JSON: callers validate the shape. */
export function readStoredJson(key: string, storage = browserStorage()): unknown {
  try {
    return JSON.parse(readStored(key, storage) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes `value`; when refused, shows `refused` in the notice line. */
export function writeStored(key: string, value: string, refused: string): void {
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    useGameStore.getState().showNotice(refused);
  }
}

/**
 * `data` (records by collection, each with the time it was last `used`) with `key` set to
 * `record`, most recently used first, beyond `max` the least recently used dropped: bounded
 * per-collection records (progress, kept solutions) stay within the browser's storage.
 */
export function withRecord<T extends { readonly used: number }>(
  data: Readonly<Record<string, T>>,
  key: string,
  record: T,
  max: number,
): Readonly<Record<string, T>> {
  const entries = Object.entries({ ...data, [key]: record })
    .sort(([, a], [, b]) => b.used - a.used)
    .slice(0, max);
  return Object.fromEntries(entries);
}
