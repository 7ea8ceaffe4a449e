/**
 * The episode chart's data as text: a table of every step (what it did, moves/pushes, optimal
 * pushes left or why not, cycle and wasted marks, and the file's value), for screen readers and
 * for anyone who wants the numbers. Closed by default; its rows are rendered only while open, so
 * a long episode costs nothing until asked for.
 */
import { useState } from 'react';
import type { StepRow } from '../../sokoban';
import { type StepValues, formatValue } from './EpisodeChart';

function leftText(row: StepRow): string {
  if (row.status === 'lost') return `lost: ${row.cause ?? 'deadlock'}`;
  return row.pushesLeft === null
    ? `unknown (${row.cause ?? 'search limit'})`
    : String(row.pushesLeft);
}

export function ChartData({
  rows,
  values,
}: {
  rows: readonly StepRow[];
  values?: StepValues | null;
}) {
  const [open, setOpen] = useState(false);
  const hasValues = !!values && values.length > 0;
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Chart data</summary>
      {open && (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable)
        <div className="chart-data-scroll" tabIndex={0} role="region" aria-label="Chart data rows">
          <table aria-label="Chart data">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Kind</th>
                <th scope="col">Moves/pushes</th>
                <th scope="col">Pushes left</th>
                <th scope="col">Marks</th>
                {hasValues && <th scope="col">Value</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const v = values?.[row.step];
                const marks = [row.cycle ? 'cycle' : '', row.wasted ? 'wasted push' : '']
                  .filter(Boolean)
                  .join(', ');
                return (
                  <tr key={row.step}>
                    <th scope="row">{row.step}</th>
                    <td>{row.kind ?? 'start'}</td>
                    <td>
                      {row.moves}/{row.pushes}
                    </td>
                    <td>{leftText(row)}</td>
                    <td>{marks}</td>
                    {hasValues && (
                      <td>
                        {v === null || v === undefined || !Number.isFinite(v) ? '' : formatValue(v)}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
