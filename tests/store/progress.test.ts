import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseStorageFor } from './refuse-storage';
import { parseCollection } from '../../src/sokoban';
import { useGameStore } from '../../src/store/game';
import {
  MAX_COLLECTIONS,
  PROGRESS_KEY,
  collectionKey,
  readProgress,
  useProgressStore,
} from '../../src/store/progress';
import { trackSolutions } from '../../src/store/solution-tracking';
import { useSolutionsStore } from '../../src/store/solutions';

const TWO = ['One', '#####', '#@$.#', '#####', '', 'Two', '######', '#@ $.#', '######'].join('\n');

function entries(text: string) {
  const p = parseCollection(text);
  if (!p.ok) throw new Error('bad');
  return p.entries;
}

beforeEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  useProgressStore.setState({ data: {} });
  useSolutionsStore.setState({ data: {} });
});

describe('progress per collection', () => {
  it('keys a collection by its boards, not its titles or comments', () => {
    const a = collectionKey(entries(TWO));
    expect(collectionKey(entries(TWO.replace('One', '; a comment\nFirst')))).toBe(a);
    expect(collectionKey(entries(TWO.replace('#@ $.#', '#@$ .#')))).not.toBe(a);
  });

  it('keeps the fewest moves and the fewest pushes apart, and saves them', () => {
    const record = (moves: number, pushes: number) =>
      useProgressStore.getState().record('k', 1, { moves, pushes });
    record(30, 8);
    record(24, 10);
    record(40, 6);
    record(50, 9); // better in nothing
    const saved = readProgress(localStorage);
    expect(saved.k?.levels['1']).toEqual({
      user: { bestMoves: { moves: 24, pushes: 10 }, bestPushes: { moves: 40, pushes: 6 } },
    });
  });

  it("keeps the solver's bests apart from the user's", () => {
    const record: ReturnType<typeof useProgressStore.getState>['record'] = (...a) =>
      useProgressStore.getState().record(...a);
    record('k', 1, { moves: 30, pushes: 8 });
    record('k', 1, { moves: 20, pushes: 6 }, 'solver');
    record('k', 2, { moves: 9, pushes: 3 }, 'solver');
    const saved = readProgress(localStorage).k?.levels ?? {};
    expect(saved['1']?.user?.bestMoves).toEqual({ moves: 30, pushes: 8 });
    expect(saved['1']?.solver?.bestPushes).toEqual({ moves: 20, pushes: 6 });
    expect(saved['2']?.user).toBeUndefined();
    expect(saved['2']?.solver?.bestMoves).toEqual({ moves: 9, pushes: 3 });
  });

  it("reads progress stored before the finders were told apart as the user's", () => {
    const old = { bestMoves: { moves: 5, pushes: 2 }, bestPushes: { moves: 7, pushes: 1 } };
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ k: { used: 1, levels: { '3': old } } }));
    expect(readProgress(localStorage).k?.levels['3']).toEqual({ user: old });
  });

  it('reads hostile stored data without trusting it', () => {
    const put = (v: string) => localStorage.setItem(PROGRESS_KEY, v);
    put('not json');
    expect(readProgress(localStorage)).toEqual({});
    put('[1,2]');
    expect(readProgress(localStorage)).toEqual({});
    put(
      JSON.stringify({
        a: {
          used: 1,
          levels: {
            '1': { bestMoves: { moves: 3, pushes: 1 }, bestPushes: { moves: 3, pushes: 1 } },
            '0': {},
            x: {},
            '2': { bestMoves: { moves: -1, pushes: 1 } },
            '4': { solver: { bestMoves: { moves: 2, pushes: 1 } }, user: 'x' },
          },
        },
        b: 'junk',
      }),
    );
    const read = readProgress(localStorage);
    expect(Object.keys(read)).toEqual(['a']);
    expect(Object.keys(read.a?.levels ?? {})).toEqual(['1']);
  });

  it('keeps at most MAX_COLLECTIONS collections, dropping the least recently used', () => {
    const now = vi.spyOn(Date, 'now');
    for (let i = 0; i <= MAX_COLLECTIONS; i++) {
      now.mockReturnValue(1000 + i);
      useProgressStore.getState().record(`c${i}`, 1, { moves: 1, pushes: 1 });
    }
    const kept = Object.keys(useProgressStore.getState().data);
    expect(kept).toHaveLength(MAX_COLLECTIONS);
    expect(kept).not.toContain('c0');
    expect(kept).toContain(`c${MAX_COLLECTIONS}`);
  });

  it('records a level solved in the game, and says so when it cannot be saved', async () => {
    localStorage.clear();
    useGameStore.setState(useGameStore.getInitialState(), true);
    await useGameStore.persist.rehydrate();
    const game = useGameStore.getState();
    expect(game.load(TWO)).toBe(true);
    const stop = trackSolutions();
    useGameStore.getState().move('r');
    const key = collectionKey(useGameStore.getState().entries);
    expect(useProgressStore.getState().data[key]?.levels['1']?.user?.bestMoves).toEqual({
      moves: 1,
      pushes: 1,
    });
    refuseStorageFor(PROGRESS_KEY);
    useGameStore.getState().nextLevel();
    useGameStore.getState().move('r');
    useGameStore.getState().move('r');
    expect(useProgressStore.getState().data[key]?.levels['2']).toBeDefined();
    expect(useGameStore.getState().notice?.text).toMatch(/progress could not be saved/);
    stop();
  });
});
