/** Analyze with its progress and Cancel, then the chart and the summary beside it. */
import type { EpisodeSummary, StepRow } from '../../sokoban';
import { useEpisodeStore } from '../../store/episode';
import { episodeActions } from '../../store/episode-actions';
import { formatSeconds } from '../solver-text';
import { ChartData } from './ChartData';
import { EpisodeChart, type StepValues } from './EpisodeChart';

export function EpisodeSummaryList({ summary }: { summary: EpisodeSummary }) {
  const items: [string, string][] = [
    ['Steps', String(summary.steps)],
    ['Moves', String(summary.moves)],
    ['Pushes', String(summary.pushes)],
    ['No-ops', String(summary.noops)],
    ['Steps in cycles', String(summary.cycleSteps)],
    ['Wasted pushes', String(summary.wastedPushes)],
    ['First lost step', summary.firstLostStep === null ? 'none' : String(summary.firstLostStep)],
    [
      'Optimal pushes at start',
      summary.optimalPushes === null ? 'unknown' : String(summary.optimalPushes),
    ],
    ["Agent's pushes", `${summary.agentPushes}${summary.solved ? ' (solved)' : ''}`],
  ];
  return (
    <dl className="episode-summary" role="group" aria-label="Episode summary">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Legend({ values }: { values: StepValues | null }) {
  return (
    <ul className="chart-legend" aria-label="Chart key">
      <li>
        <span className="key key-line" aria-hidden="true" /> optimal pushes left
      </li>
      <li>
        <span className="key key-lost" aria-hidden="true" /> lost
      </li>
      <li>
        <span className="key key-unknown" aria-hidden="true" /> unknown (search limit)
      </li>
      <li>
        <span className="key key-cycle" aria-hidden="true" /> cycle
      </li>
      <li>
        <span className="key key-noop" aria-hidden="true" /> no-op
      </li>
      <li>
        <span className="key key-wasted" aria-hidden="true">
          ×
        </span>{' '}
        wasted push
      </li>
      {values && values.length > 0 && (
        <li>
          <span className="key key-values" aria-hidden="true" /> value (from the episode file, right
          axis)
        </li>
      )}
    </ul>
  );
}

export function EpisodeAnalysis() {
  const episode = useEpisodeStore((s) => s.episode);
  const attached = useEpisodeStore((s) => s.attached);
  const analysis = useEpisodeStore((s) => s.analysis);
  const step = useEpisodeStore((s) => s.step);
  const seekStep = useEpisodeStore((s) => s.seekStep);
  const values = useEpisodeStore((s) => s.values);
  const { analyze, cancelAnalysis } = episodeActions;
  if (!episode) return null;
  const running = analysis.kind === 'running';
  const rows = analysis.kind === 'done' ? analysis.rows : null;
  return (
    <div className="episode-analysis">
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => void analyze()}
          disabled={!attached || running}
          title="Judge every step: optimal pushes left, or lost and why"
        >
          Analyze
        </button>
        <button type="button" onClick={cancelAnalysis} disabled={!running}>
          Cancel analysis
        </button>
        {running && (
          <>
            <progress
              aria-label="Analysis progress"
              max={Math.max(1, analysis.total)}
              value={analysis.done}
            />
            <span className="hint">
              {analysis.done} of {analysis.total} positions
            </span>
          </>
        )}
      </div>
      <div aria-live="polite">
        {analysis.kind === 'failed' && <p className="alert">{analysis.message}</p>}
        {analysis.kind === 'done' && (
          <p className="hint" data-testid="episode-analysed">
            Analysed in {formatSeconds(analysis.ms)}.
          </p>
        )}
      </div>
      {rows && analysis.kind === 'done' && (
        <div className="episode-result">
          <div className="episode-chart-col">
            <EpisodeChart
              rows={rows}
              step={step}
              onSeek={seekStep}
              enabled={attached}
              values={values}
            />
            <Legend values={values} />
            <StepVerdict row={rows[step]} />
            <ChartData rows={rows} values={values} />
          </div>
          <EpisodeSummaryList summary={analysis.summary} />
        </div>
      )}
    </div>
  );
}

function StepVerdict({ row }: { row: StepRow | undefined }) {
  if (!row) return null;
  const left =
    row.status === 'lost'
      ? `lost: ${row.cause ?? 'deadlock'}`
      : row.pushesLeft === null
        ? `unknown (${row.cause ?? 'search limit'})`
        : `${row.pushesLeft} pushes left`;
  const marks = [row.cycle ? 'in a cycle' : '', row.wasted ? 'wasted push' : '']
    .filter(Boolean)
    .join(', ');
  return (
    <p className="episode-verdict" data-testid="episode-verdict">
      Step {row.step}: {left}
      {marks ? ` (${marks})` : ''}
    </p>
  );
}
