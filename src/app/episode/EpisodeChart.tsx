/**
 * The analysis chart: optimal pushes left against the step, drawn as SVG. Lost steps are shaded,
 * steps whose count is unknown are hatched, no-op steps are ticked under the axis, cycles are a
 * band along the top and wasted pushes are crosses; the current step is a vertical line. An
 * episode file's per-step values (e.g. the agent's value estimates) are a dashed line with dots on
 * an axis of their own, on the right.
 *
 * The picture is an `img` whose name says what it shows and whose description (`<desc>`) says
 * how to read the lines and what the values are; the same data is a table under the chart
 * (ChartData.tsx). Over it lies a transparent `slider`
 * (the same box) that takes focus: arrows step one, Page Up/Down ten, Home/End the ends. A click,
 * or a drag with the mouse, a pen or a finger, anywhere on the chart moves playback to that step.
 */
import { useId, useRef } from 'react';
import type { StepRow } from '../../sokoban';
import {
  PLOT,
  PLOT_H,
  PLOT_W,
  VIEW_H,
  VIEW_W,
  type ChartScale,
  type ValueScale,
  bands,
  chartScale,
  pushesLeftPath,
  stepAtX,
  valueScale,
  valueY,
  valuesPath,
  xOf,
  yOf,
} from './chart-geometry';

export type StepValues = readonly (number | null)[];

export interface EpisodeChartProps {
  readonly rows: readonly StepRow[];
  readonly step: number;
  readonly onSeek: (step: number) => void;
  /** False when the board has left the episode: the chart is shown but does not seek. */
  readonly enabled: boolean;
  /** The episode file's per-step values (index 0 the start), if it has any. */
  readonly values?: StepValues | null;
}

/** A number as the chart writes it: up to three decimals, no trailing zeros. */
export function formatValue(v: number): string {
  return String(Number(v.toFixed(3)));
}

/** How to read the chart, for its `<desc>`: the lines, and the values' range and current one. */
export function chartDescription(
  rows: readonly StepRow[],
  step: number,
  values: StepValues | null | undefined,
): string {
  const parts = [
    'The solid stepped line is the optimal number of pushes left after each step (left axis); shaded steps are lost, hatched ones unknown.',
  ];
  const vs = valueScale(values, rows.length);
  if (vs) {
    const here = values?.[step];
    parts.push(
      `The dashed line with dots is the episode file's value at each step (right axis), from ${formatValue(vs.min)} to ${formatValue(vs.max)}; step ${step}: ${here === null || here === undefined || !Number.isFinite(here) ? 'no value' : `value ${formatValue(here)}`}.`,
    );
  }
  parts.push('The Chart data table under the chart lists every step.');
  return parts.join(' ');
}

export function chartName(rows: readonly StepRow[], step: number): string {
  const last = rows.length - 1;
  const start = rows[0]?.pushesLeft;
  const lost = rows.find((r) => r.status === 'lost');
  const here = rows[step];
  const now = !here
    ? ''
    : here.status === 'lost'
      ? 'lost'
      : here.pushesLeft === null
        ? 'unknown'
        : `${here.pushesLeft} pushes left`;
  return [
    `Optimal pushes left by step, ${last} steps`,
    `${start ?? 'unknown'} at the start`,
    lost ? `lost from step ${lost.step}` : 'never lost',
    `step ${step}: ${now}`,
  ].join('; ');
}

const KEY_STEPS: Record<string, (step: number, last: number) => number> = {
  ArrowLeft: (s) => s - 1,
  ArrowDown: (s) => s - 1,
  ArrowRight: (s) => s + 1,
  ArrowUp: (s) => s + 1,
  PageDown: (s) => s - 10,
  PageUp: (s) => s + 10,
  Home: () => 0,
  End: (_, last) => last,
};

