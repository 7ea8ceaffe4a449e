/**
 * The episode chart's geometry, as plain functions over the analysis rows: where a step sits on
 * the x axis and which step a point is over, the runs to shade, and the step-shaped line of
 * optimal pushes left. The SVG is drawn in a fixed coordinate box and scaled by CSS.
 */
import type { StepRow } from '../../sokoban';

export const VIEW_W = 600;
export const VIEW_H = 210;
export const PLOT = { left: 34, right: 8, top: 16, bottom: 24 } as const;
export const PLOT_W = VIEW_W - PLOT.left - PLOT.right;
export const PLOT_H = VIEW_H - PLOT.top - PLOT.bottom;

export interface ChartScale {
  /** The last step (the episode has lastStep + 1 positions, step 0 the start). */
  readonly lastStep: number;
  /** The top of the y axis: the most pushes left seen (at least 1). */
  readonly yMax: number;
}

export function chartScale(rows: readonly StepRow[]): ChartScale {
  let yMax = 1;
  for (const r of rows) if (r.pushesLeft !== null && r.pushesLeft > yMax) yMax = r.pushesLeft;
  return { lastStep: Math.max(0, rows.length - 1), yMax };
}

export function xOf(scale: ChartScale, step: number): number {
  return PLOT.left + (scale.lastStep === 0 ? 0 : (step / scale.lastStep) * PLOT_W);
}

export function yOf(scale: ChartScale, pushesLeft: number): number {
  return PLOT.top + (1 - pushesLeft / scale.yMax) * PLOT_H;
}

/** The step nearest to `x` (in view units), clamped to the episode. */
export function stepAtX(scale: ChartScale, x: number): number {
  if (scale.lastStep === 0) return 0;
  const step = Math.round(((x - PLOT.left) / PLOT_W) * scale.lastStep);
  return Math.max(0, Math.min(scale.lastStep, step));
}

/** Half a step's width, so a run of steps is shaded from just before its first to just after its last. */
function halfStep(scale: ChartScale): number {
  return scale.lastStep === 0 ? PLOT_W / 2 : PLOT_W / scale.lastStep / 2;
}

export interface Band {
  readonly x: number;
  readonly width: number;
  readonly first: number;
  readonly last: number;
}

/** Runs of consecutive steps for which `test` holds, as x bands clipped to the plot. */
export function bands(
  scale: ChartScale,
  rows: readonly StepRow[],
  test: (row: StepRow) => boolean,
): Band[] {
  const out: Band[] = [];
  const half = halfStep(scale);
  for (let i = 0; i < rows.length; i++) {
    if (!test(rows[i]!)) continue;
    let j = i;
    while (j + 1 < rows.length && test(rows[j + 1]!)) j++;
    const x0 = Math.max(PLOT.left, xOf(scale, i) - half);
    const x1 = Math.min(PLOT.left + PLOT_W, xOf(scale, j) + half);
    out.push({ x: x0, width: Math.max(1, x1 - x0), first: i, last: j });
    i = j;
  }
  return out;
}

/**
 * The pushes-left line as an SVG path: a value holds until the next step, so the line is drawn
 * as steps; it breaks where the count is unknown or the position lost.
 */
export function pushesLeftPath(scale: ChartScale, rows: readonly StepRow[]): string {
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]!.pushesLeft;
    if (v === null) {
      open = false;
      continue;
    }
    const x = xOf(scale, i).toFixed(1);
    const y = yOf(scale, v).toFixed(1);
    parts.push(open ? `H${x}V${y}` : `M${x} ${y}`);
    open = true;
  }
  return parts.join('');
}

/** The range of an episode file's per-step values (its own axis, on the right). */
export interface ValueScale {
  readonly min: number;
  readonly max: number;
}

/** The finite values' range over the episode's steps; null when there is none to draw. */
export function valueScale(
  values: readonly (number | null)[] | null | undefined,
  steps: number,
): ValueScale | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < Math.min(steps, values?.length ?? 0); i++) {
    const v = values![i] ?? null;
    if (v === null || !Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return min <= max ? { min, max } : null;
}

/** A value's height: min at the bottom of the plot, max at the top (a flat series mid-height). */
export function valueY(vs: ValueScale, value: number): number {
  const f = vs.max === vs.min ? 0.5 : (value - vs.min) / (vs.max - vs.min);
  return PLOT.top + (1 - f) * PLOT_H;
}

/**
 * The values as a line through each step's point (values are estimates at a position, not
 * counts that hold until the next step, so the line is straight from step to step); it breaks
 * at a missing value. Values beyond the episode's last step are left out.
 */
export function valuesPath(
  scale: ChartScale,
  vs: ValueScale,
  values: readonly (number | null)[],
): string {
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i <= scale.lastStep && i < values.length; i++) {
    const v = values[i] ?? null;
    if (v === null || !Number.isFinite(v)) {
      open = false;
      continue;
    }
    parts.push(`${open ? 'L' : 'M'}${xOf(scale, i).toFixed(1)} ${valueY(vs, v).toFixed(1)}`);
    open = true;
  }
  return parts.join('');
}
