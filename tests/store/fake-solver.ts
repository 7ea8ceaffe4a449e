/**
 * A stand-in for the worker client that a test drives by hand: requests wait until the test
 * answers them. Default answers come from the real engine (run in the test's own thread), so the
 * stores are tested against true solutions and true deadlock verdicts.
 */
import type { Level, Position } from '../../src/sokoban';
import { checkDeadlock, solve } from '../../src/solver';
import type { DeadlockReport, SolveProgress, SolveResult } from '../../src/solver/api';
import { nextPush } from '../../src/store/push-cursors';
import type { SolverService, SolverStore } from '../../src/store/solver';
import type { WorkerSolveOptions } from '../../src/worker/protocol';

export interface PendingSolve {
  readonly level: Level;
  readonly options: WorkerSolveOptions;
  readonly onProgress?: ((p: SolveProgress) => void) | undefined;
  readonly resolve: (r: SolveResult) => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
}

export interface PendingCheck {
  readonly level: Level;
  readonly position: Position;
  readonly resolve: (r: DeadlockReport) => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
}

export class FakeSolver implements SolverService {
  readonly solves: PendingSolve[] = [];
  readonly checks: PendingCheck[] = [];
  cancels = 0;

  solve(
    level: Level,
    options: WorkerSolveOptions,
    onProgress?: (p: SolveProgress) => void,
  ): Promise<SolveResult> {
    // Like the real client: a new solve cancels the one in flight.
    this.settleOpen({ status: 'cancelled', nodes: 0, ms: 0 });
    return new Promise<SolveResult>((resolve, reject) => {
      this.solves.push({ level, options, onProgress, resolve, reject, settled: false });
    });
  }

  cancel(): void {
    this.cancels++;
    this.settleOpen({ status: 'cancelled', nodes: 0, ms: 0 });
  }

  checkDeadlock(level: Level, position: Position): Promise<DeadlockReport> {
    return new Promise<DeadlockReport>((resolve, reject) => {
      this.checks.push({ level, position, resolve, reject, settled: false });
    });
  }

  get last(): PendingSolve {
    const s = this.solves[this.solves.length - 1];
    if (!s) throw new Error('no solve was requested');
    return s;
  }

  /** Answers the latest solve, by default with the real engine's result. */
  answer(result?: SolveResult): SolveResult {
    const s = this.last;
    const r = result ?? solve(s.level, { mode: s.options.mode, timeLimitMs: 10_000 });
    s.settled = true;
    s.resolve(r);
    return r;
  }

  progress(p: Partial<SolveProgress> = {}): void {
    this.last.onProgress?.({
      nodes: 1000,
      nodesPerSecond: 50_000,
      bound: 7,
      depth: 3,
      elapsedMs: 20,
      tableFill: 0.01,
      ...p,
    });
  }

  crash(message = 'The solver worker crashed: boom.'): void {
    const s = this.last;
    s.settled = true;
    s.reject(new Error(message));
  }

  /** Answers every open deadlock check with the real engine's verdict. */
  answerChecks(): DeadlockReport[] {
    const out: DeadlockReport[] = [];
    for (const c of this.checks) {
      if (c.settled) continue;
      c.settled = true;
      const r = checkDeadlock(c.level, c.position);
      out.push(r);
      c.resolve(r);
    }
    return out;
  }

  private settleOpen(result: SolveResult): void {
    for (const s of this.solves) {
      if (!s.settled) {
        s.settled = true;
        s.resolve(result);
      }
    }
  }
}

/** Lets promises and zero-delay timers run. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Asks for a hint, answers it with the engine, and returns the hint's part: the walk and the push. */
export async function answeredHint(solver: SolverStore, fake: FakeSolver): Promise<string> {
  void solver.getState().hint();
  await flush();
  const r = fake.answer();
  await flush();
  if (r.status !== 'solved') throw new Error('expected a solution');
  return nextPush(r.solution);
}
