/**
 * Keyboard controls: a pure mapping from a key event to a game action (through the page's one
 * key table, key-table.ts), and the hook that listens on the window. Every key press is handled at once, synchronously, through the store: nothing is
 * debounced or throttled, so ten quick presses make ten moves.
 */
import { useEffect } from 'react';
import type { Direction } from '../sokoban';
import { useGameStore } from '../store/game';
import { type KeyCommand, keyCommand } from './key-table';

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
  return null; // a playback, solver or help key: handled elsewhere
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

/** Listens for game keys on the window while mounted and `enabled` (off while editing a level). */
export function useGameKeys(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault(); // no page scroll on arrows, no "back" on Backspace
      const game = useGameStore.getState();
      switch (action.type) {
        case 'move':
          game.move(action.dir);
          break;
        case 'undo':
          game.undo();
          break;
        case 'redo':
          game.redo();
          break;
        case 'restart':
          game.restart();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
