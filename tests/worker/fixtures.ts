/** Data shared by the worker client and pool tests. */
import type { Level } from '../../src/sokoban';
import type { SolveResult } from '../../src/solver/api';

/** One push to the right solves it. */
export const TINY: Level = {
  title: 'tiny',
  author: '',
  width: 5,
  height: 3,
  tiles: '###### . ######',
  boxes: [7],
  player: 6,
};

/** A worker's answer for TINY. */
export const SOLVED: SolveResult = {
  status: 'solved',
  solution: 'R',
  moves: 1,
  pushes: 1,
  optimal: false,
  nodes: 2,
  ms: 1,
};
