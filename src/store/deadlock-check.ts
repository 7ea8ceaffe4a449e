/**
 * The deadlock check behind the solver store's warning: after a push, the position on the board
 * is sent to the worker once the pushes pause (debounced), and the answer becomes the warning if
 * the board is still there. A warning is only ever shown for a proof from the engine; a failed
 * check proves nothing.
 */
import type { DeadlockReport } from '../solver/api';
import { type GameStore, selectLevel, selectPosition } from './game';
import { positionKey } from './solution-cache';
import type { SolverService } from './solver-run';
import { type DeadlockWarning, warningFrom } from './solver-state';

export interface DeadlockCheckContext {
  readonly game: GameStore;
  /** The worker client; null when there is none (then nothing is checked). */
  readonly service: () => SolverService | null;
  readonly delayMs: number;
  readonly warning: () => DeadlockWarning | null;
  readonly setWarning: (warning: DeadlockWarning | null) => void;
}

export interface DeadlockCheck {
  /** Checks the position on the board after `delayMs`, unless asked again before. */
  readonly schedule: () => void;
  readonly dispose: () => void;
}

export function createDeadlockCheck(ctx: DeadlockCheckContext): DeadlockCheck {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = async () => {
    timer = null;
    const asked = ctx.game.getState();
    const level = selectLevel(asked);
    const position = selectPosition(asked);
    if (!level || !position) return;
    let report: DeadlockReport;
    try {
      const service = ctx.service();
      if (!service) return;
      report = await service.checkDeadlock(level, position);
    } catch {
      return; // a failed check proves nothing: no warning
    }
    // Ignore an answer for a position the board has left.
    const now = ctx.game.getState();
    const here = selectPosition(now);
    if (selectLevel(now) !== level || !here || positionKey(here) !== positionKey(position)) return;
    const warning = warningFrom(report, now);
    if (warning || ctx.warning()) ctx.setWarning(warning);
  };

  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void run(), ctx.delayMs);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
