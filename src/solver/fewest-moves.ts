/**
 * Optimal mode's second pass. Push-optimal means fewest pushes, then fewest moves. The push
 * count is proven by the first pass; a second search over exact player cells finds the fewest
 * moves for it while time and memory last (SearchLimits.fewestMovesFor), and otherwise the
 * first solution stands.
 */
import type { SolveProgress } from './api';
import type { Board } from './board';
import type { Distances } from './distance';
import { type SearchLimits, type SearchOutcome, search } from './search';

type Solved = Extract<SearchOutcome, { status: 'solved' }>;

/**
 * Runs the pass after `first`; `start` is when the solve began. The outcome's nodes count both
 * passes; `fewestMoves` says whether the second finished.
 */
export function fewestMovesPass(
  board: Board,
  distances: Distances,
  boxes: Int32Array,
  player: number,
  limits: SearchLimits,
  first: Solved,
  start: number,
  onProgress: ((p: SolveProgress) => void) | undefined,
): { outcome: SearchOutcome; fewestMoves: boolean } {
  const pushes = first.pushes.length;
  // "Where affordable": the second pass may take up to four times as long as the first (at
  // least a second), so a user never waits for minutes to save a few steps.
  const spent = limits.now() - start;
  const second = search(board, distances, boxes, player, {
    ...limits,
    deadline: Math.min(limits.deadline, start + spent + Math.max(1000, 4 * spent)),
    fewestMovesFor: pushes,
    onProgress:
      onProgress &&
      ((p) =>
        onProgress({
          ...p,
          fewestMovesFor: pushes,
          nodes: p.nodes + first.nodes,
          nodesPerSecond:
            p.elapsedMs > 0 ? Math.round(((p.nodes + first.nodes) * 1000) / p.elapsedMs) : 0,
        })),
  });
  const nodes = first.nodes + second.nodes;
  if (second.status === 'cancelled') return { outcome: { ...second, nodes }, fewestMoves: false };
  const fewestMoves = second.status === 'solved';
  return { outcome: { ...(fewestMoves ? second : first), nodes }, fewestMoves };
}
