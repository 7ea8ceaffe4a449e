import { describe, expect, it } from 'vitest';
import { PAGE_COMMANDS, isTypingTarget, keyAction, leftToTarget } from '../../src/app/keyboard';
import { KEY_TABLE } from '../../src/app/key-table';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => keyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('key map', () => {
  it('maps arrows and WASD (either case) to moves', () => {
    expect(
      ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'a', 'W', 'd', 'S'].map((k) => key(k)),
    ).toEqual(['l', 'u', 'r', 'd', 'l', 'u', 'r', 'd'].map((dir) => ({ type: 'move', dir })));
  });

  it('maps undo, redo and restart, with Ctrl or Cmd', () => {
    expect(key('z')).toEqual({ type: 'undo' });
    expect(key('Backspace')).toEqual({ type: 'undo' });
    expect(key('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(key('z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(key('y')).toEqual({ type: 'redo' });
    expect(key('y', { ctrlKey: true })).toEqual({ type: 'redo' });
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('r')).toEqual({ type: 'restart' });
  });

  it('leaves browser shortcuts and other keys alone', () => {
    expect(key('r', { ctrlKey: true })).toBeNull(); // reload
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('ArrowLeft', { altKey: true })).toBeNull(); // history back
    expect(key('q')).toBeNull();
    expect(key('Enter')).toBeNull();
  });
});

describe('typing targets', () => {
  it('are text fields, text areas, selects and editable elements, not buttons', () => {
    const make = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild!;
    };
    expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(make('<input type="text">'))).toBe(true);
    expect(isTypingTarget(make('<input type="number">'))).toBe(true);
    expect(isTypingTarget(make('<input type="range">'))).toBe(true);
    expect(isTypingTarget(make('<select></select>'))).toBe(true);
    expect(isTypingTarget(make('<button>Undo</button>'))).toBe(false);
    expect(isTypingTarget(make('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('the one key handler', () => {
  it('has a command for every row of the key table but the help key (the overlay runs that one)', () => {
    for (const row of KEY_TABLE)
      expect(PAGE_COMMANDS[row.command] !== undefined, row.command).toBe(row.command !== 'help');
  });

  it('leaves text fields every key, and a slider its own keys but not the playback and solver ones', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    const slider = input('range');
    expect(leftToTarget('Playback', 'Home', slider)).toBe(true);
    expect(leftToTarget('Playback', 'ArrowLeft', slider)).toBe(true);
    expect(leftToTarget('Playback', ',', slider)).toBe(false);
    expect(leftToTarget('Playback', ' ', slider)).toBe(false);
    expect(leftToTarget('Solver', 'Escape', slider)).toBe(false);
    expect(leftToTarget('Playing', 'z', slider)).toBe(true); // undo is not a slider's key
    expect(leftToTarget('Playback', ',', input('text'))).toBe(true);
    expect(leftToTarget('Playing', 'ArrowLeft', document.body)).toBe(false);
  });
});
