/**
 * One level's outcome as the command line reports it. The lines themselves (fields, checks, JSON)
 * are built in src/solver/report.ts, shared with the page's Solve all; this adds the text form
 * for a person at a terminal.
 */
import type { SolveLine } from '../solver/report';
import { countText } from '../sokoban/count-text';

export {
  type LineStatus,
  type SolveLine,
  type Verification,
  errorLine,
  invalidLine,
  jsonLine,
  resultLine,
  verifySolution,
} from '../solver/report';

/** A readable line (and the solution on the next one) for a person at a terminal. */
export function textLines(line: SolveLine): string[] {
  const title = line.title === '' ? '(untitled)' : line.title;
  const head = `${String(line.index).padStart(4)}  ${title.slice(0, 28).padEnd(28)}  ${line.status.padEnd(10)}`;
  if (line.status === 'solved') {
    const length = `${line.moves}/${line.pushes}`;
    return [
      `${head}  ${length.padStart(10)}  ${formatMs(line.ms).padStart(9)}  ${nodes(line.nodes)}`,
      `      ${line.solution === '' ? '(already solved: no moves needed)' : line.solution}`,
    ];
  }
  const stats = line.status === 'invalid' ? '' : `  ${formatMs(line.ms)}, ${nodes(line.nodes)}`;
  return [`${head}${stats}  ${line.message ?? ''}`.trimEnd()];
}

export function formatMs(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function nodes(n: number): string {
  return `${countText(n)} node${n === 1 ? '' : 's'}`;
}
