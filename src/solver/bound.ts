/** The search's lower bound, exposed for tests and tools. */
import type { Level, Position } from '../sokoban';
import { compile } from './board';
import { analyse } from './deadlock';
import { UNREACHABLE } from './distance';
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
  const cost = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let g = 0; g < n; g++) {
      const d = distances.dist[g * board.size + boxes[i]];
      cost[i * n + g] = d === UNREACHABLE ? FORBIDDEN : d;
    }
  }
  const total = new Matcher(n).solve(cost);
  return total < 0 ? null : total;
}
