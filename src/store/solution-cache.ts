/**
 * Solver answers kept for the session, per level and position, so that asking twice is instant.
 *
 * A solution from position P also answers every position it passes through right after a push
 * (the rest of the solution solves it; the rest of a push-optimal solution is push-optimal too),
 * so those are stored as well: a Hint after a Hint, or Solve after playing part of a solution,
 * needs no new search.
 */
import { type Level, type Position, countPushes, directionOfLetter, step } from '../sokoban';

export type CachedAnswer =
  | { readonly status: 'solved'; readonly solution: string; readonly moves: number; readonly pushes: number; readonly optimal: boolean; readonly ms: number; readonly nodes: number }
  | { readonly status: 'unsolvable'; readonly message: string; readonly ms: number; readonly nodes: number };

const levelKeys = new WeakMap<Level, string>();

/** The board alone (titles aside): the same puzzle pasted twice shares its answers. */
export function levelKey(level: Level): string {
  let key = levelKeys.get(level);
  if (key === undefined) {
    key = `${level.width}x${level.height}:${level.tiles}`;
    levelKeys.set(level, key);
  }
  return key;
}

export function positionKey(position: Position): string {
  return `${position.player}|${position.boxes.join(',')}`;
}

/** Most answers kept; the oldest are dropped first (a long session should not grow forever). */
const MAX_ENTRIES = 5000;

export interface SolutionCache {
  /** An answer good enough for `mode`: optimal mode needs a proven-optimal solution (or a proof of none). */
  get(level: Level, position: Position, mode: 'fast' | 'optimal'): CachedAnswer | null;
  /** Stores an answer for `position` (and, for a solution, for each position after a push along it). */
  put(level: Level, position: Position, answer: CachedAnswer): void;
  readonly size: number;
  clear(): void;
}

export function createSolutionCache(maxEntries = MAX_ENTRIES): SolutionCache {
  const map = new Map<string, CachedAnswer>();

  const store = (key: string, answer: CachedAnswer) => {
    const old = map.get(key);
    // Never replace a proven-optimal solution with an unproven one.
    if (old && old.status === 'solved' && old.optimal && answer.status === 'solved' && !answer.optimal) return;
    map.delete(key);
    map.set(key, answer);
    while (map.size > maxEntries) map.delete(map.keys().next().value as string);
  };

  return {
    get(level, position, mode) {
      const answer = map.get(`${levelKey(level)}#${positionKey(position)}`);
      if (!answer) return null;
      if (mode === 'optimal' && answer.status === 'solved' && !answer.optimal) return null;
      return answer;
    },
    put(level, position, answer) {
      const lk = levelKey(level);
      store(`${lk}#${positionKey(position)}`, answer);
      if (answer.status !== 'solved') return;
      const { solution } = answer;
      let pos = position;
      let pushesLeft = answer.pushes;
      for (let i = 0; i < solution.length - 1; i++) {
        const dir = directionOfLetter(solution[i]);
        const next = dir ? step(level, pos, dir) : null;
        if (!next) return; // not a legal solution from here: store nothing more
        pos = next.position;
        if (next.pushed) {
          pushesLeft--;
          const rest = solution.slice(i + 1);
          store(`${lk}#${positionKey(pos)}`, {
            status: 'solved',
            solution: rest,
            moves: rest.length,
            pushes: pushesLeft >= 0 ? pushesLeft : countPushes(rest),
            optimal: answer.optimal,
            ms: 0,
            nodes: 0,
          });
        }
      }
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
  };
}
