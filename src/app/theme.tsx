/**
 * Light and dark: by default the page follows the system's `prefers-color-scheme`; the
 * "Dark theme" toggle overrides it and is remembered in localStorage. The choice is written on
 * <html data-theme> at once (CSS reads it) and picks the board's colours (render/theme.ts).
 *
 * The stored value is validated ("light" or "dark", anything else is ignored as if unset); see
 * preference.ts for what happens when the storage refuses to save.
 */
import { create } from 'zustand';
import { type Theme, darkTheme, defaultTheme } from '../render';
import { readPreference, writePreference } from './preference';
import './theme.css';

export type ThemeName = 'light' | 'dark';
export const THEME_KEY = 'sokoban-playground:theme';

export function readStoredTheme(store?: Storage | null): ThemeName | null {
  return readPreference<ThemeName>(THEME_KEY, ['light', 'dark'], store);
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): ThemeName {
  if (typeof matchMedia !== 'function') return 'light';
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

interface ThemeState {
  /** The user's choice, or null to follow the system. */
  readonly choice: ThemeName | null;
  readonly system: ThemeName;
  toggle: () => void;
  setSystem: (theme: ThemeName) => void;
}

export const selectTheme = (s: ThemeState): ThemeName => s.choice ?? s.system;
export const selectBoardTheme = (s: ThemeState): Theme =>
  selectTheme(s) === 'dark' ? darkTheme : defaultTheme;

export const useThemeStore = create<ThemeState>()((set, get) => ({
  choice: readStoredTheme(),
  system: systemTheme(),
  toggle() {
    const next: ThemeName = selectTheme(get()) === 'dark' ? 'light' : 'dark';
    set({ choice: next });
    writePreference(THEME_KEY, next, 'The theme');
  },
  setSystem(system) {
    set({ system });
  },
}));

function apply(theme: ThemeName): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

// Applied before the first render (this module is imported by the App), then on every change.
apply(selectTheme(useThemeStore.getState()));
useThemeStore.subscribe((s) => apply(selectTheme(s)));
if (typeof matchMedia === 'function') {
  matchMedia(DARK_QUERY).addEventListener?.('change', (e) =>
    useThemeStore.getState().setSystem(e.matches ? 'dark' : 'light'),
  );
}

/** The "Dark theme" toggle button (aria-pressed). */
export function ThemeToggle() {
  const dark = useThemeStore((s) => selectTheme(s) === 'dark');
  const toggle = useThemeStore((s) => s.toggle);
  return (
    <button type="button" className="theme-toggle" aria-pressed={dark} onClick={toggle}>
      Dark theme
    </button>
  );
}
