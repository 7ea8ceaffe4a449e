/**
 * Share links in the page.
 *
 * SharePanel: the Share button builds a link to the current level (with "Include moves", a
 * replay link of the moves played so far), copies it and shows it in the "Share link" box.
 *
 * ShareLinkOpener: on start-up and on every `hashchange` a non-empty fragment is opened and then
 * cleared from the address (history.replaceState), so that a reload shows the game as it is now,
 * never the link again. A good link adds its level to the collection (the player's other levels
 * and their moves stay, a pick away), with its moves on the redo stack from the start; a broken
 * one shows an alert and leaves the game as it was. Titles are only ever rendered as React text,
 * so nothing in a link is executed or injected.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Level } from '../sokoban';
import { errorMessage } from '../sokoban/error-message';
import { encodeShare, openShare } from '../share';
import { isSeedLink } from '../generator/seed-link';
import { selectLevel, selectPlayedMoves, useGameStore, type GameActions } from '../store/game';
import './SharePanel.css';
import { copyText } from './clipboard';
import { DismissibleAlert } from './DismissibleAlert';

/** The page's address without its fragment, plus `#fragment`. */
export function linkFor(
  fragment: string,
  where: Pick<Location, 'origin' | 'pathname'> = window.location,
): string {
  return `${where.origin}${where.pathname}#${fragment}`;
}

interface Shared {
  readonly url: string;
  readonly level: Level;
  /** The moves in the link, or null for a level-only link. */
  readonly moves: string | null;
}

/**
 * The Share button's work: make the link, show it, copy it. Each press supersedes the one
 * before, whose late answers are dropped.
 */
function useShareLink(includeMoves: boolean) {
  const level = useGameStore(selectLevel);
  const played = useGameStore(selectPlayedMoves);
  const [shared, setShared] = useState<Shared | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const request = useRef(0);

  // The link shown is the one made for what is on the board now; after a move or another level
  // it is out of date and hidden until Share is pressed again.
  const current =
    shared && shared.level === level && (shared.moves === null || shared.moves === played)
      ? shared
      : null;

  const share = async () => {
    if (!level) return;
    const mine = ++request.current;
    const moves = includeMoves ? played : null;
    const encoded = await encodeShare({ level, moves: moves ?? '' }).catch(() => ({
      ok: false as const,
      message: 'A link could not be made here.',
    }));
    if (mine !== request.current) return; // pressed again meanwhile
    if (!encoded.ok) {
      setShared(null);
      setStatus('');
      setError(encoded.message);
      return;
    }
    const url = linkFor(encoded.fragment);
    // Rendered at once, so that the fallback copy can select the box's new text.
    flushSync(() => {
      setShared({ url, level, moves });
      setError(null);
      setStatus('');
    });
    const copied = await copyText(url, boxRef.current);
    if (mine !== request.current) return;
    if (copied) {
      // The fallback may have focused the box; give the focus back so the arrow keys play on.
      if (document.activeElement === boxRef.current) buttonRef.current?.focus();
      setStatus(`Link copied to the clipboard (${url.length} characters).`);
    } else {
      boxRef.current?.focus();
      boxRef.current?.select();
      setStatus('Copy the link from the box (the clipboard is not available here).');
    }
  };

  const dismissError = () => setError(null);
  return {
    canShare: level !== null,
    current,
    status,
    error,
    dismissError,
    share,
    boxRef,
    buttonRef,
  };
}