function Marks({ rows }: { rows: readonly StepRow[] }) {
  const scale = chartScale(rows);
  const bottom = PLOT.top + PLOT_H;
  return (
    <>
      {bands(scale, rows, (r) => r.status === 'lost').map((b) => (
        <rect
          key={`lost${b.first}`}
          className="chart-lost"
          x={b.x}
          y={PLOT.top}
          width={b.width}
          height={PLOT_H}
        />
      ))}
      {bands(scale, rows, (r) => r.status === 'unknown').map((b) => (
        <rect
          key={`unknown${b.first}`}
          className="chart-unknown"
          x={b.x}
          y={PLOT.top}
          width={b.width}
          height={PLOT_H}
        />
      ))}
      {bands(scale, rows, (r) => r.cycle).map((b) => (
        <rect
          key={`cycle${b.first}`}
          className="chart-cycle"
          x={b.x}
          y={PLOT.top - 10}
          width={b.width}
          height={6}
        />
      ))}
      <path className="chart-line" d={pushesLeftPath(scale, rows)} />
      {rows.map((r) =>
        r.kind === 'noop' ? (
          <line
            key={`noop${r.step}`}
            className="chart-noop"
            x1={xOf(scale, r.step)}
            x2={xOf(scale, r.step)}
            y1={bottom + 2}
            y2={bottom + 8}
          />
        ) : null,
      )}
      {rows.map((r) => {
        if (!r.wasted) return null;
        const x = xOf(scale, r.step);
        const y = r.pushesLeft === null ? PLOT.top + 6 : yOf(scale, r.pushesLeft);
        return (
          <path
            key={`wasted${r.step}`}
            className="chart-wasted"
            d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}`}
          />
        );
      })}
    </>
  );
}

/** The values' dashed line, a dot at each step that has one, and their axis labels on the right. */
function ValuesLine({
  scale,
  vs,
  values,
}: {
  scale: ChartScale;
  vs: ValueScale;
  values: StepValues;
}) {
  const right = PLOT.left + PLOT_W;
  // Dots only while they stay apart; on a long episode the line alone reads better.
  const dots = scale.lastStep <= 120;
  return (
    <>
      <path className="chart-values" d={valuesPath(scale, vs, values)} />
      {dots &&
        values
          .slice(0, scale.lastStep + 1)
          .map((v, i) =>
            v === null || !Number.isFinite(v) ? null : (
              <circle
                key={`value${i}`}
                className="chart-value-dot"
                cx={xOf(scale, i)}
                cy={valueY(vs, v)}
                r={2.5}
              />
            ),
          )}
      <text className="chart-label chart-value-label" x={right} y={PLOT.top - 4} textAnchor="end">
        {formatValue(vs.max)}
      </text>
      {vs.max !== vs.min && (
        <text
          className="chart-label chart-value-label"
          x={right}
          y={PLOT.top + PLOT_H - 4}
          textAnchor="end"
        >
          {formatValue(vs.min)}
        </text>
      )}
    </>
  );
}

function Axes({ rows }: { rows: readonly StepRow[] }) {
  const scale = chartScale(rows);
  const bottom = PLOT.top + PLOT_H;
  return (
    <>
      <path
        className="chart-axis"
        d={`M${PLOT.left} ${PLOT.top}V${bottom}H${PLOT.left + PLOT_W}`}
      />
      <text className="chart-label" x={PLOT.left - 4} y={PLOT.top + 4} textAnchor="end">
        {scale.yMax}
      </text>
      <text className="chart-label" x={PLOT.left - 4} y={bottom} textAnchor="end">
        0
      </text>
      <text className="chart-label" x={PLOT.left} y={VIEW_H - 2} textAnchor="start">
        0
      </text>
      <text className="chart-label" x={PLOT.left + PLOT_W} y={VIEW_H - 2} textAnchor="end">
        {scale.lastStep}
      </text>
    </>
  );
}

interface SeekingOptions {
  readonly scale: ChartScale;
  readonly step: number;
  readonly enabled: boolean;
  readonly onSeek: (step: number) => void;
}

/**
 * The slider's input: a press, then a drag, anywhere on the chart seeks the step under the
 * pointer (read from the picture's box); the keys step as KEY_STEPS says, kept in 0..last.
 */
function useChartSeeking({ scale, step, enabled, onSeek }: SeekingOptions) {
  const svgRef = useRef<SVGSVGElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const last = scale.lastStep;

  const seekAt = (clientX: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width <= 0) return;
    onSeek(stepAtX(scale, ((clientX - rect.left) / rect.width) * VIEW_W));
  };

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!enabled || (e.button !== undefined && e.button > 0)) return;
    dragging.current = e.pointerId;
    sliderRef.current?.focus({ preventScroll: true });
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      /* synthetic events cannot be captured: moves over the chart still arrive */
    }
    seekAt(e.clientX);
    e.preventDefault(); // no text selection or page scroll while dragging along the chart
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    if (dragging.current === e.pointerId) seekAt(e.clientX);
  };
  const endDrag = () => {
    dragging.current = null;
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const to = KEY_STEPS[e.key];
    if (!to || !enabled) return;
    e.preventDefault(); // the game and playback keys must not also act on it
    onSeek(Math.max(0, Math.min(last, to(step, last))));
  };

  return {
    svgRef,
    sliderRef,
    onKeyDown,
    pointer: {
      onPointerDown,
      onPointerMove,
      onPointerUp: endDrag,
      onPointerCancel: endDrag,
    },
  };
}

interface PictureProps {
  readonly rows: readonly StepRow[];
  readonly step: number;
  readonly values: StepValues | null | undefined;
  readonly svgRef: React.RefObject<SVGSVGElement | null>;
}

/** The chart itself: the named `img` with its description, marks, axes, values and now-line. */
function ChartPicture({ rows, step, values, svgRef }: PictureProps) {
  const descId = useId();
  const scale = chartScale(rows);
  const vs = valueScale(values, rows.length);
  const x = xOf(scale, Math.min(step, scale.lastStep));
  return (
    <svg
      ref={svgRef}
      role="img"
      aria-label={chartName(rows, step)}
      aria-describedby={descId}
      viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
      data-testid="episode-chart"
    >
      <desc id={descId}>{chartDescription(rows, step, values)}</desc>
      <defs>
        <pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
          <path d="M0 6L6 0" className="chart-hatch" />
        </pattern>
      </defs>
      <Marks rows={rows} />
      <Axes rows={rows} />
      {vs && values && <ValuesLine scale={scale} vs={vs} values={values} />}
      <line className="chart-now" x1={x} x2={x} y1={PLOT.top - 12} y2={PLOT.top + PLOT_H} />
    </svg>
  );
}

export function EpisodeChart({ rows, step, onSeek, enabled, values }: EpisodeChartProps) {
  const scale = chartScale(rows);
  const last = scale.lastStep;
  const { svgRef, sliderRef, onKeyDown, pointer } = useChartSeeking({
    scale,
    step,
    enabled,
    onSeek,
  });
  return (
    <div className="episode-chart" {...pointer}>
      <ChartPicture rows={rows} step={step} values={values} svgRef={svgRef} />
      <div
        ref={sliderRef}
        className="chart-focus"
        role="slider"
        tabIndex={enabled ? 0 : -1}
        aria-label="Step on the chart"
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={step}
        aria-valuetext={`Step ${step} of ${last}`}
        aria-disabled={!enabled}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
