/**
 * The episode JSON file: a level, an agent's actions and their order, and optional per-step
 * values and overlay arrows. Schema (README, "Episode files"):
 *
 *   { "level":    XSB text, or a Boxoban id such as "medium/valid/000:53",
 *     "actions":  [3, 3, 0, ...] or "3 3 0 ..." or a LURD string,
 *     "order":    "udlr" | "urdl" | "gym9" | "thinker5" | "auto" (default "auto"),
 *     "values":   [number | null, ...]            optional, index 0 is the start position,
 *     "overlays": [[[row, column, "up"], ...], ...] optional, per step, 0-based row and column }
 */
import { type ActionOrder, ACTION_ORDERS } from './actions';
import type { Direction } from './direction';
import { errorMessage } from './error-message';
import type { EpisodeOrder } from './episode';
import type { Level } from './level';
import { type LevelEntry, parseLevel } from './parse';

export interface OverlayArrow {
  readonly row: number;
  readonly col: number;
  readonly dir: Direction;
}

export type LevelRef =
  | { readonly kind: 'text'; readonly text: string }
  /** A Boxoban id: `file` (may be '') and the level's number, its `; N` title. */
  | { readonly kind: 'id'; readonly id: string; readonly file: string; readonly title: string };

export interface EpisodeFile {
  readonly level: LevelRef | null;
  /** The actions as text for parseActions (an array is written out with spaces). */
  readonly actions: string;
  readonly order: EpisodeOrder | null;
  readonly values: readonly (number | null)[] | null;
  readonly overlays: readonly (readonly OverlayArrow[])[] | null;
}

export type EpisodeFileParse =
  | { readonly ok: true; readonly file: EpisodeFile }
  | { readonly ok: false; readonly message: string };

/** True when the text looks like an episode file (a JSON object) rather than bare actions. */
export function looksLikeEpisodeFile(text: string): boolean {
  return text.trimStart().startsWith('{');
}

const DIRS: Record<string, Direction> = {
  u: 'u',
  up: 'u',
  d: 'd',
  down: 'd',
  l: 'l',
  left: 'l',
  r: 'r',
  right: 'r',
};

const BOXOBAN_ID = /^(?:(.*):)?(\d+)$/;

/** A level field: XSB text, or a Boxoban id (`medium/valid/000:53`, `000:53` or `53`). */
export function levelRef(text: string): LevelRef {
  const id = text.trim();
  const m = id.includes('\n') || id.includes('#') ? null : BOXOBAN_ID.exec(id);
  if (!m) return { kind: 'text', text };
  return { kind: 'id', id, file: m[1] ?? '', title: String(Number(m[2])) };
}

const fail = (message: string): { ok: false; message: string } => ({
  ok: false,
  message: `Episode file: ${message}`,
});

function readArrow(raw: unknown, where: string): OverlayArrow | string {
  const a = Array.isArray(raw)
    ? { row: raw[0] as unknown, col: raw[1] as unknown, dir: raw[2] as unknown }
    : raw && typeof raw === 'object'
      ? {
          row: (raw as Record<string, unknown>).row,
          col: (raw as Record<string, unknown>).column ?? (raw as Record<string, unknown>).col,
          dir: (raw as Record<string, unknown>).direction ?? (raw as Record<string, unknown>).dir,
        }
      : null;
  if (!a) return `${where} is not [row, column, direction]`;
  const dir = typeof a.dir === 'string' ? DIRS[a.dir.toLowerCase()] : undefined;
  if (
    !Number.isInteger(a.row) ||
    !Number.isInteger(a.col) ||
    (a.row as number) < 0 ||
    (a.col as number) < 0
  )
    return `${where} needs a row and a column that are whole numbers from 0`;
  if (!dir) return `${where} needs a direction: up, down, left or right`;
  return { row: a.row as number, col: a.col as number, dir };
}

function readOverlays(raw: unknown): OverlayArrow[][] | string {
  if (!Array.isArray(raw)) return '"overlays" must be a list with one list of arrows per step';
  const out: OverlayArrow[][] = [];
  for (let s = 0; s < raw.length; s++) {
    const arrows: unknown = raw[s] ?? [];
    if (!Array.isArray(arrows)) return `overlays for step ${s} must be a list of arrows`;
    const list: OverlayArrow[] = [];
    for (let i = 0; i < arrows.length; i++) {
      const arrow = readArrow(arrows[i], `arrow ${i + 1} of step ${s}`);
      if (typeof arrow === 'string') return arrow;
      list.push(arrow);
    }
    out.push(list);
  }
  return out;
}

function readValues(raw: unknown): (number | null)[] | string {
  if (!Array.isArray(raw)) return '"values" must be a list of numbers, one per step';
  const bad = raw.findIndex((v) => v !== null && (typeof v !== 'number' || !Number.isFinite(v)));
  if (bad >= 0) return `value ${bad} is not a number`;
  return raw as (number | null)[];
}

function readActions(raw: unknown): string | { error: string } {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'number' || typeof v === 'string'))
    return raw.join(' ');
  return { error: '"actions" must be a list of integers or a string' };
}

/** Reads an episode file. Never throws; a problem is a message naming the field. */
export function parseEpisodeFile(text: string): EpisodeFileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${errorMessage(error)}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return fail('expected a JSON object with "level" and "actions".');
  const o = data as Record<string, unknown>;
  if (o.level !== undefined && typeof o.level !== 'string')
    return fail('"level" must be XSB text or a Boxoban id such as "medium/valid/000:53".');
  const actions = readActions(o.actions);
  if (typeof actions !== 'string') return fail(`${actions.error}.`);
  const order = o.order ?? null;
  if (order !== null && order !== 'auto' && !ACTION_ORDERS.includes(order as ActionOrder))
    return fail(`"order" must be one of ${ACTION_ORDERS.join(', ')} or auto.`);
  const values = o.values === undefined || o.values === null ? null : readValues(o.values);
  if (typeof values === 'string') return fail(`${values}.`);
  const overlays =
    o.overlays === undefined || o.overlays === null ? null : readOverlays(o.overlays);
  if (typeof overlays === 'string') return fail(`${overlays}.`);
  return {
    ok: true,
    file: {
      level: typeof o.level === 'string' ? levelRef(o.level) : null,
      actions,
      order: order as EpisodeOrder | null,
      values,
      overlays,
    },
  };
}

/**
 * The level a reference names: XSB text is parsed; a Boxoban id is looked up by its `; N`
 * title in the loaded collection.
 */
export function resolveLevelRef(
  ref: LevelRef,
  entries: readonly LevelEntry[],
): { ok: true; level: Level; index?: number } | { ok: false; message: string } {
  if (ref.kind === 'text') {
    const parsed = parseLevel(ref.text);
    return parsed.ok
      ? parsed
      : { ok: false, message: `Episode file: the level is not playable: ${parsed.error.message}` };
  }
  const i = entries.findIndex((e) => e.title.trim() === ref.title);
  const entry = entries[i];
  if (!entry) {
    const file = ref.file ? ` (load ${ref.file}.txt first)` : '';
    return {
      ok: false,
      message: `Episode file: level ${ref.id}: no level titled "${ref.title}" in the loaded collection${file}.`,
    };
  }
  if (!entry.ok)
    return {
      ok: false,
      message: `Episode file: level ${ref.id} is not playable: ${entry.error.message}`,
    };
  return { ok: true, level: entry.level, index: i };
}
