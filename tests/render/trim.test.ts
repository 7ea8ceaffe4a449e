// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../src/sokoban/parse';
import type { Level } from '../../src/sokoban';
import {
  defaultTheme,
  draw,
  drawnCells,
  fullView,
  insideCells,
  levelCell,
  trimmedView,
} from '../../src/render';
import { fakeContext } from './fake-context';
import { WALLED_ROOM } from '../fixtures/levels';

function level(rows: string[]): Level {
  const r = parseLevel(rows.join('\n'));
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

/** A small room in a mass of wall, as Boxoban files draw it. */
const MASSY = level(WALLED_ROOM.split('\n'));

/** Walls painted by a draw: the fillRects made while fillStyle is the wall colour. */
function wallSquares(l: Level, trim: boolean): string[] {
  const { ctx, calls } = fakeContext();
  draw(ctx, l, { player: l.player, boxes: l.boxes }, defaultTheme, 10, { trim });
  let fill = '';
  const out: string[] = [];
  for (const c of calls) {
    if (c.name === 'set fillStyle') fill = String(c.args[0]);
    else if (c.name === 'fillRect' && fill === defaultTheme.wall)
      out.push(c.args.slice(0, 2).join(','));
  }
  return out;
}

describe('board trimming', () => {
  it('keeps only the walls a floor square touches, by side or corner', () => {
    const drawn = drawnCells(MASSY, insideCells(MASSY));
    const rows = Array.from({ length: MASSY.height }, (_, r) =>
      Array.from({ length: MASSY.width }, (_, c) => (drawn[r * MASSY.width + c] ? 'x' : '.')).join(
        '',
      ),
    );
    expect(rows).toEqual([
      '..........',
      '..........',
      '..xxxx....',
      '..xxxxxx..',
      '..xxxxxx..',
      '..xxxxxx..',
      '..xxxx....',
      '..........',
    ]);
  });

  it('fits the view to what is drawn, and maps its cells back to the level', () => {
    const view = trimmedView(MASSY, insideCells(MASSY));
    expect(view).toEqual({ col: 2, row: 2, cols: 6, rows: 5 });
    // The view's top-left cell is the level's (2, 2); the player's square maps back to itself.
    expect(levelCell(MASSY, view, 0)).toBe(2 * 10 + 2);
    expect(levelCell(MASSY, view, 2 * 6 + 4)).toBe(MASSY.player);
    expect(levelCell(MASSY, view, -1)).toBe(-1);
    expect(fullView(MASSY)).toEqual({ col: 0, row: 0, cols: 10, rows: 8 });
  });

  it('leaves a level with no wall mass as it is', () => {
    const plain = level(['#####', '#@$.#', '#####']);
    expect(trimmedView(plain, insideCells(plain))).toEqual(fullView(plain));
  });

  it('draws no wall that no floor touches when trimming, and every wall without', () => {
    const walls = [...MASSY.tiles].filter((t) => t === '#').length;
    expect(wallSquares(MASSY, false)).toHaveLength(walls);
    const trimmed = wallSquares(MASSY, true);
    const drawn = drawnCells(MASSY, insideCells(MASSY));
    expect(trimmed).toHaveLength([...MASSY.tiles].filter((t, i) => t === '#' && drawn[i]).length);
    expect(trimmed).not.toContain('0,0');
    expect(trimmed).toContain('20,20'); // the room's corner stays
  });
});
