/** Test helpers: crafted boards, a seeded level generator and an exhaustive reference search. */
import {
  type Level,
  type Position,
  DIRECTIONS,
  isSolved,
  parseLevel,
  step,
} from '../../src/sokoban';
import { minHeap } from '../../src/sokoban/heap';
import { compile } from '../../src/solver/board';
import { pushDistances } from '../../src/solver/distance';

export function level(text: string): Level {
  const parsed = parseLevel(text.replace(/^\n/, ''));
  if (!parsed.ok) throw new Error(`bad test level: ${parsed.error.message}`);
  return parsed.level;
}

/** Seeded PRNG (mulberry32) so generated levels are the same on every run. */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/** A closed room `width × height` (walls included) with random inner walls and `boxes` boxes. */
export function randomLevel(
  seed: number,
  width: number,
  height: number,
  boxes: number,
  wallChance = 0.2,
): Level {
  const rnd = rng(seed);
  const tiles: string[] = [];
  const free: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const border = r === 0 || c === 0 || r === height - 1 || c === width - 1;
      const wall = border || rnd(100) < wallChance * 100;
      tiles.push(wall ? '#' : ' ');
      if (!wall) free.push(r * width + c);
    }
  }
  for (let i = free.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  const boxCells = free.slice(0, boxes).sort((a, b) => a - b);
  const goalCells = free.slice(boxes, boxes * 2);
  // Goals may also coincide with boxes sometimes, as in real levels.
  if (rnd(4) === 0 && boxes > 1) goalCells[0] = boxCells[0]!;
  for (const g of goalCells) tiles[g] = '.';
  const player = free[boxes * 2]!;
  return {
    title: `random ${seed}`,
    author: '',
    width,
    height,
    tiles: tiles.join(''),
    boxes: boxCells,
    player,
  };
}

/**
 * Fewest pushes to solve, by breadth-first search over pushes with free walking in between
 * (0-1 BFS over exact player + boxes); null when no solution exists within `maxStates`
 * (throws when the space is larger, so a test never mistakes "too big" for "unsolvable").
 */
export function exhaustivePushes(lvl: Level, maxStates = 200_000): number | null {
  const key = (p: Position) => `${p.player}|${p.boxes.join(',')}`;
  const start: Position = { player: lvl.player, boxes: lvl.boxes };
  const seen = new Map<string, number>();
  let frontier: Position[] = [start];
  seen.set(key(start), 0);
  for (let pushes = 0; frontier.length > 0; pushes++) {
    // Close the layer under walking (cost 0).
    const layer: Position[] = [];
    const stack = [...frontier];
    while (stack.length) {
      const p = stack.pop()!;
      layer.push(p);
      if (isSolved(lvl, p)) return pushes;
      for (const d of DIRECTIONS) {
        const s = step(lvl, p, d);
        if (!s || s.pushed) continue;
        const k = key(s.position);
        if (!seen.has(k)) {
          seen.set(k, pushes);
          stack.push(s.position);
        }
      }
    }
    const next: Position[] = [];
    for (const p of layer) {
      for (const d of DIRECTIONS) {
        const s = step(lvl, p, d);
        if (!s || !s.pushed) continue;
        const k = key(s.position);
        if (!seen.has(k)) {
          seen.set(k, pushes + 1);
          next.push(s.position);
        }
      }
    }
    if (seen.size > maxStates) throw new Error('state space too large for the reference search');
    frontier = next;
  }
  return null;
}

/**
 * Fewest pushes, then fewest moves (push-optimal in the Sokoban sense), by Dijkstra over exact
 * player + boxes with the cost pushes·2^20 + moves; null when unsolvable within `maxStates`
 * (throws when the space is larger).
 */
export function exhaustivePushesThenMoves(
  lvl: Level,
  maxStates = 200_000,
): { pushes: number; moves: number } | null {
  const SCALE = 1 << 20;
  const key = (p: Position) => `${p.player}|${p.boxes.join(',')}`;
  const best = new Map<string, number>();
  const heap = minHeap<Position>();
  const start: Position = { player: lvl.player, boxes: lvl.boxes };
  best.set(key(start), 0);
  heap.push(0, start);
  while (heap.size > 0) {
    const [cost, p] = heap.pop();
    if (best.get(key(p))! < cost) continue;
    if (isSolved(lvl, p)) return { pushes: Math.floor(cost / SCALE), moves: cost % SCALE };
    for (const d of DIRECTIONS) {
      const s = step(lvl, p, d);
      if (!s) continue;
      const next = cost + (s.pushed ? SCALE : 0) + 1;
      const k = key(s.position);
      const old = best.get(k);
      if (old !== undefined && old <= next) continue;
      best.set(k, next);
      heap.push(next, s.position);
    }
    if (best.size > maxStates) throw new Error('state space too large for the reference search');
  }
  return null;
}

/** A position compiled for the checkers: boxes marked, the player's region flooded (stamp 1). */
export function compiledPosition(l: Level) {
  const c = compile(l);
  if (!c.ok) throw new Error(c.message);
  const { board, boxes, player } = c;
  const boxAt = new Uint8Array(board.size);
  for (const b of boxes) boxAt[b] = 1;
  const reach = new Int32Array(board.size);
  const stack = [player];
  reach[player] = 1;
  while (stack.length) {
    const x = stack.pop()!;
    for (const o of board.offsets) {
      const y = x + o;
      if (board.floor[y] && !boxAt[y] && !reach[y]) {
        reach[y] = 1;
        stack.push(y);
      }
    }
  }
  return { board, boxes, player, boxAt, reach, dead: pushDistances(board).dead };
}
