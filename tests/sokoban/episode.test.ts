import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type ActionOrder,
  type Direction,
  type Level,
  type Position,
  DIRECTIONS,
  chooseOrder,
  cycleSteps,
  decodeAction,
  describeChoice,
  envStep,
  parseActions,
  parseLevel,
  replayActions,
  replayLurdEpisode,
  step,
  startPosition,
} from '../../src/sokoban';
import { arbitraryLevel } from './generate';

function level(text: string): Level {
  const parsed = parseLevel(text.replace(/^\n/, ''));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.level;
}

/** The integer each order uses for a direction (gym9: `push` or `move`). */
function encode(order: ActionOrder, dir: Direction, push: boolean): number {
  const udlr = 'udlr'.indexOf(dir);
  switch (order) {
    case 'udlr':
      return udlr;
    case 'urdl':
      return 'urdl'.indexOf(dir);
    case 'thinker5':
      return 1 + udlr;
    case 'gym9':
      return (push ? 1 : 5) + udlr;
  }
}

// #####
// #@$ #   the player at (1,1), a box at (1,2), a goal at (2,3)
// #$ .#
// #  .#
// #####
const ROOM = level(`
#####
#@$ #
#$ .#
#  .#
#####`);

describe('parseActions', () => {
  it('reads a JSON array, comma or space separated integers, and printed lists', () => {
    for (const text of [
      '[3, 1, 0, 2]',
      '3,1,0,2',
      '3 1 0 2',
      '3\n1\n0\n2\n',
      '[3 1 0 2]',
      '3, 1,\n 0 ,2',
    ])
      expect(parseActions(text), text).toEqual({
        ok: true,
        kind: 'integers',
        values: [3, 1, 0, 2],
      });
  });

  it('reads LURD when there are move letters', () => {
    expect(parseActions('3r2U')).toEqual({ ok: true, kind: 'lurd', moves: 'rrrUU' });
  });

  it('names a bad token with its line and column', () => {
    expect(parseActions('1 2\n3 -4 5')).toMatchObject({ ok: false, line: 2, column: 3 });
    expect(parseActions('[1, 2.5]')).toMatchObject({ ok: false, line: 1, column: 5 });
    expect(parseActions('[1, 2')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/never closed/),
    });
    expect(parseActions('  ')).toMatchObject({ ok: false, message: 'No actions given.' });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseActions(s)));
  });
});

describe('action orders, as the environments define them', () => {
  const dirs = (order: ActionOrder, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const a = decodeAction(order, i);
      return a && (a.type === 'noop' ? 'noop' : `${a.type} ${a.dir}`);
    });

  it('maps each integer exactly', () => {
    expect(dirs('udlr', 5)).toEqual(['step u', 'step d', 'step l', 'step r', null]);
    expect(dirs('urdl', 5)).toEqual(['step u', 'step r', 'step d', 'step l', null]);
    expect(dirs('thinker5', 6)).toEqual(['noop', 'step u', 'step d', 'step l', 'step r', null]);
    expect(dirs('gym9', 10)).toEqual([
      'noop',
      'push u',
      'push d',
      'push l',
      'push r',
      'move u',
      'move d',
      'move l',
      'move r',
      null,
    ]);
  });
});

describe('environment semantics', () => {
  const start = startPosition(ROOM);

  it('a step into a wall is a no-op step that keeps the position', () => {
    const r = envStep(ROOM, start, { type: 'step', dir: 'u' });
    expect(r.kind).toBe('noop');
    expect(r.position).toBe(start);
  });

  it('a step into a box that cannot move is a no-op step', () => {
    const wedged = level(`
#####
#@$$#
#  .#
#  .#
#####`);
    expect(envStep(wedged, startPosition(wedged), { type: 'step', dir: 'r' }).kind).toBe('noop');
    expect(envStep(wedged, startPosition(wedged), { type: 'push', dir: 'r' }).kind).toBe('noop');
  });

  it('gym9: a push with no box ahead moves; a move into a box does nothing', () => {
    const down = envStep(ROOM, start, { type: 'push', dir: 'r' });
    expect(down.kind).toBe('push');
    const walk = envStep(ROOM, down.position, { type: 'push', dir: 'd' });
    expect(walk.kind).toBe('move');
    expect(walk.position.player).toBe(down.position.player + ROOM.width);
    expect(envStep(ROOM, start, { type: 'move', dir: 'r' })).toEqual({
      kind: 'noop',
      position: start,
    });
    expect(envStep(ROOM, start, { type: 'move', dir: 'd' }).kind).toBe('noop'); // box below too
    expect(envStep(ROOM, walk.position, { type: 'move', dir: 'l' }).kind).toBe('noop'); // a box
    expect(envStep(ROOM, walk.position, { type: 'move', dir: 'd' }).kind).toBe('move');
  });

  it('counts steps, moves, pushes and no-ops apart', () => {
    // udlr: up (wall), right (push), down, down, left, up (pushes the box at (2,1) up)
    const r = replayActions(ROOM, [0, 3, 1, 1, 2, 0], 'udlr');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const last = r.episode.steps.at(-1)!;
    expect(r.episode.steps).toHaveLength(7);
    expect(r.episode.steps.map((s) => s.kind)).toEqual([
      null,
      'noop',
      'push',
      'move',
      'move',
      'move',
      'push',
    ]);
    expect([last.moves, last.pushes, r.episode.noops]).toEqual([5, 2, 1]);
    expect(r.episode.lurd).toBe('RddlU');
  });

  it('says which action is out of range for the order', () => {
    expect(replayActions(ROOM, [1, 2, 4], 'udlr')).toEqual({
      ok: false,
      message: "Action 3 is 4, outside udlr's 0 to 3.",
    });
  });
});

