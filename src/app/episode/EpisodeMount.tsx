/**
 * Where the Episode analysis panel sits on the page: a closed panel whose code (the form, the
 * chart) loads only when it is first opened, so the first load stays as small as it was.
 */
import { lazy, Suspense, useState } from 'react';

const EpisodePanel = lazy(() => import('./EpisodePanel'));

export function EpisodeMount() {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="panel episode-mount"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="panel-title">Episode analysis</summary>
      {opened && (
        <Suspense fallback={<p className="hint">Loading the episode panel…</p>}>
          <EpisodePanel />
        </Suspense>
      )}
    </details>
  );
}
