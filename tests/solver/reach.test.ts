// @vitest-environment node
/** The stamped floods of reach.ts against a plain breadth-first search. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reach, WALL_MARK } from '../../src/solver/reach';
import { type RandomBoard, bfs, boxMap, randomBoard, randomBoards } from './grid';

/** Random boards with their free floor cells (floor without a box), a few hundred to pick from. */
const boards = randomBoards(fc.integer({ min: 5, max: 9 }), fc.integer({ min: 1, max: 8 }), 0.15);

function freeCells(b: RandomBoard, boxAt: Uint8Array): number[] {
  const out: number[] = [];
  for (let c = 0; c < b.board.size; c++) if (b.board.floor[c] && !boxAt[c]) out.push(c);
  return out;
}

/** Checks a flood or walk from `from` against the reference distances. */
function expectSameRegion(reach: Reach, b: RandomBoard, boxAt: Uint8Array, from: number): void {
  const dist = bfs(b.board, (c) => b.board.floor[c] === 1 && !boxAt[c], from);
  const reached: number[] = [];
  for (let c = 0; c < b.board.size; c++) if (reach.mark[c] === reach.stamp) reached.push(c);
  const expected = [...dist.keys()].filter((c) => dist[c]! >= 0);
  expect(reached).toEqual(expected);
  expect(reach.count).toBe(expected.length);
}

describe('Reach', () => {
  it('floods the same region as a breadth-first search and returns its smallest cell', () => {
    fc.assert(
      fc.property(boards, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (b, picks) => {
        const reach = new Reach(b.board);
        const boxAt = boxMap(b.board, b.boxes);
        const free = freeCells(b, boxAt);
        // Several floods on one Reach: the stamps of one must not leak into the next.
        for (const pick of [b.player, ...picks.map((p) => free[p % free.length]!)]) {
          const min = reach.flood(boxAt, pick);
          expectSameRegion(reach, b, boxAt, pick);
          const dist = bfs(b.board, (c) => b.board.floor[c] === 1 && !boxAt[c], pick);
          expect(min).toBe(dist.findIndex((d) => d >= 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('walks with the breadth-first distances', () => {
    fc.assert(
      fc.property(boards, fc.nat(), (b, pick) => {
        const reach = new Reach(b.board);
        const boxAt = boxMap(b.board, b.boxes);
        const free = freeCells(b, boxAt);
        const from = free[pick % free.length]!;
        reach.walk(boxAt, from);
        expectSameRegion(reach, b, boxAt, from);
        const dist = bfs(b.board, (c) => b.board.floor[c] === 1 && !boxAt[c], from);
        for (let c = 0; c < b.board.size; c++)
          if (dist[c]! >= 0) expect(reach.steps[c], `cell ${c}`).toBe(dist[c]);
      }),
      { numRuns: 200 },
    );
  });

  it('counts the areas the boxes cut the free floor into, as connected components', () => {
    fc.assert(
      fc.property(boards, (b) => {
        const reach = new Reach(b.board);
        const boxAt = boxMap(b.board, b.boxes);
        reach.flood(boxAt, b.player);
        const regions = reach.areas(boxAt, b.boxes);
        // Reference: label every free floor cell by repeated breadth-first searches.
        const label = new Int32Array(b.board.size).fill(-1);
        let components = 0;
        for (const c of freeCells(b, boxAt)) {
          if (label[c]! >= 0) continue;
          const dist = bfs(b.board, (x) => b.board.floor[x] === 1 && !boxAt[x], c);
          dist.forEach((d, x) => d >= 0 && (label[x] = components));
          components++;
        }
        expect(regions).toBe(components);
        // Every free cell is marked: the player's region with the stamp, the others one above.
        const playerLabel = label[b.player];
        for (const c of freeCells(b, boxAt))
          expect(reach.mark[c]).toBe(label[c] === playerLabel ? reach.stamp : reach.stamp + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('starts its stamps over before they overflow, still flooding correctly', () => {
    const b = randomBoard(7, 8, 8, 4, 0.15)!;
    const reach = new Reach(b.board);
    const boxAt = boxMap(b.board, b.boxes);
    reach.flood(boxAt, b.player);
    reach.stamp = 0x3fffffff;
    reach.flood(boxAt, b.player);
    expect(reach.stamp).toBe(2);
    expectSameRegion(reach, b, boxAt, b.player);
    reach.stamp = 0x3fffffff;
    reach.walk(boxAt, b.player);
    expect(reach.stamp).toBe(2);
    expectSameRegion(reach, b, boxAt, b.player);
    for (let c = 0; c < b.board.size; c++)
      if (!b.board.floor[c]) expect(reach.mark[c]).toBe(WALL_MARK);
  });
});
