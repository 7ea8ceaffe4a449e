/** "Move 37 of 97": where playback is in the sequence, shown beside the game status (GameStatus). */
import { selectHistory, useGameStore } from '../store/game';
import { playbackWhere } from '../store/playback';
import './PlaybackPosition.css';

export function PlaybackPosition() {
  const where = useGameStore((s) => {
    const h = selectHistory(s);
    return playbackWhere(h.cursor, h.moves.length);
  });
  if (where === '') return null;
  return (
    <span className="playback-where" data-testid="playback-where">
      {where}
    </span>
  );
}
