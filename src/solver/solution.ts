/**
 * Push solution -> full LURD: between pushes the player takes a shortest walk (breadth-first
 * over the board with the boxes as obstacles).
 */
import { type Board, LETTERS } from './board';

/** One push: the box's cell before it and the direction (index into board.offsets). */
export interface Push {
  readonly from: number;
  readonly dir: number;
}

/** The LURD string for `pushes` from the given start, or null if a push is impossible (a bug). */
export function expandPushes(
  board: Board,
  boxes: ArrayLike<number>,
  player: number,
  pushes: readonly Push[],
): string | null {
  const { size, floor, offsets } = board;
  const boxAt = new Uint8Array(size);
  for (let i = 0; i < boxes.length; i++) boxAt[boxes[i]] = 1;
  const prevDir = new Int8Array(size);
  const seen = new Int32Array(size);
  const queue = new Int32Array(size);
  let stamp = 0;
  const parts: string[] = [];
  let at = player;
  for (const push of pushes) {
    const e = offsets[push.dir];
    const target = push.from - e;
    if (!boxAt[push.from] || !floor[push.from + e] || boxAt[push.from + e]) return null;
    if (at !== target) {
      stamp++;
      let head = 0;
      let tail = 0;
      seen[at] = stamp;
      queue[tail++] = at;
      let found = false;
      while (head < tail && !found) {
        const c = queue[head++];
        for (let d = 0; d < 4; d++) {
          const n = c + offsets[d];
          if (!floor[n] || boxAt[n] || seen[n] === stamp) continue;
          seen[n] = stamp;
          prevDir[n] = d;
          if (n === target) {
            found = true;
            break;
          }
          queue[tail++] = n;
        }
      }
      if (!found) return null;
      const walk: string[] = [];
      for (let c = target; c !== at; c -= offsets[prevDir[c]]) walk.push(LETTERS[prevDir[c]]);
      parts.push(walk.reverse().join(''));
    }
    parts.push(LETTERS[push.dir].toUpperCase());
    boxAt[push.from] = 0;
    boxAt[push.from + e] = 1;
    at = push.from;
  }
  return parts.join('');
}
