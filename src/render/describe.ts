/** A text description of the board for screen readers (the canvas's aria-label). */
import { type Level, type Position, isGoal } from '../sokoban';

export function describeBoard(level: Level, position: Position, solved: boolean): string {
  const onGoal = position.boxes.filter((b) => isGoal(level, b)).length;
  const total = position.boxes.length;
  const row = Math.floor(position.player / level.width) + 1;
  const col = (position.player % level.width) + 1;
  const title = level.title ? `“${level.title}”, ` : '';
  const boxes = `${total} box${total === 1 ? '' : 'es'}, ${onGoal} on goal${onGoal === 1 ? '' : 's'}`;
  return `Sokoban board ${title}${level.width} by ${level.height}: ${boxes}; player at row ${row}, column ${col}${solved ? '; solved' : ''}.`;
}