/** A random walk of legal steps as LURD (case fixed by replaying). */
function walk(l: Level, choices: number[]): string {
  let p: Position = startPosition(l);
  let lurd = '';
  for (const c of choices) {
    const r = step(l, p, DIRECTIONS[c % 4]!);
    if (!r) continue;
    p = r.position;
    lurd += r.letter;
  }
  return lurd;
}

describe('each order replays to the same positions as the equivalent LURD', () => {
  it('holds on random levels and random walks', () => {
    fc.assert(
      fc.property(
        arbitraryLevel({ maxWidth: 8, maxHeight: 8, withTitle: false }),
        fc.array(fc.nat(3), { maxLength: 60 }),
        (l, choices) => {
          const lurd = walk(l, choices);
          const reference = replayLurdEpisode(l, lurd);
          expect(reference.ok).toBe(true);
          if (!reference.ok) return;
          const positions = reference.episode.steps.map((s) => s.position);
          for (const order of ['udlr', 'urdl', 'gym9', 'thinker5'] as const) {
            const values = [...lurd].map((ch) =>
              encode(order, ch.toLowerCase() as Direction, ch !== ch.toLowerCase()),
            );
            const r = replayActions(l, values, order);
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            expect(
              r.episode.steps.map((s) => s.position),
              order,
            ).toEqual(positions);
            expect(r.episode.lurd).toBe(lurd);
            expect(r.episode.noops).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Auto', () => {
  it('picks the order with the fewest no-ops', () => {
    const lurd = 'RddlU';
    const values = [...lurd].map((c) => encode('urdl', c.toLowerCase() as Direction, false));
    const r = chooseOrder(ROOM, values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.choice.episode.order).toBe('urdl');
    expect(r.choice.episode.lurd).toBe(lurd);
    expect(r.choice.noops).toEqual({ udlr: 3, urdl: 0, gym9: 4, thinker5: 4 });
    expect(r.choice.close).toBe(false);
    expect(describeChoice(r.choice)).toBe('Auto picked urdl (0 no-ops; next best udlr had 3).');
  });

  it('calls a tie close and keeps the order listed first', () => {
    // Up, up: udlr and urdl both read 0 as up.
    const tall = level(`
###
#.#
# #
#$#
#@#
###`);
    const r = chooseOrder(tall, [0]);
    expect(r.ok && r.choice.episode.order).toBe('udlr');
    expect(r.ok && r.choice.close).toBe(true);
    expect(r.ok && describeChoice(r.choice)).toMatch(/close call/);
  });

  it('is not close when the runner-up bumps into walls far more', () => {
    // Pace right and left along the top row of a corridor: udlr 3,2 ... ; urdl reads 3 as left.
    const corridor = level(`
##########
#@     $.#
##########`);
    const values = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 3 : 2));
    const r = chooseOrder(corridor, values);
    expect(r.ok && r.choice.episode.order).toBe('udlr');
    expect(r.ok && r.choice.close).toBe(false);
  });

  it('refuses values no order can read', () => {
    expect(chooseOrder(ROOM, [9])).toMatchObject({ ok: false });
  });
});

describe('cycles', () => {
  it('marks the stretch that returns to a seen position, not a lone no-op', () => {
    // up (wall: a no-op), right, left (back: steps 2-3 are a cycle), right (back again: 3-4),
    // right, push right
    const corridor = level(`
#######
#@  $.#
#######`);
    const r = replayActions(corridor, [0, 3, 2, 3, 3, 3], 'udlr');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(cycleSteps(r.episode.steps)).toEqual([false, false, true, true, true, false, false]);
  });
});
