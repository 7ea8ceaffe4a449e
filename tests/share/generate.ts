/** fast-check arbitraries for share-link tests (test-only). */
import fc from 'fast-check';
import type { Level } from '../../src/sokoban/level';
import { printBoard } from '../../src/sokoban/print';
import { parseLevel } from '../../src/sokoban/parse';
import { step } from '../../src/sokoban/rules';
import { DIRECTIONS } from '../../src/sokoban/direction';

/** Titles that have broken naive encoders: URL syntax, markup, quotes, emoji, odd white space. */
const NASTY_TITLES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  `"double" and 'single' quotes`,
  'a~b/c#d%e+f&g=h?i|j',
  '%ZZ %41 %',
  '😀 👨‍👩‍👧 🇫🇷 e\u0301',
  '  leading and trailing spaces  ',
  'line\nbreak\r\ntab\t',
  '\u202Eright-to-left override',
  'Zürich – Ελληνικά – 日本語 – עברית',
  '1r~10W/10W',
  '.',
];

export const arbitraryTitle: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...NASTY_TITLES),
);

/**
 * A random valid level up to `maxSide` × `maxSide`, with a ragged outline: a walled rectangle with
 * random inner walls, boxes, goals and a player, whose outer walls are then partly eaten away
 * (a wall cell whose neighbours are all walls or outside may become outside floor; that never
 * opens the player's room). The result is normalised through the level parser, so it is exactly
 * a level the app can hold; title and author are then set to arbitrary strings.
 */
export function arbitraryShareLevel(
  maxSide = 60,
  opts: { maxBoxes?: number; maxWallPercent?: number } = {},
): fc.Arbitrary<Level> {
  return fc
    .record({
      width: fc.integer({ min: 3, max: maxSide }),
      height: fc.integer({ min: 3, max: maxSide }),
      seed: fc.integer({ min: 1, max: 0x7fffffff }),
      wallPercent: fc.integer({ min: 0, max: opts.maxWallPercent ?? 45 }),
      erosion: fc.integer({ min: 0, max: 3 }),
      boxCount: fc.integer({ min: 1, max: opts.maxBoxes ?? 30 }),
      title: arbitraryTitle,
      author: fc.oneof(fc.constant(''), arbitraryTitle),
    })
    .filter(({ width, height, boxCount }) => (width - 2) * (height - 2) >= 2 * boxCount + 1)
    .map(({ width, height, seed, wallPercent, erosion, boxCount, title, author }) => {
      const rnd = random(seed);
      const grid: string[] = new Array<string>(width * height).fill('#');
      const interior: number[] = [];
      for (let r = 1; r < height - 1; r++)
        for (let c = 1; c < width - 1; c++) interior.push(r * width + c);
      for (let i = interior.length - 1; i > 0; i--) {
        const j = rnd(i + 1);
        [interior[i], interior[j]] = [interior[j]!, interior[i]!];
      }
      const player = interior[0]!;
      const boxes = interior.slice(1, 1 + boxCount);
      // Goals: some on boxes, the rest on other cells.
      const goals = interior
        .slice(1 + boxCount, 1 + 2 * boxCount)
        .map((g, i) => (rnd(3) === 0 ? boxes[i]! : g));
      for (const cell of interior.slice(1 + 2 * boxCount))
        grid[cell] = rnd(100) < wallPercent ? '#' : ' ';
      for (const g of goals) grid[g] = '.';
      const boxSet = new Set(boxes);
      for (const b of boxes) if (grid[b] !== '.') grid[b] = ' ';
      grid[player] = grid[player] === '.' ? '.' : ' ';
      // Erode the outer walls into "outside" floor, `erosion` rounds.
      const OUT = 'o';
      const outsideOrWall = (cell: number, dr: number, dc: number) => {
        const r = Math.floor(cell / width) + dr;
        const c = (cell % width) + dc;
        if (r < 0 || c < 0 || r >= height || c >= width) return true;
        const t = grid[r * width + c];
        return t === '#' || t === OUT;
      };
      for (let round = 0; round < erosion; round++) {
        const eat: number[] = [];
        for (let cell = 0; cell < grid.length; cell++) {
          if (grid[cell] !== '#' || rnd(2) === 0) continue;
          const around = [-1, 0, 1].every((dr) =>
            [-1, 0, 1].every((dc) => outsideOrWall(cell, dr, dc)),
          );
          const touchesOutside = (
            [
              [-1, 0],
              [1, 0],
              [0, -1],
              [0, 1],
            ] as const
          ).some(([dr, dc]) => {
            const r = Math.floor(cell / width) + dr;
            const c = (cell % width) + dc;
            return r < 0 || c < 0 || r >= height || c >= width || grid[r * width + c] === OUT;
          });
          if (around && touchesOutside) eat.push(cell);
        }
        // Never eat the last cell of a row: a row all outside prints as a blank line, which
        // splits the board in two when it lies between other rows.
        for (const cell of eat) {
          const row = Math.floor(cell / width) * width;
          let kept = 0;
          for (let c = 0; c < width; c++) if (grid[row + c] !== OUT) kept++;
          if (kept > 1) grid[cell] = OUT;
        }
      }
      const tiles = grid.map((t) => (t === OUT ? ' ' : t)).join('');
      const raw: Level = {
        title: '',
        author: '',
        width,
        height,
        tiles,
        boxes: [...boxSet].sort((a, b) => a - b),
        player,
      };
      const parsed = parseLevel(printBoard(raw));
      if (!parsed.ok)
        throw new Error(
          `generator made an invalid level: ${parsed.error.message}\n${printBoard(raw)}`,
        );
      return { ...parsed.level, title, author };
    });
}

/** xorshift32 from a seed: deterministic, so that fast-check's shrinking stays meaningful. */
function random(seed: number): (n: number) => number {
  let s = seed | 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const LETTERS = 'lurdLURD';

/**
 * Move strings (not necessarily legal) of 0 to `max` letters, spread over the whole range: plain
 * random letters (hard to compress) or runs of one letter (exercising the run counts).
 */
export function arbitraryMoves(max = 10_000): fc.Arbitrary<string> {
  return fc
    .record({
      length: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max })),
      seed: fc.integer(),
      runs: fc.boolean(),
    })
    .map(({ length, seed, runs }) => {
      const rnd = random(seed);
      let out = '';
      while (out.length < length) {
        const letter = LETTERS[rnd(8)]!;
        out += runs ? letter.repeat(1 + rnd(40)) : letter;
      }
      return out.slice(0, length);
    });
}

/** A level with a legal move string from its start, made by a random walk (pushes included). */
export function arbitraryLevelWithLegalMoves(
  maxSide = 20,
  maxMoves = 400,
): fc.Arbitrary<{ level: Level; moves: string }> {
  return fc
    .tuple(
      arbitraryShareLevel(maxSide, { maxBoxes: 4, maxWallPercent: 15 }),
      fc.integer({ min: 0, max: maxMoves }),
      fc.integer(),
    )
    .map(([level, length, seed]) => {
      const rnd = random(seed);
      let pos = { player: level.player, boxes: level.boxes };
      let moves = '';
      for (let tries = 0; moves.length < length && tries < length * 4; tries++) {
        const next = step(level, pos, DIRECTIONS[rnd(4)]!);
        if (!next) continue;
        pos = next.position;
        moves += next.letter;
      }
      return { level, moves };
    });
}
