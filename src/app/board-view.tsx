/**
 * Which part of the grid the board shows. By default it is trimmed (render/trim.ts): walls no
 * floor touches are not drawn and the board is fitted to the rest, so it uses the screen. The
 * "Full rectangle" option keeps the grid exactly as in the file (for researchers who count
 * rows and columns); it is remembered like the theme (preference.ts).
 */
import { useId } from 'react';
import { create } from 'zustand';
import type { Level } from '../sokoban';
import { type BoardView, fullView, insideCells, trimmedView } from '../render';
import { readPreference, writePreference } from './preference';
import './board-view.css';

export const FULL_RECTANGLE_KEY = 'sokoban-playground:full-rectangle';

interface BoardViewState {
  readonly fullRectangle: boolean;
  setFullRectangle: (full: boolean) => void;
}

export const useBoardViewStore = create<BoardViewState>()((set) => ({
  fullRectangle: readPreference(FULL_RECTANGLE_KEY, ['yes']) === 'yes',
  setFullRectangle(full) {
    set({ fullRectangle: full });
    writePreference(FULL_RECTANGLE_KEY, full ? 'yes' : 'no', 'The full-rectangle option');
  },
}));

export function boardView(level: Level, fullRectangle: boolean): BoardView {
  return fullRectangle ? fullView(level) : trimmedView(level, insideCells(level));
}

/** The "Full rectangle" checkbox. */
export function FullRectangleOption() {
  const id = useId();
  const full = useBoardViewStore((s) => s.fullRectangle);
  const set = useBoardViewStore((s) => s.setFullRectangle);
  return (
    <label htmlFor={id} className="full-rectangle">
      <input id={id} type="checkbox" checked={full} onChange={(e) => set(e.target.checked)} />
      Full rectangle
    </label>
  );
}
