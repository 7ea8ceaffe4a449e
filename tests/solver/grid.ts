/**
 * Plain references for the engine-module tests: random compiled boards and a textbook
 * breadth-first search over rows and columns (no padding tricks, no stamps, no offsets table).
 */
import fc from 'fast-check';
import { type Board, compile } from '../../src/solver/board';
import { level, randomLevel } from './helpers';

export interface RandomBoard {
  readonly board: Board;
  readonly boxes: Int32Array;
  readonly player: number;
}

/** A random closed room compiled for the solver, or null when the compiler rejects it. */
export function randomBoard(
  seed: number,
  width = 7,
  height = 7,
  boxes = 3,
  wallChance = 0.2,
): RandomBoard | null {
  const compiled = compile(randomLevel(seed, width, height, boxes, wallChance));
  return compiled.ok ? compiled : null;
}

/** Random compiled rooms `size` wide and high with `boxes` boxes (the compiler's rejects skipped). */
export function randomBoards(
  size: fc.Arbitrary<number>,
  boxes: fc.Arbitrary<number>,
  wallChance: number,
): fc.Arbitrary<RandomBoard> {
  return fc
    .record({ seed: fc.nat(), size, boxes })
    .map(({ seed, size, boxes }) => randomBoard(seed, size, size, boxes, wallChance))
    .filter((b): b is RandomBoard => b !== null);
}

/** A level written in the test, compiled; throws if the compiler refuses it. */
export function compiled(text: string): RandomBoard {
  const c = compile(level(text));
  if (!c.ok) throw new Error(c.message);
  return c;
}

/** The up-to-four cells beside `cell` on a board `width` × `height`, by row and column. */
export function besides(width: number, height: number, cell: number): number[] {
  const row = Math.floor(cell / width);
  const col = cell % width;
  const out: number[] = [];
  if (col > 0) out.push(cell - 1);
  if (row > 0) out.push(cell - width);
  if (col < width - 1) out.push(cell + 1);
  if (row < height - 1) out.push(cell + width);
  return out;
}

/** Walking distance from `from` to every cell over the cells `open` allows; -1 where unreachable. */
export function bfs(board: Board, open: (cell: number) => boolean, from: number): Int32Array {
  const dist = new Int32Array(board.size).fill(-1);
  dist[from] = 0;
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head]!;
    for (const n of besides(board.width, board.height, c)) {
      if (dist[n]! >= 0 || !open(n)) continue;
      dist[n] = dist[c]! + 1;
      queue.push(n);
    }
  }
  return dist;
}

/** Cells holding a box, as a lookup array over the board. */
export function boxMap(board: Board, boxes: ArrayLike<number>): Uint8Array {
  const boxAt = new Uint8Array(board.size);
  for (let i = 0; i < boxes.length; i++) boxAt[boxes[i]!] = 1;
  return boxAt;
}
