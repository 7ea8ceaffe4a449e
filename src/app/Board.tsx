/**
 * The canvas board: draws the current position, sized to its container, and turns pointer input
 * (mouse, pen, touch) into store actions.
 *
 * Mouse and pen: click a square to walk there; drag a box to a square to push it there; or click a
 * box (it is ringed) and then a square. Touch: a swipe moves one step; taps work like clicks.
 * A picked box shows the squares it can be pushed to (corner brackets); a click on one pushes it
 * there, a click on any other square, or Esc, lets the box go.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Level, type Position, boxDestinations } from '../sokoban';
import { useGameStore, selectLevel, selectPosition, selectSolved } from '../store/game';
import {
  backingSize,
  boardLayout,
  cellAtPoint,
  describeBoard,
  levelCell,
  swipeDirection,
  type BoardLayout,
  type BoardView,
} from '../render';
import { useBoardPainter } from './board-painter';
import { selectBoardTheme, useThemeStore } from './theme';
import { boardView, useBoardViewStore } from './board-view';
import './Board.css';

/** Set once the first board has been drawn (see the performance mark below). */
let firstDrawMarked = false;

/** Share of the window height the board may take (the controls need the rest). */
const HEIGHT_SHARE = 0.62;

interface Gesture {
  pointerId: number;
  pointerType: string;
  x: number;
  y: number;
  cell: number;
  /** The box picked before this gesture began (a click on it again lets it go). */
  pickedBefore: number | null;
}

export function useAvailableSize(ref: React.RefObject<HTMLElement | null>): {
  width: number;
  height: number;
} {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      const height = Math.max(160, Math.floor(window.innerHeight * HEIGHT_SHARE));
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    window.addEventListener('resize', measure);
    // ResizeObserver is missing in jsdom and very old browsers; the window resize covers the rest.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [ref]);
  return size;
}

export function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() =>
    typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1,
  );
  useEffect(() => {
    const update = () => setDpr(window.devicePixelRatio || 1);
    window.addEventListener('resize', update); // zooming changes the ratio and fires resize
    // Moving the window to a screen with another ratio fires no resize: watch the ratio itself.
    const query =
      typeof window.matchMedia === 'function'
        ? window.matchMedia(`(resolution: ${dpr}dppx)`)
        : null;
    query?.addEventListener?.('change', update);
    return () => {
      window.removeEventListener('resize', update);
      query?.removeEventListener?.('change', update);
    };
  }, [dpr]);
  return dpr;
}

/** Esc lets a picked box go (unless a text field or another handler took the key). */
function useEscapeToLetGo(active: boolean, letGo: () => void): void {
  const latest = useRef(letGo);
  useEffect(() => {
    latest.current = letGo;
  });
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

/**
 * The box picked with a click or a grab, and the squares it can be pushed to. A selection belongs
 * to one position: a move, an undo or another level clears it; Esc lets it go.
 */
function usePickedBox(level: Level | null, position: Position | null) {
  const [selected, setSelected] = useState<number | null>(null);
  const [selectedFor, setSelectedFor] = useState(position);
  if (selectedFor !== position) {
    setSelectedFor(position);
    setSelected(null);
  }
  const destinations = useMemo(
    () =>
      selected !== null && level && position ? boxDestinations(level, position, selected) : [],
    [selected, level, position],
  );
  useEscapeToLetGo(selected !== null, () => setSelected(null));
  return { selected, setSelected, destinations };
}

interface Drawn {
  readonly level: Level | null;
  readonly position: Position | null;
  readonly layout: BoardLayout | null;
  readonly view: BoardView | null;
  readonly fullRectangle: boolean;
  readonly selected: number | null;
  readonly destinations: readonly number[];
}

/** Draws the board on the canvas after every render, at the screen's pixel ratio. */
function useDrawBoard(canvasRef: React.RefObject<HTMLCanvasElement | null>, drawn: Drawn): void {
  const paint = useBoardPainter(); // draw() plus the animated step and deadlock marks
  const dpr = useDevicePixelRatio();
  const theme = useThemeStore(selectBoardTheme);
  const { level, position, layout, view, fullRectangle, selected, destinations } = drawn;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !level || !position || !layout || !view) return;
    const backing = backingSize(layout.width, layout.height, dpr);
    if (canvas.width !== backing.width) canvas.width = backing.width;
    if (canvas.height !== backing.height) canvas.height = backing.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return; // no 2D context (jsdom, or a browser without canvas): nothing to draw
    // The whole level is drawn, shifted so that the view's corner is the canvas's corner.
    const shift = -backing.scale * layout.cell;
    ctx.setTransform(backing.scale, 0, 0, backing.scale, shift * view.col, shift * view.row);
    paint(ctx, level, position, theme, layout.cell, {
      selected,
      trim: !fullRectangle,
      destinations,
    });
    if (!firstDrawMarked) {
      // scripts/measure-app.ts reads this mark: time from navigation to the first board drawn.
      firstDrawMarked = true;
      performance.mark('first-board-draw');
    }
  });
}

/**
 * A click or tap on `cell`; `picked` is the box that was picked when the gesture began. A box
 * is picked (or let go, on a second click); with a box picked, a marked square takes it there
 * and any other square is "never mind"; else the player walks to the square.
 */
