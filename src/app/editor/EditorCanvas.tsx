/**
 * The editor's grid: a canvas that paints with the chosen tool under the mouse, the pen or a
 * finger (press and drag), and by keyboard: arrows move the cursor, Shift+arrows move and paint,
 * Space or Enter paints, Delete erases, W F B G P E pick a tool, Ctrl+Z and Ctrl+Y undo and redo.
 */
import { useEffect, useRef } from 'react';
import { backingSize, boardLayout, cellAtPoint, type BoardLayout } from '../../render';
import { drawDraft } from '../../render/draft';
import { type Tool, lineCells } from '../../sokoban/draft';
import type { EditorStore } from '../../store/editor';
import { useAvailableSize, useDevicePixelRatio } from '../Board';
import { selectBoardTheme, useThemeStore } from '../theme';

export const TOOL_KEYS: Readonly<Record<string, Tool>> = {
  w: 'wall',
  f: 'floor',
  b: 'box',
  g: 'goal',
  p: 'player',
  e: 'erase',
};

const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

function useEditorKeys(store: EditorStore): (e: React.KeyboardEvent) => void {
  return (e) => {
    const s = store.getState();
    const command = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let handled = true;
    const arrow = ARROWS[e.key];
    if (command && key === 'z') (e.shiftKey ? s.redo : s.undo)();
    else if (command && key === 'y') s.redo();
    else if (command || e.altKey) handled = false;
    else if (arrow) {
      s.moveCursor(...arrow);
      if (e.shiftKey) {
        s.beginStroke();
        s.paintAt(store.getState().cursor);
      }
    } else if (e.key === ' ' || e.key === 'Enter') {
      s.beginStroke();
      s.paintAt(s.cursor);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      s.beginStroke();
      s.paintAt(s.cursor, 'erase');
    } else if (TOOL_KEYS[key]) s.setTool(TOOL_KEYS[key]);
    else handled = false;
    if (handled) e.preventDefault();
  };
}

/** The board cell under a pointer, or -1; the canvas may be drawn scaled by CSS. */
function cellUnderPointer(layout: BoardLayout, e: React.PointerEvent): number {
  const rect = e.currentTarget.getBoundingClientRect();
  const sx = rect.width > 0 ? layout.width / rect.width : 1;
  const sy = rect.height > 0 ? layout.height / rect.height : 1;
  return cellAtPoint(layout, (e.clientX - rect.left) * sx, (e.clientY - rect.top) * sy);
}

/**
 * Press-and-drag painting: a press begins a stroke (one undo step) and paints its cell; a drag
 * paints every cell on the line from the last one, so a fast stroke leaves no gaps.
 */
function usePaintStrokes(store: EditorStore, layout: BoardLayout, width: number) {
  const stroke = useRef<{ pointerId: number; last: number } | null>(null);

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== undefined && e.button > 0) return;
    const cell = cellUnderPointer(layout, e);
    if (cell < 0) return;
    e.currentTarget.focus({ preventScroll: true });
    const s = store.getState();
    s.beginStroke();
    s.paintAt(cell);
    s.setCursor(cell);
    stroke.current = { pointerId: e.pointerId, last: cell };
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      /* synthetic events cannot be captured; moves still arrive over the canvas */
    }
  };

  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== e.pointerId) return;
    const cell = cellUnderPointer(layout, e);
    if (cell < 0 || cell === current.last) return;
    const s = store.getState();
    for (const c of lineCells(width, current.last, cell).slice(1)) s.paintAt(c);
    s.setCursor(cell);
    current.last = cell;
  };

  const endStroke = () => {
    stroke.current = null;
  };

  return { onPointerDown, onPointerMove, onPointerUp: endStroke, onPointerCancel: endStroke };
}

export function EditorCanvas({
  store,
  dead,
  label,
}: {
  store: EditorStore;
  dead: readonly number[];
  label: string;
}) {
  const draft = store((s) => s.draft);
  const cursor = store((s) => s.cursor);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const avail = useAvailableSize(wrapRef);
  const dpr = useDevicePixelRatio();
  const theme = useThemeStore(selectBoardTheme);
  const layout: BoardLayout = boardLayout(draft.width, draft.height, avail.width, avail.height);
  const onKeyDown = useEditorKeys(store);
  const strokes = usePaintStrokes(store, layout, draft.width);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const backing = backingSize(layout.width, layout.height, dpr);
    if (canvas.width !== backing.width) canvas.width = backing.width;
    if (canvas.height !== backing.height) canvas.height = backing.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(backing.scale, 0, 0, backing.scale, 0, 0);
    drawDraft(ctx, draft, theme, layout.cell, { cursor, dead });
  });

  return (
    <div className="board-wrap editor-wrap" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        className="board editor-grid"
        data-testid="editor-grid"
        data-cell-size={layout.cell}
        tabIndex={0}
        // A canvas is no native control: the grid takes its own keys and pointer strokes, which
        // is what the application role tells a screen reader.
        // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role
        role="application"
        aria-label={label}
        aria-roledescription="level editor grid"
        style={{ width: `${layout.width}px`, height: `${layout.height}px`, touchAction: 'none' }}
        onKeyDown={onKeyDown}
        {...strokes}
        onContextMenu={(e) => e.preventDefault()}
      />
    </div>
  );
}
