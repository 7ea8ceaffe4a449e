/**
 * Small display preferences (theme, full rectangle) in localStorage, one key each. Reading
 * validates: anything but a value the caller accepts counts as unset. Writing never throws: a
 * storage that refuses (full, blocked, sandboxed) costs only the memory of the preference, and
 * the game's notice line says so. The game itself is saved elsewhere (store/game-storage.ts).
 */
import { useGameStore } from '../store/game';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame may throw on the mere access
  }
}

export function readPreference<T extends string>(
  key: string,
  allowed: readonly T[],
  store: Storage | null = storage(),
): T | null {
  try {
    const value = store?.getItem(key);
    return allowed.find((a) => a === value) ?? null;
  } catch {
    return null;
  }
}

/** Saves a preference; on failure the notice names `what` ("The theme", ...). */
export function writePreference(key: string, value: string, what: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    useGameStore
      .getState()
      .showNotice(
        `${what} is changed but could not be remembered: this browser refused to save it (storage full or blocked).`,
      );
  }
}
