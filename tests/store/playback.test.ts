import { afterEach, describe, expect, it } from 'vitest';
import {
  createGameStore,
  selectCanRedo,
  selectHistory,
  selectPosition,
  selectSolved,
} from '../../src/store/game';
import {
  type PlaybackStore,
  DEFAULT_SPEED,
  SPEEDS,
  createPlaybackStore,
  playbackWhere,
} from '../../src/store/playback';
import { coordinate } from '../../src/store/coordinator';
import { nextPushCursor, previousPushCursor } from '../../src/store/push-cursors';
import { OPEN } from './fixtures';
import { manualClock } from './manual-clock';

// OPEN: the player (row 3, column 4) walks left three and up one, then pushes the box three times
// right onto the goal: llluRRR.
let stores: PlaybackStore[] = [];
let stops: (() => void)[] = [];
afterEach(() => {
  for (const s of stores) s.dispose();
  for (const stop of stops) stop();
  stores = [];
  stops = [];
});

function setup(moves = 'llluRRR', cursor = 0) {
  const game = createGameStore({ getStorage: () => null });
  game.getState().load(OPEN);
  const clock = manualClock();
  const playback = createPlaybackStore({ game, scheduler: clock });
  stores.push(playback);
  stops.push(coordinate({ game, playback })); // a move by hand pauses playback
  if (moves) expect(game.getState().setMoves(moves, cursor)).toBe(true);
  const h = () => selectHistory(game.getState());
  return { game, clock, playback, h };
}

