/**
 * Solve all's results: a table named "Batch results" with position, title, status, moves,
 * pushes, ms and proven optimal. Every header is a button that sorts by its column (again:
 * the other way), and says so with aria-sort. A row opens its level in the game with the
 * solution ready to play: its position button by keyboard, anywhere on the row by mouse or touch.
 */
import { memo, useMemo } from 'react';
import { type BatchRow, type SortColumn, sortRows, useBatchStore } from '../../store/batch';

const COLUMNS: readonly { readonly key: SortColumn; readonly label: string }[] = [
  { key: 'position', label: 'Position' },
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'moves', label: 'Moves' },
  { key: 'pushes', label: 'Pushes' },
  { key: 'ms', label: 'ms' },
  { key: 'optimal', label: 'Proven optimal' },
];

const nf = new Intl.NumberFormat('en');
const count = (n: number | null) => (n === null ? '' : nf.format(n));

const Row = memo(function Row({ row, onOpen }: { row: BatchRow; onOpen: (entry: number) => void }) {
  const open = () => onOpen(row.entry);
  const what = row.status === 'solved' ? 'with its solution' : '';
  return (
    // The row's button is the keyboard's way in; the click on the row only widens the target.
    <tr className={`batch-row status-${row.status}`} onClick={open}>
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
      <td>{row.title}</td>
      <td>
        {row.status}
        {row.message !== null && <span className="batch-message">{row.message}</span>}
      </td>
      <td className="num">{count(row.moves)}</td>
      <td className="num">{count(row.pushes)}</td>
      <td className="num">{nf.format(row.ms)}</td>
      <td>{row.optimal === null ? '' : row.optimal ? 'yes' : 'no'}</td>
    </tr>
  );
});

export function BatchTable() {
  const rows = useBatchStore((s) => s.rows);
  const sort = useBatchStore((s) => s.sort);
  const setSort = useBatchStore((s) => s.setSort);
  const openRow = useBatchStore((s) => s.openRow);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  if (rows.length === 0) return null;
  return (
    <div className="batch-table-wrap">
      <table className="batch-table" aria-label="Batch results">
        <thead>
          <tr>
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
          {sorted.map((row) => (
            <Row key={row.entry} row={row} onOpen={openRow} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
