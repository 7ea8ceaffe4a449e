/**
 * Player path finding for click-to-move and drag-to-push: shortest walks, and box paths with
 * the fewest pushes, then the fewest moves.
 */
import { type Level, type Position, isWall } from './level';
import { DIRECTIONS, type Direction, neighbour, OPPOSITE } from './direction';
import { minHeap } from './heap';

/** Breadth-first distances from `from` over cells free of walls and of `blocked` cells; -1 = unreachable. */
export function walkDistances(level: Level, blocked: Uint8Array, from: number): Int32Array {
  const dist = new Int32Array(level.width * level.height).fill(-1);
  const queue = new Int32Array(level.width * level.height);
  let head = 0;
  let tail = 0;
  dist[from] = 0;
  queue[tail++] = from;
  while (head < tail) {
    const cell = queue[head++]!;
    for (const dir of DIRECTIONS) {
      const next = neighbour(level.width, level.height, cell, dir);
      if (next >= 0 && dist[next]! < 0 && !blocked[next] && !isWall(level, next)) {
        dist[next] = dist[cell]! + 1;
        queue[tail++] = next;
      }
    }
  }
  return dist;
}

function boxMask(level: Level, boxes: readonly number[]): Uint8Array {
  const mask = new Uint8Array(level.width * level.height);
  for (const b of boxes) mask[b] = 1;
  return mask;
}

/** Cells the player can walk to without pushing. */
export function reachableCells(level: Level, position: Position): Uint8Array {
  const dist = walkDistances(level, boxMask(level, position.boxes), position.player);
  const out = new Uint8Array(dist.length);
  for (let i = 0; i < dist.length; i++) out[i] = dist[i]! >= 0 ? 1 : 0;
  return out;
}

/** Walks back from `to` along decreasing distances, returning the LURD letters from the start. */
function traceWalk(level: Level, dist: Int32Array, to: number): string {
  let path = '';
  let cell = to;
  while (dist[cell]! > 0) {
    for (const dir of DIRECTIONS) {
      const prev = neighbour(level.width, level.height, cell, OPPOSITE[dir]);
      if (prev >= 0 && dist[prev] === dist[cell]! - 1) {
        path = dir + path;
        cell = prev;
        break;
      }
    }
  }
  return path;
}

/** The shortest walk (lower-case LURD) from the player to `target`, or null when it is unreachable. */
export function walkPath(level: Level, position: Position, target: number): string | null {
  const dist = walkDistances(level, boxMask(level, position.boxes), position.player);
  if (target < 0 || target >= dist.length || dist[target]! < 0) return null;
  return traceWalk(level, dist, target);
}

/**
 * Moves the box at `box` to `target` with the fewest pushes, then the fewest moves, other boxes
 * standing still. Returns the LURD string (pushes upper case) or null when no such path exists.
 * Dijkstra over (box cell, side the player stands on), cost = pushes * BIG + moves.
 */
export function pushPath(
  level: Level,
  position: Position,
  box: number,
  target: number,
): string | null {
  if (!position.boxes.includes(box)) return null;
  if (box === target) return '';
  const size = level.width * level.height;
  const others = boxMask(
    level,
    position.boxes.filter((b) => b !== box),
  );
  const BIG = size * 8 + 1;
  const stateCount = size * 4;
  const cost = new Float64Array(stateCount).fill(Infinity);
  const parent = new Int32Array(stateCount).fill(-1);
  const walkTo = new Array<string>(stateCount);
  const heap = minHeap<number>();

  // State = boxCell * 4 + dirIndex: the box has just been pushed in DIRECTIONS[dirIndex], so the
  // player stands on the cell behind it. The start is handled by walking from the real player.
  const expand = (boxCell: number, player: number, baseCost: number, fromState: number) => {
    others[boxCell] = 1;
    const dist = walkDistances(level, others, player);
    others[boxCell] = 0;
    DIRECTIONS.forEach((dir: Direction, d) => {
      const behind = neighbour(level.width, level.height, boxCell, OPPOSITE[dir]);
      const ahead = neighbour(level.width, level.height, boxCell, dir);
      if (behind < 0 || ahead < 0 || dist[behind]! < 0) return;
      if (isWall(level, ahead) || others[ahead]) return;
      const state = ahead * 4 + d;
      const c = baseCost + BIG + dist[behind]! + 1;
      if (c < cost[state]!) {
        cost[state] = c;
        parent[state] = fromState;
        walkTo[state] = traceWalk(level, dist, behind) + dir.toUpperCase();
        heap.push(c, state);
      }
    });
  };

  expand(box, position.player, 0, -1);
  while (heap.size > 0) {
    const [c, state] = heap.pop();
    if (c > cost[state]!) continue;
    const boxCell = state >> 2;
    if (boxCell === target) {
      let path = '';
      for (let s = state; s >= 0; s = parent[s]!) path = walkTo[s] + path;
      return path;
    }
    const dir = DIRECTIONS[state & 3]!;
    const player = neighbour(level.width, level.height, boxCell, OPPOSITE[dir]);
    expand(boxCell, player, c, state);
  }
  return null;
}
