/**
 * Deadlock verdicts for a position in play. Every verdict is a proof: dead squares (no goal
 * reachable by pushing), frozen boxes off goals, or no assignment of boxes to goals at all.
 */
import type { Level, Position } from '../sokoban';
import type { DeadlockReport } from './api';
import { type Board, compile, toOriginal } from './board';
import { boxGoalCosts, type Distances, pushDistances } from './distance';
import { CorralFinder } from './corral';
import { FreezeChecker } from './freeze';
import { FORBIDDEN, Matcher } from './matching';

export interface Analysis {
  readonly board: Board;
  readonly distances: Distances;
  readonly freeze: FreezeChecker;
}

const cache = new WeakMap<Level, Analysis>();

/** The static analysis of a level (board, push distances, dead squares), cached per level. */
export function analyse(level: Level, board: Board): Analysis {
  const hit = cache.get(level);
  if (hit && hit.board.size === board.size && hit.board.goals.length === board.goals.length)
    return hit;
  const distances = pushDistances(board);
  const analysis = { board, distances, freeze: new FreezeChecker(board, distances.dead) };
  cache.set(level, analysis);
  return analysis;
}

function isCorner(board: Board, cell: number): boolean {
  const { floor, width } = board;
  const h = !floor[cell - 1] || !floor[cell + 1];
  const v = !floor[cell - width] || !floor[cell + width];
  return h && v;
}

type Verdict = DeadlockReport | null;
type Cells = (cells: Iterable<number>) => number[];

/** Boxes on dead squares (no goal reachable by pushing), named a corner when all are in one. */
function deadSquareVerdict(
  board: Board,
  boxes: Int32Array,
  dead: Uint8Array,
  orig: Cells,
): Verdict {
  const onDead = Array.from(boxes).filter((b) => dead[b]);
  if (onDead.length === 0) return null;
  const corner = onDead.every((b) => isCorner(board, b));
  return {
    deadlocked: true,
    cause: corner
      ? 'box stuck in a corner'
      : 'box on a dead square: it can never be pushed to a goal',
    boxes: orig(onDead),
  };
}

/** The groups of frozen boxes (neighbours joined) that hold a box off its goal. */
function frozenGroupsOffGoal(board: Board, frozen: readonly number[]): number[] {
  const inSet = new Set(frozen);
  const seen = new Set<number>();
  const involved: number[] = [];
  for (const start of frozen) {
    if (board.goal[start] || seen.has(start)) continue;
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const c = stack.pop()!;
      involved.push(c);
      for (let d = 0; d < 4; d++) {
        const nb = c + board.offsets[d];
        if (inSet.has(nb) && !seen.has(nb)) {
          seen.add(nb);
          stack.push(nb);
        }
      }
    }
  }
  return involved;
}

function frozenVerdict(
  board: Board,
  boxes: Int32Array,
  freeze: FreezeChecker,
  orig: Cells,
): Verdict {
  const frozen = freeze.frozenBoxes(boxes);
  if (!frozen.some((b) => !board.goal[b])) return null;
  const involved = frozenGroupsOffGoal(board, frozen);
  return {
    deadlocked: true,
    cause:
      involved.length === 1
        ? 'box frozen off a goal: it can never move again'
        : 'frozen boxes off goals: they block each other for good',
    boxes: orig(involved),
  };
}

/** No assignment of boxes to distinct goals they can each be pushed to. */
function matchingVerdict(analysis: Analysis, boxes: Int32Array, orig: Cells): Verdict {
  const { board, distances } = analysis;
  const n = boxes.length;
  const cost = boxGoalCosts(distances, board, boxes, FORBIDDEN);
  const matcher = new Matcher(n);
  if (matcher.solve(cost) >= 0) return null;
  const stuck: number[] = [];
  for (let i = 0; i < n; i++)
    if (cost[i * n + matcher.assignment[i]] >= FORBIDDEN) stuck.push(boxes[i]);
  return {
    deadlocked: true,
    cause:
      'boxes cannot all get a goal of their own (too many boxes can only reach the same goals)',
    boxes: orig(stuck),
  };
}

/** The cells the player can walk to from `player` without pushing (1 = reached). */
function playerReach(board: Board, boxAt: Uint8Array, player: number): Int32Array {
  const reach = new Int32Array(board.size);
  const stack = [player];
  reach[player] = 1;
  while (stack.length) {
    const x = stack.pop()!;
    for (let d = 0; d < 4; d++) {
      const y = x + board.offsets[d];
      if (board.floor[y] && !boxAt[y] && !reach[y]) {
        reach[y] = 1;
        stack.push(y);
      }
    }
  }
  return reach;
}

/** A corral that needs work but whose fence can never be pushed into it. */
function corralVerdict(
  analysis: Analysis,
  boxes: Int32Array,
  player: number,
  orig: Cells,
): Verdict {
  const { board, distances } = analysis;
  const boxAt = new Uint8Array(board.size);
  for (const b of boxes) boxAt[b] = 1;
  const reach = playerReach(board, boxAt, player);
  const corrals = new CorralFinder(board, distances.dead);
  if (corrals.find(boxAt, reach, 1) !== 'deadlock') return null;
  return {
    deadlocked: true,
    cause: 'corral deadlock: the boxes around a closed-off area can never be pushed into it',
    boxes: orig(corrals.deadlockFence),
  };
}

/**
 * Called once per position a player or an episode asks about, not per search node: each proof
 * is its own step, tried from the cheapest to the dearest, and the first one found is reported.
 */
export function checkDeadlock(level: Level, position: Position): DeadlockReport {
  const compiled = compile(level, position);
  if (!compiled.ok) {
    // Structural problems are not deadlocks; a box walled off away from goals is.
    return compiled.invalid
      ? { deadlocked: false }
      : { deadlocked: true, cause: compiled.message, boxes: [] };
  }
  const { board, boxes, player } = compiled;
  const analysis = analyse(level, board);
  const orig: Cells = (cells) =>
    Array.from(cells, (c) => toOriginal(board, c)).sort((a, b) => a - b);
  return (
    deadSquareVerdict(board, boxes, analysis.distances.dead, orig) ??
    frozenVerdict(board, boxes, analysis.freeze, orig) ??
    matchingVerdict(analysis, boxes, orig) ??
    corralVerdict(analysis, boxes, player, orig) ?? { deadlocked: false }
  );
}
