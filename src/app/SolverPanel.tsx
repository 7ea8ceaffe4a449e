/**
 * The solver panel: Solve and Hint from the position on the board, Fast or Optimal, a time limit,
 * live progress (elapsed, nodes, nodes per second, bound) with Cancel, the outcome in plain words,
 * and the deadlock warning with its way back.
 */
import { useEffect, useId, useState } from 'react';
import { formatSeconds, outcomeText } from './solver-text';
import { MAX_TIME_LIMIT_S, useSolverStore } from '../store/solver';
import './SolverPanel.css';
import { countText } from '../sokoban/count-text';

function Progress() {
  const job = useSolverStore((s) => s.job);
  const progress = useSolverStore((s) => s.progress);
  const [clock, setClock] = useState(() => performance.now());
  // Elapsed time ticks on its own (the engine's first report can take a moment to arrive).
  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => setClock(performance.now()), 250);
    return () => clearInterval(timer);
  }, [job]);
  if (!job) return null;
  const elapsed = Math.max(progress?.elapsedMs ?? 0, clock - job.startedAt);
  return (
    <div className="solver-progress" data-testid="solver-progress">
      <p className="solver-working">
        {job.purpose === 'hint' ? 'Looking for a hint' : 'Solving'} (
        {job.mode === 'optimal' ? 'optimal' : 'fast'}, limit {job.timeLimitS} s)…
      </p>
      <dl className="solver-stats">
        <div>
          <dt>Elapsed</dt>
          <dd>{formatSeconds(elapsed)}</dd>
        </div>
        <div>
          <dt>Nodes</dt>
          <dd>{progress ? countText(progress.nodes) : '…'}</dd>
        </div>
        <div>
          <dt>Nodes/s</dt>
          <dd>{progress ? countText(Math.round(progress.nodesPerSecond)) : '…'}</dd>
        </div>
        <div>
          <dt>{progress?.fewestMovesFor !== undefined ? 'Bound (moves)' : 'Bound'}</dt>
          <dd>{progress ? progress.bound : '…'}</dd>
        </div>
      </dl>
      {progress?.fewestMovesFor !== undefined && (
        <p className="solver-working">
          Fewest pushes found and proven: {progress.fewestMovesFor}. Now looking for the fewest
          moves with as many pushes…
        </p>
      )}
    </div>
  );
}

function Outcome() {
  const outcome = useSolverStore((s) => s.outcome);
  const tryLonger = useSolverStore((s) => s.tryLonger);
  const switchMode = useSolverStore((s) => s.switchMode);
  const mode = useSolverStore((s) => s.mode);
  const timeLimit = useSolverStore((s) => s.timeLimitS);
  if (!outcome) return null;
  const text = outcomeText(outcome);
  if (outcome.status === 'error') {
    return (
      <div role="alert" className="alert solver-outcome">
        <span>{text}</span>
      </div>
    );
  }
  return (
    <div className={`solver-outcome outcome-${outcome.status}`}>
      <p data-testid="solver-outcome">{text}</p>
      {outcome.status === 'limit' && (
        <div className="row">
          {outcome.reason === 'time' && (
            <button
              type="button"
              onClick={() => void tryLonger()}
              disabled={timeLimit >= MAX_TIME_LIMIT_S}
            >
              Try longer
            </button>
          )}
          <button type="button" onClick={() => void switchMode()}>
            {mode === 'fast' ? 'Try Optimal' : 'Try Fast'}
          </button>
        </div>
      )}
    </div>
  );
}

export function DeadlockWarning() {
  const warning = useSolverStore((s) => s.deadlock);
  const undo = useSolverStore((s) => s.undoDeadlock);
  if (!warning) return null;
  const n = warning.boxes.length;
  return (
    <div className="deadlock-warning" data-testid="deadlock-warning">
      <p>
        <strong>Deadlock:</strong> {warning.cause}
        {n > 0 && ` (${n === 1 ? 'the marked box' : `the ${n} marked boxes`})`}. This position can
        no longer be solved.
      </p>
      <button
        type="button"
        onClick={undo}
        aria-keyshortcuts="U"
        title="Undo back to just before the push that caused it (U)"
      >
        Undo to before the deadlock <kbd>U</kbd>
      </button>
    </div>
  );
}

/** Fast or Optimal. */
function ModeChoice({ name }: { readonly name: string }) {
  const mode = useSolverStore((s) => s.mode);
  const setMode = useSolverStore((s) => s.setMode);
  return (
    <fieldset className="solver-mode">
      <legend>Mode</legend>
      <label>
        <input
          type="radio"
          name={name}
          value="fast"
          checked={mode === 'fast'}
          onChange={() => setMode('fast')}
        />{' '}
        Fast
      </label>
      <label>
        <input
          type="radio"
          name={name}
          value="optimal"
          checked={mode === 'optimal'}
          onChange={() => setMode('optimal')}
        />{' '}
        Optimal (fewest pushes)
      </label>
    </fieldset>
  );
}

function TimeLimitField({ id }: { readonly id: string }) {
  const timeLimit = useSolverStore((s) => s.timeLimitS);
  const setTimeLimit = useSolverStore((s) => s.setTimeLimit);
  // The field keeps what is typed (e.g. an empty box while editing); the store gets a clamped value.
  const [limitText, setLimitText] = useState(String(timeLimit));
  const [shownLimit, setShownLimit] = useState(timeLimit);
  if (shownLimit !== timeLimit) {
    setShownLimit(timeLimit);
    setLimitText(String(timeLimit));
  }
  return (
    <div className="row solver-limit">
      <label htmlFor={id}>Time limit (s)</label>
      <input
        id={id}
        type="number"
        min={1}
        max={MAX_TIME_LIMIT_S}
        step={1}
        inputMode="numeric"
        value={limitText}
        onChange={(e) => {
          setLimitText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n) && n > 0) setTimeLimit(n);
        }}
        onBlur={() => setLimitText(String(timeLimit))}
      />
    </div>
  );
}

/** Solve, Cancel and Hint. */
function SolverButtons() {
  const running = useSolverStore((s) => s.job !== null);
  const solve = useSolverStore((s) => s.solve);
  const hint = useSolverStore((s) => s.hint);
  const cancel = useSolverStore((s) => s.cancel);
  return (
    <div className="row">
      <button
        type="button"
        className="primary"
        onClick={() => void solve()}
        title="Solve from the position on the board"
      >
        Solve
      </button>
      <button
        type="button"
        onClick={cancel}
        disabled={!running}
        aria-keyshortcuts="Escape"
        title="Stop the search (Esc)"
      >
        Cancel
      </button>
      <button
        type="button"
        onClick={() => void hint()}
        aria-keyshortcuts="H"
        title="Show and play the next push toward a solution (H)"
      >
        Hint
      </button>
    </div>
  );
}

export function SolverPanel() {
  const id = useId();
  return (
    <section className="panel solver-panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Solver
      </h2>
      <ModeChoice name={`${id}-mode`} />
      <TimeLimitField id={`${id}-limit`} />
      <SolverButtons />
      <Progress />
      <div aria-live="polite" className="solver-live">
        <Outcome />
      </div>
      <div aria-live="polite">
        <DeadlockWarning />
      </div>
    </section>
  );
}
