/**
 * Moves as LURD: copy the moves played so far, or paste a LURD string and apply it; and the
 * branches of the history to return to (Branches.tsx).
 */
import { useId, useState } from 'react';
import { useGameStore, selectPlayedMoves } from '../store/game';
import { usePlaybackStore } from '../store/playback';
import { compressLurd, formatLength } from '../sokoban';
import { copyText } from './clipboard';
import { DismissibleAlert } from './DismissibleAlert';
import { Branches } from './Branches';
import './MovesPanel.css';

export function MovesPanel() {
  const played = useGameStore(selectPlayedMoves);
  const alert = useGameStore((s) => (s.alert?.source === 'moves' ? s.alert : null));
  const applyLurd = useGameStore((s) => s.applyLurd);
  const showNotice = useGameStore((s) => s.showNotice);
  const dismissAlert = useGameStore((s) => s.dismissAlert);
  const [text, setText] = useState('');
  const id = useId();

  const copy = async () => {
    if (played === '') {
      showNotice('No moves to copy yet.');
      return;
    }
    if (await copyText(played)) {
      showNotice(`Copied ${formatLength(played)} (moves/pushes) as LURD.`);
    } else {
      setText(played);
      showNotice(
        'The clipboard is not available here: the moves are in the Moves box to copy by hand.',
      );
    }
  };

  const apply = () => {
    if (applyLurd(text)) setText('');
  };

  return (
    <section className="panel moves-panel">
      <h2 className="panel-title">Moves as LURD</h2>
      <p className="lurd" title={played}>
        {played === '' ? (
          <span className="hint">No moves yet.</span>
        ) : (
          <code>{played.length > 400 ? `${compressLurd(played).slice(0, 400)}…` : played}</code>
        )}
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          Copy moves
        </button>
      </div>
      <Branches />
      <label htmlFor={id} className="sub-label">
        Moves
      </label>
      <div className="row">
        <input
          id={id}
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
          placeholder="LURD, e.g. 3r2U or llUrr"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
        />
        <button type="button" onClick={apply}>
          Apply moves
        </button>
        <button
          type="button"
          onClick={() => usePlaybackStore.getState().watchMoves(text) && setText('')}
          title="Load these moves from the level's start, ready to Play"
        >
          Watch from start
        </button>
      </div>
      {alert && <DismissibleAlert onDismiss={dismissAlert}>{alert.message}</DismissibleAlert>}
    </section>
  );
}
