/**
 * Opening a generated level in the game, from the Generate button or from a seed link. Like a
 * shared level, it is added to the collection (or opened where it is, when the same board is
 * there already), so the other levels and their moves stay a pick away.
 */
import type { GeneratedLevel } from '../../generator';
import { decodeSeedLink } from '../../generator/seed-link';
import type { GameActions } from '../../store/game';
import { GeneratorClient } from '../../worker/generator-client';
import type { OpenResult } from '../SharePanel';

type Game = Pick<GameActions, 'openLevel' | 'showNotice'>;

export function openGenerated(game: Game, made: GeneratedLevel, fromLink = false): OpenResult {
  const opened = game.openLevel(made.level);
  if (!opened.ok) return opened;
  const where = opened.added
    ? `added to your collection as level ${opened.index + 1}`
    : `already in your collection as level ${opened.index + 1}`;
  game.showNotice(
    `${fromLink ? 'Opened a generated level from a seed link' : 'Generated'} (seed ${made.params.seed}): proven solvable in ${made.pushes} pushes (optimal); ${where}.`,
  );
  return { ok: true };
}

/** The part of GeneratorClient a seed link needs (tests pass a fake). */
export type SeedGenerator = Pick<GeneratorClient, 'generate' | 'dispose'>;

/** Makes a seed link's level again, in the generator's worker, and opens it. */
export async function openSeedLink(
  fragment: string,
  game: Game,
  createClient: () => SeedGenerator = () => new GeneratorClient(),
): Promise<OpenResult> {
  const decoded = decodeSeedLink(fragment);
  if (!decoded.ok) return decoded;
  const { seed, boxes, width, height } = decoded.params;
  game.showNotice(
    `Generating the linked level (seed ${seed}, ${boxes} boxes, ${width}×${height}) and proving it solvable…`,
  );
  const client = createClient();
  try {
    const outcome = await client.generate(decoded.params, 1);
    if (outcome.status === 'failed') return { ok: false, message: outcome.message };
    if (outcome.status === 'cancelled' || outcome.levels.length === 0)
      return { ok: false, message: 'Generating the linked level was stopped.' };
    return openGenerated(game, outcome.levels[0]!, true);
  } finally {
    client.dispose();
  }
}