describe('playback store', () => {
  it('Play walks the game cursor forward at the chosen speed and stops at the end', () => {
    const { playback, clock, h } = setup();
    const total = h().moves.length;
    expect(SPEEDS[DEFAULT_SPEED]?.rate).toBe(8);
    playback.getState().play();
    expect(playback.getState().playing).toBe(true);
    expect(h().cursor).toBe(1); // the first move at once
    clock.run(1000 / 8 - 1);
    expect(h().cursor).toBe(1);
    clock.run(2);
    expect(h().cursor).toBe(2);
    clock.run(10_000);
    expect(h().cursor).toBe(total);
    expect(playback.getState().playing).toBe(false);
    expect(clock.frames.size).toBe(0); // no frames requested once done
  });

  it('a single step slides (motion for the board), several moves in one slow frame jump', () => {
    const { playback, clock, game } = setup();
    playback.getState().play();
    const m = playback.getState().motion!;
    expect(m).not.toBeNull();
    expect(m.cursor).toBe(1);
    expect(m.duration).toBeCloseTo(125);
    expect(m.motion.player.to).toBe(selectPosition(game.getState())!.player);
    playback.getState().pause();
    playback.getState().play();
    clock.run(500, 500); // one frame 500 ms late: four moves owed
    expect(playback.getState().motion).toBeNull();
  });

  it('Pause stops; Play at the end starts over; instant speed jumps to the end', () => {
    const { playback, clock, h } = setup();
    playback.getState().play();
    clock.run(300);
    playback.getState().pause();
    const at = h().cursor;
    clock.run(1000);
    expect(h().cursor).toBe(at);
    playback.getState().toEnd();
    playback.getState().play();
    expect(h().cursor).toBe(1);
    playback.getState().pause();
    playback.getState().setSpeed(SPEEDS.length - 1);
    playback.getState().play();
    expect(h().cursor).toBe(h().moves.length);
    expect(playback.getState().playing).toBe(false);
  });

  it('steps by move and by push, jumps to start and end, and seeks', () => {
    const { playback, h } = setup('llluRRR');
    const p = playback.getState();
    expect(p.stepMove(1)).toBe(true);
    expect(h().cursor).toBe(1);
    expect(p.stepPush(1)).toBe(true);
    expect(h().cursor).toBe(5); // just after the first push (index 4)
    expect(p.stepPush(1)).toBe(true);
    expect(h().cursor).toBe(6);
    expect(p.stepPush(1)).toBe(true);
    expect(h().cursor).toBe(7);
    expect(p.stepPush(1)).toBe(false); // at the end
    expect(p.stepPush(-1)).toBe(true);
    expect(h().cursor).toBe(6);
    expect(p.stepPush(-1)).toBe(true);
    expect(h().cursor).toBe(5);
    expect(p.stepPush(-1)).toBe(true);
    expect(h().cursor).toBe(0);
    expect(p.stepMove(-1)).toBe(false);
    expect(p.toEnd()).toBe(true);
    expect(h().cursor).toBe(7);
    expect(p.seek(3)).toBe(true);
    expect(h().cursor).toBe(3);
    expect(p.seek(99)).toBe(true);
    expect(h().cursor).toBe(7);
    expect(p.toStart()).toBe(true);
    expect(h().cursor).toBe(0);
  });

  it('a move by hand takes over: playback pauses; a different move cuts the rest, the same move keeps it', () => {
    const { playback, clock, game, h } = setup();
    const moves = h().moves;
    playback.getState().play();
    clock.run(260);
    const at = h().cursor;
    expect(at).toBeGreaterThan(1);
    // The same move as the next one in the sequence: the tail stays.
    game.getState().move(moves[at]!.toLowerCase() as 'l');
    expect(playback.getState().playing).toBe(false);
    expect(h()).toEqual({ moves, cursor: at + 1 });
    clock.run(1000);
    expect(h().cursor).toBe(at + 1);
    // Back one and a different legal move: the rest is gone.
    game.getState().undo();
    const other = (['l', 'u', 'r', 'd'] as const).find(
      (d) => d !== moves[at]!.toLowerCase() && game.getState().move(d),
    );
    expect(other).toBeDefined();
    expect(h().moves.length).toBe(at + 1);
    expect(selectCanRedo(game.getState())).toBe(false);
  });

  it('playTo stops at the given cursor (a hint)', () => {
    const { playback, clock, h } = setup();
    playback.getState().playTo(3);
    clock.run(5000);
    expect(h().cursor).toBe(3);
    expect(playback.getState().playing).toBe(false);
  });

  it('reduced motion: steps without slides', () => {
    const { playback } = setup();
    playback.getState().setReducedMotion(true);
    playback.getState().stepMove(1);
    expect(playback.getState().motion).toBeNull();
    playback.getState().setReducedMotion(false);
    playback.getState().stepMove(1);
    expect(playback.getState().motion).not.toBeNull();
  });

  it('watchMoves: pasted LURD (any case, counts, spaces) from the start, cursor at 0; an illegal move keeps the legal part and names the move', () => {
    const { playback, game, h, clock } = setup('', 0);
    game.getState().move('r');
    expect(playback.getState().watchMoves(' 3L u R\n2r ')).toBe(true);
    expect(h()).toMatchObject({ moves: 'llluRRR', cursor: 0 });
    playback.getState().setSpeed(SPEEDS.length - 2);
    playback.getState().play();
    clock.run(2000);
    expect(selectSolved(game.getState())).toBe(true);

    expect(playback.getState().watchMoves('uuuuuu')).toBe(false);
    expect(game.getState().alert?.message).toBe(
      'Move 3 is illegal; the 2 moves before it were applied.',
    );
    expect(h()).toMatchObject({ moves: 'uu', cursor: 0 });
    // Not moves at all: the game is left as it was.
    game.getState().setMoves('rr', 2);
    expect(playback.getState().watchMoves('x')).toBe(false);
    expect(game.getState().alert?.message).toMatch(/"x" is not a move/);
    expect(h()).toMatchObject({ moves: 'rr', cursor: 2 });
  });

  it('speed: faster and slower stay in range', () => {
    const { playback } = setup();
    for (let i = 0; i < 10; i++) playback.getState().faster();
    expect(playback.getState().speed).toBe(SPEEDS.length - 1);
    for (let i = 0; i < 10; i++) playback.getState().slower();
    expect(playback.getState().speed).toBe(0);
  });

  it('helpers', () => {
    expect(nextPushCursor('llUrrD', 0)).toBe(3);
    expect(nextPushCursor('llUrrD', 3)).toBe(6);
    expect(nextPushCursor('llurr', 0)).toBe(5);
    expect(previousPushCursor('llUrrD', 6)).toBe(3);
    expect(previousPushCursor('llUrrD', 5)).toBe(3);
    expect(previousPushCursor('llUrrD', 3)).toBe(0);
    expect(playbackWhere(37, 97)).toBe('Move 37 of 97');
    expect(playbackWhere(0, 0)).toBe('');
  });
});
