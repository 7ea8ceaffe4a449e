// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkDeadlock } from '../../src/solver';
import { exhaustivePushes, level } from './helpers';

const at = (lvl: { width: number }, row: number, col: number) => row * lvl.width + col;

describe('checkDeadlock', () => {
  it('finds a box in a corner (dead square) and names it', () => {
    const l = level(`
#####
#$  #
#  .#
# @ #
#####`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/corner/);
    expect(r.boxes).toEqual([at(l, 1, 1)]);
  });

  it('finds a box along a wall with no goal on it (dead square, not a corner)', () => {
    const l = level(`
######
#  $ #
#    #
# .@ #
######`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/dead square/);
    expect(r.boxes).toEqual([at(l, 1, 3)]);
  });

  it('finds two boxes frozen side by side against a wall', () => {
    const l = level(`
#######
#.$$ .#
#     #
#  @  #
#######`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/frozen/);
    expect(r.boxes).toEqual([at(l, 1, 2), at(l, 1, 3)]);
  });

  it('finds a 2×2 block of boxes frozen in open floor', () => {
    const l = level(`
########
#      #
# $$   #
# $$   #
#      #
#.... @#
########`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/frozen/);
    expect(r.boxes).toHaveLength(4);
  });

  it('finds a frozen pair held by walls on crossing axes (no dead square involved)', () => {
    // A is held sideways by the wall on its right and vertically by B; B is held sideways by
    // the wall on its left and vertically by A. Neither stands on a dead square.
    const l = level(`
########
#      #
#   $# #
#  #$  #
#      #
#.. @  #
########`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/frozen/);
    expect(r.boxes).toEqual([at(l, 2, 4), at(l, 3, 4)]);
    // Either box alone would be free.
    const one = { player: l.player, boxes: [at(l, 2, 4)] };
    const lone = { ...l, tiles: l.tiles.replace('.', ' '), boxes: one.boxes };
    expect(checkDeadlock(lone, one).deadlocked).toBe(false);
  });

  it('does not call boxes frozen on their goals a deadlock', () => {
    const l = level(`
########
#      #
# **   #
# **   #
#    @ #
########`);
    expect(checkDeadlock(l, l)).toEqual({ deadlocked: false });
  });

  it('finds a bipartite deadlock: two boxes that can only reach the same goal', () => {
    const l = level(`
########
#. $ $ #
#      #
#  @  .#
########`);
    const r = checkDeadlock(l, l);
    expect(r.deadlocked).toBe(true);
    expect(r.cause).toMatch(/goal of their own/);
    expect(r.boxes!.length).toBeGreaterThan(0);
  });

  it('finds a corral deadlock: a box whose only push needs the player in the pocket it walls off', () => {
    // The box left of the middle can only move down, pushed from the pocket above it, which
    // the player can never enter again. No dead square, no frozen pair, no bipartite trouble.
    const text = `
#######
# #  .#
#$    #
#. $  #
## @  #
#     #
#######`;
    const l = level(text);
    const r = checkDeadlock(l, l);
    expect(r).toMatchObject({ deadlocked: true, boxes: [at(l, 2, 1)] });
    expect(r.cause).toMatch(/^corral deadlock/);
    expect(exhaustivePushes(l)).toBeNull();
    // With the player in the pocket the box can go down onto its goal: no deadlock is claimed.
    const inside = level(text.replace('@', ' ').replace('# #  .#', '#@#  .#'));
    expect(checkDeadlock(inside, inside)).toEqual({ deadlocked: false });
    expect(exhaustivePushes(inside)).not.toBeNull();
  });

  it('does not claim a deadlock in a solvable position', () => {
    const l = level(`
#######
#.  $ #
# $ . #
#  @  #
#######`);
    expect(checkDeadlock(l, l)).toEqual({ deadlocked: false });
  });
});
