/**
 * The level editor, loaded on demand (React.lazy) when "Edit level" is pressed. It works on a
 * copy of the level on the board, in a store of its own; the game is touched only by "Play this
 * level" (which loads the drawing as the level to play) and "Add to collection".
 *
 * As the drawing changes, the parser's rules say what is still wrong, dead squares are marked,
 * and the solver's worker checks solvability in optimal mode ("Solvability" status).
 */
import { useId, useMemo, useRef, useState } from 'react';
import { type Level, printLevel, printRle, reachableCells } from '../../sokoban';
import {
  type Draft,
  type DraftCheck,
  type Tool,
  TOOLS,
  draftLevel,
  draftRows,
  draftText,
} from '../../sokoban/draft';
import { rleEncode } from '../../sokoban/rle';
import { deadSquares } from '../../solver/dead-squares';
import { encodeShare } from '../../share';
import { type EditorStore, createEditorStore } from '../../store/editor';
import { selectLevel, useGameStore } from '../../store/game';
import { SolverClient } from '../../worker/client';
import { copyText } from '../clipboard';
import { linkFor } from '../SharePanel';
import { EditorCanvas } from './EditorCanvas';
import { type SolverLike, useSolvability } from './solvability';
import './editor.css';

const TOOL_NAMES: Readonly<Record<Tool, string>> = {
  wall: 'Wall',
  floor: 'Floor',
  box: 'Box',
  goal: 'Goal',
  player: 'Player',
  erase: 'Erase',
};

const KIND_NAMES: Readonly<Record<string, string>> = {
  '#': 'wall',
  ' ': 'empty',
  '.': 'goal',
  $: 'box',
  '*': 'box on goal',
  '@': 'player',
  '+': 'player on goal',
};

const newSolver = (): SolverLike => new SolverClient();

export interface LevelEditorProps {
  /** Leaves the editor (the game is as it was, unless the level was played). */
  readonly onClose: () => void;
  /** The solver for the live check (tests pass a fake; the worker client by default). */
  readonly createSolver?: () => SolverLike;
}

export default function LevelEditor({ onClose, createSolver = newSolver }: LevelEditorProps) {
  const [store] = useState(() => {
    const s = createEditorStore();
    s.getState().start(selectLevel(useGameStore.getState()));
    return s;
  });
  const draft = store((s) => s.draft);
  const tool = store((s) => s.tool);
  const cursor = store((s) => s.cursor);
  const showDead = store((s) => s.showDead);
  const title = store((s) => s.title);
  const id = useId();

  const check = useMemo(() => draftLevel(draft, title.trim()), [draft, title]);
  const level: Level | null = check.ok ? check.level : null;
  const problem = check.ok ? '' : check.error.message;
  const solvability = useSolvability(level, createSolver);
  const dead = useMemo(() => (showDead ? deadCells(check, draft) : []), [check, draft, showDead]);

  const s = store.getState();
  const row = Math.floor(cursor / draft.width);
  const col = cursor % draft.width;
  return (
    <section className="editor" aria-label="Level editor">
      <ToolPicker name={`${id}-tool`} tool={tool} onPick={s.setTool} />
      <EditorCanvas
        store={store}
        dead={dead}
        label={`Level editor, ${draft.width} by ${draft.height}. Arrows move, Space paints, Shift+arrows paint as they move, W F B G P E pick a tool.`}
      />
      <p className="editor-cursor" aria-live="polite">
        Row {row + 1}, column {col + 1}: {KIND_NAMES[draft.cells[cursor] ?? ''] ?? 'empty'}
      </p>
      <EditingControls store={store} />
      <div className="editor-checks">
        <p className={problem ? 'editor-problem' : 'editor-valid'} aria-live="polite">
          {problem || `A valid level: ${level?.boxes.length} boxes.`}
        </p>
        <p>
          <span aria-hidden="true">Solvability: </span>
          <span role="status" aria-label="Solvability" className="editor-solvability">
            {solvability}
          </span>
        </p>
      </div>
      <label className="editor-title">
        Title <input type="text" value={title} onChange={(e) => s.setTitle(e.target.value)} />
      </label>
      <LeaveControls level={level} draft={draft} onClose={onClose} />
    </section>
  );
}

/**
 * The dead squares to mark, as cells of the draft. On a level, only squares inside the walls,
 * mapped back from the level's cells to the draft's.
 */
function deadCells(check: DraftCheck, draft: Draft): number[] {
  if (!check.ok) return deadSquares({ ...draft, tiles: tilesOf(draft.cells) });
  const { level: l, row, col } = check;
  const inside = reachableCells(l, { player: l.player, boxes: [] });
  return deadSquares(l)
    .filter((c) => inside[c] === 1)
    .map((c) => (Math.floor(c / l.width) + row) * draft.width + (c % l.width) + col);
}

