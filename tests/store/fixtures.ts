/** Levels written for the tests (never taken from published collections). */

/** One push left solves it: player right of the box, goal left of it. */
export const TINY = `Tiny
#######
#     #
# .$@ #
#     #
#######
`;

/** Room to walk around; box at row 2 col 2 (cell 18), goal at row 2 col 5 (cell 21), player at cell 28. */
export const OPEN = `Open
########
#      #
# $  . #
#   @  #
#      #
########
`;

export const TWO_LEVELS = `${TINY}\n${OPEN}`;

/** A level with an unknown character on line 3, column 4. */
export const BAD_CHAR = `#####
#@$.#
#.x$#
#####
`;

/**
 * A Boxoban-style file made up here: "; N" headers and 10×10 boards, N from 0 to count - 1. Each
 * board places the player, one box and one goal at cells chosen from N, so neighbours differ.
 */
export function boxobanFile(count: number): string {
  const interior: number[] = [];
  for (let r = 1; r < 9; r++) for (let c = 1; c < 9; c++) interior.push(r * 10 + c);
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    // `interior` holds the 8×8 = 64 inner squares, so every index below is in range.
    const player = interior[n % 64]!;
    let box = interior[(n * 7 + 3) % 64]!;
    if (box === player) box = interior[(n * 7 + 4) % 64]!;
    let goal = interior[(n * 13 + 5) % 64]!;
    while (goal === player || goal === box) goal = interior[(interior.indexOf(goal) + 1) % 64]!;
    const rows: string[] = [];
    for (let r = 0; r < 10; r++) {
      let row = '';
      for (let c = 0; c < 10; c++) {
        const cell = r * 10 + c;
        if (r === 0 || r === 9 || c === 0 || c === 9) row += '#';
        else if (cell === player) row += '@';
        else if (cell === box) row += '$';
        else if (cell === goal) row += '.';
        else row += ' ';
      }
      rows.push(row);
    }
    parts.push(`; ${n}\n${rows.join('\n')}\n`);
  }
  return parts.join('\n');
}

/** A Storage kept in memory, for persistence tests. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.has(key) ? this.map.get(key)! : null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}
