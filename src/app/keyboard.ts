/**
 * Keyboard controls: a pure mapping from a key event to a game action, and the hook that listens
 * on the window. Every key press is handled at once, synchronously, through the store: nothing is
 * debounced or throttled, so ten quick presses make ten moves.
 */
import { useEffect } from 'react';
import type { Direction } from '../sokoban';
import { useGameStore } from '../store/game';

export type KeyAction =
  { type: 'move'; dir: Direction } | { type: 'undo' } | { type: 'redo' } | { type: 'restart' };

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const MOVE_KEYS: Record<string, Direction> = {
  arrowleft: 'l',
  arrowup: 'u',
  arrowright: 'r',
  arrowdown: 'd',
  a: 'l',
  w: 'u',
  d: 'r',
  s: 'd',
};

/** The action a key stands for, or null. Ctrl and Cmd are treated alike (Cmd+Z on a Mac). */
export function keyAction(e: KeyLike): KeyAction | null {
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  const command = e.ctrlKey || e.metaKey;
  if (command) {
    if (key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y') return { type: 'redo' };
    return null; // leave Ctrl+R, Ctrl+C, ... to the browser
  }
  const dir = MOVE_KEYS[key];
  if (dir) return { type: 'move', dir };
  if (key === 'z' || key === 'backspace') return { type: 'undo' };
  if (key === 'y') return { type: 'redo' };
  if (key === 'r') return { type: 'restart' };
  return null;
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
