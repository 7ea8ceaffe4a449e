/**
 * Test-only brute force: the fewest pushes that solve a level, by breadth-first search over
 * pushes from the start, written straight on src/sokoban's rules (no solver, no generator code).
 */
import {
  DIRECTIONS,
  type Level,
  type Position,
  isSolved,
  reachableCells,
  step,
} from '../../src/sokoban';

export function fewestPushes(level: Level, maxDepth = 60): number | null {
  const keyOf = (p: Position, reach: Uint8Array) => `${reach.indexOf(1)}:${p.boxes.join(',')}`;
  const start: Position = { player: level.player, boxes: level.boxes };
  let frontier: Position[] = [start];
  const seen = new Set([keyOf(start, reachableCells(level, start))]);
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    if (frontier.some((p) => isSolved(level, p))) return depth;
    const next: Position[] = [];
    for (const p of frontier) {
      const reach = reachableCells(level, p);
      for (let cell = 0; cell < reach.length; cell++) {
        if (!reach[cell]) continue;
        for (const dir of DIRECTIONS) {
          const r = step(level, { player: cell, boxes: p.boxes }, dir);
          if (!r || !r.pushed) continue;
          const key = keyOf(r.position, reachableCells(level, r.position));
          if (seen.has(key)) continue;
          seen.add(key);
          next.push(r.position);
        }
      }
    }
    frontier = next;
  }
  return null;
}
