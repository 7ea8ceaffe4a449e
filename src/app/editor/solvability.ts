/**
 * The editor's live solvability check: after the drawing rests for a moment, the level is solved
 * in optimal mode in the solver's worker; a newer drawing cancels the check in flight. The text
 * is what the "Solvability" status shows.
 */
import { useEffect, useRef, useState } from 'react';
import type { Level } from '../../sokoban';
import { printBoard } from '../../sokoban/print';
import { errorMessage } from '../../sokoban/error-message';
import type { SolveProgress, SolveResult } from '../../solver/api';
import type { WorkerSolveOptions } from '../../worker/protocol';
import { countText } from '../../sokoban/count-text';

/** The part of SolverClient the check uses (tests pass a fake). */
export interface SolverLike {
  solve(
    level: Level,
    options: WorkerSolveOptions,
    onProgress?: (p: SolveProgress) => void,
  ): Promise<SolveResult>;
  cancel(): void;
  dispose(): void;
}

export const CHECK_DELAY_MS = 350;
export const CHECK_TIME_LIMIT_MS = 5000;

export function describeCheck(result: SolveResult): string {
  switch (result.status) {
    case 'solved':
      return result.optimal
        ? `Solvable in ${result.pushes} push${result.pushes === 1 ? '' : 'es'} (optimal)`
        : `Solvable in ${result.pushes} pushes`;
    case 'unsolvable':
      return `Unsolvable (${result.message.replace(/\.$/, '')})`;
    case 'limit':
      return `Unknown within the limit (${CHECK_TIME_LIMIT_MS / 1000} s; ${result.message.replace(/\.$/, '')})`;
    case 'invalid':
      return `Not checked: ${result.message}`;
    case 'cancelled':
      return 'Checking…';
  }
}

function describeProgress(p: SolveProgress): string {
  return `Checking… ${countText(p.nodes)} positions, ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** The check's text for `level` (null: the drawing is not a valid level yet). */
export function useSolvability(level: Level | null, createSolver: () => SolverLike): string {
  const key = level ? printBoard(level) : null;
  const [state, setState] = useState<{ key: string | null; text: string }>({ key: null, text: '' });
  const client = useRef<SolverLike | null>(null);
  const levelRef = useRef(level);
  useEffect(() => {
    levelRef.current = level;
  });

  useEffect(() => () => client.current?.dispose(), []);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      const current = levelRef.current;
      if (!current) return;
      client.current ??= createSolver();
      setState({ key, text: 'Checking…' });
      client.current
        .solve(current, { mode: 'optimal', timeLimitMs: CHECK_TIME_LIMIT_MS }, (p) => {
          if (live) setState({ key, text: describeProgress(p) });
        })
        .then(
          (result) => {
            if (live && result.status !== 'cancelled')
              setState({ key, text: describeCheck(result) });
          },
          (error: unknown) => {
            if (live)
              setState({
                key,
                text: `Unknown: the check could not run (${errorMessage(error)})`,
              });
          },
        );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      client.current?.cancel();
    };
  }, [key, createSolver]);

  if (key === null) return 'Not checked: the drawing is not a valid level yet.';
  return state.key === key ? state.text : 'Checking…';
}
