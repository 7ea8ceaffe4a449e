/**
 * The Episode analysis panel as a user touches it: the Actions box and the Action order select,
 * episode files (pasted and opened) with their errors, Analyze with its summary, and stepping.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import EpisodePanel from '../../../src/app/episode/EpisodePanel';
import { analysePositions } from '../../../src/solver/episode';
import { selectHistory, selectPosition, useGameStore } from '../../../src/store/game';
import { selectStepArrows, useEpisodeStore } from '../../../src/store/episode';
import { setAnalysisService } from '../../../src/store/episode-actions';
import { OPEN } from '../../store/fixtures';
import { noCanvas, resetGame } from '../helpers';

/** OPEN is 8 wide: the box at row 2 col 2 (cell 18), goal at cell 21, player at cell 28. */
const W = 8;

function setup() {
  const user = userEvent.setup();
  render(<EpisodePanel />);
  return user;
}

async function enter(user: ReturnType<typeof userEvent.setup>, text: string, order: string) {
  const box = screen.getByRole('textbox', { name: 'Actions' });
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Action order' }), order);
  await user.click(screen.getByRole('button', { name: 'Apply actions' }));
}

const history = () => selectHistory(useGameStore.getState());
const player = () => selectPosition(useGameStore.getState())?.player;

beforeEach(async () => {
  await resetGame();
  noCanvas();
  useGameStore.getState().load(OPEN);
  useEpisodeStore.setState(useEpisodeStore.getInitialState(), true);
});

afterEach(() => setAnalysisService(null));

