import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, OPEN, TINY } from './fixtures';
import { STORAGE_KEY, createGameStore, selectHistory } from '../../src/store/game';
import { type Change, gameChange, throttleStorage } from '../../src/store/throttled-save';
import type { StorageValue } from 'zustand/middleware';

const EVERY = 250;

/** A storage that counts the writes of the game's state (the text goes under other keys). */
function countingStorage() {
  const storage = new MemoryStorage();
  const setItem = vi.spyOn(storage, 'setItem');
  const writes = () => setItem.mock.calls.filter(([k]) => k === STORAGE_KEY).length;
  return { storage, writes };
}

/** The moves a store made now from `storage` restores: what a reload would find. */
function reloaded(storage: Storage): string | undefined {
  return selectHistory(createGameStore({ getStorage: () => storage }).getState()).moves;
}

/** `n` steps back and forth in the open room, `gapMs` apart (40 a second: playback's Very fast). */
function walk(store: ReturnType<typeof createGameStore>, n: number, gapMs = 25): string {
  let moves = '';
  for (let i = 0; i < n; i++) {
    const dir = i % 2 === 0 ? 'l' : 'r';
    expect(store.getState().move(dir)).toBe(true);
    moves += dir;
    vi.advanceTimersByTime(gapMs);
  }
  return moves;
}

function throttledGame(storage: Storage) {
  const store = createGameStore({ getStorage: () => storage, saveEveryMs: EVERY });
  expect(store.getState().load(OPEN)).toBe(true);
  return store;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('game saves at most every SAVE_EVERY_MS', () => {
  it('saves 40 moves a second a few times a second, and the last of them in the end', () => {
    const { storage, writes } = countingStorage();
    const store = throttledGame(storage);
    vi.advanceTimersByTime(EVERY); // the load's own save is over
    const before = writes();
    const moves = walk(store, 80); // two seconds of playback
    const during = writes() - before;
    expect(during).toBeGreaterThanOrEqual(2 * (1000 / EVERY) - 1);
    expect(during).toBeLessThanOrEqual(2 * (1000 / EVERY) + 1); // not 80
    vi.advanceTimersByTime(EVERY);
    expect(reloaded(storage)).toBe(moves);
  });

  it('saves a move made by hand after a quiet spell at once', () => {
    const { storage, writes } = countingStorage();
    const store = throttledGame(storage);
    vi.advanceTimersByTime(10 * EVERY);
    const before = writes();
    store.getState().move('u');
    expect(writes()).toBe(before + 1);
    expect(reloaded(storage)).toBe('u');
  });

  it.each([
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    ['beforeunload', () => window.dispatchEvent(new Event('beforeunload'))],
    [
      'visibilitychange to hidden',
      () => {
        vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
  ])('writes the last move at once on %s: a move then a reload keeps it', (_, hide) => {
    const { storage } = countingStorage();
    const store = throttledGame(storage);
    const moves = walk(store, 5, 1); // all within one interval: the last four wait
    expect(reloaded(storage)).not.toBe(moves);
    hide();
    expect(reloaded(storage)).toBe(moves);
  });

  it('writes nothing when the page is hidden with nothing waiting, nor on becoming visible', () => {
    const { storage, writes } = countingStorage();
    const store = throttledGame(storage);
    walk(store, 1);
    vi.advanceTimersByTime(EVERY);
    const before = writes();
    window.dispatchEvent(new Event('pagehide'));
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(writes()).toBe(before);
  });

  it('still says so when the storage is full, and plays on', async () => {
    const storage = new MemoryStorage();
    const store = throttledGame(storage);
    vi.advanceTimersByTime(EVERY);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    walk(store, 3, 1);
    vi.advanceTimersByTime(EVERY);
    await Promise.resolve(); // the notice follows in a microtask
    expect(store.getState().notice?.text).toMatch(/storage is full/);
    expect(selectHistory(store.getState()).moves).toBe('lrl');
  });
});

describe('throttleStorage', () => {
  /** An inner storage that records what it was asked to write; any other number is a 'soon'. */
  function recording() {
    const written: number[] = [];
    const inner = {
      getItem: () => null,
      setItem: (_: string, value: StorageValue<number>) => {
        written.push(value.state);
      },
      removeItem: () => undefined,
    };
    const change = (a: number, b: number): Change => (a === b ? 'none' : 'soon');
    return { written, storage: throttleStorage<number>(inner, EVERY, change) };
  }
  const put = (storage: ReturnType<typeof recording>['storage'], ...states: number[]) => {
    for (const state of states) storage.setItem('k', { state, version: 1 });
  };

  it('writes a change after a quiet spell at once, then only the latest of those in its interval', () => {
    const { written, storage } = recording();
    put(storage, 1, 1, 2, 3, 3, 4, 5);
    expect(written).toEqual([1, 2]); // the first value ever, then the first change
    vi.advanceTimersByTime(EVERY - 1);
    expect(written).toEqual([1, 2]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual([1, 2, 5]);
    vi.advanceTimersByTime(10 * EVERY);
    put(storage, 5);
    expect(written).toEqual([1, 2, 5]); // nothing new, nothing written again
    put(storage, 6);
    expect(written).toEqual([1, 2, 5, 6]);
  });

  it('drops a waiting change when the save is read back or removed: that replaces it', () => {
    const { written, storage } = recording();
    put(storage, 1, 2, 3);
    void storage.getItem('k');
    put(storage, 4, 5);
    void storage.removeItem('k');
    vi.advanceTimersByTime(EVERY);
    storage.flush();
    expect(written).toEqual([1, 2, 4]);
  });
});

describe('gameChange', () => {
  const saved = { text: 'T', draft: null, currentIndex: 0, histories: {} };

  it('writes a new text, draft or level at once, new moves soon, and nothing for the rest', () => {
    expect(gameChange(saved, { ...saved })).toBe('none');
    expect(gameChange(saved, { ...saved, histories: { '0': { moves: 'l', cursor: 1 } } })).toBe(
      'soon',
    );
    expect(gameChange(saved, { ...saved, text: 'U' })).toBe('now');
    expect(gameChange(saved, { ...saved, draft: 'typed' })).toBe('now');
    expect(gameChange(saved, { ...saved, currentIndex: 1 })).toBe('now');
    expect(gameChange(saved, { dropped: 'corrupt' })).toBe('now');
  });

  it('saves a Load at once even while moves wait, with those moves', () => {
    const { storage, writes } = countingStorage();
    const store = throttledGame(storage);
    walk(store, 3, 1);
    const before = writes();
    store.getState().load(TINY);
    expect(writes()).toBe(before + 1);
    expect(reloaded(storage)).toBe('');
    expect(createGameStore({ getStorage: () => storage }).getState().text).toBe(TINY);
  });

  it('writes nothing for a notice', () => {
    const { storage, writes } = countingStorage();
    const store = throttledGame(storage);
    const before = writes();
    store.getState().showNotice('hello');
    store.getState().dismissNotice();
    vi.advanceTimersByTime(EVERY);
    window.dispatchEvent(new Event('pagehide'));
    expect(writes()).toBe(before);
  });
});
