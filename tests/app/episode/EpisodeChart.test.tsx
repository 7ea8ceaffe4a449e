/** The episode chart: its name, its marks, and seeking by click, drag and keys. */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartData } from '../../../src/app/episode/ChartData';
import { EpisodeChart } from '../../../src/app/episode/EpisodeChart';
import {
  PLOT,
  PLOT_H,
  PLOT_W,
  VIEW_W,
  chartScale,
  pushesLeftPath,
  stepAtX,
  valueScale,
  valuesPath,
  xOf,
} from '../../../src/app/episode/chart-geometry';
import type { StepRow } from '../../../src/sokoban';

/** Ten steps: 4 pushes left falling to 2, a no-op at 3, a cycle over 4–6, lost from 8. */
function rows(): StepRow[] {
  const left = [4, 4, 3, 3, 3, 3, 3, 2, null, null, null];
  return left.map((pushesLeft, step) => ({
    step,
    action: step === 0 ? null : 1,
    kind:
      step === 0
        ? null
        : step === 3
          ? 'noop'
          : step === 2 || step === 7 || step === 8
            ? 'push'
            : 'move',
    moves: step,
    pushes: 0,
    pushesLeft,
    status: pushesLeft === null ? 'lost' : 'alive',
    cause: pushesLeft === null ? 'a box in a corner' : null,
    cycle: step >= 4 && step <= 6,
    wasted: step === 8,
  }));
}

function renderChart(step = 0) {
  const onSeek = vi.fn();
  const view = render(<EpisodeChart rows={rows()} step={step} onSeek={onSeek} enabled />);
  const chart = screen.getByRole('img', { name: /pushes left/ });
  chart.getBoundingClientRect = () =>
    ({ left: 100, top: 0, width: VIEW_W / 2, height: 105, right: 400, bottom: 105 }) as DOMRect;
  return { onSeek, chart, view };
}

/** Client x of a step, on a chart drawn at half size from x = 100. */
const clientX = (step: number) => 100 + xOf(chartScale(rows()), step) / 2;

describe('EpisodeChart', () => {
  it('is an image named for pushes left, the start, the first lost step and the step shown', () => {
    renderChart(2);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Optimal pushes left by step, 10 steps; 4 at the start; lost from step 8; step 2: 3 pushes left',
    );
  });

  it('shades lost steps, ticks no-ops, bands cycles and crosses wasted pushes', () => {
    const { chart } = renderChart();
    expect(chart.querySelectorAll('.chart-lost')).toHaveLength(1);
    expect(chart.querySelectorAll('.chart-noop')).toHaveLength(1);
    expect(chart.querySelectorAll('.chart-cycle')).toHaveLength(1);
    expect(chart.querySelectorAll('.chart-wasted')).toHaveLength(1);
  });

  it('seeks the step under a click, and follows a drag', () => {
    const { onSeek, chart } = renderChart();
    fireEvent.pointerDown(chart, { pointerId: 3, button: 0, clientX: clientX(6) });
    expect(onSeek).toHaveBeenLastCalledWith(6);
    fireEvent.pointerMove(chart, { pointerId: 3, clientX: clientX(9) });
    expect(onSeek).toHaveBeenLastCalledWith(9);
    fireEvent.pointerUp(chart, { pointerId: 3, clientX: clientX(9) });
    fireEvent.pointerMove(chart, { pointerId: 3, clientX: clientX(1) });
    expect(onSeek).toHaveBeenCalledTimes(2); // no drag after the button is up
  });

  it('seeks by touch too', () => {
    const { onSeek, chart } = renderChart();
    fireEvent.pointerDown(chart, { pointerId: 9, pointerType: 'touch', clientX: clientX(2) });
    expect(onSeek).toHaveBeenLastCalledWith(2);
  });

  it('steps with the arrows, Page Up/Down, Home and End when focused', async () => {
    const user = userEvent.setup();
    const { onSeek } = renderChart(5);
    const slider = screen.getByRole('slider', { name: 'Step on the chart' });
    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(onSeek).toHaveBeenLastCalledWith(6);
    await user.keyboard('{ArrowLeft}');
    expect(onSeek).toHaveBeenLastCalledWith(4);
    await user.keyboard('{End}');
    expect(onSeek).toHaveBeenLastCalledWith(10);
    await user.keyboard('{Home}');
    expect(onSeek).toHaveBeenLastCalledWith(0);
    await user.keyboard('{PageUp}');
    expect(onSeek).toHaveBeenLastCalledWith(10);
  });

  it('does not seek when the board has left the episode', () => {
    const onSeek = vi.fn();
    render(<EpisodeChart rows={rows()} step={0} onSeek={onSeek} enabled={false} />);
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    expect(onSeek).not.toHaveBeenCalled();
  });
});

