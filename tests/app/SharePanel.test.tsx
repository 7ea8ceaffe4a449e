import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShareLinkOpener, SharePanel, linkFor, openSharedLevel } from '../../src/app/SharePanel';
import { LevelTitle } from '../../src/app/GameStatus';
import {
  selectCanRedo,
  selectHistory,
  selectLevel,
  selectPlayedMoves,
  useGameStore,
} from '../../src/store/game';
import { decodeShare, encodeShare } from '../../src/share';
import { parseLevel, sameBoard, type Level } from '../../src/sokoban';

const initial = useGameStore.getState();

const TINY_TEXT = '#######\n#     #\n# .$@ #\n#     #\n#######';
const OTHER_TEXT = '#######\n#@ $ .#\n#######';

function level(text: string, title = ''): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.level, title };
}

async function fragmentOf(l: Level, moves?: string): Promise<string> {
  const e = await encodeShare(moves === undefined ? { level: l } : { level: l, moves });
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
}

function setClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    value: writeText ? { writeText } : undefined,
    configurable: true,
  });
}

/** Sets the fragment the way a link or the back button does, and lets jsdom fire hashchange. */
async function navigateTo(fragment: string) {
  await act(async () => {
    window.location.hash = fragment;
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  localStorage.clear();
  useGameStore.setState(initial, true);
  history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.restoreAllMocks();
  setClipboard(undefined);
});

describe('SharePanel', () => {
  it('makes a link to the current level, copies it and shows it in the "Share link" box', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    setClipboard(writeText);
    useGameStore.getState().load(TINY_TEXT);
    render(<SharePanel />);
    const box = screen.getByRole('textbox', { name: 'Share link' });
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('readonly');

    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(box).not.toHaveValue(''));
    const url = (box as HTMLInputElement).value;
    expect(url.startsWith(`${location.origin}${location.pathname}#1r~`)).toBe(true);
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByText(/Link copied to the clipboard/)).toBeInTheDocument();

    const decoded = await decodeShare(url.slice(url.indexOf('#')));
    expect(decoded.ok && sameBoard(decoded.level, selectLevel(useGameStore.getState())!)).toBe(
      true,
    );
    expect(decoded.ok && decoded.moves).toBeUndefined();
  });

  it('with "Include moves" makes a replay link of the moves played', async () => {
    setClipboard(vi.fn(async () => {}));
    useGameStore.getState().load(TINY_TEXT);
    useGameStore.getState().play('Lur');
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include moves' }));
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const box = screen.getByRole('textbox', { name: 'Share link' });
    await waitFor(() => expect(box).not.toHaveValue(''));
    const url = (box as HTMLInputElement).value;
    const decoded = await decodeShare(url.split('#')[1] ?? '');
    expect(decoded.ok && decoded.moves).toBe(selectPlayedMoves(useGameStore.getState()));
    expect(decoded.ok && decoded.moves).toBe('Lur');
  });

  it('hides a link that no longer matches the board', async () => {
    setClipboard(vi.fn(async () => {}));
    useGameStore.getState().load(TINY_TEXT);
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include moves' }));
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const box = screen.getByRole('textbox', { name: 'Share link' });
    await waitFor(() => expect(box).not.toHaveValue(''));
    act(() => void useGameStore.getState().move('u'));
    expect(box).toHaveValue('');
  });

  it('falls back to selecting the box and execCommand when there is no clipboard API', async () => {
    setClipboard(undefined);
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(screen.getByText(/Link copied/)).toBeInTheDocument());
    expect(exec).toHaveBeenCalledWith('copy');
    // The focus is back on the button, so the arrow keys keep playing.
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
  });

  it('never fails hard: a refused clipboard leaves the link selected in the box to copy by hand', async () => {
    setClipboard(vi.fn(async () => Promise.reject(new Error('denied'))));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    render(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const box = screen.getByRole<HTMLInputElement>('textbox', { name: 'Share link' });
    await waitFor(() => expect(screen.getByText(/Copy the link from the box/)).toBeInTheDocument());
    expect(box.value).toMatch(/#1r~/);
    expect(box).toHaveFocus();
    expect(box.selectionEnd! - box.selectionStart!).toBe(box.value.length);
  });

  it('builds links from the page address without its old fragment', () => {
    expect(linkFor('1r~x', { origin: 'https://example.org', pathname: '/play/' })).toBe(
      'https://example.org/play/#1r~x',
    );
  });
});

