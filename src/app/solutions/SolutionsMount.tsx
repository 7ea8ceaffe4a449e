/**
 * Where the Solutions panel sits on the page: a closed panel whose code (the list, the side by
 * side comparison with its two boards) loads when it is first opened, so the first load stays as
 * small as it was.
 */
import { lazy, Suspense, useState } from 'react';

const SolutionsPanel = lazy(() => import('./SolutionsPanel'));

export function SolutionsMount() {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="panel solutions-mount"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="panel-title">Solutions</summary>
      {opened && (
        <Suspense fallback={<p className="hint">Loading the solutions…</p>}>
          <SolutionsPanel />
        </Suspense>
      )}
    </details>
  );
}
