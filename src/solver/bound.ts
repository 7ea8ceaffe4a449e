/** The search's lower bound, exposed for tests and tools. */
import type { Level, Position } from '../sokoban';
import { compile } from './board';
import { analyse } from './deadlock';
import { boxGoalCosts } from './distance';
import { FORBIDDEN, Matcher } from './matching';

/**
 * The minimum-cost matching of boxes to goals over push distances: no solution from `position`
 * needs fewer pushes. null when the level is malformed or no perfect matching exists.
 */
export function lowerBound(level: Level, position: Position): number | null {
  const compiled = compile(level, position);
  if (!compiled.ok) return null;
  const { board, boxes } = compiled;
  const { distances } = analyse(level, board);
  const n = boxes.length;
  const cost = boxGoalCosts(distances, board, boxes, FORBIDDEN);
  const total = new Matcher(n).solve(cost);
  return total < 0 ? null : total;
}