export function SharePanel() {
  const [includeMoves, setIncludeMoves] = useState(false);
  const { canShare, current, status, error, dismissError, share, boxRef, buttonRef } =
    useShareLink(includeMoves);
  const boxId = useId();
  const checkId = useId();

  return (
    <section className="panel share-panel" aria-labelledby={`${boxId}-title`}>
      <h2 className="panel-title" id={`${boxId}-title`}>
        Share
      </h2>
      <div className="row share-actions">
        <button type="button" ref={buttonRef} onClick={() => void share()} disabled={!canShare}>
          Share
        </button>
        <label htmlFor={checkId} className="share-check">
          <input
            id={checkId}
            type="checkbox"
            checked={includeMoves}
            onChange={(e) => setIncludeMoves(e.target.checked)}
          />
          Include moves
        </label>
      </div>
      <label htmlFor={boxId} className="sub-label">
        Share link
      </label>
      <input
        id={boxId}
        ref={boxRef}
        className="share-link"
        type="text"
        readOnly
        value={current?.url ?? ''}
        placeholder="Press Share to make a link"
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
      <p className="share-status" aria-live="polite">
        {current ? status : ''}
      </p>
      {error && <DismissibleAlert onDismiss={dismissError}>{error}</DismissibleAlert>}
    </section>
  );
}

export type OpenResult = { ok: true } | { ok: false; message: string };

/**
 * Opens a decoded link's level: added to the collection (or, when the same board is there
 * already, opened where it is), with its moves on the redo stack from the start. The collection,
 * its other levels and their moves are kept: the picker goes back to them.
 */
export function openSharedLevel(
  game: Pick<GameActions, 'openLevel' | 'showNotice'>,
  level: Level,
  moves: string | undefined,
): OpenResult {
  const opened = game.openLevel(level, moves ?? '');
  if (!opened.ok) return opened;
  const n = moves?.length ?? 0;
  const what = n > 0 ? `a shared level with ${n} ${n === 1 ? 'move' : 'moves'}` : 'a shared level';
  const where = opened.added
    ? `it was added to your collection as level ${opened.index + 1}, and your other levels and their moves are kept (pick them in the list)`
    : `it was already in your collection as level ${opened.index + 1}`;
  game.showNotice(
    `Opened ${what}: ${where}.${n > 0 ? ' Press Redo to step through its moves.' : ''}`,
  );
  return { ok: true };
}

/** Removes the fragment from the address without a navigation, so a reload shows the game. */
function clearFragment(): void {
  try {
    if (window.location.hash !== '')
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
  } catch {
    // A sandboxed page may refuse; the link is then opened again on reload, which loses nothing.
  }
}

/**
 * Opens the page's fragment on start-up and on `hashchange`, then clears it; shows what went
 * wrong, if anything. Nothing here may throw: a failure is an alert, and the game stays.
 */
export function ShareLinkOpener() {
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => {
    let request = 0;
    const open = async () => {
      const fragment = window.location.hash.replace(/^#/, '');
      const mine = ++request;
      if (fragment === '') return;
      let result: OpenResult;
      try {
        if (isSeedLink(fragment)) {
          // A seed link carries parameters, not a level: the generator (its own chunk and
          // worker, loaded only now) makes the level again.
          const { openSeedLink } = await import('./generator/open-generated');
          if (mine !== request) return;
          result = await openSeedLink(fragment, useGameStore.getState());
        } else {
          const decoded = await openShare(fragment);
          if (mine !== request) return; // another link was opened meanwhile
          result = decoded.ok
            ? openSharedLevel(useGameStore.getState(), decoded.level, decoded.moves)
            : decoded;
        }
      } catch (error) {
        // A bug, not a bad link: still an alert, never an unhandled rejection.
        result = {
          ok: false,
          message: `This link could not be read (${errorMessage(error)}).`,
        };
      }
      if (mine !== request) return;
      clearFragment();
      setAlert(result.ok ? null : result.message);
    };
    void open();
    const onHashChange = () => void open();
    window.addEventListener('hashchange', onHashChange);
    return () => {
      request++; // a decode still running must not apply after unmount
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);

  if (!alert) return null;
  return (
    <DismissibleAlert className="share-alert" onDismiss={() => setAlert(null)}>
      <strong>This shared link could not be opened.</strong> {alert} Your game is unchanged.
    </DismissibleAlert>
  );
}
