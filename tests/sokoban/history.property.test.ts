import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EMPTY_HISTORY,
  MAX_BRANCHES,
  MAX_BRANCH_MOVES,
  branchMoves,
  normalBranches,
  playOn,
  redo,
  replaceLine,
  restart,
  returnToBranch,
  seek,
  undo,
  type History,
} from '../../src/sokoban/history';

type Op =
  | { kind: 'play'; letters: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'restart' }
  | { kind: 'seek'; to: number }
  | { kind: 'branch'; index: number }
  | { kind: 'replace'; moves: string; cursor: number };

// A small alphabet makes lines meet and part often.
const letters = fc.string({ unit: fc.constantFrom('l', 'r', 'U'), minLength: 1, maxLength: 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: letters.map((l) => ({ kind: 'play' as const, letters: l })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 2, arbitrary: fc.nat(20).map((to) => ({ kind: 'seek' as const, to })) },
  { weight: 2, arbitrary: fc.nat(5).map((index) => ({ kind: 'branch' as const, index })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: fc.constantFrom('l', 'r', 'U'), maxLength: 8 }), fc.nat(9))
      .map(([moves, cursor]) => ({ kind: 'replace' as const, moves, cursor })),
  },
);

function apply(h: History, o: Op): History {
  switch (o.kind) {
    case 'play':
      return playOn(h, o.letters);
    case 'undo':
      return undo(h) ?? h;
    case 'redo':
      return redo(h) ?? h;
    case 'restart':
      return restart(h) ?? h;
    case 'seek':
      return seek(h, o.to) ?? h;
    case 'branch':
      return returnToBranch(h, o.index) ?? h;
    case 'replace':
      return replaceLine(h, o.moves, o.cursor);
  }
}

/** Every line the history holds: its own and each branch's, from the start. */
function lines(h: History): string[] {
  return [h.moves, ...(h.branches ?? []).map((b) => branchMoves(h, b))];
}

function expectInvariants(h: History) {
  expect(h.cursor).toBeGreaterThanOrEqual(0);
  expect(h.cursor).toBeLessThanOrEqual(h.moves.length);
  const branches = h.branches ?? [];
  if (h.branches) expect(h.branches.length).toBeGreaterThan(0); // absent rather than empty
  expect(branches.length).toBeLessThanOrEqual(MAX_BRANCHES);
  for (const b of branches) {
    expect(b.tail.length).toBeGreaterThan(0);
    expect(b.at).toBeLessThanOrEqual(h.moves.length);
    expect(h.moves[b.at]).not.toBe(b.tail[0]); // anchored where it parts from the line
  }
  const all = lines(h);
  expect(new Set(all).size).toBe(all.length); // no line twice
}

/** A line is kept when it is a prefix of a line the history holds. */
function holds(h: History, line: string): boolean {
  return lines(h).some((l) => l.startsWith(line));
}

