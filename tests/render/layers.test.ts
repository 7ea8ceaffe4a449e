import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/render';
import { type Motion, stepMotion } from '../../src/render/animation';
import {
  type Frame,
  type LayerContext,
  type StaticLayer,
  changedSquares,
  drawOver,
  frameOf,
  layerKey,
} from '../../src/render/layers';
import {
  type Direction,
  type Level,
  type Position,
  parseLevel,
  startPosition,
  step,
} from '../../src/sokoban';
import { arbitraryLevel } from '../sokoban/generate';
import { type Call, fakeContext } from './fake-context';

const SIZE = 10;

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

// A 9×5 room: the player, a box to push right onto a goal, another box and goal apart.
const ROOM = level(['#########', '#       #', '# @$  . #', '#   $ . #', '#########'].join('\n'));

/** A recording context that also has what the layers need (identity transform, a backing size). */
function layerContext(level: Level): { ctx: LayerContext; calls: Call[] } {
  const { ctx, calls } = fakeContext();
  const c = ctx as unknown as Record<string, unknown>;
  c.getTransform = () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
  c.canvas = { width: level.width * SIZE, height: level.height * SIZE };
  calls.length = 0;
  return { ctx: ctx as unknown as LayerContext, calls };
}

function staticLayer(level: Level): StaticLayer {
  const { ctx } = layerContext(level);
  return {
    canvas: { width: level.width * SIZE, height: level.height * SIZE } as StaticLayer['canvas'],
    key: layerKey(ctx, level.width * SIZE, level.height * SIZE, level, defaultTheme, SIZE, false),
  };
}

/** The squares (cells) the drawImage calls restore, from their destination rectangles. */
function restoredCells(calls: Call[], level: Level): number[] {
  return calls
    .filter((c) => c.name === 'drawImage')
    .map((c) => {
      const [, , , w, h, x, y] = c.args as [
        unknown,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      expect(w).toBe(SIZE);
      expect(h).toBe(SIZE);
      return (y / SIZE) * level.width + x / SIZE;
    });
}

/**
 * What a frame shows on one square, written out independently of layers.ts: the piece standing
 * there, or the pieces sliding across it (with the time, since they move every frame).
 */
function squareContent(frame: Frame, cell: number): string {
  const m = frame.moving;
  const parts: string[] = [];
  if (m) {
    if ([m.player.from, m.player.to].includes(cell)) parts.push(`player sliding at ${frame.t}`);
    if (m.box && [m.box.from, m.box.to].includes(cell)) parts.push(`box sliding at ${frame.t}`);
  }
  const slidingBox = m?.box?.to;
  if (frame.position.boxes.includes(cell) && cell !== slidingBox) parts.push('box');
  if (!m && frame.position.player === cell) parts.push('player');
  return parts.join(',');
}

describe('layered board drawing', () => {
  it('draws a whole frame first, then only the squares a step crosses, frame after frame', () => {
    const layer = staticLayer(ROOM);
    const start = startPosition(ROOM);
    const pushed = step(ROOM, step(ROOM, start, 'r')!.position, 'r')!; // walks into the box: push
    expect(pushed.pushed).toBe(true);
    const motion = stepMotion(ROOM, pushed.position, pushed.letter, true)!;
    const { ctx, calls } = layerContext(ROOM);
    const first = frameOf(layer, pushed.position, {}, motion, 0.25);
    expect(drawOver(ctx, null, first)).toBe(-1);
    const whole = calls.filter((c) => c.name === 'drawImage');
    expect(whole).toHaveLength(1);
    expect(whole[0]!.args.slice(1, 5)).toEqual([0, 0, ROOM.width * SIZE, ROOM.height * SIZE]);

    calls.length = 0;
    const later = frameOf(layer, pushed.position, {}, motion, 0.5);
    expect(drawOver(ctx, first, later)).toBe(3); // the player's two squares and the box's next
    const cells = restoredCells(calls, ROOM);
    expect(new Set(cells)).toEqual(new Set([motion.player.from, motion.player.to, motion.box!.to]));
    // Nothing else is cleared: every clearRect is one of those squares.
    for (const c of calls.filter((c) => c.name === 'clearRect'))
      expect(c.args.slice(2)).toEqual([SIZE, SIZE]);
  });

  it('repaints nothing when the frame is the same, and a whole frame when marks are drawn', () => {
    const layer = staticLayer(ROOM);
    const p = startPosition(ROOM);
    const { ctx, calls } = layerContext(ROOM);
    const a = frameOf(layer, p);
    drawOver(ctx, null, a);
    calls.length = 0;
    expect(drawOver(ctx, a, frameOf(layer, p))).toBe(0);
    expect(calls.filter((c) => c.name === 'drawImage' || c.name === 'fillRect')).toEqual([]);
    const marked = frameOf(layer, p, { marked: [p.boxes[0]!] });
    expect(drawOver(ctx, a, marked)).toBe(-1);
    expect(drawOver(ctx, marked, a)).toBe(-1); // the mark must go: a whole frame again
    const other = staticLayer(ROOM); // a new static layer (theme or size changed)
    expect(drawOver(ctx, a, frameOf(other, p))).toBe(-1);
  });

  it('lists every square whose picture changes between two frames (random walks on random levels)', () => {
    const dirs: Direction[] = ['l', 'u', 'r', 'd'];
    fc.assert(
      fc.property(
        arbitraryLevel({ maxWidth: 9, maxHeight: 9, withTitle: false }),
        fc.array(fc.constantFrom(...dirs), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 13, maxLength: 13 }),
        (lvl, walk, times) => {
          const layer = staticLayer(lvl);
          let position: Position = startPosition(lvl);
          let last: Frame = frameOf(layer, position);
          walk.forEach((dir, i) => {
            const r = step(lvl, position, dir);
            if (!r) return;
            position = r.position;
            const motion: Motion | null = stepMotion(lvl, position, r.letter, true);
            const next = frameOf(layer, position, {}, motion, times[i]);
            const changed = new Set(changedSquares(last, next));
            for (let cell = 0; cell < lvl.width * lvl.height; cell++) {
              const before = squareContent(last, cell);
              const after = squareContent(next, cell);
              if (before !== after) expect(changed.has(cell), `square ${cell}`).toBe(true);
            }
            last = next;
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
