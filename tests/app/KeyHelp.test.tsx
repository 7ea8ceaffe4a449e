import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FirstVisitHint, HINT_KEY } from '../../src/app/FirstVisitHint';
import { KEY_TABLE, keyCommand } from '../../src/app/key-table';
import { KeyHelp, KeyHelpButton, useKeyHelpStore } from '../../src/app/KeyHelp';
import { keyAction } from '../../src/app/keyboard';
import { resetGame } from './helpers';

beforeEach(async () => {
  vi.restoreAllMocks();
  await resetGame();
  useKeyHelpStore.setState({ open: false });
});

const press = (key: string, mods: Partial<KeyboardEvent> = {}) =>
  keyCommand({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('the key table', () => {
  it('gives each key one command, and no key to two commands', () => {
    const seen = new Map<string, string>();
    for (const row of KEY_TABLE)
      for (const spec of row.keys) {
        const id = `${spec.mod ?? ''}+${spec.key}`;
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, row.command);
      }
  });

  it('is what the handlers read: every plain key of the table gives its command', () => {
    for (const row of KEY_TABLE)
      for (const spec of row.keys.filter((k) => !k.mod))
        expect(press(spec.key === ' ' ? ' ' : spec.key)).toBe(row.command);
    expect(press('?', { shiftKey: true })).toBe('help');
    expect(press('H', { shiftKey: true })).toBe('hint');
    expect(press('Escape')).toBe('cancel');
    expect(press('h', { ctrlKey: true })).toBeNull();
    expect(
      keyAction({ key: 'Home', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }),
    ).toBeNull();
  });
});

describe('key help overlay', () => {
  it('opens on ?, lists every row of the key table, and closes on Esc', async () => {
    const user = userEvent.setup();
    render(<KeyHelp />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keys' });
    const rows = within(dialog).getAllByRole('row');
    expect(rows).toHaveLength(KEY_TABLE.length);
    for (const row of KEY_TABLE) expect(dialog).toHaveTextContent(`${row.shown}${row.does}`);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens from the Keys button and gives the focus back when closed', async () => {
    const user = userEvent.setup();
    render(
      <>
        <KeyHelpButton />
        <KeyHelp />
      </>,
    );
    const button = screen.getByRole('button', { name: 'Keys' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('is modal: Tab and Shift+Tab go round inside it, the page gets no keys, Esc gives the focus back', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Before</button>
        <KeyHelpButton />
        <KeyHelp />
        <button type="button">After</button>
      </>,
    );
    const opener = screen.getByRole('button', { name: 'Keys' });
    opener.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keys' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const list = within(dialog).getByRole('region', { name: 'Key list' });
    expect(close).toHaveFocus();
    await user.tab(); // from the last control round to the first
    expect(list).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(list).toHaveFocus();
    await user.tab({ shift: true }); // from the first round to the last
    expect(close).toHaveFocus();
    // The page's key handlers listen on the window: they hear nothing from inside the dialog.
    const pageKeys = vi.fn();
    window.addEventListener('keydown', pageKeys);
    await user.keyboard('{ArrowLeft}z');
    window.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
    // Focus sent outside comes back.
    screen.getByRole('button', { name: 'After' }).focus();
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('leaves ? to text fields', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Text" />
        <KeyHelp />
      </>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Text' }), '?');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('first-visit hint', () => {
  it('names Paste, Solve and Share, and once dismissed stays away', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<FirstVisitHint />);
    const hint = screen.getByRole('complementary', { name: 'Getting started' });
    expect(hint).toHaveTextContent(/Paste.*Solve.*Share/);
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByRole('complementary', { name: 'Getting started' })).toBeNull();
    expect(localStorage.getItem(HINT_KEY)).toBe('dismissed');
    unmount();
    render(<FirstVisitHint />);
    expect(screen.queryByRole('complementary', { name: 'Getting started' })).toBeNull();
  });
});
