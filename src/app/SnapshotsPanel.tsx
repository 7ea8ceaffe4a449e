/**
 * Snapshots of the level on the board (store/snapshots.ts): "Save snapshot" with an optional
 * name, and the list "Snapshots" with Restore and Delete for each.
 */
import { useId, useState } from 'react';
import { countPushes } from '../sokoban';
import { selectLevel, useGameStore } from '../store/game';
import { levelKey, useSnapshotStore } from '../store/snapshots';
import './SnapshotsPanel.css';

export function SnapshotsPanel() {
  const id = useId();
  const level = useGameStore(selectLevel);
  const data = useSnapshotStore((s) => s.data);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const list = level ? (data[levelKey(level)] ?? []) : [];

  const save = () => {
    const saved = useSnapshotStore.getState().save(name);
    if (saved) {
      setName('');
      setNote(`Saved “${saved}”.`);
    }
  };

  return (
    <section className="panel snapshots" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Snapshots
      </h2>
      <div className="row">
        <input
          aria-label="Snapshot name"
          type="text"
          value={name}
          placeholder="Name (optional)"
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
        <button type="button" onClick={save} disabled={!level}>
          Save snapshot
        </button>
      </div>
      {list.length === 0 ? (
        <p className="hint">No snapshots of this level yet.</p>
      ) : (
        <ul aria-labelledby={`${id}-title`} className="snapshot-list">
          {list.map((s) => (
            <li key={s.id}>
              <span className="snapshot-name">{s.name}</span>{' '}
              <span className="hint">
                {s.cursor}/{countPushes(s.moves.slice(0, s.cursor))}
              </span>
              <button
                type="button"
                aria-label={`Restore ${s.name}`}
                onClick={() =>
                  setNote(
                    useSnapshotStore.getState().restore(s.id)
                      ? `Restored “${s.name}”.`
                      : `“${s.name}” could not be restored.`,
                  )
                }
              >
                Restore
              </button>
              <button
                type="button"
                aria-label={`Delete ${s.name}`}
                onClick={() => {
                  useSnapshotStore.getState().remove(s.id);
                  setNote(`Deleted “${s.name}”.`);
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <p aria-live="polite" className="hint">
        {note}
      </p>
    </section>
  );
}
