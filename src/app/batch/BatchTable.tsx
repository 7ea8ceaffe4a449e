/**
 * Solve all's results: a table named "Batch results" with position, title, status, moves,
 * pushes, ms and proven optimal. Every header is a button that sorts by its column (again:
 * the other way), and says so with aria-sort. A row opens its level in the game with the
 * solution ready to play: its position button by keyboard, anywhere on the row by mouse or touch.
 *
 * A long table draws only the rows in and near its scroll box (rows have one fixed height), with
 * aria-rowcount and aria-rowindex telling screen readers where they are: re-rendering a thousand
 * rows every time results arrive cost the page more main-thread time than the solving itself.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type BatchRow, type SortColumn, sortRows, useBatchStore } from '../../store/batch';
import { countText } from '../../sokoban/count-text';

const COLUMNS: readonly { readonly key: SortColumn; readonly label: string }[] = [
  { key: 'position', label: 'Position' },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'moves', label: 'Moves' },
  { key: 'pushes', label: 'Pushes' },
  { key: 'ms', label: 'ms' },
  { key: 'optimal', label: 'Proven optimal' },
];

/** Tables up to this many rows are drawn whole. */
export const WINDOW_ABOVE = 100;
/** Rows drawn beyond each edge of the scroll box, so that Tab and small scrolls find them. */
const OVERSCAN = 12;
/** Row height and box height assumed until measured (px). */
const ROW_PX = 28;
const BOX_PX = 384;
const count = (n: number | null) => (n === null ? '' : countText(n));

const Row = memo(function Row({
  row,
  at,
  onOpen,
}: {
  row: BatchRow;
  /** 1-based row number in the table, header row included. */
  at: number;
  onOpen: (entry: number) => void;
}) {
  const open = () => onOpen(row.entry);
  const what = row.status === 'solved' ? 'with its solution' : '';
  return (
    // The row's button is the keyboard's way in; the click on the row only widens the target.
    <tr className={`batch-row status-${row.status}`} aria-rowindex={at} onClick={open}>
      <td className="num">
        <button
          type="button"
          className="link"
          aria-label={`Open level ${row.index} ${what}`.trim()}
          onClick={(e) => {
            e.stopPropagation();
            open();
          }}
        >
          {row.index}
        </button>
      </td>
      <td className="batch-title">{row.title}</td>
      <td className="batch-status">
        {row.status}
        {row.message !== null && (
          <span className="batch-message" title={row.message}>
            {' '}
            {row.message}
          </span>
        )}
      </td>
      <td className="num">{count(row.moves)}</td>
      <td className="num">{count(row.pushes)}</td>
      <td className="num">{countText(row.ms)}</td>
      <td>{row.optimal === null ? '' : row.optimal ? 'yes' : 'no'}</td>
    </tr>
  );
});

/** The slice of `total` rows to draw for a scroll box at `top` (px) of `height` (px). */
export function visibleRange(
  total: number,
  top: number,
  height: number,
  rowPx: number,
): { from: number; to: number } {
  if (total <= WINDOW_ABOVE) return { from: 0, to: total };
  const shown = Math.ceil((height > 0 ? height : BOX_PX) / rowPx);
  // A box scrolled past the end (the rows of a new batch are fewer) still shows the last rows.
  const first = Math.min(Math.floor(Math.max(0, top) / rowPx), Math.max(0, total - shown));
  return {
    from: Math.max(0, first - OVERSCAN),
    to: Math.min(total, first + shown + OVERSCAN),
  };
}

export function BatchTable() {
  const rows = useBatchStore((s) => s.rows);
  const sort = useBatchStore((s) => s.sort);
  const setSort = useBatchStore((s) => s.setSort);
  const openRow = useBatchStore((s) => s.openRow);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowPx, setRowPx] = useState(ROW_PX);
  // The rows' real height and the box's, once drawn (fonts and zoom differ).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const drawn = el.querySelector<HTMLElement>('tbody tr.batch-row');
    const h = drawn?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - rowPx) > 0.5) setRowPx(h);
    if (el.clientHeight !== view.height) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [sorted, rowPx, view.height]);
  if (rows.length === 0) return null;
  const { from, to } = visibleRange(sorted.length, view.top, view.height, rowPx);
  return (
    <div
      className="batch-table-wrap"
      ref={box}
      onScroll={(e) =>
        setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
      }
    >
      <table className="batch-table" aria-label="Batch results" aria-rowcount={sorted.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map(({ key, label }) => (
              <th
                key={key}
                scope="col"
                aria-sort={sort.column === key ? sort.direction : undefined}
              >
                <button type="button" className="link" onClick={() => setSort(key)}>
                  {label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.column === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {from > 0 && (
            <tr aria-hidden="true" className="batch-gap" style={{ height: from * rowPx }} />
          )}
          {sorted.slice(from, to).map((row, i) => (
            <Row key={row.entry} row={row} at={from + i + 2} onOpen={openRow} />
          ))}
          {to < sorted.length && (
            <tr
              aria-hidden="true"
              className="batch-gap"
              style={{ height: (sorted.length - to) * rowPx }}
            />
          )}
        </tbody>
      </table>
    </div>
  );
}
