/**
 * Solver answers kept for the session, per level and position, so that asking twice is instant.
 *
 * Positions are keyed by the boxes and the player's region (the cells the player can walk to):
 * walking never changes what can be solved, so after a walk the stored solution still answers,
 * with the walk back to where it started put in front.
 *
 * A solution from position P also answers every position it passes through right after a push
 * (the rest of the solution solves it; the rest of a push-optimal solution is push-optimal too),
 * so those are stored as well: a Hint after a Hint, or Solve after playing part of a solution,
 * needs no new search.
 */
import {
  type Level,
  type Position,
  directionOfLetter,
  reachableCells,
  step,
  walkPath,
} from '../sokoban';
import type { SettledResult } from '../solver/api';

/** An answer as stored: the engine's own (solved or proven unsolvable) and the player cell a solution starts from. */
type Stored = SettledResult & { readonly from: number };

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

/** The boxes and the player's region (named by its first cell). */
function regionKey(level: Level, position: Position): string {
  const reach = reachableCells(level, position);
  return `${reach.indexOf(1)}|${position.boxes.join(',')}`;
}

/** Most answers kept; the oldest are dropped first (a long session should not grow forever). */
const MAX_ENTRIES = 5000;

export interface SolutionCache {
  /** An answer good enough for `mode`: optimal mode needs a proven-optimal solution (or a proof of none). */
  get(level: Level, position: Position, mode: 'fast' | 'optimal'): SettledResult | null;
  /** Stores an answer for `position` (and, for a solution, for each position after a push along it). */
  put(level: Level, position: Position, answer: SettledResult): void;
  readonly size: number;
  clear(): void;
}

export function createSolutionCache(maxEntries = MAX_ENTRIES): SolutionCache {
  const map = new Map<string, Stored>();

  const store = (key: string, answer: Stored) => {
    const old = map.get(key);
    // Never replace a proven-optimal solution with an unproven one.
    if (
      old &&
      old.status === 'solved' &&
      old.optimal &&
      answer.status === 'solved' &&
      !answer.optimal
    )
      return;
    map.delete(key);
    map.set(key, answer);
    while (map.size > maxEntries) map.delete(map.keys().next().value as string);
  };

  return {
    get(level, position, mode) {
      const stored = map.get(`${levelKey(level)}#${regionKey(level, position)}`);
      if (!stored) return null;
      const { from, ...answer } = stored;
      if (answer.status !== 'solved') return answer;
      if (mode === 'optimal' && !answer.optimal) return null;
      if (from === position.player) return answer;
      // The player has walked since: walk back to where the solution starts.
      const back = walkPath(level, position, from);
      if (back === null) return null;
      return { ...answer, solution: back + answer.solution, moves: back.length + answer.moves };
    },
    put(level, position, answer) {
      const lk = levelKey(level);
      if (answer.status !== 'solved' || answer.pushes === 0) {
        store(`${lk}#${regionKey(level, position)}`, { ...answer, from: position.player });
        return;
      }
      // Each entry starts at a push, from the square the player pushes from; get() puts the
      // shortest walk there in front. The first is this position's answer, the others answer
      // the positions the solution passes through (the rest of a solution solves them, and the
      // rest of a push-optimal one is push-optimal).
      const { solution } = answer;
      let pos = position;
      let pushesLeft = answer.pushes;
      let first = true;
      for (let i = 0; i < solution.length; i++) {
        const dir = directionOfLetter(solution[i]!);
        const next = dir ? step(level, pos, dir) : null;
        if (!next) return; // not a legal solution from here: store nothing more
        if (next.pushed) {
          const rest = solution.slice(i);
          store(`${lk}#${regionKey(level, pos)}`, {
            from: pos.player,
            status: 'solved',
            solution: rest,
            moves: rest.length,
            pushes: pushesLeft,
            optimal: answer.optimal,
            // The search's own figures belong to the position it was asked about.
            ms: first ? answer.ms : 0,
            nodes: first ? answer.nodes : 0,
          });
          first = false;
          pushesLeft--;
        }
        pos = next.position;
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
