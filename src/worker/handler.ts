/**
 * The worker's request handling as a plain function, so that it can be tested in Node with the
 * real engine and no Worker at all. solver.worker.ts only wires it to `self`.
 */
import { checkDeadlock as engineCheckDeadlock, solve as engineSolve } from '../solver/index';
import { analysePositions } from '../solver/episode';
import { errorNameAndMessage } from '../sokoban/error-message';
import { type SolverReply, type SolverRequest, looksOutOfMemory } from './protocol';

export interface Engine {
  readonly solve: typeof engineSolve;
  readonly checkDeadlock: typeof engineCheckDeadlock;
  readonly analyze?: typeof analysePositions;
}

const realEngine: Engine = {
  solve: engineSolve,
  checkDeadlock: engineCheckDeadlock,
  analyze: analysePositions,
};

/**
 * Answers one request. The search is synchronous, so a cancel message could never be seen
 * while it runs: cancelling is done by the client terminating this worker.
 */
export function handleRequest(
  data: unknown,
  post: (reply: SolverReply) => void,
  engine: Engine = realEngine,
): void {
  const request = data as Partial<SolverRequest> | null;
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    if (request?.type === 'solve' && request.level) {
      const options = request.options ?? {};
      const result = engine.solve(request.level, {
        mode: options.mode,
        timeLimitMs: options.timeLimitMs,
        memoryLimitMb: options.memoryLimitMb,
        onProgress: (progress) => post({ type: 'progress', id, progress }),
      });
      post({ type: 'result', id, result });
    } else if (request?.type === 'checkDeadlock' && request.level && request.position) {
      post({ type: 'deadlock', id, report: engine.checkDeadlock(request.level, request.position) });
    } else if (request?.type === 'analyze' && request.level && Array.isArray(request.positions)) {
      const analyze = engine.analyze ?? analysePositions;
      const verdicts = analyze(request.level, request.positions, {
        timeLimitMs: request.options?.timeLimitMs,
        memoryLimitMb: request.options?.memoryLimitMb,
        onProgress: (done, total) => post({ type: 'analysisProgress', id, done, total }),
      });
      post({ type: 'analysis', id, verdicts });
    } else {
      post({
        type: 'error',
        id,
        message: `unknown request: ${JSON.stringify(data)?.slice(0, 200)}`,
        outOfMemory: false,
      });
    }
  } catch (error) {
    const message = errorNameAndMessage(error);
    post({
      type: 'error',
      id,
      message,
      outOfMemory: error instanceof RangeError && looksOutOfMemory(message),
    });
  }
}
