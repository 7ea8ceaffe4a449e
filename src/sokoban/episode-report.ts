/**
 * An analysed episode as rows and a summary: what the CLI prints and the Episode panel draws.
 * Pure: the verdicts come from the solver (src/solver/episode.ts), in a worker or in Node.
 */
import type { StepKind } from './actions';
import { type Episode, cycleSteps } from './episode';

export type StepStatus = 'alive' | 'lost' | 'unknown';

export interface StepVerdict {
  /** Optimal pushes still needed; null when lost or unknown. */
  readonly pushesLeft: number | null;
  readonly status: StepStatus;
  /** Why it is lost (the deadlock rule, or "proven unsolvable by search"), or why unknown. */
  readonly cause: string | null;
}

export interface StepRow {
  readonly step: number;
  readonly action: number | string | null;
  readonly kind: StepKind | null;
  readonly moves: number;
  readonly pushes: number;
  readonly pushesLeft: number | null;
  readonly status: StepStatus;
  readonly cause: string | null;
  /** On a stretch that returns to a position seen before. */
  readonly cycle: boolean;
  /** A push from a live position that did not bring the goal closer (or lost the level). */
  readonly wasted: boolean;
}

export interface EpisodeSummary {
  readonly order: string;
  readonly steps: number;
  readonly moves: number;
  readonly pushes: number;
  readonly noops: number;
  readonly cycleSteps: number;
  readonly wastedPushes: number;
  /** The first step whose position is lost, or null. */
  readonly firstLostStep: number | null;
  /** Optimal pushes from the start (null when unknown or lost) against the agent's pushes. */
  readonly optimalPushes: number | null;
  readonly agentPushes: number;
  /** True when the last position is solved. */
  readonly solved: boolean;
}

export function episodeRows(episode: Episode, verdicts: readonly StepVerdict[]): StepRow[] {
  const cycles = cycleSteps(episode.steps);
  return episode.steps.map((s, i) => {
    const v = verdicts[i]!;
    const before = i > 0 ? verdicts[i - 1] : null;
    const wasted =
      s.kind === 'push' &&
      before?.status === 'alive' &&
      (v.status === 'lost' ||
        (v.pushesLeft !== null && before.pushesLeft !== null && v.pushesLeft >= before.pushesLeft));
    return {
      step: i,
      action: s.action,
      kind: s.kind,
      moves: s.moves,
      pushes: s.pushes,
      pushesLeft: v.pushesLeft,
      status: v.status,
      cause: v.cause,
      cycle: cycles[i]!,
      wasted,
    };
  });
}

export function episodeSummary(episode: Episode, rows: readonly StepRow[]): EpisodeSummary {
  const last = rows[rows.length - 1]!;
  const lost = rows.find((r) => r.status === 'lost');
  return {
    order: episode.order,
    steps: rows.length - 1,
    moves: last.moves,
    pushes: last.pushes,
    noops: episode.noops,
    cycleSteps: rows.filter((r) => r.cycle).length,
    wastedPushes: rows.filter((r) => r.wasted).length,
    firstLostStep: lost ? lost.step : null,
    optimalPushes: rows[0]!.pushesLeft,
    agentPushes: last.pushes,
    solved: last.status === 'alive' && last.pushesLeft === 0,
  };
}