describe('chart geometry', () => {
  it('maps steps to x and back', () => {
    const scale = chartScale(rows());
    for (let s = 0; s <= 10; s++) expect(stepAtX(scale, xOf(scale, s))).toBe(s);
    expect(stepAtX(scale, 0)).toBe(0);
    expect(stepAtX(scale, PLOT.left + PLOT_W + 50)).toBe(10);
  });

  it('draws the line as steps and breaks it where the count is unknown', () => {
    const path = pushesLeftPath(chartScale(rows()), rows());
    expect(path.match(/M/g)).toHaveLength(1);
    expect(path.match(/H/g)).toHaveLength(7);
  });
});

/** The file's values: rising from 0.5 to 0.9, one missing at step 5, and one beyond the end. */
const VALUES = [0.5, 0.55, 0.6, 0.6, 0.65, null, 0.7, 0.75, 0.8, 0.85, 0.9, 99];

describe('the episode file values on the chart', () => {
  it('draws them as a dashed line with a dot per step, on their own axis, and says so in the description', () => {
    const { container } = render(
      <EpisodeChart rows={rows()} step={4} onSeek={vi.fn()} enabled values={VALUES} />,
    );
    const chart = screen.getByRole('img', { name: /pushes left/ });
    // The name stays the contract's; the description tells how to read the values.
    expect(chart).toHaveAccessibleDescription(
      /\(right axis\), from 0\.5 to 0\.9; step 4: value 0\.65\./,
    );
    const line = container.querySelector('path.chart-values')!;
    // Steps 0-4 and 6-10: two runs (broken at the missing value), the 99 after the end left out.
    expect(line.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(line.getAttribute('d')!.match(/L/g)).toHaveLength(8);
    const dots = [...container.querySelectorAll('circle.chart-value-dot')];
    expect(dots).toHaveLength(10);
    // The lowest value sits on the plot's floor, the highest at its top.
    const ys = dots.map((d) => Number(d.getAttribute('cy')));
    expect(Math.max(...ys)).toBeCloseTo(PLOT.top + PLOT_H);
    expect(Math.min(...ys)).toBeCloseTo(PLOT.top);
    expect([...container.querySelectorAll('.chart-value-label')].map((t) => t.textContent)).toEqual(
      ['0.9', '0.5'],
    );
  });

  it('draws no values line when the file has none', () => {
    const { container } = render(
      <EpisodeChart rows={rows()} step={0} onSeek={vi.fn()} enabled values={null} />,
    );
    expect(container.querySelector('.chart-values')).toBeNull();
    expect(screen.getByRole('img')).toHaveAccessibleDescription(/pushes left/);
    expect(valueScale([null, Number.NaN], 2)).toBeNull();
  });

  it('gives a flat series a line across the middle', () => {
    const scale = chartScale(rows());
    const vs = valueScale([2, 2, 2], 11)!;
    expect(valuesPath(scale, vs, [2, 2, 2])).toMatch(
      new RegExp(`^M\\S+ ${(PLOT.top + PLOT_H / 2).toFixed(1)}`),
    );
  });

  it('lists every step, its pushes left and its value in the Chart data table', async () => {
    const user = userEvent.setup();
    render(<ChartData rows={rows()} values={VALUES} />);
    expect(screen.queryByRole('table')).toBeNull(); // closed: nothing rendered
    await user.click(screen.getByText('Chart data'));
    const table = screen.getByRole('table', { name: 'Chart data' });
    const lines = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(lines).toHaveLength(11);
    expect(lines[0]).toEqual(['0', 'start', '0/0', '4', '', '0.5']);
    expect(lines[5]).toEqual(['5', 'move', '5/0', '3', 'cycle', '']);
    expect(lines[8]).toEqual(['8', 'push', '8/0', 'lost: a box in a corner', 'wasted push', '0.8']);
  });
});
