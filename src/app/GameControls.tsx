/** Undo, Redo and Restart (restart can itself be undone), and Edit level when `onEdit` is given. */
import { useGameStore, selectCanRedo, selectCanUndo, selectMoveCount } from '../store/game';

export function GameControls({ onEdit }: { onEdit?: () => void } = {}) {
  const canUndo = useGameStore(selectCanUndo);
  const canRedo = useGameStore(selectCanRedo);
  const moves = useGameStore(selectMoveCount);
  const undo = useGameStore((s) => s.undo);
  const redo = useGameStore((s) => s.redo);
  const restart = useGameStore((s) => s.restart);
  return (
    <div className="controls" role="group" aria-label="Game controls">
      <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Z, Ctrl+Z, Backspace)">
        Undo
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        title="Redo (Y, Ctrl+Y, Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <button
        type="button"
        onClick={restart}
        disabled={moves === 0}
        title="Restart (R); Undo brings the moves back"
      >
        Restart
      </button>
      {onEdit && (
        <button
          type="button"
          onClick={onEdit}
          title="Draw a level, starting from a copy of this one"
        >
          Edit level
        </button>
      )}
    </div>
  );
}
