/**
 * Step-by-step analysis of an episode: for every position, the optimal number of pushes left
 * (proven by the optimal search, or unknown at its limit), or that it is lost and why.
 *
 * Work is saved three ways:
 * - positions change only at pushes: between pushes the player walks inside one region, so a
 *   verdict holds until the next push;
 * - verdicts are cached by (boxes, player region), so a position the agent returns to is free,
 *   and an optimal solution also gives the exact count for every position along it;
 * - lost is for good (a position from which a lost one follows is lost, and a lost position
 *   stays lost whatever is done), so after the first lost step only the cheap deadlock rules
 *   run, to name the cause.
 */
import {
  type Level,
  type Position,
  type StepVerdict,
  directionOfLetter,
  isSolved,
  reachableCells,
  step,
} from '../sokoban';
import { checkDeadlock } from './deadlock';
import { solveTuned } from './index';

export interface AnalyseOptions {
  /** Limit of each optimal search, in milliseconds (default 2000). */
  readonly timeLimitMs?: number | undefined;
  readonly memoryLimitMb?: number | undefined;
  /** Called after each position that needed work: `done` of `total` pushes-or-start. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const UNSOLVABLE_CAUSE = 'proven unsolvable by search';
export const DEFAULT_STEP_LIMIT_MS = 2000;

/** Boxes plus the smallest cell the player can reach: equal keys, equal verdicts. */
function regionKey(level: Level, position: Position): string {
  const reach = reachableCells(level, position);
  return `${position.boxes.join(',')}|${reach.indexOf(1)}`;
}

function sameBoxes(a: Position, b: Position): boolean {
  return (
    a.boxes === b.boxes ||
    (a.boxes.length === b.boxes.length && a.boxes.every((x, i) => x === b.boxes[i]))
  );
}

/** Every position along an optimal solution, keyed, with its exact pushes left. */
function seedAlong(
  level: Level,
  from: Position,
  solution: string,
  pushes: number,
  cache: Map<string, StepVerdict>,
): void {
  let position = from;
  let left = pushes;
  for (const letter of solution) {
    const dir = directionOfLetter(letter);
    const result = dir && step(level, position, dir);
    if (!result) return; // cannot happen: solutions are replayed before they are returned
    position = result.position;
    if (!result.pushed) continue;
    left--;
    const key = regionKey(level, position);
    if (!cache.has(key)) cache.set(key, { pushesLeft: left, status: 'alive', cause: null });
  }
}

function judge(
  level: Level,
  position: Position,
  options: AnalyseOptions,
  cache: Map<string, StepVerdict>,
): StepVerdict {
  const deadlock = checkDeadlock(level, position);
  if (deadlock.deadlocked)
    return { pushesLeft: null, status: 'lost', cause: deadlock.cause ?? 'deadlock' };
  if (isSolved(level, position)) return { pushesLeft: 0, status: 'alive', cause: null };
  const result = solveTuned(
    { ...level, player: position.player, boxes: position.boxes },
    {
      mode: 'optimal',
      timeLimitMs: options.timeLimitMs ?? DEFAULT_STEP_LIMIT_MS,
      memoryLimitMb: options.memoryLimitMb,
    },
    // The fewest moves do not change the pushes left: skip that second pass.
    { fewestMoves: false },
  );
  switch (result.status) {
    case 'solved':
      seedAlong(level, position, result.solution, result.pushes, cache);
      return { pushesLeft: result.pushes, status: 'alive', cause: null };
    case 'unsolvable':
      return { pushesLeft: null, status: 'lost', cause: UNSOLVABLE_CAUSE };
    case 'limit':
      return { pushesLeft: null, status: 'unknown', cause: result.message };
    case 'invalid':
      return { pushesLeft: null, status: 'unknown', cause: result.message };
    case 'cancelled':
      return { pushesLeft: null, status: 'unknown', cause: 'cancelled' };
  }
}

/** The verdict for each position (positions[0] is the start, then one per step). */
export function analysePositions(
  level: Level,
  positions: readonly Position[],
  options: AnalyseOptions = {},
): StepVerdict[] {
  const cache = new Map<string, StepVerdict>();
  const verdicts: StepVerdict[] = [];
  let total = 0;
  for (let i = 0; i < positions.length; i++)
    if (i === 0 || !sameBoxes(positions[i], positions[i - 1])) total++;
  let done = 0;
  let lost: StepVerdict | null = null;
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (i > 0 && sameBoxes(position, positions[i - 1])) {
      verdicts.push(verdicts[i - 1]);
      continue;
    }
    let verdict: StepVerdict;
    if (lost) {
      const deadlock = checkDeadlock(level, position);
      verdict = deadlock.deadlocked
        ? { pushesLeft: null, status: 'lost', cause: deadlock.cause ?? lost.cause }
        : lost;
    } else {
      const key = regionKey(level, position);
      verdict = cache.get(key) ?? judge(level, position, options, cache);
      cache.set(key, verdict);
      if (verdict.status === 'lost') lost = verdict;
    }
    verdicts.push(verdict);
    options.onProgress?.(++done, total);
  }
  return verdicts;
}
