import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseStorageFor } from '../store/refuse-storage';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  THEME_KEY,
  ThemeToggle,
  readStoredTheme,
  selectBoardTheme,
  useThemeStore,
} from '../../src/app/theme';
import { type Theme, darkTheme, defaultTheme, drawCell } from '../../src/render';
import { useGameStore } from '../../src/store/game';
import { fakeContext } from '../render/fake-context';
import { resetGame } from './helpers';

const toggle = () => screen.getByRole('button', { name: 'Dark theme' });

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
  useThemeStore.setState({ choice: null, system: 'light' });
});

describe('Dark theme toggle', () => {
  it('follows the system by default', () => {
    useThemeStore.setState({ system: 'dark' });
    render(<ThemeToggle />);
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(useThemeStore.getState().choice).toBeNull();
  });

  it('switches the page and the board, and remembers the choice', async () => {
    const user = userEvent.setup();
    render(<ThemeToggle />);
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(selectBoardTheme(useThemeStore.getState())).toBe(defaultTheme);
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(selectBoardTheme(useThemeStore.getState())).toBe(darkTheme);
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    // The choice now wins over the system's.
    useThemeStore.getState().setSystem('dark');
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
  });

  it('reads only "light" or "dark" back from storage', () => {
    localStorage.setItem(THEME_KEY, 'dark');
    expect(readStoredTheme()).toBe('dark');
    localStorage.setItem(THEME_KEY, '<script>');
    expect(readStoredTheme()).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(readStoredTheme(broken)).toBeNull();
  });

  it('says so when the choice cannot be saved, and still changes the theme', async () => {
    const user = userEvent.setup();
    refuseStorageFor(THEME_KEY);
    render(<ThemeToggle />);
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(useGameStore.getState().notice?.text).toMatch(/could not be remembered/);
  });
});

/** The drawing calls for one square, with every colour left out: its shape alone. */
function shapeOf(kind: 'goal' | 'box' | 'boxOnGoal', theme: Theme): string {
  const { ctx, calls } = fakeContext();
  drawCell(ctx, kind, 0, 0, 32, theme);
  return calls
    .filter((c) => !/^set (fillStyle|strokeStyle)$/.test(c.name))
    .map((c) => `${c.name}(${c.args.join(',')})`)
    .join(';');
}

/** Relative luminance (WCAG) of a #rrggbb colour: what a greyscale view keeps. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => {
  const [la, lb] = [luminance(a), luminance(b)];
  const [hi, lo] = [Math.max(la, lb), Math.min(la, lb)];
  return (hi + 0.05) / (lo + 0.05);
};

describe('board themes', () => {
  it('draw goals, boxes and boxes on goals as three different shapes, the same in both themes', () => {
    const kinds = ['goal', 'box', 'boxOnGoal'] as const;
    const light = kinds.map((k) => shapeOf(k, defaultTheme));
    const dark = kinds.map((k) => shapeOf(k, darkTheme));
    expect(new Set(light).size).toBe(3);
    expect(dark).toEqual(light);
  });

  it('keep the marks visible in greyscale: goal, box outline, goal mark and player stand out from what is under them', () => {
    for (const t of [defaultTheme, darkTheme]) {
      expect(contrast(t.goal, t.floor)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.boxEdge, t.floor)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.mark, t.boxOnGoal)).toBeGreaterThanOrEqual(1.5);
      expect(contrast(t.player, t.floor)).toBeGreaterThanOrEqual(3);
    }
  });
});
