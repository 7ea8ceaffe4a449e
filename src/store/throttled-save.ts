/**
 * Saving the game at most once per interval while moves come fast: a PersistStorage in front of
 * another one (game-storage.ts) whose writes of new moves are throttled, and the page events that
 * write what is waiting before the page goes away.
 *
 * Why: zustand's persist saves the whole game on every set(). At playback speed (40 moves a
 * second) that JSON and its localStorage write cost about 5 % of the main thread
 * (BENCHMARKS.md, "Playback on a 50×50 board"), for saves no one will read but the last.
 *
 * How: a change of the moves alone after a quiet spell is written at once (a move made by hand
 * is saved as it always was); changes of the moves within `everyMs` of that write wait, and only
 * the latest of them is written when the interval ends. Other changes (the collection, the level
 * played, the draft) are rare and are written at once, with any moves waiting. A set() that
 * changes nothing saved (a notice, an alert) writes nothing. `flush()` writes what waits now: on
 * `pagehide`, on `visibilitychange` to hidden (the last event a mobile browser is sure to deliver
 * before it discards a tab) and on `beforeunload`, so a move made just before a reload or a close
 * is never lost.
 *
 * Problems with the storage (full, blocked, corrupt) stay the inner storage's to handle and
 * report; this only decides when it is called.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { Dropped, Persisted } from './game-storage';

/** How a value to save differs from the last one: not at all, urgently, or in its moves only. */
export type Change = 'none' | 'now' | 'soon';

export interface ThrottledStorage<S> extends PersistStorage<S> {
  /** Writes the change that is waiting, if any, now. */
  readonly flush: () => void;
}

export function throttleStorage<S>(
  inner: PersistStorage<S>,
  everyMs: number,
  change: (last: S, next: S) => Change,
): ThrottledStorage<S> {
  /** The latest value handed over (written, or waiting in `pending`). */
  let last: StorageValue<S> | null = null;
  let pending: { name: string; value: StorageValue<S> } | null = null;
  /** Set while an interval runs since the last write of moves: those in it wait for its end. */
  let interval: ReturnType<typeof setTimeout> | null = null;

  const write = (name: string, value: StorageValue<S>) => {
    pending = null;
    inner.setItem(name, value);
  };
  const flush = () => {
    if (pending) write(pending.name, pending.value);
  };
  const endInterval = () => {
    interval = null;
    if (!pending) return;
    flush();
    interval = setTimeout(endInterval, everyMs);
  };
  /** Forgets what was handed over: what is read or removed next replaces it. */
  const forget = () => {
    last = null;
    pending = null;
  };

  return {
    getItem(name) {
      // A read (rehydrate) replaces the store's state with the saved one: a change of the state
      // being replaced must not be written over the save afterwards.
      forget();
      return inner.getItem(name);
    },
    setItem(name, value) {
      const kind =
        last === null || last.version !== value.version ? 'now' : change(last.state, value.state);
      if (kind === 'none') return;
      last = value;
      if (kind === 'soon' && interval !== null) {
        pending = { name, value };
        return;
      }
      write(name, value);
      if (kind === 'soon') interval = setTimeout(endInterval, everyMs);
    },
    removeItem(name) {
      forget();
      return inner.removeItem(name);
    },
    flush,
  };
}

/**
 * How the game's save changed: the moves alone ('soon': they may come 40 a second), anything
 * else that is saved ('now'), or nothing saved at all ('none').
 */
export function gameChange(last: Persisted | Dropped, next: Persisted | Dropped): Change {
  if ('dropped' in last || 'dropped' in next) return 'now';
  if (last.text !== next.text || last.draft !== next.draft) return 'now';
  if (last.currentIndex !== next.currentIndex) return 'now';
  return last.histories === next.histories ? 'none' : 'soon';
}

/**
 * Calls `flush` whenever the page may be about to go away (hidden, left, reloaded, closed).
 * Returns the function that stops listening. Does nothing outside a browser.
 */
export function flushWhenPageHides(flush: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
