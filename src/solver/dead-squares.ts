/**
 * Dead squares of a level's static layer: squares from which a box can never reach any goal,
 * even alone on the board. Found by pulling a box away from every goal (a pull needs the square
 * the box moves to and the one behind it free of walls); a square no pull reaches is dead.
 * Used by the editor's overlay, so it works on any grid, closed or not.
 */
import { type Level, goalCells, isWall } from '../sokoban/level';

/** Cell indices of the dead squares among the non-wall cells, ascending. */
export function deadSquares(level: Pick<Level, 'width' | 'height' | 'tiles'>): number[] {
  const { width, height } = level;
  const size = width * height;
  const open = (cell: number) => cell >= 0 && cell < size && !isWall(level as Level, cell);
  const live = new Uint8Array(size);
  const stack: number[] = [];
  for (const g of goalCells(level as Level)) {
    live[g] = 1;
    stack.push(g);
  }
  const steps: [number, number][] = [
    [0, -1],
    [-1, 0],
    [0, 1],
    [1, 0],
  ];
  while (stack.length > 0) {
    const cell = stack.pop()!;
    const row = Math.floor(cell / width);
    const col = cell % width;
    for (const [dr, dc] of steps) {
      // The box moves one square, the player stands one beyond it.
      const r1 = row + dr;
      const c1 = col + dc;
      const r2 = row + 2 * dr;
      const c2 = col + 2 * dc;
      if (r2 < 0 || r2 >= height || c2 < 0 || c2 >= width) continue;
      const to = r1 * width + c1;
      if (live[to] || !open(to) || !open(r2 * width + c2)) continue;
      live[to] = 1;
      stack.push(to);
    }
  }
  const dead: number[] = [];
  for (let cell = 0; cell < size; cell++) if (open(cell) && !live[cell]) dead.push(cell);
  return dead;
}
