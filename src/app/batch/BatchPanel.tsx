/**
 * The Solve all panel, loaded on demand (BatchMount): Solve all and Cancel, the progress, the
 * results table and the exports. Its state lives in src/store/batch.ts.
 */
import { useEffect, useRef } from 'react';
import { batchCsv, batchJsonLines, useBatchStore } from '../../store/batch';
import { BatchProgress } from './BatchProgress';
import { BatchTable } from './BatchTable';
import { downloadText } from './download';
import './batch.css';

function Exports() {
  const rows = useBatchStore((s) => s.rows);
  const mode = useBatchStore((s) => s.mode);
  const none = rows.length === 0;
  const name = `solve-all-${mode}`;
  return (
    <div className="row">
      <button
        type="button"
        disabled={none}
        onClick={() => downloadText(`${name}.csv`, batchCsv(rows), 'text/csv')}
      >
        Export CSV
      </button>
      <button
        type="button"
        disabled={none}
        title="JSON lines, with the fields of npm run solve -- FILE --json"
        onClick={() => downloadText(`${name}.jsonl`, batchJsonLines(rows), 'application/x-ndjson')}
      >
        Export JSON
      </button>
    </div>
  );
}

export default function BatchPanel({ autoStart = false }: { autoStart?: boolean }) {
  const status = useBatchStore((s) => s.status);
  const mode = useBatchStore((s) => s.mode);
  const timeLimitS = useBatchStore((s) => s.timeLimitS);
  const workers = useBatchStore((s) => s.workers);
  const error = useBatchStore((s) => s.error);
  const start = useBatchStore((s) => s.start);
  const cancel = useBatchStore((s) => s.cancel);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = status === 'running';

  // Opened by the "Solve all" press that loaded this panel: carry it out. A second run of the
  // effect (StrictMode) is ignored by start() while the batch runs.
  useEffect(() => {
    if (autoStart) void start();
  }, [autoStart, start]);

  // Keyboard focus is never dropped: the pressed button is gone, so it goes to Cancel once the
  // batch runs, and back to Solve all when Cancel is disabled under it at the end.
  const focusCancel = useRef(autoStart);
  const cancelFocused = useRef(false);
  const solveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (running && focusCancel.current) {
      focusCancel.current = false;
      cancelButton.current?.focus();
    } else if (!running && cancelFocused.current) {
      cancelFocused.current = false;
      solveButton.current?.focus();
    }
  }, [running]);

  return (
    <div className="batch">
      <div className="row">
        <button
          type="button"
          className="primary"
          ref={solveButton}
          onClick={() => void start()}
          disabled={running}
          title="Solve every level of the loaded collection"
        >
          Solve all
        </button>
        <button
          type="button"
          ref={cancelButton}
          onFocus={() => (cancelFocused.current = true)}
          onBlur={() => (cancelFocused.current = false)}
          onClick={cancel}
          disabled={!running}
          aria-label="Cancel Solve all"
          title="Stop every worker now; the results so far stay"
        >
          Cancel
        </button>
      </div>
      {status !== 'idle' && (
        <p className="hint">
          {mode === 'optimal' ? 'Optimal' : 'Fast'}, {timeLimitS} s per level, {workers} worker
          {workers === 1 ? '' : 's'}.
        </p>
      )}
      {error && (
        <div role="alert" className="alert">
          <p>{error}</p>
        </div>
      )}
      <BatchProgress />
      <BatchTable />
      <Exports />
    </div>
  );
}
