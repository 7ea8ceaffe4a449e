/**
 * Box destinations: every square one box can be pushed to from the current position, the other
 * boxes standing still and the player walking freely between pushes. The board marks them when a
 * box is picked, and pushPath then finds the way to the square the user chooses.
 */
import { type Level, type Position, isWall } from './level';
import { DIRECTIONS, neighbour, OPPOSITE } from './direction';
import { walkDistances } from './path-finding';

/**
 * The cells (ascending, the box's own cell left out) the box at `box` can reach by pushes, or []
 * when there is no box there. Breadth-first over (box cell, side the player pushed from): the
 * player's reach only depends on that pair, so each pair is expanded once.
 */
export function boxDestinations(level: Level, position: Position, box: number): number[] {
  if (!position.boxes.includes(box)) return [];
  const { width, height } = level;
  const size = width * height;
  const blocked = new Uint8Array(size);
  for (const b of position.boxes) if (b !== box) blocked[b] = 1;
  const seen = new Uint8Array(size * 4); // state = box cell * 4 + index of the push direction
  const reached = new Uint8Array(size);
  const queue: Array<[boxCell: number, player: number]> = [[box, position.player]];
  for (let head = 0; head < queue.length; head++) {
    const [boxCell, player] = queue[head]!;
    blocked[boxCell] = 1;
    const dist = walkDistances(level, blocked, player);
    blocked[boxCell] = 0;
    DIRECTIONS.forEach((dir, d) => {
      const behind = neighbour(width, height, boxCell, OPPOSITE[dir]);
      const ahead = neighbour(width, height, boxCell, dir);
      if (behind < 0 || ahead < 0 || dist[behind]! < 0) return;
      if (isWall(level, ahead) || blocked[ahead] || seen[ahead * 4 + d]) return;
      seen[ahead * 4 + d] = 1;
      reached[ahead] = 1;
      queue.push([ahead, boxCell]);
    });
  }
  const cells: number[] = [];
  for (let cell = 0; cell < size; cell++) if (reached[cell] && cell !== box) cells.push(cell);
  return cells;
}