function tap(
  cell: number,
  picked: number | null,
  position: Position,
  destinations: readonly number[],
  setSelected: (box: number | null) => void,
): void {
  if (cell < 0) return;
  const game = useGameStore.getState();
  if (position.boxes.includes(cell)) {
    setSelected(picked === cell ? null : cell); // a second click on the picked box lets it go
    return;
  }
  if (picked !== null && position.boxes.includes(picked)) {
    if (destinations.includes(cell)) game.pushBox(picked, cell);
    setSelected(null);
    return;
  }
  game.walkTo(cell);
}

/** Pointer gestures on the board: taps and clicks, swipes on touch, box drags with the mouse. */
function useBoardPointer(
  canvasRef: React.RefObject<HTMLCanvasElement | null>,
  { level, position, layout, view, selected, destinations }: Drawn,
  setSelected: (box: number | null) => void,
) {
  const gesture = useRef<Gesture | null>(null);
  const cellAt = useCallback(
    (clientX: number, clientY: number): number => {
      const canvas = canvasRef.current;
      if (!canvas || !layout || !level || !view) return -1;
      const rect = canvas.getBoundingClientRect();
      // The canvas may be drawn at another size than its layout (CSS zoom, transforms): scale back.
      const sx = rect.width > 0 ? layout.width / rect.width : 1;
      const sy = rect.height > 0 ? layout.height / rect.height : 1;
      const local = cellAtPoint(layout, (clientX - rect.left) * sx, (clientY - rect.top) * sy);
      return levelCell(level, view, local);
    },
    [canvasRef, layout, level, view],
  );

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== undefined && e.button > 0) return; // left button, touch or pen only
    const cell = cellAt(e.clientX, e.clientY);
    gesture.current = {
      pointerId: e.pointerId,
      pointerType: e.pointerType,
      x: e.clientX,
      y: e.clientY,
      cell,
      pickedBefore: selected,
    };
    // Grabbing a box with the mouse rings it at once, so a drag shows what is being moved.
    if (e.pointerType !== 'touch' && position?.boxes.includes(cell)) setSelected(cell);
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      /* not capturable (synthetic events): the up event still arrives on the canvas */
    }
  };

  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    gesture.current = null;
    if (!g || g.pointerId !== e.pointerId || !position || !layout) return;
    const game = useGameStore.getState();
    if (g.pointerType === 'touch') {
      const dir = swipeDirection(e.clientX - g.x, e.clientY - g.y, Math.max(24, layout.cell * 0.6));
      if (dir) {
        setSelected(null);
        game.move(dir);
        return;
      }
      tap(g.cell, g.pickedBefore, position, destinations, setSelected);
      return;
    }
    const upCell = cellAt(e.clientX, e.clientY);
    if (upCell === g.cell) {
      tap(upCell, g.pickedBefore, position, destinations, setSelected);
      return;
    }
    if (g.cell >= 0 && upCell >= 0 && position.boxes.includes(g.cell)) {
      // A drag: push the grabbed box to where it was dropped (it stays picked if it cannot go).
      if (game.pushBox(g.cell, upCell)) setSelected(null);
    }
  };

  const onPointerCancel = () => {
    gesture.current = null;
  };
  return { onPointerDown, onPointerUp, onPointerCancel };
}

/** The board's accessible name: the position in words, and the picked box if there is one. */
function boardLabel(
  level: Level,
  position: Position,
  solved: boolean,
  selected: number | null,
  destinations: readonly number[],
): string {
  if (selected === null) return describeBoard(level, position, solved);
  const squares = `${destinations.length} ${destinations.length === 1 ? 'square' : 'squares'}`;
  return `${describeBoard(level, position, solved)} A box is picked; it can be pushed to ${squares}.`;
}

export function Board() {
  const level = useGameStore(selectLevel);
  const position = useGameStore(selectPosition);
  const solved = useGameStore(selectSolved);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const avail = useAvailableSize(wrapRef);
  const fullRectangle = useBoardViewStore((s) => s.fullRectangle);
  // The part of the grid shown: trimmed of the walls no floor touches, unless asked not to.
  const view = level ? boardView(level, fullRectangle) : null;
  const layout: BoardLayout | null =
    level && view ? boardLayout(view.cols, view.rows, avail.width, avail.height) : null;
  const { selected, setSelected, destinations } = usePickedBox(level, position);
  const drawn = { level, position, layout, view, fullRectangle, selected, destinations };
  useDrawBoard(canvasRef, drawn);
  const pointer = useBoardPointer(canvasRef, drawn, setSelected);

  if (!level || !position || !layout) return <div className="board-wrap" ref={wrapRef} />;

  return (
    <div className="board-wrap" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        className="board"
        data-testid="board"
        role="img"
        aria-label={boardLabel(level, position, solved, selected, destinations)}
        data-destinations={destinations.join(' ')}
        data-cell-size={layout.cell}
        style={{ width: `${layout.width}px`, height: `${layout.height}px` }}
        {...pointer}
        onContextMenu={(e) => e.preventDefault()}
      />
    </div>
  );
}