/** The drawing tools as a radio group, each with its key. */
function ToolPicker({
  name,
  tool,
  onPick,
}: {
  readonly name: string;
  readonly tool: Tool;
  readonly onPick: (tool: Tool) => void;
}) {
  return (
    <div className="editor-tools" role="radiogroup" aria-label="Tool">
      {TOOLS.map((t) => (
        <label key={t} className={t === tool ? 'editor-tool chosen' : 'editor-tool'}>
          <input
            type="radio"
            name={name}
            value={t}
            checked={t === tool}
            onChange={() => onPick(t)}
            aria-keyshortcuts={TOOL_NAMES[t][0]}
          />
          {TOOL_NAMES[t]}
          <span className="key" aria-hidden="true">
            {TOOL_NAMES[t][0]}
          </span>
        </label>
      ))}
    </div>
  );
}

/** Undo and redo of edits, the size of the draft, Clear, and the dead-square marks. */
function EditingControls({ store }: { readonly store: EditorStore }) {
  const canUndo = store((s) => s.past.length > 0);
  const canRedo = store((s) => s.future.length > 0);
  const showDead = store((s) => s.showDead);
  const s = store.getState();
  return (
    <div className="controls" role="group" aria-label="Editing">
      <button type="button" onClick={s.undo} disabled={!canUndo} title="Ctrl+Z">
        Undo edit
      </button>
      <button type="button" onClick={s.redo} disabled={!canRedo} title="Ctrl+Y, Ctrl+Shift+Z">
        Redo edit
      </button>
      <button type="button" onClick={() => s.grow('bottom')}>
        Add row
      </button>
      <button type="button" onClick={() => s.shrink('bottom')}>
        Remove row
      </button>
      <button type="button" onClick={() => s.grow('right')}>
        Add column
      </button>
      <button type="button" onClick={() => s.shrink('right')}>
        Remove column
      </button>
      <button type="button" onClick={s.clear}>
        Clear
      </button>
      <button type="button" aria-pressed={showDead} onClick={() => s.setShowDead(!showDead)}>
        Dead squares
      </button>
    </div>
  );
}

const named = (l: Level): Level => ({ ...l, title: l.title || 'My level' });

/** The drawing as text to copy: the level when it is valid, else the draft as drawn. */
function copyTextOf(what: 'XSB' | 'RLE', level: Level | null, draft: Draft): string {
  if (what === 'XSB') return level ? printLevel(level) : draftText(draft);
  return level
    ? printRle(level)
    : draftRows(draft)
        .map((r) => rleEncode(r.replace(/ /g, '-')))
        .join('|');
}

/** Play, add, copy or share the drawing, or close; with the link and the notes they leave. */
function LeaveControls({
  level,
  draft,
  onClose,
}: {
  readonly level: Level | null;
  readonly draft: Draft;
  readonly onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const linkRef = useRef<HTMLInputElement>(null);
  const play = () => {
    if (!level) return;
    if (useGameStore.getState().load(printLevel(named(level)))) onClose();
  };
  const addToCollection = () => {
    if (!level) return;
    const index = useGameStore.getState().appendLevel(printLevel(named(level)));
    setNote(
      index < 0
        ? 'The level could not be added.'
        : `Added as level ${index + 1} of the collection.`,
    );
  };
  const copy = async (what: 'XSB' | 'RLE') => {
    const text = copyTextOf(what, level, draft);
    setNote((await copyText(text)) ? `Copied as ${what}.` : `Could not copy; ${what}: ${text}`);
  };
  const share = async () => {
    if (!level) return;
    const encoded = await encodeShare({ level: named(level) });
    if (!encoded.ok) {
      setNote(encoded.message);
      return;
    }
    const url = linkFor(encoded.fragment);
    setLink(url);
    setNote((await copyText(url, linkRef.current)) ? 'Link copied.' : 'Copy the link below.');
  };
  return (
    <>
      <div className="controls" role="group" aria-label="Leave the editor">
        <button type="button" onClick={play} disabled={!level}>
          Play this level
        </button>
        <button type="button" onClick={addToCollection} disabled={!level}>
          Add to collection
        </button>
        <button type="button" onClick={() => void copy('XSB')}>
          Copy XSB
        </button>
        <button type="button" onClick={() => void copy('RLE')}>
          Copy RLE
        </button>
        <button type="button" onClick={() => void share()} disabled={!level}>
          Share link
        </button>
        <button type="button" onClick={onClose}>
          Close editor
        </button>
      </div>
      {link && (
        <label className="editor-link">
          Level link <input ref={linkRef} type="text" readOnly value={link} />
        </label>
      )}
      <p className="editor-note" role="status" aria-label="Editor notes">
        {note}
      </p>
    </>
  );
}

/** The static layer of draft cells: walls, goals, and floor for everything else. */
function tilesOf(cells: string): string {
  return cells.replace(/[^#.*+]/g, ' ').replace(/[*+]/g, '.');
}
