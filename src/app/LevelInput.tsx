/** The Level text box: paste a board or a whole collection, then Load. */
import { useId, type ChangeEvent } from 'react';
import { useGameStore } from '../store/game';
import { errorMessage } from '../sokoban/error-message';
import { DismissibleAlert } from './DismissibleAlert';
import { countText } from '../sokoban/count-text';

/** Larger files are refused before reading (the parser's own cap is 1,000,000 characters). */
const MAX_FILE_BYTES = 4_000_000;

/**
 * After a load on a small screen the board may be out of sight: bring the game column back, once
 * React has drawn the new level (the picker may have appeared or gone, moving the board).
 */
function showBoard(): void {
  requestAnimationFrame(() => {
    const play = document.querySelector('.play');
    if (play && typeof play.scrollIntoView === 'function')
      play.scrollIntoView({ block: 'nearest' });
  });
}

/** What came of choosing a file: its text, or why it cannot be loaded. */
type FileRead = { readonly ok: true; text: string } | { readonly ok: false; message: string };

/** Reads the file chosen in `input`, if one was; null when the choice was cancelled. */
async function readChosenFile(input: HTMLInputElement): Promise<FileRead | null> {
  const file = input.files?.[0];
  input.value = ''; // choosing the same file again still fires a change
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      message: `The file is too large (${countText(file.size)} bytes).`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    // The file went away or cannot be read: say so, keep the game (no unhandled rejection).
    return {
      ok: false,
      message: `The file "${file.name}" could not be read (${errorMessage(error)}).`,
    };
  }
}

export function LevelInput() {
  const draft = useGameStore((s) => s.draft);
  const alert = useGameStore((s) => (s.alert?.source === 'level' ? s.alert : null));
  const setDraft = useGameStore((s) => s.setDraft);
  const load = useGameStore((s) => s.load);
  const dismissAlert = useGameStore((s) => s.dismissAlert);
  const showAlert = useGameStore((s) => s.showAlert);
  const id = useId();

  const loadAndShow = (text?: string) => {
    if (load(text)) showBoard();
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const read = await readChosenFile(e.currentTarget);
    if (!read) return;
    if (read.ok) loadAndShow(read.text);
    else showAlert({ source: 'level', message: read.message });
  };

  return (
    <section className="panel level-input">
      <label htmlFor={id} className="panel-title">
        Level
      </label>
      <p className="hint" id={`${id}-hint`}>
        Paste a board or a collection (XSB, SOK, Boxoban or RLE), then press Load.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            loadAndShow();
          }
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        rows={10}
      />
      <div className="row">
        <button type="button" className="primary" onClick={() => loadAndShow()}>
          Load
        </button>
        <label className="file-button">
          Open file…
          <input
            type="file"
            accept=".txt,.sok,.xsb,.slc,text/plain"
            onChange={(e) => void openFile(e)}
          />
        </label>
        <span className="hint">Ctrl+Enter loads too.</span>
      </div>
      {alert && <DismissibleAlert onDismiss={dismissAlert}>{alert.message}</DismissibleAlert>}
    </section>
  );
}
