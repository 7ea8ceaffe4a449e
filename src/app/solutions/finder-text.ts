import type { Finder } from '../../store/progress';

/** Who found a solution, as the list says it: "you", "solver", or "you and solver". */
export function finderText(by: readonly Finder[]): string {
  return by.map((f) => (f === 'user' ? 'you' : 'solver')).join(' and ');
}
