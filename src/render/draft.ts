/**
 * Drawing a draft in the editor: every square is drawn (empty ones as floor, so the grid can be
 * painted anywhere), then the dead-square marks and the keyboard cursor.
 */
import type { Draft } from '../sokoban/draft';
import { type BoardContext, type CellKind, cross, drawCell } from './board';
import type { Theme } from './theme';

const KINDS: Readonly<Record<string, CellKind>> = {
  '#': 'wall',
  ' ': 'floor',
  '.': 'goal',
  $: 'box',
  '*': 'boxOnGoal',
  '@': 'player',
  '+': 'playerOnGoal',
};

/** Dead squares: a diagonal cross in the mark colour, drawn thin so pieces stay readable. */
const DEAD_COLOUR = '#c92a2a';

export interface DraftMarks {
  readonly cursor?: number | null;
  /** Draft cells to mark as dead squares. */
  readonly dead?: readonly number[];
}

export function drawDraft(
  ctx: BoardContext,
  draft: Draft,
  theme: Theme,
  size: number,
  marks: DraftMarks = {},
): void {
  ctx.clearRect(0, 0, draft.width * size, draft.height * size);
  for (let cell = 0; cell < draft.cells.length; cell++) {
    const col = cell % draft.width;
    const row = (cell - col) / draft.width;
    const kind = KINDS[draft.cells[cell]!] ?? 'floor';
    drawCell(ctx, kind, col * size, row * size, size, theme, (row + col) % 2 === 1, false);
  }
  ctx.lineCap = 'round';
  for (const cell of marks.dead ?? []) {
    const x = (cell % draft.width) * size;
    const y = Math.floor(cell / draft.width) * size;
    ctx.strokeStyle = DEAD_COLOUR;
    ctx.lineWidth = Math.max(1, size / 14);
    cross(ctx, x, y, size, size * 0.3);
  }
  const cursor = marks.cursor;
  if (cursor !== undefined && cursor !== null && cursor >= 0 && cursor < draft.cells.length) {
    const x = (cursor % draft.width) * size;
    const y = Math.floor(cursor / draft.width) * size;
    const w = Math.max(2, size / 10);
    ctx.strokeStyle = theme.selection;
    ctx.lineWidth = w;
    ctx.beginPath();
    ctx.moveTo(x + w / 2, y + w / 2);
    ctx.lineTo(x + size - w / 2, y + w / 2);
    ctx.lineTo(x + size - w / 2, y + size - w / 2);
    ctx.lineTo(x + w / 2, y + size - w / 2);
    ctx.closePath();
    ctx.stroke();
  }
}
