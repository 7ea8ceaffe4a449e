/**
 * Small display preferences (theme, full rectangle, the dismissed hint) in localStorage, one key
 * each. Reading validates: anything but a value the caller accepts counts as unset. Writing never
 * throws (store/local-storage.ts): a refusal costs only the memory of the preference, and the
 * notice line says so.
 */
import { readStored, writeStored } from '../store/local-storage';

export function readPreference<T extends string>(
  key: string,
  allowed: readonly T[],
  store?: Storage | null,
): T | null {
  const value = readStored(key, store);
  return allowed.find((a) => a === value) ?? null;
}

/** Saves a preference; on failure the notice names `what` ("The theme", ...). */
export function writePreference(key: string, value: string, what: string): void {
  writeStored(
    key,
    value,
    `${what} is changed but could not be remembered: this browser refused to save it (storage full or blocked).`,
  );
}
