/**
 * Keyboard controls: what every key command of the page's one key table (key-table.ts) does, and
 * the one way they are listened for on the window (`useKeyCommands`). The game, playback and
 * solver commands are here; the help overlay passes its own (KeyHelp.tsx) to the same hook. Every
 * key press is handled at once, synchronously, through the stores: nothing is debounced or
 * throttled, so ten quick presses make ten moves.
 */
import { useEffect } from 'react';
import type { Direction } from '../sokoban';
import { useGameStore } from '../store/game';
import { usePlaybackStore } from '../store/playback';
import { useSolverStore } from '../store/solver';
import { type KeyCommand, type KeyRow, keyCommand, keyRow } from './key-table';

export type KeyAction =
  { type: 'move'; dir: Direction } | { type: 'undo' } | { type: 'redo' } | { type: 'restart' };

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const MOVES: Partial<Record<KeyCommand, Direction>> = { left: 'l', up: 'u', right: 'r', down: 'd' };

/** The game action a key stands for (from the one key table), or null. Ctrl and Cmd alike. */
export function keyAction(e: KeyLike): KeyAction | null {
  const command = keyCommand(e);
  if (!command) return null;
  const dir = MOVES[command];
  if (dir) return { type: 'move', dir };
  if (command === 'undo' || command === 'redo' || command === 'restart') return { type: command };
  return null; // a playback, solver or help key
}

/** True when the key belongs to a text field, a select or an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'submit', 'reset', 'checkbox', 'image', 'file', 'color'].includes(type);
  }
  return (
    (target as HTMLElement).isContentEditable || target.closest('[contenteditable="true"]') !== null
  );
}

/** A slider's own keys: it moves its thumb with them. */
const SLIDER_KEYS = ['Home', 'End', 'PageUp', 'PageDown'];

/**
 * Whether a key is left to the element it was pressed on. Text fields keep every key. A slider
 * keeps its own keys (arrows, Home, End, PageUp, PageDown) but not the playback and solver keys,
 * so Space, `,` or `+` still work with the Position or Speed slider focused.
 */
export function leftToTarget(group: KeyRow['group'], key: string, target: EventTarget | null) {
  const slider = target instanceof HTMLInputElement && target.type === 'range';
  if (slider && (group === 'Playback' || group === 'Solver'))
    return SLIDER_KEYS.includes(key) || key.startsWith('Arrow');
  return isTypingTarget(target);
}

/** Elements whose own Space or Enter must not also toggle playback. */
function ownsSpace(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a[href], summary, select, [role="button"], [role="radio"], input') !==
      null
  );
}

/** What a command does; true when the key was used (its default is then prevented). */
export type CommandRun = (e: KeyboardEvent) => boolean;
export type KeyCommands = Partial<Record<KeyCommand, CommandRun>>;

const game = () => useGameStore.getState();
const playback = () => usePlaybackStore.getState();
const solver = () => useSolverStore.getState();
/** A command whose key is always used (no page scroll on arrows, no "back" on Backspace). */
const always =
  (act: () => unknown): CommandRun =>
  () => {
    act();
    return true;
  };

/** The page's commands: the game's, playback's and the solver's (the help's are KeyHelp's). */
export const PAGE_COMMANDS: KeyCommands = {
  left: always(() => game().move('l')),
  up: always(() => game().move('u')),
  right: always(() => game().move('r')),
  down: always(() => game().move('d')),
  undo: always(() => game().undo()),
  redo: always(() => game().redo()),
  restart: always(() => game().restart()),
  toggle: (e) => {
    if (ownsSpace(e.target)) return false; // the focused button's own Space
    playback().toggle();
    return true;
  },
  moveBack: always(() => playback().stepMove(-1)),
  moveForward: always(() => playback().stepMove(1)),
  pushBack: always(() => playback().stepPush(-1)),
  pushForward: always(() => playback().stepPush(1)),
  start: always(() => playback().toStart()),
  end: always(() => playback().toEnd()),
  slower: always(() => playback().slower()),
  faster: always(() => playback().faster()),
  hint: always(() => void solver().hint()),
  undoDeadlock: () => solver().undoDeadlock(),
  cancel: () => {
    const running = solver().job !== null;
    solver().cancel();
    return running;
  },
};

/** Runs `commands` for their keys on the window while mounted and `enabled`. */
export function useKeyCommands(commands: KeyCommands, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const command = keyCommand(e);
      const run = command && commands[command];
      if (!command || !run || leftToTarget(keyRow(command).group, e.key, e.target)) return;
      if (run(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, enabled]);
}

/** The page's keys (off while a level is being edited). */
export function usePageKeys(enabled = true): void {
  useKeyCommands(PAGE_COMMANDS, enabled);
}