describe('Actions box and Action order', () => {
  it('offers the four orders and Auto', () => {
    setup();
    const select = screen.getByRole('combobox', { name: 'Action order' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['udlr', 'urdl', 'gym9', 'thinker5', 'Auto']);
  });

  it('replays integers in udlr: left, left, push up', async () => {
    const user = setup();
    await enter(user, '[2, 2, 0]', 'udlr');
    expect(history()).toEqual({ moves: 'llU', cursor: 0 });
    expect(screen.getByTestId('episode-step').textContent).toMatch(/^Step 0 of 3: start/);
  });

  it('reads the same integers in urdl, where a step into a wall is a no-op that still counts', async () => {
    const user = setup();
    await enter(user, '2, 2\n0', 'urdl');
    // down, down (into the wall: no-op), up.
    expect(history().moves).toBe('du');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(screen.getByTestId('episode-step').textContent).toMatch(
      /^Step 2 of 3: 2 \(down\), noop · 1\/0/,
    );
    expect(player()).toBe(28 + W);
  });

  it('reads gym9 push and move actions with their own rules', async () => {
    const user = setup();
    // move left, move left, move up into the box (nothing happens), push up.
    await enter(user, '7 7 5 1', 'gym9');
    expect(history().moves).toBe('llU');
    expect(useEpisodeStore.getState().episode?.noops).toBe(1);
  });

  it('Auto says which order it picked and whether the choice was close', async () => {
    const user = setup();
    await enter(user, '[2, 2, 0]', 'auto');
    expect(screen.getByTestId('episode-choice').textContent).toMatch(
      /^Auto picked udlr \(0 no-ops/,
    );
  });

  it('takes LURD as well', async () => {
    const user = setup();
    await enter(user, 'llU', 'udlr');
    expect(history().moves).toBe('llU');
  });

  it('names a bad action and keeps the episode shown', async () => {
    const user = setup();
    await enter(user, '2 2 0', 'udlr');
    await enter(user, '2 x 0', 'udlr');
    expect(screen.getByRole('alert').textContent).toMatch(/"x" is not an action.*line 1, column 3/);
    expect(history().moves).toBe('llU');
    await enter(user, '4', 'udlr');
    expect(screen.getByRole('alert').textContent).toMatch(/outside udlr's 0 to 3/);
    expect(history().moves).toBe('llU');
  });
});

describe('episode files', () => {
  const file = (o: object) => JSON.stringify(o);

  it('says what is wrong with bad JSON and keeps what the user had', async () => {
    const user = setup();
    await enter(user, '2 2 0', 'udlr');
    await enter(user, '{"level": "#####", "actions": [1, 2', 'auto');
    expect(screen.getByRole('alert').textContent).toMatch(/^Episode file: not valid JSON/);
    expect(history().moves).toBe('llU');
    expect(useEpisodeStore.getState().episode?.steps).toHaveLength(4);
  });

  it('names a Boxoban id missing from the loaded collection', async () => {
    const user = setup();
    await enter(user, file({ level: 'medium/valid/000:53', actions: [0] }), 'auto');
    expect(screen.getByRole('alert').textContent).toMatch(
      /no level titled "53" in the loaded collection \(load medium\/valid\/000\.txt first\)/,
    );
  });

  it('refuses actions that do not fit the file level, before the board changes', async () => {
    const user = setup();
    const before = useGameStore.getState().text;
    await enter(user, file({ level: '#####\n#@$.#\n#####', actions: [9], order: 'udlr' }), 'auto');
    expect(screen.getByRole('alert').textContent).toMatch(/outside udlr/);
    expect(useGameStore.getState().text).toBe(before);
  });

  it('opens a file: its level, order, values and the overlay arrows of the step on screen', async () => {
    const user = setup();
    const episode = {
      level: '#####\n#@$.#\n#####',
      actions: [3],
      order: 'udlr',
      values: [0.25, 0.75],
      overlays: [[[1, 2, 'right']], []],
    };
    const input = screen.getByLabelText('Open episode…');
    await user.upload(input, new File([file(episode)], 'ep.json', { type: 'application/json' }));
    await waitFor(() => expect(history().moves).toBe('R'));
    expect(screen.getByRole('combobox', { name: 'Action order' })).toHaveValue('udlr');
    expect(selectStepArrows(useEpisodeStore.getState())).toEqual([{ row: 1, col: 2, dir: 'r' }]);
    expect(screen.getByTestId('episode-step').textContent).toMatch(/value 0\.25/);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(selectStepArrows(useEpisodeStore.getState())).toEqual([]);
    expect(screen.getByTestId('episode-step').textContent).toMatch(/value 0\.75/);
  });
});

describe('Analyze', () => {
  it('shows the chart and the summary, and a click on the chart seeks', async () => {
    setAnalysisService({
      analyze: (level, positions) => Promise.resolve(analysePositions(level, positions)),
      cancelAnalysis: () => undefined,
    });
    const user = setup();
    // left, left, push the box up against the top wall (lost), then a no-op into the box's wall.
    await enter(user, '2 2 0 0', 'udlr');
    await user.click(screen.getByRole('button', { name: 'Analyze' }));
    const chart = await screen.findByRole('img', { name: /pushes left/ });
    expect(chart.getAttribute('aria-label')).toMatch(/3 at the start; lost from step 3/);
    const summary = screen.getByRole('group', { name: 'Episode summary' });
    const value = (term: string) =>
      within(summary).getByText(term).parentElement?.querySelector('dd')?.textContent;
    expect(value('Steps')).toBe('4');
    expect(value('Moves')).toBe('3');
    expect(value('Pushes')).toBe('1');
    expect(value('No-ops')).toBe('1');
    expect(value('First lost step')).toBe('3');
    expect(value('Optimal pushes at start')).toBe('3');
    expect(value("Agent's pushes")).toBe('1');
    expect(value('Wasted pushes')).toBe('1');

    vi_rect(chart);
    fireEvent.pointerDown(chart, { pointerId: 1, button: 0, clientX: 600 });
    expect(useEpisodeStore.getState().step).toBe(4);
    expect(history().cursor).toBe(3);
    expect(screen.getByTestId('episode-verdict').textContent).toMatch(/^Step 4: lost/);
  });
});

/** jsdom lays nothing out: give the chart a 600 px wide box at x = 0. */
function vi_rect(el: Element) {
  el.getBoundingClientRect = () =>
    ({ left: 0, top: 0, width: 600, height: 210, right: 600, bottom: 210, x: 0, y: 0 }) as DOMRect;
  act(() => undefined);
}
