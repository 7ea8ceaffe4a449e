/**
 * Agents' actions: the integer conventions of the environments researchers train in, and those
 * environments' step semantics, exactly.
 *
 * An environment step always counts, even when nothing moves: an action into a wall or into a
 * box that cannot move is a *no-op step*. gym9 (the original gym-sokoban) has separate push and
 * move actions: a push with no box ahead moves the player, a move into a box does nothing.
 */
import { type Direction, neighbour } from './direction';
import { type Level, type Position, isWall } from './level';
import { parseLurd, MAX_MOVES } from './lurd';
import { step } from './rules';
import { countText } from './count-text';

export type ActionOrder = 'udlr' | 'urdl' | 'gym9' | 'thinker5';

/** In the order Auto prefers them on a tie. */
export const ACTION_ORDERS: readonly ActionOrder[] = ['udlr', 'urdl', 'gym9', 'thinker5'];

/** Where each order comes from, for the selector and the CLI's usage. */
export const ACTION_ORDER_LABELS: Readonly<Record<ActionOrder, string>> = {
  udlr: 'udlr: 0 up, 1 down, 2 left, 3 right (envpool)',
  urdl: 'urdl: 0 up, 1 right, 2 down, 3 left (jumanji, Boxoban A*)',
  gym9: 'gym9: 0 no-op, 1–4 push, 5–8 move (gym-sokoban)',
  thinker5: 'thinker5: 0 no-op, 1 up, 2 down, 3 left, 4 right (Thinker)',
};

/**
 * What one integer means. `step` walks or pushes as the arrow keys do; `push` and `move` are
 * gym9's two kinds of action.
 */
export type AgentAction =
  { readonly type: 'noop' } | { readonly type: 'step' | 'push' | 'move'; readonly dir: Direction };

const NOOP: AgentAction = { type: 'noop' };
const steps = (dirs: string): AgentAction[] =>
  [...dirs].map((d) => ({ type: 'step', dir: d as Direction }));
const of = (type: 'push' | 'move', dirs: string): AgentAction[] =>
  [...dirs].map((d) => ({ type, dir: d as Direction }));

const TABLES: Readonly<Record<ActionOrder, readonly AgentAction[]>> = {
  udlr: steps('udlr'),
  urdl: steps('urdl'),
  gym9: [NOOP, ...of('push', 'udlr'), ...of('move', 'udlr')],
  thinker5: [NOOP, ...steps('udlr')],
};

/** How many actions an order has (its integers are 0 to size − 1). */
export function orderSize(order: ActionOrder): number {
  return TABLES[order].length;
}

/** The action `value` stands for in `order`, or null when it is out of the order's range. */
export function decodeAction(order: ActionOrder, value: number): AgentAction | null {
  return TABLES[order][value] ?? null;
}

export type StepKind = 'move' | 'push' | 'noop';

export interface EnvStepResult {
  readonly kind: StepKind;
  readonly position: Position;
}

/** One environment step. A no-op keeps the very same position object. */
export function envStep(level: Level, position: Position, action: AgentAction): EnvStepResult {
  if (action.type === 'noop') return { kind: 'noop', position };
  if (action.type === 'move') {
    // gym9's move never pushes: a box ahead blocks it like a wall.
    const next = neighbour(level.width, level.height, position.player, action.dir);
    if (next < 0 || isWall(level, next) || position.boxes.includes(next))
      return { kind: 'noop', position };
    return { kind: 'move', position: { player: next, boxes: position.boxes } };
  }
  // `step` and gym9's `push` alike: push the box ahead if it can move, else walk if the
  // square is free (a push with no box ahead moves), else nothing happens.
  const result = step(level, position, action.dir);
  if (!result) return { kind: 'noop', position };
  return { kind: result.pushed ? 'push' : 'move', position: result.position };
}

export type ActionsParse =
  | { readonly ok: true; readonly kind: 'integers'; readonly values: readonly number[] }
  | { readonly ok: true; readonly kind: 'lurd'; readonly moves: string }
  | {
      readonly ok: false;
      readonly message: string;
      readonly line?: number;
      readonly column?: number;
    };

/** Line and column (1-based) of `offset` in `text`. */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Reads an agent's actions: integers as a JSON array (or Python's / NumPy's printed list), or
 * separated by commas, spaces or new lines; or a LURD string. Text with any of the letters
 * l u r d is LURD; anything else must be whole numbers from 0.
 */
export function parseActions(text: string): ActionsParse {
  if (/[lurd]/i.test(text)) {
    const lurd = parseLurd(text);
    return lurd.ok ? { ok: true, kind: 'lurd', moves: lurd.moves } : lurd;
  }
  // One pair of outer brackets is allowed: JSON arrays, Python and NumPy print lists so.
  const open = text.search(/\S/);
  let body = text;
  if (open >= 0 && text[open] === '[') {
    const close = text.lastIndexOf(']');
    if (close < open || text.slice(close + 1).trim() !== '')
      return { ok: false, message: 'Bad actions: "[" is never closed.', ...placeOf(text, open) };
    body = ' '.repeat(open + 1) + text.slice(open + 1, close);
  }
  const values: number[] = [];
  const token = /[^\s,]+/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (!/^\d+$/.test(m[0])) {
      return {
        ok: false,
        message: `Bad actions: "${m[0].slice(0, 20)}" is not an action (a whole number from 0, or LURD letters).`,
        ...placeOf(text, m.index),
      };
    }
    if (values.length >= MAX_MOVES)
      return { ok: false, message: `Bad actions: more than ${countText(MAX_MOVES)}.` };
    values.push(Number(m[0]));
  }
  if (values.length === 0) return { ok: false, message: 'No actions given.' };
  return { ok: true, kind: 'integers', values };
}
