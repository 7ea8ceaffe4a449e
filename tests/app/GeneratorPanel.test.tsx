import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import GeneratorPanel, { type GeneratorLike } from '../../src/app/generator/GeneratorPanel';
import { openSeedLink } from '../../src/app/generator/open-generated';
import {
  type GeneratedLevel,
  type GeneratorParams,
  generateLevel,
  seedAt,
} from '../../src/generator';
import { encodeSeedLink } from '../../src/generator/seed-link';
import { isSolved, printBoard, replay, startPosition } from '../../src/sokoban';
import { selectLevel, useGameStore } from '../../src/store/game';
import { type GenerateOutcome } from '../../src/worker/generator-client';
import { noCanvas, resetGame } from './helpers';

/** The real generator, run in this thread instead of a worker. */
function engineGenerator(): GeneratorLike & { calls: GeneratorParams[] } {
  const calls: GeneratorParams[] = [];
  return {
    calls,
    generate(params, count, onLevel) {
      calls.push(params);
      const levels: GeneratedLevel[] = [];
      for (let k = 0; k < count; k++) {
        const made = generateLevel({ ...params, seed: seedAt(params.seed, k) });
        if (!made.ok) return Promise.resolve({ status: 'failed', message: made.message, levels });
        const { ok: _ok, ...level } = made;
        levels.push(level);
        onLevel?.(level, k);
      }
      return Promise.resolve({ status: 'done', levels });
    },
    cancel() {},
    dispose() {},
  };
}

/** A generator that makes levels only when the test says so, and can be cancelled. */
function steppedGenerator() {
  let pending: {
    params: GeneratorParams;
    count: number;
    onLevel?: ((l: GeneratedLevel, i: number) => void) | undefined;
    resolve: (o: GenerateOutcome) => void;
    levels: GeneratedLevel[];
  } | null = null;
  const fake: GeneratorLike & { step(): void } = {
    generate: (params, count, onLevel) =>
      new Promise((resolve) => (pending = { params, count, onLevel, resolve, levels: [] })),
    cancel: () => {
      pending?.resolve({ status: 'cancelled', levels: pending.levels });
      pending = null;
    },
    dispose: () => fake.cancel(),
    step: () => {
      const p = pending!;
      const k = p.levels.length;
      const made = generateLevel({ ...p.params, seed: seedAt(p.params.seed, k) });
      if (!made.ok) throw new Error(made.message);
      const { ok: _ok, ...level } = made;
      p.levels.push(level);
      p.onLevel?.(level, k);
    },
  };
  return fake;
}

const region = () => screen.getByRole('region', { name: 'Generator' });

async function setField(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  const box = within(region()).getByRole('spinbutton', { name });
  await user.clear(box);
  await user.type(box, value);
}

beforeEach(async () => {
  vi.restoreAllMocks();
  noCanvas();
  await resetGame();
});

describe('Generator panel', () => {
  it('has number inputs Boxes (default 4) and Seed, and Generate buttons', () => {
    render(<GeneratorPanel createClient={engineGenerator} />);
    expect(screen.getByRole('spinbutton', { name: 'Boxes' })).toHaveValue(4);
    expect(screen.getByRole('spinbutton', { name: 'Seed' })).toHaveValue(1);
    expect(screen.getByRole('button', { name: 'Generate' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Generate 100' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('generates the level of a seed, opens it on the board with its optimal push count, and links its seed', async () => {
    const user = userEvent.setup();
    const fake = engineGenerator();
    render(<GeneratorPanel createClient={() => fake} />);
    await setField(user, 'Boxes', '2');
    await setField(user, 'Seed', '42');
    await setField(user, 'Min pushes', '5');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(fake.calls).toEqual([{ width: 10, height: 10, boxes: 2, seed: 42, minPushes: 5 }]);
    const direct = generateLevel(fake.calls[0]);
    if (!direct.ok) throw new Error(direct.message);
    await waitFor(() =>
      expect(region()).toHaveTextContent(
        `Seed 42: proven solvable in ${direct.pushes} pushes (optimal)`,
      ),
    );
    const level = selectLevel(useGameStore.getState())!;
    expect(printBoard(level)).toBe(printBoard(direct.level));
    const played = replay(level, startPosition(level), direct.solution);
    expect(isSolved(level, played.position)).toBe(true);
    expect(useGameStore.getState().notice?.text).toMatch(/proven solvable in \d+ pushes/);
    const link = screen.getByRole('textbox', { name: 'Seed link' });
    expect((link as HTMLInputElement).value).toMatch(/#1g~s42~b2~w10~h10~p5$/);
  });

  it('shows a bad field as an alert and generates nothing', async () => {
    const user = userEvent.setup();
    const fake = engineGenerator();
    render(<GeneratorPanel createClient={() => fake} />);
    await setField(user, 'Boxes', '9');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Boxes must be a whole number from 1 to 6/);
    await user.clear(screen.getByRole('spinbutton', { name: 'Seed' }));
    await setField(user, 'Boxes', '3');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Seed must be a whole number/);
    expect(fake.calls).toEqual([]);
  });

  it('Generate 100 shows progress, can be cancelled, and offers the levels made so far', async () => {
    const user = userEvent.setup();
    const fake = steppedGenerator();
    render(<GeneratorPanel createClient={() => fake} />);
    await setField(user, 'Boxes', '1');
    await setField(user, 'Min pushes', '1');
    await user.click(screen.getByRole('button', { name: 'Generate 100' }));
    const bar = screen.getByRole('progressbar', { name: 'Generation progress' });
    expect(bar).toHaveAttribute('max', '100');
    expect(screen.getByRole('button', { name: 'Generate' })).toBeDisabled();
    act(() => fake.step());
    act(() => fake.step());
    act(() => fake.step());
    expect(bar).toHaveAttribute('value', '3');
    expect(region()).toHaveTextContent('Generated 3 of 100');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(region()).toHaveTextContent('Cancelled after 3 of 100 levels (seeds 1 to 3).');
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Play collection' }));
    const game = useGameStore.getState();
    expect(game.entries).toHaveLength(3);
    expect(game.text).toMatch(/^; 1\n/);
    expect(game.text).toMatch(/seed 3, 10x10, 1 box/);
  });
});

describe('seed links', () => {
  it('open the same level as Generate made', async () => {
    const params: GeneratorParams = { width: 8, height: 8, boxes: 2, seed: 9, minPushes: 3 };
    const direct = generateLevel(params);
    if (!direct.ok) throw new Error(direct.message);
    const result = await openSeedLink(
      `#${encodeSeedLink(params)}`,
      useGameStore.getState(),
      engineGenerator,
    );
    expect(result).toEqual({ ok: true });
    expect(printBoard(selectLevel(useGameStore.getState())!)).toBe(printBoard(direct.level));
    expect(useGameStore.getState().notice?.text).toMatch(/seed link \(seed 9\): proven solvable/);
  });

  it('refuse a bad link with a message and leave the game as it was', async () => {
    const before = useGameStore.getState().text;
    const result = await openSeedLink('1g~s1~b99', useGameStore.getState(), engineGenerator);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Boxes/) });
    expect(useGameStore.getState().text).toBe(before);
  });
});
