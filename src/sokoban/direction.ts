/** The four directions in LURD order, with their move letters. */
export type Direction = 'l' | 'u' | 'r' | 'd';

export const DIRECTIONS: readonly Direction[] = ['l', 'u', 'r', 'd'];

export const OPPOSITE: Readonly<Record<Direction, Direction>> = { l: 'r', r: 'l', u: 'd', d: 'u' };

/** Index offset of one step in `dir` on a board `width` cells wide. */
export function delta(width: number, dir: Direction): number {
  switch (dir) {
    case 'l':
      return -1;
    case 'r':
      return 1;
    case 'u':
      return -width;
    case 'd':
      return width;
  }
}

/**
 * The neighbour of `cell` in `dir`, or -1 when it would leave the board.
 * Row and column are checked, so a step never wraps from one row's end to the next.
 */
export function neighbour(width: number, height: number, cell: number, dir: Direction): number {
  const col = cell % width;
  const row = (cell - col) / width;
  switch (dir) {
    case 'l':
      return col > 0 ? cell - 1 : -1;
    case 'r':
      return col < width - 1 ? cell + 1 : -1;
    case 'u':
      return row > 0 ? cell - width : -1;
    case 'd':
      return row < height - 1 ? cell + width : -1;
  }
}

export function directionOfLetter(letter: string): Direction | null {
  const l = letter.toLowerCase();
  return l === 'l' || l === 'u' || l === 'r' || l === 'd' ? l : null;
}
