/**
 * The generator worker's request handling as a plain function, testable in Node with the real
 * generator. generator.worker.ts only wires it to `self`. Generation is synchronous, so a job is
 * cancelled by the client terminating the worker.
 */
import { checkParams, generateLevel, seedAt } from '../generator';
import { errorMessage } from '../sokoban/error-message';
import { type GeneratorReply, MAX_JOB_COUNT } from './generator-protocol';

export function handleGenerate(
  data: unknown,
  post: (reply: GeneratorReply) => void,
  generate: typeof generateLevel = generateLevel,
): void {
  const request = data as { type?: unknown; id?: unknown; params?: unknown; count?: unknown };
  const id = typeof request?.id === 'number' ? request.id : -1;
  const count = request?.count;
  if (request?.type !== 'generate' || typeof request.params !== 'object' || !request.params) {
    post({ type: 'failed', id, message: 'The generator got a request it does not know.' });
    return;
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_JOB_COUNT) {
    post({ type: 'failed', id, message: `Ask for 1 to ${MAX_JOB_COUNT} levels.` });
    return;
  }
  const checked = checkParams(request.params);
  if (!checked.ok) {
    post({ type: 'failed', id, message: checked.message });
    return;
  }
  try {
    for (let index = 0; index < count; index++) {
      const made = generate({ ...checked.params, seed: seedAt(checked.params.seed, index) });
      if (!made.ok) {
        post({ type: 'failed', id, message: made.message });
        return;
      }
      const { ok: _ok, ...level } = made;
      post({ type: 'level', id, index, level });
    }
    post({ type: 'done', id });
  } catch (error) {
    post({
      type: 'failed',
      id,
      message: `The generator failed: ${errorMessage(error)}`,
    });
  }
}