describe('history, property-tested', () => {
  it('keeps its invariants and never loses a line it held, whatever is done to it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let h = EMPTY_HISTORY;
        const seen: string[] = [];
        for (const o of ops) {
          h = apply(h, o);
          expectInvariants(h);
          seen.push(h.moves);
          // With fewer lines than the limit, none has been dropped.
          if (new Set(seen).size <= MAX_BRANCHES)
            for (const line of seen) expect(holds(h, line)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('redo after undo is the identity, and undo after redo too', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const h = ops.reduce(apply, EMPTY_HISTORY);
        const back = undo(h);
        if (back && h.restartedFrom === undefined) expect(redo(back)).toEqual(h);
        const on = redo(h);
        if (on) expect(undo(on)).toStrictEqual(withoutRestart(h));
      }),
      { numRuns: 200 },
    );
  });

  it('seek(n) puts the cursor at n (clamped) and changes nothing else', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.integer({ min: -5, max: 30 }), (ops, n) => {
        const h = ops.reduce(apply, EMPTY_HISTORY);
        const s = seek(h, n) ?? h;
        const want = Math.max(0, Math.min(n, h.moves.length));
        expect(s.cursor).toBe(want);
        expect(s.moves).toBe(h.moves);
        expect(s.branches).toEqual(h.branches);
        // The played moves are exactly the first n of the line.
        expect(s.moves.slice(0, s.cursor)).toBe(h.moves.slice(0, want));
      }),
      { numRuns: 200 },
    );
  });

  it('moving after an undo keeps the old tail as a branch, and returning to it restores it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), fc.nat(10), letters, (ops, back, played) => {
        const before = ops.reduce(apply, EMPTY_HISTORY);
        const at = Math.max(0, before.cursor - back);
        const h = playOn(seek(before, at) ?? before, played);
        // The played moves follow the line as far as it agrees, then take over from it.
        expect(h.moves.slice(0, h.cursor)).toBe(before.moves.slice(0, at) + played);
        expect(h.moves.startsWith(before.moves.slice(0, at) + played)).toBe(true);
        expect(holds(h, before.moves)).toBe(true);
        const index = (h.branches ?? []).findIndex((b) =>
          branchMoves(h, b).startsWith(before.moves),
        );
        if (before.moves.startsWith(h.moves) || h.moves.startsWith(before.moves)) return;
        expect(index).toBeGreaterThanOrEqual(0);
        const returned = returnToBranch(h, index);
        expect(returned?.moves.startsWith(before.moves)).toBe(true);
        expect(returned?.cursor).toBe(returned?.moves.length);
        expect(holds(returned!, h.moves)).toBe(true); // the line left is a branch now
      }),
      { numRuns: 300 },
    );
  });

  it('restart, then redo all the way, restores the line and its end', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const h = ops.reduce(apply, EMPTY_HISTORY);
        let r = restart(h);
        if (h.cursor === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r?.cursor).toBe(0);
        expect(undo(r!)?.cursor).toBe(h.cursor);
        for (let i = 0; i < h.moves.length; i++) r = redo(r!) ?? r;
        expect(r?.moves).toBe(h.moves);
        expect(r?.cursor).toBe(h.moves.length);
        expect(r?.branches).toEqual(h.branches);
        expect(redo(r!)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

function withoutRestart(h: History): Partial<History> {
  const { restartedFrom: _dropped, ...rest } = h;
  return rest;
}

describe('history, examples', () => {
  it('playing the redo move follows the line; another move branches', () => {
    const h = playOn(EMPTY_HISTORY, 'rrr');
    const back = seek(h, 1)!;
    expect(playOn(back, 'r')).toEqual({ moves: 'rrr', cursor: 2 });
    const moved = playOn(back, 'd');
    expect(moved).toEqual({ moves: 'rd', cursor: 2, branches: [{ at: 1, tail: 'rr' }] });
    expect(returnToBranch(moved, 0)).toEqual({
      moves: 'rrr',
      cursor: 3,
      branches: [{ at: 1, tail: 'd' }],
    });
    expect(returnToBranch(moved, 1)).toBeNull();
  });

  it('a branch played again by hand is merged into the line', () => {
    const moved = playOn(seek(playOn(EMPTY_HISTORY, 'rrr'), 1)!, 'd');
    const again = playOn(seek(moved, 1)!, 'rr');
    expect(again).toEqual({ moves: 'rrr', cursor: 3, branches: [{ at: 1, tail: 'd' }] });
  });

  it('a branch that parted later is anchored again when the line parts earlier', () => {
    let h = playOn(EMPTY_HISTORY, 'rrrr');
    h = playOn(seek(h, 2)!, 'l'); // rrl, branch {2, rr}
    h = playOn(seek(h, 1)!, 'U'); // rU, branches {1, rl} and {1, rrr}
    expect(h.moves).toBe('rU');
    expect(lines(h).sort()).toEqual(['rU', 'rrl', 'rrrr']);
    expect(h.branches?.every((b) => b.at === 1)).toBe(true);
  });

  it('replacing the line keeps the old one as a branch unless the new one holds it', () => {
    const h = playOn(EMPTY_HISTORY, 'rl');
    expect(replaceLine(h, 'rlUU', 2)).toEqual({ moves: 'rlUU', cursor: 2 });
    expect(replaceLine(h, 'U', 0)).toEqual({
      moves: 'U',
      cursor: 0,
      branches: [{ at: 0, tail: 'rl' }],
    });
    expect(replaceLine(h, 'rl', 99).cursor).toBe(2);
  });

  it('restart is undone by undo; seek to the same point clears it', () => {
    const r = restart(playOn(EMPTY_HISTORY, 'rl'))!;
    expect(r).toEqual({ moves: 'rl', cursor: 0, restartedFrom: 2 });
    expect(undo(r)).toEqual({ moves: 'rl', cursor: 2 });
    expect(seek(r, 0)).toEqual({ moves: 'rl', cursor: 0 });
    expect(seek({ moves: 'rl', cursor: 0 }, 0)).toBeNull();
    expect(undo(EMPTY_HISTORY)).toBeNull();
    expect(restart(EMPTY_HISTORY)).toBeNull();
  });

  it('is bounded: the oldest branches go beyond the count and the size limits', () => {
    let h = playOn(EMPTY_HISTORY, 'r');
    // Lines l^i U: none is a prefix of another.
    for (let i = 0; i < MAX_BRANCHES + 5; i++) h = playOn(seek(h, 0) ?? h, `${'l'.repeat(i)}U`);
    expect(h.branches).toHaveLength(MAX_BRANCHES);
    // The newest are kept: the line before the last one is the last branch.
    expect(branchMoves(h, h.branches![MAX_BRANCHES - 1]!)).toBe(`${'l'.repeat(MAX_BRANCHES + 3)}U`);
    expect(holds(h, 'r')).toBe(false); // the oldest went
    const big = 'r'.repeat(MAX_BRANCH_MOVES);
    const kept = normalBranches('', [
      { at: 0, tail: 'l' },
      { at: 0, tail: big },
    ]);
    expect(kept).toEqual([{ at: 0, tail: big }]);
  });
});
