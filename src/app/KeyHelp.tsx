/**
 * The key help overlay: `?` (or the "Keys" button) opens it, `?`, Esc or Close closes it. It is
 * drawn from the page's one key table (key-table.ts), the table the key handlers use.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { KEY_TABLE, type KeyRow, keyCommand } from './key-table';
import { isTypingTarget } from './keyboard';

interface KeyHelpState {
  readonly open: boolean;
  setOpen(open: boolean): void;
}

export const useKeyHelpStore = create<KeyHelpState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

const GROUPS: readonly KeyRow['group'][] = ['Playing', 'Playback', 'Solver', 'Help'];

/** Listens for `?` and Esc on the window; shows the overlay while open. */
export function KeyHelp() {
  const open = useKeyHelpStore((s) => s.open);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      const command = keyCommand(e);
      const { open: isOpen, setOpen } = useKeyHelpStore.getState();
      if (command === 'help') {
        e.preventDefault();
        setOpen(!isOpen);
      } else if (command === 'cancel' && isOpen) {
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Focus moves into the overlay when it opens and back to where it was when it closes.
  useEffect(() => {
    if (open) {
      returnTo.current = document.activeElement;
      closeRef.current?.focus();
    } else if (returnTo.current instanceof HTMLElement) {
      returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open]);

  if (!open) return null;
  const close = () => useKeyHelpStore.getState().setOpen(false);
  return (
    <div className="key-help-backdrop">
      <div className="key-help panel" role="dialog" aria-labelledby="key-help-title">
        <h2 className="panel-title" id="key-help-title">
          Keys
        </h2>
        {GROUPS.map((group) => (
          <table key={group} className="key-help-table">
            <caption>{group}</caption>
            <tbody>
              {KEY_TABLE.filter((row) => row.group === group).map((row) => (
                <tr key={row.command}>
                  <th scope="row">
                    <kbd>{row.shown}</kbd>
                  </th>
                  <td>{row.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <button type="button" ref={closeRef} onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}

/** A button that opens the overlay, for pointer and touch users. */
export function KeyHelpButton() {
  return (
    <button
      type="button"
      className="link"
      aria-keyshortcuts="?"
      onClick={() => useKeyHelpStore.getState().setOpen(true)}
    >
      Keys
    </button>
  );
}
