/** The Level text box: paste a board or a whole collection, then Load. */
import { useId } from 'react';
import { useGameStore } from '../store/game';

export function LevelInput() {
  const draft = useGameStore((s) => s.draft);
  const alert = useGameStore((s) => (s.alert?.source === 'level' ? s.alert : null));
  const setDraft = useGameStore((s) => s.setDraft);
  const load = useGameStore((s) => s.load);
  const dismissAlert = useGameStore((s) => s.dismissAlert);
  const id = useId();

  return (
    <section className="panel level-input">
      <label htmlFor={id} className="panel-title">
        Level
      </label>
      <p className="hint" id={`${id}-hint`}>
        Paste a board or a collection (XSB, SOK, Boxoban or RLE), then press Load.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            load();
          }
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        rows={10}
      />
      <div className="row">
        <button type="button" className="primary" onClick={() => load()}>
          Load
        </button>
        <span className="hint">Ctrl+Enter loads too.</span>
      </div>
      {alert && (
        <div role="alert" className="alert">
          <span>{alert.message}</span>
          <button type="button" className="link" onClick={dismissAlert} aria-label="Dismiss error">
            ×
          </button>
        </div>
      )}
    </section>
  );
}
