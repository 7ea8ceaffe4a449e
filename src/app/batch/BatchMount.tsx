/**
 * Where Solve all sits on the page: a small panel with the "Solve all" button. The batch panel
 * (its store, table and exports) is loaded on the first press, so none of it is in the
 * first-load bundle.
 */
import { lazy, Suspense, useId, useState } from 'react';

const BatchPanel = lazy(() => import('./BatchPanel'));

export function BatchMount() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="panel batch-panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Whole collection
      </h2>
      {open ? (
        <Suspense
          fallback={
            <p className="hint" role="status">
              Loading Solve all…
            </p>
          }
        >
          <BatchPanel autoStart />
        </Suspense>
      ) : (
        <>
          <p className="hint">
            Solve every level of the loaded collection in the background, in the solver&apos;s mode
            and time limit.
          </p>
          <div className="row">
            <button type="button" onClick={() => setOpen(true)}>
              Solve all
            </button>
          </div>
        </>
      )}
    </section>
  );
}
