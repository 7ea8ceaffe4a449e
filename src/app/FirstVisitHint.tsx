/**
 * A short hint on a first visit, about the three things people miss: Paste, Solve and Share.
 * "Got it" dismisses it for good (remembered like the display preferences, preference.ts).
 */
import { useState } from 'react';
import { readPreference, writePreference } from './preference';
import './FirstVisitHint.css';

export const HINT_KEY = 'sokoban-playground:first-visit-hint';

export function FirstVisitHint() {
  const [shown, setShown] = useState(() => readPreference(HINT_KEY, ['dismissed']) === null);
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    writePreference(HINT_KEY, 'dismissed', 'Hiding the hint');
  };
  return (
    <aside className="panel first-hint" aria-label="Getting started">
      <p>
        <strong>New here?</strong> Paste any level into the <strong>Level</strong> box and press
        Load; press <strong>Solve</strong> to let the solver find a way; <strong>Share</strong>{' '}
        gives a link that opens the same level. Press <kbd>?</kbd> for every key.
      </p>
      <button type="button" onClick={dismiss}>
        Got it
      </button>
    </aside>
  );
}
