/**
 * An agent's episode replayed step by step: the position after every step (step 0 is the
 * start), what each step did, the running counts, and where the agent walked in circles.
 */
import {
  type ActionOrder,
  type ActionsParse,
  type StepKind,
  ACTION_ORDERS,
  decodeAction,
  envStep,
  orderSize,
} from './actions';
import { type Direction, directionOfLetter } from './direction';
import { type Level, type Position, startPosition } from './level';
import { step } from './rules';

export interface EpisodeStep {
  /** The integer or LURD letter acted on; null for step 0, the start. */
  readonly action: number | string | null;
  /** What the step did; null for step 0. */
  readonly kind: StepKind | null;
  readonly position: Position;
  /** Moves and pushes made so far (a push is also a move, as in `moves/pushes`). */
  readonly moves: number;
  readonly pushes: number;
}

export interface Episode {
  /** How the actions were read. */
  readonly order: ActionOrder | 'lurd';
  /** steps[0] is the start position; steps[i] the position after action i. */
  readonly steps: readonly EpisodeStep[];
  /** The moves made, as LURD with case (no-ops leave no letter): the board's move history. */
  readonly lurd: string;
  readonly noops: number;
}

export type EpisodeReplay =
  | { readonly ok: true; readonly episode: Episode }
  | { readonly ok: false; readonly message: string };

const LETTER: Readonly<Record<Direction, string>> = { u: 'u', d: 'd', l: 'l', r: 'r' };

/** Replays integer actions in `order` with the environment's semantics. */
export function replayActions(
  level: Level,
  values: readonly number[],
  order: ActionOrder,
): EpisodeReplay {
  let position = startPosition(level);
  let moves = 0;
  let pushes = 0;
  let noops = 0;
  let lurd = '';
  const steps: EpisodeStep[] = [{ action: null, kind: null, position, moves, pushes }];
  for (let i = 0; i < values.length; i++) {
    const action = decodeAction(order, values[i]!);
    if (!action)
      return {
        ok: false,
        message: `Action ${i + 1} is ${values[i]}, outside ${order}'s 0 to ${orderSize(order) - 1}.`,
      };
    const result = envStep(level, position, action);
    position = result.position;
    if (result.kind === 'noop') noops++;
    else {
      moves++;
      const dir = action.type === 'noop' ? '' : LETTER[action.dir];
      if (result.kind === 'push') {
        pushes++;
        lurd += dir.toUpperCase();
      } else lurd += dir;
    }
    steps.push({ action: values[i]!, kind: result.kind, position, moves, pushes });
  }
  return { ok: true, episode: { order, steps, lurd, noops } };
}

/** Replays a LURD string: every letter is a step; an illegal one stops with its number. */
export function replayLurdEpisode(level: Level, moves: string): EpisodeReplay {
  let position = startPosition(level);
  let pushes = 0;
  let lurd = '';
  const steps: EpisodeStep[] = [{ action: null, kind: null, position, moves: 0, pushes }];
  for (let i = 0; i < moves.length; i++) {
    const dir = directionOfLetter(moves[i]!);
    const result = dir ? step(level, position, dir) : null;
    if (!result) return { ok: false, message: `Move ${i + 1} is illegal.` };
    position = result.position;
    if (result.pushed) pushes++;
    lurd += result.letter;
    steps.push({
      action: result.letter,
      kind: result.pushed ? 'push' : 'move',
      position,
      moves: i + 1,
      pushes,
    });
  }
  return { ok: true, episode: { order: 'lurd', steps, lurd, noops: 0 } };
}

export interface AutoChoice {
  readonly episode: Episode;
  /** No-op count per order that could read the actions (null: a value out of its range). */
  readonly noops: Readonly<Record<ActionOrder, number | null>>;
  /** The runner-up, when there is one. */
  readonly runnerUp: ActionOrder | null;
  /** True when the runner-up's no-ops are within max(2, 5 % of the steps) of the pick's. */
  readonly close: boolean;
}

/**
 * Auto: replays the actions in every order and picks the one with the fewest no-op steps
 * (an agent rarely walks into walls on purpose); ties go to the order listed first.
 */
export function chooseOrder(
  level: Level,
  values: readonly number[],
): { ok: true; choice: AutoChoice } | { ok: false; message: string } {
  const noops = {} as Record<ActionOrder, number | null>;
  const ranked: Episode[] = [];
  for (const order of ACTION_ORDERS) {
    const replayed = replayActions(level, values, order);
    noops[order] = replayed.ok ? replayed.episode.noops : null;
    if (replayed.ok) ranked.push(replayed.episode);
  }
  if (ranked.length === 0)
    return {
      ok: false,
      message: `No action order reads these actions: values go up to ${Math.max(...values)}, and gym9 stops at 8.`,
    };
  ranked.sort((a, b) => a.noops - b.noops); // stable: ties keep ACTION_ORDERS' order
  const [best, second] = ranked as [Episode, ...Episode[]]; // not empty: checked above
  const margin = Math.max(2, Math.ceil(values.length * 0.05));
  return {
    ok: true,
    choice: {
      episode: best,
      noops,
      runnerUp: second ? (second.order as ActionOrder) : null,
      close: second !== undefined && second.noops - best.noops <= margin,
    },
  };
}

/** "Auto picked udlr (3 no-ops; urdl had 5: close, check the order)". */
export function describeChoice(choice: AutoChoice): string {
  const { episode, runnerUp, noops, close } = choice;
  const n = (k: number) => `${k} no-op${k === 1 ? '' : 's'}`;
  const head = `Auto picked ${episode.order} (${n(episode.noops)}`;
  if (!runnerUp) return `${head}; no other order reads these actions).`;
  const other = `${runnerUp} had ${noops[runnerUp]}`;
  return close
    ? `${head}; ${other}: a close call, check the order).`
    : `${head}; next best ${other}).`;
}

export type EpisodeOrder = ActionOrder | 'auto';

export type EpisodeRead =
  | { readonly ok: true; readonly episode: Episode; readonly auto?: AutoChoice }
  | { readonly ok: false; readonly message: string };

/** Replays parsed actions: integers in `order` (or Auto's pick), LURD as it is. */
export function replayParsed(
  level: Level,
  parsed: Extract<ActionsParse, { ok: true }>,
  order: EpisodeOrder,
): EpisodeRead {
  if (parsed.kind === 'lurd') return replayLurdEpisode(level, parsed.moves);
  if (order !== 'auto') return replayActions(level, parsed.values, order);
  const chosen = chooseOrder(level, parsed.values);
  return chosen.ok ? { ok: true, episode: chosen.choice.episode, auto: chosen.choice } : chosen;
}

function positionKey(p: Position): string {
  return `${p.player}:${p.boxes.join(',')}`;
}

/**
 * Steps that lie on a cycle: step k returns to the position of an earlier step j (player and
 * boxes alike), so steps j+1..k went round in a circle, the "pacing" researchers study. A no-op
 * alone is not a cycle (it never left); it is counted apart.
 */
export function cycleSteps(steps: readonly EpisodeStep[]): boolean[] {
  const marks = steps.map(() => false);
  const lastSeen = new Map<string, number>();
  for (let k = 0; k < steps.length; k++) {
    const key = positionKey(steps[k]!.position);
    const j = lastSeen.get(key);
    if (j !== undefined && steps[k]!.kind !== 'noop') {
      for (let i = j + 1; i <= k; i++) marks[i] = true;
    }
    lastSeen.set(key, k);
  }
  return marks;
}
