/**
 * The room of a Boxoban-style level: a rectangle of walls carved open by a random walk, as in
 * DeepMind's Boxoban levels. A walker starts inside, stamps a small shape of floor where it
 * stands, and moves on, turning now and then; the floor it leaves behind is the room.
 */
import type { Random } from './prng';

/** Row-major cells, 1 for floor, 0 for wall; the outer ring is always wall. */
export type Room = Uint8Array;

/** Shapes the walker stamps, as (dRow, dCol) offsets: a cell, short bars, a square, an L, a plus. */
const STAMPS: readonly (readonly [number, number][])[] = [
  [[0, 0]],
  [[0, 0]],
  [
    [0, 0],
    [0, 1],
    [0, -1],
  ],
  [
    [0, 0],
    [1, 0],
    [-1, 0],
  ],
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  [
    [0, 0],
    [0, 1],
    [1, 0],
  ],
  [
    [0, 0],
    [0, 1],
    [0, -1],
    [1, 0],
    [-1, 0],
  ],
];

const STEPS: readonly [number, number][] = [
  [0, -1],
  [-1, 0],
  [0, 1],
  [1, 0],
];

/** Carves a `width × height` room; `steps` defaults to 1.5 × (width + height), as Boxoban's. */
export function carveRoom(width: number, height: number, random: Random, steps?: number): Room {
  const room = new Uint8Array(width * height);
  const walk = steps ?? Math.floor((3 * (width + height)) / 2);
  let row = 1 + random.below(height - 2);
  let col = 1 + random.below(width - 2);
  let dir = STEPS[random.below(4)]!;
  for (let i = 0; i < walk; i++) {
    if (random.chance(35, 100)) dir = STEPS[random.below(4)]!;
    for (const [dr, dc] of STAMPS[random.below(STAMPS.length)]!) {
      const r = row + dr;
      const c = col + dc;
      if (r >= 1 && r < height - 1 && c >= 1 && c < width - 1) room[r * width + c] = 1;
    }
    // Stay inside the ring of walls: a step that would leave it is clamped.
    row = Math.min(height - 2, Math.max(1, row + dir[0]));
    col = Math.min(width - 2, Math.max(1, col + dir[1]));
  }
  return room;
}

/** The floor cells of a room, ascending. */
export function floorCells(room: Room): number[] {
  const cells: number[] = [];
  for (let i = 0; i < room.length; i++) if (room[i]) cells.push(i);
  return cells;
}
