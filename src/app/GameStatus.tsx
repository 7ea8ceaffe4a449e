/** The title line, the status (`Moves: N · Pushes: N`, `· Solved`), the celebration and notes. */
import {
  useGameStore,
  selectEntry,
  selectMoveCount,
  selectPushCount,
  selectSolved,
} from '../store/game';
import { PlaybackPosition } from './PlaybackPosition';
import './GameStatus.css';

export function LevelTitle() {
  const entry = useGameStore(selectEntry);
  const count = useGameStore((s) => s.entries.length);
  if (!entry) return null;
  return (
    <h2 className="level-title">
      {count > 1 && (
        <span className="level-number">
          Level {entry.index} of {count}
        </span>
      )}
      {entry.title ? <span>{entry.title}</span> : count > 1 ? null : <span>Untitled level</span>}
      {entry.ok && entry.level.author && <span className="author"> by {entry.level.author}</span>}
    </h2>
  );
}

export function GameStatus() {
  const moves = useGameStore(selectMoveCount);
  const pushes = useGameStore(selectPushCount);
  const solved = useGameStore(selectSolved);
  return (
    <>
      <div className="status-line">
        <p role="status" className={solved ? 'status solved' : 'status'}>
          {`Moves: ${moves} · Pushes: ${pushes}${solved ? ' · Solved' : ''}`}
        </p>
        <PlaybackPosition />
      </div>
      {solved && (
        <p className="celebration">
          <span aria-hidden="true">★ </span>
          Well done! Solved in {moves} {moves === 1 ? 'move' : 'moves'} and {pushes}{' '}
          {pushes === 1 ? 'push' : 'pushes'}.
        </p>
      )}
    </>
  );
}

export function Notice() {
  const notice = useGameStore((s) => s.notice);
  const dismiss = useGameStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" key={notice.id}>
      <p role="note">{notice.text}</p>
      <button type="button" className="link" onClick={dismiss} aria-label="Dismiss note">
        ×
      </button>
    </div>
  );
}
