/**
 * The key help overlay: `?` (or the "Keys" button) opens it, `?`, Esc or Close closes it. It is
 * drawn from the page's one key table (key-table.ts), the table the key handler (keyboard.ts)
 * uses; its own two keys go through that handler too.
 *
 * It is a modal dialog: focus moves in when it opens, Tab and Shift+Tab go round its own controls,
 * the page's keys do not act behind it, and focus goes back where it was when it closes. A small
 * trap of our own, not <dialog> with showModal(): jsdom, where the component tests run, has no
 * showModal, and the trap keeps one behaviour in tests and browsers.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { KEY_TABLE, type KeyRow, keyCommand } from './key-table';
import { type KeyCommands, isTypingTarget, useKeyCommands } from './keyboard';
import './KeyHelp.css';

interface KeyHelpState {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
}

export const useKeyHelpStore = create<KeyHelpState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

const GROUPS: readonly KeyRow['group'][] = ['Playing', 'Playback', 'Solver', 'Help'];

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
export function cycleFocus(container: HTMLElement, e: KeyboardEvent): void {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  const inside = active instanceof Node && container.contains(active);
  if (!first || !last) {
    e.preventDefault();
  } else if (e.shiftKey && (active === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * While `open`: keys pressed in the dialog stay in it (Tab cycles, Esc and `?` close, nothing
 * reaches the page's key handlers on the window), and focus that lands outside is brought back.
 */
function useModalKeys(
  open: boolean,
  dialogRef: React.RefObject<HTMLDivElement | null>,
  closeRef: React.RefObject<HTMLButtonElement | null>,
): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Tab') cycleFocus(dialog, e);
      else if (e.key === 'Escape' || keyCommand(e) === 'help') {
        e.preventDefault();
        useKeyHelpStore.getState().setOpen(false);
      }
      e.stopPropagation();
    };
    const outside = (e: Event) => e.target instanceof Node && !dialog.contains(e.target);
    const onFocusIn = (e: FocusEvent) => {
      if (outside(e)) closeRef.current?.focus();
    };
    // A press on the dimmed page would send focus to the page's body: it stays in the dialog.
    const onMouseDown = (e: MouseEvent) => {
      if (outside(e)) e.preventDefault();
    };
    dialog.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('mousedown', onMouseDown);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('mousedown', onMouseDown);
    };
  }, [open, dialogRef, closeRef]);
}

/** `?` opens and closes the overlay; Esc closes it, and is left to the page (it cancels a solve). */
const HELP_COMMANDS: KeyCommands = {
  help: () => {
    const { open } = useKeyHelpStore.getState();
    useKeyHelpStore.getState().setOpen(!open);
    return true;
  },
  cancel: (e) => {
    // Esc on a focused slider goes to the page (it cancels a solve) but, as before, not here.
    if (useKeyHelpStore.getState().open && !isTypingTarget(e.target))
      useKeyHelpStore.getState().setOpen(false);
    return false;
  },
};

/** Listens for `?` and Esc on the window; shows the overlay while open. */
export function KeyHelp() {
  const open = useKeyHelpStore((s) => s.open);
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(null);

  useKeyCommands(HELP_COMMANDS);

  useModalKeys(open, dialogRef, closeRef);

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
      <div
        className="key-help panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="key-help-title"
        ref={dialogRef}
      >
        <h2 className="panel-title" id="key-help-title">
          Keys
        </h2>
        {/* Scrolls on its own on a small screen; focusable so the keyboard can scroll it. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable) */}
        <div className="key-help-list" tabIndex={0} role="region" aria-label="Key list">
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
        </div>
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
