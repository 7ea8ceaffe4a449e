/**
 * Solutions kept per level: the user's own and the solver's, each as LURD from the level's start
 * with its `moves/pushes`, who found it and when. In localStorage under one key, by collection
 * (progress.ts's collectionKey: the same file opened again finds them) and the level's 1-based
 * position, like the progress records.
 *
 * Not to be confused with solution-cache.ts: that is the solver's session cache of answers per
 * position (so asking twice is instant); this is what the player keeps, across visits.
 *
 * Identical solutions are one entry whose `by` lists every finder (the user may play exactly what
 * the solver found, or the other way round). At most MAX_SOLUTIONS_PER_LEVEL are kept: each
 * finder's fewest-moves and fewest-pushes solutions always stay, the rest are the newest.
 *
 * Stored data is hostile input: validated on read (a solution whose text does not match its
 * counts, an unknown finder, a bad date: dropped), bounded (solution length, per level,
 * collections least recently used first), and a write the browser refuses is said in the
 * notice line, the solutions staying in memory until the page is closed.
 */
import { create } from 'zustand';
import { type Level, countPushes, isSolved, replay, startPosition } from '../sokoban';
import { browserStorage, readStoredJson, withRecord, writeStored } from './local-storage';
import { FINDERS, type Finder } from './progress';

export const SOLUTIONS_KEY = 'sokoban-playground:solutions';
export const MAX_SOLUTIONS_PER_LEVEL = 10;
/** Longer solutions are not kept (a few of them would fill the browser's storage). */
export const MAX_SOLUTION_LENGTH = 50_000;
export const MAX_SOLUTION_COLLECTIONS = 50;
const MAX_LEVELS = 100_000;

export interface KeptSolution {
  /** LURD from the level's start, pushes upper case. */
  readonly lurd: string;
  readonly moves: number;
  readonly pushes: number;
  /** Who found it (both, when the same moves were found twice). */
  readonly by: readonly Finder[];
  /** When it was first found (ms since 1970). */
  readonly found: number;
}
interface CollectionSolutions {
  readonly used: number;
  /** By the level's 1-based position, as a string; oldest first. */
  readonly levels: Readonly<Record<string, readonly KeptSolution[]>>;
}
export type SolutionData = Readonly<Record<string, CollectionSolutions>>;

const LURD = /^[lurdLURD]+$/;

/** `lurd` with its case fixed if it solves `level` from the start, else null. */
export function solutionFromStart(level: Level, lurd: string): string | null {
  const r = replay(level, startPosition(level), lurd);
  return !r.error && isSolved(level, r.position) ? r.moves : null;
}

/** The solution as stored, or null when anything about it is off. */
function readSolution(raw: unknown): KeptSolution | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<Record<keyof KeptSolution, unknown>>;
  if (typeof s.lurd !== 'string' || s.lurd.length > MAX_SOLUTION_LENGTH || !LURD.test(s.lurd))
    return null;
  if (s.moves !== s.lurd.length || s.pushes !== countPushes(s.lurd)) return null;
  if (!Array.isArray(s.by)) return null;
  const by = FINDERS.filter((f) => (s.by as unknown[]).includes(f));
  if (by.length === 0 || typeof s.found !== 'number' || !Number.isFinite(s.found)) return null;
  return { lurd: s.lurd, moves: s.moves, pushes: s.pushes, by, found: s.found };
}

/** Reads what is stored, keeping only well-formed solutions. Never throws. */
export function readSolutions(storage: Storage | null): SolutionData {
  const raw = readStoredJson(SOLUTIONS_KEY, storage);
  const out: Record<string, CollectionSolutions> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  const collections = Object.entries(raw as Record<string, unknown>);
  for (const [key, value] of collections.slice(0, MAX_SOLUTION_COLLECTIONS)) {
    const c = value as { used?: unknown; levels?: unknown };
    if (typeof c !== 'object' || c === null || typeof c.levels !== 'object' || !c.levels) continue;
    const levels: Record<string, KeptSolution[]> = {};
    for (const [n, list] of Object.entries(c.levels as Record<string, unknown>).slice(
      0,
      MAX_LEVELS,
    )) {
      if (!/^[1-9]\d{0,5}$/.test(n) || !Array.isArray(list)) continue;
      const kept = list
        .slice(0, MAX_SOLUTIONS_PER_LEVEL)
        .map(readSolution)
        .filter((s): s is KeptSolution => s !== null)
        .filter((s, i, all) => all.findIndex((t) => t.lurd === s.lurd) === i);
      if (kept.length > 0) levels[n] = kept;
    }
    out[key] = { used: typeof c.used === 'number' ? c.used : 0, levels };
  }
  return out;
}

