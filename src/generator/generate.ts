/**
 * Boxoban-style level generation, proven: carve a room, place goals, pull the boxes away by
 * reverse play keeping the best-scoring position, then have the engine solve the level in
 * optimal mode. A level is returned only with the engine's push-optimal solution, and only when
 * its push count agrees with the reverse search's exact one: two independent proofs.
 *
 * Deterministic: everything random comes from mulberry32(seed); the engine runs under a node
 * cap, never a clock, so the same seed and parameters give the same level on every machine.
 */
import { type Level } from '../sokoban/level';
import { solveTuned } from '../solver/index';
import { checkParams, type GeneratorParams } from './params';
import { mulberry32, shuffle, type Random } from './prng';
import { pullSearch } from './reverse';
import { carveRoom, floorCells } from './room';

export interface GeneratedLevel {
  readonly level: Level;
  readonly params: GeneratorParams;
  /** The proven fewest pushes. */
  readonly pushes: number;
  /** A push-optimal solution (LURD), replayed to solved by the engine. */
  readonly solution: string;
  readonly moves: number;
  /** Rooms tried before this one was kept. */
  readonly attempts: number;
}

export type GenerateResult =
  ({ readonly ok: true } & GeneratedLevel) | { readonly ok: false; readonly message: string };

/** Rooms tried per seed before giving up (parameters that cannot be met fail, not hang). */
export const MAX_ATTEMPTS = 200;
/** Reverse-play positions visited per room. */
const PULL_POSITIONS = 6000;
/** The engine's node cap for the proof (deterministic, unlike a time limit). */
const PROOF_NODES = 2_000_000;

export function generateLevel(input: Partial<GeneratorParams> = {}): GenerateResult {
  const checked = checkParams(input);
  if (!checked.ok) return checked;
  const params = checked.params;
  const random = mulberry32(params.seed);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const made = tryRoom(params, random);
    if (made) return { ok: true, ...made, params, attempts: attempt };
  }
  return {
    ok: false,
    message: `No level found in ${MAX_ATTEMPTS} rooms for seed ${params.seed}: ask for fewer boxes, fewer pushes or a larger size.`,
  };
}

/** A room's level before the engine's proof, with reverse play's exact push count. */
export interface CandidateLevel {
  readonly level: Level;
  /** The fewest pushes, by breadth-first reverse play. */
  readonly pushes: number;
}

/**
 * The next room drawn from `random` as a level, or null when the room cannot hold one; the
 * engine is not asked. Exported so tests can check the engine against reverse play.
 */
export function candidateRoom(params: GeneratorParams, random: Random): CandidateLevel | null {
  const { width, height, boxes: n, minPushes } = params;
  const room = carveRoom(width, height, random);
  const floor = floorCells(room);
  // Room for the boxes, the player and some space to move them.
  if (floor.length < 2 * n + 2) return null;
  const goals = shuffle(floor.slice(), random).slice(0, n);
  const choice = pullSearch({
    width,
    floor: room,
    goals,
    maxPositions: PULL_POSITIONS,
    minPushes: Math.max(1, minPushes),
  });
  if (!choice) return null;
  const player = choice.region[random.below(choice.region.length)]!;
  const level = buildLevel(width, height, room, goals, choice.boxes, player, params.seed);
  return { level, pushes: choice.pushes };
}

function tryRoom(
  params: GeneratorParams,
  random: Random,
): Omit<GeneratedLevel, 'params' | 'attempts'> | null {
  const candidate = candidateRoom(params, random);
  if (!candidate) return null;
  const { level } = candidate;
  const proof = solveTuned(
    level,
    { mode: 'optimal' },
    { fewestMoves: false, maxNodes: PROOF_NODES },
  );
  // Reverse play's depth is exact, so the two must agree; a level where they differ is an
  // engine fault and is not shown: its count would rest on one proof only.
  if (proof.status !== 'solved' || proof.pushes !== candidate.pushes) return null;
  return { level, pushes: proof.pushes, solution: proof.solution, moves: proof.moves };
}

function buildLevel(
  width: number,
  height: number,
  room: Uint8Array,
  goals: readonly number[],
  boxes: readonly number[],
  player: number,
  seed: number,
): Level {
  const goalSet = new Set(goals);
  let tiles = '';
  for (let i = 0; i < width * height; i++) tiles += !room[i] ? '#' : goalSet.has(i) ? '.' : ' ';
  return { title: `Seed ${seed}`, author: '', width, height, tiles, boxes: [...boxes], player };
}
