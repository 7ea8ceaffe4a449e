/**
 * Generated levels as text: a Boxoban-style collection (`; N` header, the board, then a comment
 * with the seed, the parameters and the proven push count) and one JSON object per level.
 *
 * The comment comes after the board so that the parser keeps `N` as the level's title, as in
 * Boxoban files (a comment before a board becomes its title; the next header replaces it).
 */
import { boardRows, printRle } from '../sokoban/print';
import type { GeneratedLevel } from './generate';

export function describeGenerated(g: GeneratedLevel): string {
  const { width, height, boxes, seed, minPushes } = g.params;
  return `seed ${seed}, ${width}x${height}, ${boxes} box${boxes === 1 ? '' : 'es'}, min pushes ${minPushes}: ${g.pushes} pushes (optimal), ${g.moves} moves`;
}

/** One level of the collection, numbered `index` (1-based). */
export function printGenerated(g: GeneratedLevel, index: number): string {
  return [`; ${index}`, ...boardRows(g.level), `; ${describeGenerated(g)}`].join('\n');
}

export function printGeneratedCollection(levels: readonly GeneratedLevel[]): string {
  return levels.map((g, i) => printGenerated(g, i + 1)).join('\n\n') + '\n';
}

/** The JSON line of a level: stable key order, no timings, so equal arguments print equal bytes. */
export function generatedJson(g: GeneratedLevel, index: number): string {
  return JSON.stringify({
    index,
    seed: g.params.seed,
    width: g.params.width,
    height: g.params.height,
    boxes: g.params.boxes,
    minPushes: g.params.minPushes,
    pushes: g.pushes,
    moves: g.moves,
    optimal: true,
    solution: g.solution,
    xsb: boardRows(g.level).join('\n'),
    rle: printRle(g.level),
  });
}
