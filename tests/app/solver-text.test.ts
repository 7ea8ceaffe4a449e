import { describe, expect, it } from 'vitest';
import { outcomeText } from '../../src/app/solver-text';
import type { SolveOutcome } from '../../src/store/solver';

const solved = (optimal: boolean, fewestMoves: boolean): SolveOutcome => ({
  status: 'solved',
  purpose: 'solve',
  moves: 97,
  pushes: 22,
  ms: 1400,
  nodes: 5000,
  optimal,
  fewestMoves,
  remembered: false,
  applied: true,
  solution: '',
});

describe('outcomeText for a solution', () => {
  it('claims only what was proven: pushes, then moves', () => {
    expect(outcomeText(solved(true, true))).toBe(
      'Solved: 97/22 in 1.4 s, optimal (fewest pushes, then fewest moves). Press Play to watch it.',
    );
    // Time ran out before the moves were settled: only the pushes are claimed.
    expect(outcomeText(solved(true, false))).toBe(
      'Solved: 97/22 in 1.4 s, optimal (fewest pushes). Press Play to watch it.',
    );
    expect(outcomeText(solved(false, false))).toBe(
      'Solved: 97/22 in 1.4 s, not proven optimal. Press Play to watch it.',
    );
  });
});
