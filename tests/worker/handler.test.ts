// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Engine, handleRequest } from '../../src/worker/handler';
import type { SolverReply } from '../../src/worker/protocol';
import { isSolved, parseLevel, replay, startPosition, type Level } from '../../src/sokoban';
import { checkDeadlock, solve } from '../../src/solver/index';

function level(text: string): Level {
  const parsed = parseLevel(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.level;
}

const twoBoxes = level(['#######', '#@$  .#', '# $  .#', '#     #', '#######'].join('\n'));

function run(request: unknown, engine?: Engine): SolverReply[] {
  const replies: SolverReply[] = [];
  handleRequest(request, (r) => replies.push(structuredClone(r)), engine);
  return replies;
}

describe('the worker message handler (real engine)', () => {
  it('answers solve with a result whose solution replays, under the request id', () => {
    const replies = run({
      type: 'solve',
      id: 7,
      level: twoBoxes,
      options: { mode: 'optimal', timeLimitMs: 10_000 },
    });
    const last = replies.at(-1)!;
    expect(last.type).toBe('result');
    expect(replies.every((r) => r.id === 7)).toBe(true);
    expect(replies.slice(0, -1).every((r) => r.type === 'progress')).toBe(true);
    if (last.type !== 'result' || last.result.status !== 'solved')
      throw new Error(`not solved: ${JSON.stringify(last)}`);
    const replayed = replay(twoBoxes, startPosition(twoBoxes), last.result.solution);
    expect(replayed.error).toBeUndefined();
    expect(isSolved(twoBoxes, replayed.position)).toBe(true);
  });

  it('streams progress while a search runs', () => {
    // An engine that reports twice, to check the wiring without depending on search length.
    const engine: Engine = {
      solve: (l, options) => {
        options?.onProgress?.({
          nodes: 1,
          nodesPerSecond: 1,
          bound: 0,
          depth: 0,
          elapsedMs: 100,
          tableFill: 0,
        });
        options?.onProgress?.({
          nodes: 2,
          nodesPerSecond: 1,
          bound: 0,
          depth: 0,
          elapsedMs: 200,
          tableFill: 0,
        });
        return solve(l, options);
      },
      checkDeadlock,
    };
    const replies = run({ type: 'solve', id: 1, level: twoBoxes, options: {} }, engine);
    expect(replies.map((r) => r.type)).toEqual(['progress', 'progress', 'result']);
  });

  it('passes mode, time and memory limits to the engine', () => {
    let seen: unknown;
    const engine: Engine = { solve: (l, o) => ((seen = o), solve(l, o)), checkDeadlock };
    run(
      {
        type: 'solve',
        id: 1,
        level: twoBoxes,
        options: { mode: 'optimal', timeLimitMs: 1234, memoryLimitMb: 32 },
      },
      engine,
    );
    expect(seen).toMatchObject({ mode: 'optimal', timeLimitMs: 1234, memoryLimitMb: 32 });
  });

  it('answers checkDeadlock with the engine report', () => {
    // A box pushed into a corner off the goals.
    const cornered = level(['######', '#$  .#', '#  @ #', '######'].join('\n'));
    const replies = run({
      type: 'checkDeadlock',
      id: 3,
      level: cornered,
      position: startPosition(cornered),
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: 'deadlock', id: 3, report: { deadlocked: true } });
    const fine = run({
      type: 'checkDeadlock',
      id: 4,
      level: twoBoxes,
      position: startPosition(twoBoxes),
    });
    expect(fine[0]).toMatchObject({ type: 'deadlock', id: 4, report: { deadlocked: false } });
  });

  it('turns an engine exception into an error reply, flagging allocation failures as out of memory', () => {
    const throwing = (error: Error): Engine => ({
      solve: () => {
        throw error;
      },
      checkDeadlock,
    });
    expect(
      run({ type: 'solve', id: 5, level: twoBoxes, options: {} }, throwing(new Error('bug'))),
    ).toEqual([{ type: 'error', id: 5, message: 'Error: bug', outOfMemory: false }]);
    expect(
      run(
        { type: 'solve', id: 6, level: twoBoxes, options: {} },
        throwing(new RangeError('Array buffer allocation failed')),
      )[0],
    ).toMatchObject({
      type: 'error',
      id: 6,
      outOfMemory: true,
    });
  });

  it('answers an unknown request with an error instead of throwing', () => {
    expect(run({ type: 'dance', id: 9 })[0]).toMatchObject({ type: 'error', id: 9 });
    expect(run(null)[0]).toMatchObject({ type: 'error', id: -1 });
  });
});

describe('the worker handler: episode analysis', () => {
  it('answers analyze with one verdict per position and progress per searched position', () => {
    const start = startPosition(twoBoxes);
    const pushed = replay(twoBoxes, start, 'R').position;
    const replies = run({
      type: 'analyze',
      id: 3,
      level: twoBoxes,
      positions: [start, start, pushed],
      options: { timeLimitMs: 10_000 },
    });
    expect(replies.map((r) => r.type)).toEqual([
      'analysisProgress',
      'analysisProgress',
      'analysis',
    ]);
    const last = replies.at(-1)!;
    if (last.type !== 'analysis') throw new Error('no analysis');
    expect(last.id).toBe(3);
    expect(last.verdicts).toHaveLength(3);
    const optimal = solve(twoBoxes, { mode: 'optimal' });
    if (optimal.status !== 'solved') throw new Error('fixture must be solvable');
    expect(last.verdicts[0]).toEqual({ pushesLeft: optimal.pushes, status: 'alive', cause: null });
    expect(last.verdicts[1]).toEqual(last.verdicts[0]);
  });
});
