/** Boxoban-style level generation. Pure TypeScript, no DOM: runs in Node, a worker and tests. */
export * from './params';
export * from './prng';
export {
  candidateRoom,
  generateLevel,
  MAX_ATTEMPTS,
  type CandidateLevel,
  type GeneratedLevel,
  type GenerateResult,
} from './generate';
export { carveRoom, floorCells } from './room';
export { pullSearch } from './reverse';
export * from './print';
export * from './seed-link';
