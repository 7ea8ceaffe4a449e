/**
 * Solve all's progress: a progress bar named "Batch progress" and one line of text with levels
 * done of the total, levels solved, time elapsed and an estimate of the time left.
 */
import { useEffect, useState } from 'react';
import { useBatchStore } from '../../store/batch';
import { formatSeconds } from '../solver-text';

/** The time left if the levels still to do take as long, on average, as those done. */
export function timeLeftMs(elapsedMs: number, done: number, total: number): number | null {
  if (done <= 0 || done >= total) return done >= total ? 0 : null;
  return (elapsedMs / done) * (total - done);
}

export function BatchProgress() {
  const status = useBatchStore((s) => s.status);
  const total = useBatchStore((s) => s.total);
  const done = useBatchStore((s) => s.done);
  const solved = useBatchStore((s) => s.solved);
  const startedAt = useBatchStore((s) => s.startedAt);
  const finishedAt = useBatchStore((s) => s.finishedAt);
  const [clock, setClock] = useState(() => performance.now());
  const running = status === 'running';
  // The clock ticks on its own while running: levels may take a while to come back.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setClock(performance.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  if (status === 'idle') return null;
  const elapsed = Math.max(0, (finishedAt ?? Math.max(clock, startedAt)) - startedAt);
  const left = running ? timeLeftMs(elapsed, done, total) : null;
  const parts = [
    `${done} / ${total} done`,
    `${solved} solved`,
    `${formatSeconds(elapsed)} elapsed`,
    running ? (left === null ? 'time left: estimating…' : `about ${formatSeconds(left)} left`) : '',
  ].filter((p) => p !== '');
  return (
    <div className="batch-progress">
      <progress
        aria-label="Batch progress"
        aria-valuetext={`${done} of ${total} levels done, ${solved} solved`}
        max={Math.max(1, total)}
        value={done}
      />
      <p className="batch-counts" data-testid="batch-counts">
        {parts.join(' · ')}
      </p>
      <p className="batch-summary" aria-live="polite">
        {status === 'done' && `Finished: ${solved} of ${total} levels solved.`}
        {status === 'cancelled' &&
          `Cancelled after ${done} of ${total} levels; the results so far are kept.`}
      </p>
    </div>
  );
}
