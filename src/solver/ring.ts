/**
 * The ring of eight cells around a cell, as a byte: whether freeing or filling the cell can
 * change the player's regions. The search uses it to skip floods.
 */

/**
 * RING_JOINS[mask]: with bit r of `mask` set when ring cell r around a cell is free (clockwise
 * from above: N, NE, E, SE, S, SW, W, NW), whether all free straight neighbours lie on one
 * unbroken run of free ring cells.
 */
const RING_JOINS = (() => {
  const table = new Uint8Array(256);
  for (let mask = 0; mask < 256; mask++) {
    const free = (r: number) => ((mask >> (r & 7)) & 1) === 1;
    let blockedAt = -1;
    for (let r = 0; r < 8 && blockedAt < 0; r++) if (!free(r)) blockedAt = r;
    let joins = true;
    if (blockedAt >= 0) {
      let runs = 0;
      let runOfFree = -1;
      let prevFree = false;
      for (let t = 1; t <= 8; t++) {
        const r = (blockedAt + t) & 7;
        const f = free(r);
        if (f && !prevFree) runs++;
        prevFree = f;
        if (f && (r & 1) === 0) {
          if (runOfFree < 0) runOfFree = runs;
          else if (runOfFree !== runs) joins = false;
        }
      }
    }
    table[mask] = joins ? 1 : 0;
  }
  return table;
})();

/**
 * Whether the free neighbours of `c` (boxes as `boxAt` has them; `c` itself ignored) are
 * joined around it: walking the eight cells around `c`, they all lie on one unbroken run of
 * free cells (a diagonal cell is next to both of its straight neighbours). Then they are in
 * one region whether or not `c` is free; when not, they may still be (joined further away).
 * The ring's free cells as a byte index a table (`floor - boxAt` is 1 exactly when free).
 */
export function ringJoins(floor: Uint8Array, boxAt: Uint8Array, w: number, c: number): boolean {
  const mask =
    (floor[c - w] - boxAt[c - w]) |
    ((floor[c - w + 1] - boxAt[c - w + 1]) << 1) |
    ((floor[c + 1] - boxAt[c + 1]) << 2) |
    ((floor[c + w + 1] - boxAt[c + w + 1]) << 3) |
    ((floor[c + w] - boxAt[c + w]) << 4) |
    ((floor[c + w - 1] - boxAt[c + w - 1]) << 5) |
    ((floor[c - 1] - boxAt[c - 1]) << 6) |
    ((floor[c - w - 1] - boxAt[c - w - 1]) << 7);
  return RING_JOINS[mask] === 1;
}
