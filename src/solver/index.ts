/**
 * The solver's public surface: re-exports only. The engine is engine.ts; the search it runs is
 * search.ts and the modules it names.
 */
export type * from './api';
export type { Level, Position } from '../sokoban';
export { solve, solveTuned, type Tuning } from './engine';
export { checkDeadlock } from './deadlock';
export { lowerBound } from './bound';
