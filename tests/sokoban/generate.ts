/** fast-check arbitraries for random, valid, closed levels (test-only). */
import fc from 'fast-check';
import type { Level } from '../../src/sokoban/level';

/**
 * A closed rectangular room of random size with random inner walls, `n` boxes and `n` goals and
 * a player, all on distinct interior cells. Titles avoid line breaks (a title is one line).
 */
export function arbitraryLevel(
  opts: { maxWidth?: number; maxHeight?: number; withTitle?: boolean } = {},
): fc.Arbitrary<Level> {
  const maxW = opts.maxWidth ?? 12;
  const maxH = opts.maxHeight ?? 12;
  return fc
    .record({
      width: fc.integer({ min: 3, max: maxW }),
      height: fc.integer({ min: 3, max: maxH }),
      seed: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 64, maxLength: 64 }),
      title:
        opts.withTitle === false
          ? fc.constant('')
          : fc.string({ maxLength: 20 }).map((t) => t.replace(/[\r\n]/g, ' ').trim()),
      author:
        opts.withTitle === false
          ? fc.constant('')
          : fc.string({ maxLength: 12 }).map((t) => t.replace(/[\r\n]/g, ' ').trim()),
    })
    .filter(({ width, height }) => (width - 2) * (height - 2) >= 3)
    .map(({ width, height, seed, title, author }) => {
      let s = 0;
      const rnd = (n: number) => seed[s++ % seed.length]! % n;
      const interior: number[] = [];
      for (let r = 1; r < height - 1; r++)
        for (let c = 1; c < width - 1; c++) interior.push(r * width + c);
      // Shuffle interior deterministically from the seed.
      for (let i = interior.length - 1; i > 0; i--) {
        const j = (rnd(1000) * 7919 + i) % (i + 1);
        [interior[i], interior[j]] = [interior[j]!, interior[i]!];
      }
      const boxCount = 1 + rnd(Math.max(1, Math.min(4, Math.floor((interior.length - 1) / 2))));
      const player = interior[0]!;
      const boxes = interior.slice(1, 1 + boxCount).sort((a, b) => a - b);
      const goals = new Set(interior.slice(1 + boxCount, 1 + 2 * boxCount));
      // Boxes may stand on goals: sometimes reuse a box cell as a goal.
      if (rnd(3) === 0 && goals.size > 0) {
        goals.delete([...goals][0]!);
        goals.add(boxes[0]!);
      }
      const wallChance = rnd(4);
      const tiles: string[] = [];
      for (let cell = 0; cell < width * height; cell++) {
        const r = Math.floor(cell / width);
        const c = cell % width;
        const border = r === 0 || c === 0 || r === height - 1 || c === width - 1;
        if (border) tiles.push('#');
        else if (goals.has(cell)) tiles.push('.');
        else if (cell !== player && !boxes.includes(cell) && wallChance > 0 && rnd(10) < wallChance)
          tiles.push('#');
        else tiles.push(' ');
      }
      return { title, author, width, height, tiles: tiles.join(''), boxes, player } satisfies Level;
    })
    .filter((level) => level.boxes.length === [...level.tiles].filter((t) => t === '.').length);
}
