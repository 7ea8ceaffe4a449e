/**
 * Messages between the main thread and the generator's worker. Plain data only. A job asks for
 * `count` levels from `params.seed` on (level k uses seedAt(seed, k), as the CLI does), and the
 * worker answers one message per level as soon as it is made, so the page can show progress.
 */
import type { GeneratedLevel, GeneratorParams } from '../generator';

export interface GenerateRequest {
  readonly type: 'generate';
  readonly id: number;
  readonly params: GeneratorParams;
  readonly count: number;
}

export type GeneratorReply =
  | {
      readonly type: 'level';
      readonly id: number;
      /** 0-based place in the job. */
      readonly index: number;
      readonly level: GeneratedLevel;
    }
  /** A seed gave no level for these parameters, or the request was bad: the job is over. */
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | { readonly type: 'done'; readonly id: number };

/** A job asks for at most this many levels (the page asks for 1 or 100). */
export const MAX_JOB_COUNT = 1000;
