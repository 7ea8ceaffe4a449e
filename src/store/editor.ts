/**
 * The level editor's state: the draft being drawn, its undo and redo stacks, the chosen tool,
 * the keyboard cursor and the dead-square overlay switch. It is a store of its own, loaded with
 * the editor, so the game in progress is never touched until the user chooses to play.
 *
 * A stroke (one press-drag-release, or one key press) is one undo step however many squares it
 * paints.
 */
import { create } from 'zustand';
import {
  type Draft,
  type Side,
  type Tool,
  draftOf,
  emptyDraft,
  grow,
  paint,
  shrink,
} from '../sokoban/draft';
import type { Level } from '../sokoban';

/** Undo steps kept; older ones are dropped. */
export const EDITOR_HISTORY = 500;

export interface EditorData {
  readonly draft: Draft;
  readonly past: readonly Draft[];
  readonly future: readonly Draft[];
  readonly tool: Tool;
  /** The keyboard cursor's cell in the draft. */
  readonly cursor: number;
  readonly showDead: boolean;
  readonly title: string;
  /** True once the current stroke has saved its undo step. */
  readonly strokeSaved: boolean;
}

export interface EditorActions {
  /** Starts editing a copy of `level` (an empty 8×7 grid when null). */
  start: (level: Level | null) => void;
  setTool: (tool: Tool) => void;
  setTitle: (title: string) => void;
  setShowDead: (show: boolean) => void;
  /** Begins a stroke: the next change saves one undo step. */
  beginStroke: () => void;
  /** Paints `cell` with `tool` (the chosen one by default) as part of the open stroke. */
  paintAt: (cell: number, tool?: Tool) => void;
  moveCursor: (dRow: number, dCol: number) => void;
  setCursor: (cell: number) => void;
  grow: (side: Side) => void;
  shrink: (side: Side) => void;
  /** Floor everywhere, same size. */
  clear: () => void;
  undo: () => void;
  redo: () => void;
}

export type EditorState = EditorData & EditorActions;

function initial(level: Level | null): EditorData {
  const draft = level ? draftOf(level) : emptyDraft(8, 7);
  return {
    draft,
    past: [],
    future: [],
    tool: 'wall',
    cursor: 0,
    showDead: true,
    title: level?.title ?? '',
    strokeSaved: false,
  };
}

export function createEditorStore() {
  return create<EditorState>()((set, get) => {
    /** Replaces the draft as one undo step of its own. */
    const commit = (next: Draft) => {
      const s = get();
      if (next === s.draft) return;
      set({
        draft: next,
        past: [...s.past, s.draft].slice(-EDITOR_HISTORY),
        future: [],
        strokeSaved: false,
        cursor: Math.min(s.cursor, next.width * next.height - 1),
      });
    };
    return {
      ...initial(null),
      start: (level) => set(initial(level)),
      setTool: (tool) => set({ tool }),
      setTitle: (title) => set({ title }),
      setShowDead: (showDead) => set({ showDead }),
      beginStroke: () => set({ strokeSaved: false }),
      paintAt(cell, tool) {
        const s = get();
        const next = paint(s.draft, cell, tool ?? s.tool);
        if (next === s.draft) return;
        if (s.strokeSaved) set({ draft: next, future: [] });
        else
          set({
            draft: next,
            past: [...s.past, s.draft].slice(-EDITOR_HISTORY),
            future: [],
            strokeSaved: true,
          });
      },
      moveCursor(dRow, dCol) {
        const { cursor, draft } = get();
        const row = Math.min(
          draft.height - 1,
          Math.max(0, Math.floor(cursor / draft.width) + dRow),
        );
        const col = Math.min(draft.width - 1, Math.max(0, (cursor % draft.width) + dCol));
        set({ cursor: row * draft.width + col });
      },
      setCursor: (cell) => set({ cursor: cell }),
      grow: (side) => commit(grow(get().draft, side)),
      shrink: (side) => commit(shrink(get().draft, side)),
      clear() {
        const { draft } = get();
        const next = emptyDraft(draft.width, draft.height);
        if (next.cells !== draft.cells) commit(next);
      },
      undo() {
        const s = get();
        const previous = s.past[s.past.length - 1];
        if (!previous) return;
        set({
          draft: previous,
          past: s.past.slice(0, -1),
          future: [s.draft, ...s.future],
          strokeSaved: false,
          cursor: Math.min(s.cursor, previous.width * previous.height - 1),
        });
      },
      redo() {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        set({
          draft: next,
          past: [...s.past, s.draft],
          future: s.future.slice(1),
          strokeSaved: false,
          cursor: Math.min(s.cursor, next.width * next.height - 1),
        });
      },
    };
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