const fewer = (a: KeptSolution, b: KeptSolution, first: 'moves' | 'pushes') => {
  const second = first === 'moves' ? 'pushes' : 'moves';
  return a[first] - b[first] || a[second] - b[second];
};

/** The solutions no pruning may drop: each finder's fewest moves and fewest pushes. */
function bestsOf(list: readonly KeptSolution[]): Set<KeptSolution> {
  const keep = new Set<KeptSolution>();
  for (const finder of FINDERS) {
    const mine = list.filter((s) => s.by.includes(finder));
    for (const first of ['moves', 'pushes'] as const) {
      const best = mine.reduce<KeptSolution | null>(
        (b, s) => (b === null || fewer(s, b, first) < 0 ? s : b),
        null,
      );
      if (best) keep.add(best);
    }
  }
  return keep;
}

/**
 * `list` with `lurd` (pushes upper case, from the level's start) added as found by `finder`:
 * merged into an identical entry, else appended; then pruned to `max`, the bests staying.
 * Returns `list` itself when nothing changes.
 */
export function keepSolution(
  list: readonly KeptSolution[],
  lurd: string,
  finder: Finder,
  found: number,
  max = MAX_SOLUTIONS_PER_LEVEL,
): readonly KeptSolution[] {
  const same = list.find((s) => s.lurd === lurd);
  if (same) {
    if (same.by.includes(finder)) return list;
    const by = FINDERS.filter((f) => f === finder || same.by.includes(f));
    return list.map((s) => (s === same ? { ...s, by } : s));
  }
  const added: KeptSolution = {
    lurd,
    moves: lurd.length,
    pushes: countPushes(lurd),
    by: [finder],
    found,
  };
  let next = [...list, added];
  if (next.length <= max) return next;
  const bests = bestsOf(next);
  // Drop the oldest of those that are no one's best until it fits.
  while (next.length > max) {
    const drop = next.find((s) => !bests.has(s));
    if (!drop) break;
    next = next.filter((s) => s !== drop);
  }
  return next;
}

/** A checked solution from the start of the level at 1-based `position`. */
export interface FoundSolution {
  readonly position: number;
  readonly lurd: string;
}

interface SolutionsState {
  readonly data: SolutionData;
  /**
   * Keeps `lurd` (a solution from the start of level `position` of collection `key`, checked by
   * the caller) as found by `finder`. False when it is too long to keep.
   */
  record(key: string, position: number, lurd: string, finder: Finder): boolean;
  /**
   * Keeps many solutions of collection `key` at once (Solve all), saved in one write; those too
   * long to keep are skipped.
   */
  recordAll(key: string, found: readonly FoundSolution[], finder: Finder): void;
}

const keepable = (lurd: string) => lurd.length > 0 && lurd.length <= MAX_SOLUTION_LENGTH;

export const useSolutionsStore = create<SolutionsState>()((set, get) => ({
  data: readSolutions(browserStorage()),
  record(key, position, lurd, finder) {
    if (!keepable(lurd)) return false;
    get().recordAll(key, [{ position, lurd }], finder);
    return true;
  },
  recordAll(key, found, finder) {
    const data = get().data;
    const now = Date.now();
    const levels: Record<string, readonly KeptSolution[]> = { ...data[key]?.levels };
    let changed = false;
    for (const { position, lurd } of found) {
      if (!keepable(lurd)) continue;
      const old = levels[position] ?? [];
      const list = keepSolution(old, lurd, finder, now);
      if (list === old) continue;
      levels[position] = list;
      changed = true;
    }
    if (!changed) return;
    const updated = withRecord(data, key, { used: now, levels }, MAX_SOLUTION_COLLECTIONS);
    set({ data: updated });
    writeStored(
      SOLUTIONS_KEY,
      JSON.stringify(updated),
      found.length > 1
        ? 'The solutions could not be saved: the browser refused (storage full or blocked). They are kept until you close the page.'
        : 'The solution could not be saved: the browser refused (storage full or blocked). It is kept until you close the page.',
    );
  },
}));

const NONE: readonly KeptSolution[] = [];

/** The solutions kept for level `position` of collection `key`, oldest first. */
export function selectSolutions(
  data: SolutionData,
  key: string,
  position: number,
): readonly KeptSolution[] {
  return data[key]?.levels[position] ?? NONE;
}