describe('opening links', () => {
  it('opens the link in the address on start-up, moves ready on the redo stack from the start', async () => {
    const shared = level(OTHER_TEXT, 'Shared one');
    history.replaceState(null, '', '/#' + (await fragmentOf(shared, 'rR')));
    render(<ShareLinkOpener />);
    await waitFor(() => expect(selectLevel(useGameStore.getState())?.title).toBe('Shared one'));
    const s = useGameStore.getState();
    expect(sameBoard(selectLevel(s)!, shared)).toBe(true);
    expect(selectHistory(s)).toEqual({ moves: 'rR', cursor: 0 });
    expect(selectCanRedo(s)).toBe(true);
    expect(s.draft).toBe(s.text); // the Level box shows the shared level
    expect(s.notice?.text).toMatch(/2 moves.*Redo/);
    // Redo twice reaches the end of the shared moves: the box on its goal.
    act(() => {
      useGameStore.getState().redo();
      useGameStore.getState().redo();
    });
    expect(selectPlayedMoves(useGameStore.getState())).toBe('rR');
  });

  it('follows hashchange, clears the fragment, and adds each level without losing the others', async () => {
    useGameStore.getState().load(TINY_TEXT);
    useGameStore.getState().play('u');
    const a = await fragmentOf(level(OTHER_TEXT, 'Level A'));
    render(<ShareLinkOpener />);
    await navigateTo(a);
    await waitFor(() => expect(selectLevel(useGameStore.getState())?.title).toBe('Level A'));
    expect(window.location.hash).toBe('');
    const s = useGameStore.getState();
    expect(s.entries).toHaveLength(2);
    expect(s.currentIndex).toBe(1);
    expect(s.histories['0']).toEqual({ moves: 'u', cursor: 1 });
    expect(s.notice?.text).toMatch(/added to your collection as level 2/);
    // The same link again opens the copy already there instead of adding another.
    await navigateTo(a);
    await waitFor(() => expect(window.location.hash).toBe(''));
    expect(useGameStore.getState().entries).toHaveLength(2);
  });

  it('opens links whose level has floor outside its walls (finding 5)', async () => {
    render(<ShareLinkOpener />);
    const before = useGameStore.getState().entries.length;
    // Both are the same puzzle once the unreachable floor is gone: the second opens the first.
    for (const fragment of ['1r~3-/3W/WpW/WbW/W.W/3W', '1r~3W--/WpW/WbW/W.W/3W']) {
      await navigateTo(fragment);
      await waitFor(() => expect(window.location.hash).toBe(''));
      const s = useGameStore.getState();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(s.entries).toHaveLength(before + 1);
      expect(s.currentIndex).toBe(before);
      const opened = selectLevel(s)!;
      expect([opened.width, opened.height, opened.title]).toEqual([3, 5, 'Shared level']);
    }
    expect(useGameStore.getState().play('D')).toBe(true);
  });

  it('a broken link shows an alert and leaves the game exactly as it was', async () => {
    useGameStore.getState().load(TINY_TEXT);
    useGameStore.getState().play('ul');
    const before = useGameStore.getState();
    render(<ShareLinkOpener />);
    const broken = [
      '1r~7W/Wp-b-.W/7',
      '7z~whatever',
      '1r~5W/Wpb-W/5W',
      '1z~' + 'A'.repeat(300),
      '1r~' + 'W'.repeat(70_000),
      '1r~5W/Wp<img src=x onerror=alert(1)>b.W/5W',
    ];
    for (const fragment of broken) {
      await navigateTo(fragment);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('This shared link could not be opened.');
      expect(alert).toHaveTextContent('Your game is unchanged.');
      const after = useGameStore.getState();
      expect(after.text).toBe(before.text);
      expect(after.histories).toEqual(before.histories);
      expect(after.currentIndex).toBe(before.currentIndex);
    }
    // The markup in the last link is shown as text, never made into an element.
    expect(screen.getByRole('alert')).toHaveTextContent('"<" is not a board character');
    expect(document.querySelector('img')).toBeNull();
    // A good link after a bad one clears the alert.
    await navigateTo(await fragmentOf(level(OTHER_TEXT)));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows script-like titles as plain text', async () => {
    const title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    history.replaceState(null, '', '/#' + (await fragmentOf(level(OTHER_TEXT, title))));
    render(
      <>
        <ShareLinkOpener />
        <LevelTitle />
      </>,
    );
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a link with moves that do not fit its level is refused', async () => {
    const before = useGameStore.getState();
    history.replaceState(null, '', '/#' + (await fragmentOf(level(OTHER_TEXT), 'llll')));
    render(<ShareLinkOpener />);
    expect(await screen.findByRole('alert')).toHaveTextContent('move 1 is illegal');
    expect(useGameStore.getState().text).toBe(before.text);
  });

  it('openSharedLevel adds titles that would not survive as a Title: line', () => {
    const l = level(OTHER_TEXT, '#########');
    expect(openSharedLevel(useGameStore.getState(), l, undefined)).toEqual({ ok: true });
    const loaded = selectLevel(useGameStore.getState())!;
    expect(sameBoard(loaded, l)).toBe(true);
    expect(loaded.title).toBe('#########');
  });
});
