/** The solver panel's words: outcomes in plain language, `moves/pushes` first. */
import type { SolveOutcome } from '../store/solver';
import { countText } from '../sokoban/count-text';

/** "35 ms", "1.4 s", "12 s", "2 min 5 s". */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

export function outcomeText(outcome: SolveOutcome): string {
  switch (outcome.status) {
    case 'solved': {
      if (outcome.moves === 0) return 'Already solved: every box is on a goal.';
      const length = `${outcome.moves}/${outcome.pushes}`;
      const proof = !outcome.optimal
        ? 'not proven optimal'
        : outcome.fewestMoves
          ? 'optimal (fewest pushes, then fewest moves)'
          : 'optimal (fewest pushes)';
      const when = outcome.remembered
        ? 'remembered from earlier'
        : `in ${formatSeconds(outcome.ms)}`;
      const head =
        outcome.purpose === 'hint'
          ? `Hint: the next push is shown. A solution from here is ${length}`
          : `Solved: ${length} ${when}, ${proof}`;
      const tail = outcome.applied
        ? outcome.purpose === 'hint'
          ? '.'
          : '. Press Play to watch it.'
        : '. The board has changed since, so it was not loaded: press Solve again (it is remembered).';
      return head + tail;
    }
    case 'unsolvable':
      return `No solution exists${outcome.purpose === 'hint' ? ' from this position' : ''}: ${outcome.message}`;
    case 'limit':
      return outcome.reason === 'time'
        ? `Stopped at the time limit (${outcome.timeLimitS} s) after ${countText(outcome.nodes)} positions, without a solution. That does not mean there is none.`
        : `Stopped at the memory limit after ${countText(outcome.nodes)} positions, without a solution. That does not mean there is none.`;
    case 'cancelled':
      return `Cancelled after ${formatSeconds(outcome.ms)}${outcome.why ? `: ${outcome.why}` : ''}.`;
    case 'invalid':
      return `The level cannot be solved as given: ${outcome.message}`;
    case 'error':
      return outcome.message;
  }
}
