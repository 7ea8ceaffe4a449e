import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createGameStore,
  selectHistory,
  selectMoveCount,
  selectPosition,
  selectPushCount,
} from '../../src/store/game';
import { countPushes, replay, startPosition, type Position } from '../../src/sokoban';
import { OPEN } from './fixtures';

type Action =
  | { kind: 'move'; dir: 'l' | 'u' | 'r' | 'd' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'restart' }
  | { kind: 'seek'; to: number }
  | { kind: 'branch'; index: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('l', 'u', 'r', 'd').map((dir) => ({ kind: 'move' as const, dir })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.nat(40).map((to) => ({ kind: 'seek' as const, to })) },
  { weight: 1, arbitrary: fc.nat(3).map((index) => ({ kind: 'branch' as const, index })) },
);

describe('game store, property-tested', () => {
  it('the position is always the replay of the moves up to the cursor, and undo inverts a move', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const store = createGameStore({ getStorage: () => null });
        store.getState().load(OPEN);
        const g = () => store.getState();
        const level = (() => {
          const e = g().entries[0];
          if (!e?.ok) throw new Error('fixture');
          return e.level;
        })();
        for (const a of actions) {
          const before: Position | null = selectPosition(g());
          const count = selectMoveCount(g());
          switch (a.kind) {
            case 'move':
              if (g().move(a.dir)) {
                expect(selectMoveCount(g())).toBe(count + 1);
                // Undo then redo come back to the same places.
                g().undo();
                expect(selectPosition(g())).toEqual(before);
                g().redo();
              } else {
                expect(selectPosition(g())).toEqual(before);
              }
              break;
            case 'undo':
              g().undo();
              break;
            case 'redo':
              g().redo();
              break;
            case 'restart': {
              const restarted = g().restart();
              if (restarted) {
                expect(selectPosition(g())).toEqual(startPosition(level));
                g().undo();
                expect(selectPosition(g())).toEqual(before);
                g().restart();
              }
              break;
            }
            case 'seek':
              g().seek(a.to);
              break;
            case 'branch': {
              const branch = selectHistory(g()).branches?.[a.index];
              const line = branch && selectHistory(g()).moves.slice(0, branch.at) + branch.tail;
              expect(g().returnToBranch(a.index)).toBe(!!branch);
              if (line) expect(selectHistory(g()).moves).toBe(line);
              break;
            }
          }
          const h = selectHistory(g());
          expect(h.cursor).toBeGreaterThanOrEqual(0);
          expect(h.cursor).toBeLessThanOrEqual(h.moves.length);
          const played = h.moves.slice(0, h.cursor);
          const r = replay(level, startPosition(level), h.moves);
          expect(r.error).toBeUndefined(); // the stored line of play is always legal
          expect(r.moves).toBe(h.moves); // and its case is right
          for (const b of h.branches ?? []) {
            // So is every branch's.
            const line = h.moves.slice(0, b.at) + b.tail;
            expect(replay(level, startPosition(level), line)).toMatchObject({ moves: line });
            expect(replay(level, startPosition(level), line).error).toBeUndefined();
          }
          expect(selectPosition(g())).toEqual(replay(level, startPosition(level), played).position);
          expect(selectPushCount(g())).toBe(countPushes(played));
        }
      }),
      { numRuns: 150 },
    );
  });
});
