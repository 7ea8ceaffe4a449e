/**
 * Every key of the page in one table: the game's keys, the playback, hint, deadlock and cancel
 * keys, and the help key. The one handler (keyboard.ts) looks keys up here, and the key help
 * overlay (KeyHelp.tsx) and the Playback panel's key list are drawn from the same rows, so the
 * help cannot drift from what the keys do.
 */

export type KeyCommand =
  | 'left'
  | 'up'
  | 'right'
  | 'down'
  | 'undo'
  | 'redo'
  | 'restart'
  | 'toggle'
  | 'moveBack'
  | 'moveForward'
  | 'pushBack'
  | 'pushForward'
  | 'start'
  | 'end'
  | 'slower'
  | 'faster'
  | 'hint'
  | 'undoDeadlock'
  | 'cancel'
  | 'help';

export interface KeySpec {
  /** KeyboardEvent.key, lower case for letters. */
  readonly key: string;
  /** 'command': with Ctrl or Cmd (and not Shift); 'command+shift': with both. Default: neither. */
  readonly mod?: 'command' | 'command+shift';
}

export interface KeyRow {
  readonly command: KeyCommand;
  readonly group: 'Playing' | 'Playback' | 'Solver' | 'Help';
  /** The keys as the help shows them. */
  readonly shown: string;
  readonly does: string;
  readonly keys: readonly KeySpec[];
}

const plain = (...keys: string[]): KeySpec[] => keys.map((key) => ({ key }));

export const KEY_TABLE: readonly KeyRow[] = [
  {
    command: 'left',
    group: 'Playing',
    shown: '← or A',
    does: 'move left',
    keys: plain('arrowleft', 'a'),
  },
  {
    command: 'up',
    group: 'Playing',
    shown: '↑ or W',
    does: 'move up',
    keys: plain('arrowup', 'w'),
  },
  {
    command: 'right',
    group: 'Playing',
    shown: '→ or D',
    does: 'move right',
    keys: plain('arrowright', 'd'),
  },
  {
    command: 'down',
    group: 'Playing',
    shown: '↓ or S',
    does: 'move down',
    keys: plain('arrowdown', 's'),
  },
  {
    command: 'undo',
    group: 'Playing',
    shown: 'Z, Ctrl+Z or Backspace',
    does: 'undo a move',
    keys: [...plain('z', 'backspace'), { key: 'z', mod: 'command' }],
  },
  {
    command: 'redo',
    group: 'Playing',
    shown: 'Y, Ctrl+Y or Ctrl+Shift+Z',
    does: 'redo a move',
    keys: [
      ...plain('y'),
      { key: 'y', mod: 'command' },
      { key: 'y', mod: 'command+shift' },
      { key: 'z', mod: 'command+shift' },
    ],
  },
  {
    command: 'restart',
    group: 'Playing',
    shown: 'R',
    does: 'restart (Undo brings the moves back)',
    keys: plain('r'),
  },
  { command: 'toggle', group: 'Playback', shown: 'Space', does: 'play or pause', keys: plain(' ') },
  {
    command: 'moveBack',
    group: 'Playback',
    shown: ',',
    does: 'one move back',
    keys: plain(',', '<'),
  },
  {
    command: 'moveForward',
    group: 'Playback',
    shown: '.',
    does: 'one move forward',
    keys: plain('.', '>'),
  },
  { command: 'pushBack', group: 'Playback', shown: '[', does: 'one push back', keys: plain('[') },
  {
    command: 'pushForward',
    group: 'Playback',
    shown: ']',
    does: 'one push forward',
    keys: plain(']'),
  },
  {
    command: 'start',
    group: 'Playback',
    shown: 'Home',
    does: 'jump to the start',
    keys: plain('home'),
  },
  { command: 'end', group: 'Playback', shown: 'End', does: 'jump to the end', keys: plain('end') },
  { command: 'slower', group: 'Playback', shown: '-', does: 'slower', keys: plain('-', '_') },
  { command: 'faster', group: 'Playback', shown: '+', does: 'faster', keys: plain('+', '=') },
  {
    command: 'hint',
    group: 'Solver',
    shown: 'H',
    does: 'hint: play the next push toward a solution',
    keys: plain('h'),
  },
  {
    command: 'undoDeadlock',
    group: 'Solver',
    shown: 'U',
    does: 'undo to before a deadlock',
    keys: plain('u'),
  },
  {
    command: 'cancel',
    group: 'Solver',
    shown: 'Esc',
    does: 'cancel a solve; close this help',
    keys: plain('escape'),
  },
  { command: 'help', group: 'Help', shown: '?', does: 'show or hide this help', keys: plain('?') },
];

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

function matches(spec: KeySpec, e: KeyLike, key: string): boolean {
  if (spec.key !== key) return false;
  const command = e.ctrlKey || e.metaKey;
  if (!spec.mod) return !command; // Shift is part of some keys ('+', '?', 'H'): not checked
  return command && e.shiftKey === (spec.mod === 'command+shift');
}

/** The command a key press stands for, or null (Alt is always left to the browser). */
export function keyCommand(e: KeyLike): KeyCommand | null {
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  return KEY_TABLE.find((row) => row.keys.some((spec) => matches(spec, e, key)))?.command ?? null;
}

/** The table's row for a command. */
export function keyRow(command: KeyCommand): KeyRow {
  return KEY_TABLE.find((row) => row.command === command)!;
}

/** How the help shows the keys of a command (e.g. "Space"). */
export function shownKeys(command: KeyCommand): string {
  return keyRow(command).shown;
}
