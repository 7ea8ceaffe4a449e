/**
 * Progress per collection: which levels are solved and the best solutions found, in
 * localStorage under one key. A collection is keyed by its content (the boards of its levels,
 * hashed), so the same file opened again, pasted or loaded from disk, finds its progress; a level
 * is its 1-based place in the collection.
 *
 * Per level two bests are kept for each finder, the user and the solver, apart: fewest moves
 * (then pushes) and fewest pushes (then moves), written `moves/pushes` as everywhere in the page.
 * A level counts as solved (✓, "Next unsolved") when the user has solved it. Records written
 * before the finders were told apart (`{bestMoves, bestPushes}` at the level's top) read as the
 * user's: that is what they were meant to be.
 *
 * Stored data is hostile input like any other: it is validated on read (anything malformed is
 * dropped, not trusted), bounded (MAX_COLLECTIONS, least recently used go first), and a write the
 * browser refuses is reported in the game's notice line, the game itself untouched.
 */
import { create } from 'zustand';
import { type LevelEntry, printBoard } from '../sokoban';
import { textHash } from './game-storage';
import { browserStorage, readStoredJson, withRecord, writeStored } from './local-storage';

export const PROGRESS_KEY = 'sokoban-playground:progress';
export const MAX_COLLECTIONS = 100;
const MAX_LEVELS = 100_000;

export interface Score {
  readonly moves: number;
  readonly pushes: number;
}
export interface Bests {
  readonly bestMoves: Score;
  readonly bestPushes: Score;
}
/** Who found a solution: the user by hand, or the solver (Solve). */
export type Finder = 'user' | 'solver';
export const FINDERS: readonly Finder[] = ['user', 'solver'];
/** A level's bests per finder; a finder that has not solved it is missing. */
export type LevelProgress = Readonly<Partial<Record<Finder, Bests>>>;
interface CollectionProgress {
  /** When it was last written (ms since 1970), for dropping the least recently used. */
  readonly used: number;
  /** By the level's 1-based position, as a string. */
  readonly levels: Readonly<Record<string, LevelProgress>>;
}
type ProgressData = Readonly<Record<string, CollectionProgress>>;

const keyCache = new WeakMap<readonly LevelEntry[], string>();

/** The key of a collection: a hash of its boards (titles and comments do not count). */
export function collectionKey(entries: readonly LevelEntry[]): string {
  const cached = keyCache.get(entries);
  if (cached) return cached;
  const key = textHash(entries.map((e) => (e.ok ? printBoard(e.level) : '?')).join('\n\n'));
  keyCache.set(entries, key);
  return key;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isScore = (s: unknown): s is Score =>
  typeof s === 'object' &&
  s !== null &&
  isCount((s as Score).moves) &&
  isCount((s as Score).pushes);
const isBests = (b: unknown): b is Bests =>
  typeof b === 'object' &&
  b !== null &&
  isScore((b as Bests).bestMoves) &&
  isScore((b as Bests).bestPushes);
const bestsOf = (b: Bests): Bests => ({ bestMoves: b.bestMoves, bestPushes: b.bestPushes });

/** One level's record, old form (the user's bests at its top) or new (per finder); null if neither. */
function readLevel(raw: unknown): LevelProgress | null {
  if (isBests(raw)) return { user: bestsOf(raw) };
  if (typeof raw !== 'object' || raw === null) return null;
  const out: Partial<Record<Finder, Bests>> = {};
  for (const finder of FINDERS) {
    const b = (raw as Record<string, unknown>)[finder];
    if (isBests(b)) out[finder] = bestsOf(b);
  }
  return out.user || out.solver ? out : null;
}

/** Reads what is stored, keeping only well-formed records. Never throws. */
export function readProgress(storage: Storage | null): ProgressData {
  const raw = readStoredJson(PROGRESS_KEY, storage);
  const out: Record<string, CollectionProgress> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>).slice(
    0,
    MAX_COLLECTIONS,
  )) {
    const c = value as { used?: unknown; levels?: unknown };
    if (typeof c !== 'object' || c === null || typeof c.levels !== 'object' || !c.levels) continue;
    const levels: Record<string, LevelProgress> = {};
    for (const [n, p] of Object.entries(c.levels as Record<string, unknown>).slice(0, MAX_LEVELS)) {
      const lp = /^[1-9]\d{0,5}$/.test(n) ? readLevel(p) : null;
      if (lp) levels[n] = lp;
    }
    out[key] = { used: typeof c.used === 'number' ? c.used : 0, levels };
  }
  return out;
}

const better = (a: Score, b: Score, first: keyof Score, second: keyof Score) =>
  a[first] < b[first] || (a[first] === b[first] && a[second] < b[second]);

/** A level's bests with `score` counted in (`old` itself when it is no better). */
function withScore(old: Bests | undefined, score: Score): Bests {
  const next: Bests = {
    bestMoves: !old || better(score, old.bestMoves, 'moves', 'pushes') ? score : old.bestMoves,
    bestPushes: !old || better(score, old.bestPushes, 'pushes', 'moves') ? score : old.bestPushes,
  };
  return old && next.bestMoves === old.bestMoves && next.bestPushes === old.bestPushes ? old : next;
}

/** A score of the level at 1-based `position`. */
export interface PositionScore {
  readonly position: number;
  readonly score: Score;
}

interface ProgressState {
  readonly data: ProgressData;
  /** Records a solution of level `position` (1-based) of collection `key` found by `finder`. */
  record: (key: string, position: number, score: Score, finder?: Finder) => void;
  /** Records many at once (Solve all), saved in one write. */
  recordAll: (key: string, scores: readonly PositionScore[], finder: Finder) => void;
}

export const useProgressStore = create<ProgressState>()((set, get) => ({
  data: readProgress(browserStorage()),
  record(key, position, score, finder = 'user') {
    get().recordAll(key, [{ position, score }], finder);
  },
  recordAll(key, scores, finder) {
    const data = get().data;
    const levels: Record<string, LevelProgress> = { ...data[key]?.levels };
    let changed = false;
    for (const { position, score } of scores) {
      const level = levels[position];
      const next = withScore(level?.[finder], score);
      if (next === level?.[finder]) continue;
      levels[position] = { ...level, [finder]: next };
      changed = true;
    }
    if (!changed) return;
    const updated = withRecord(data, key, { used: Date.now(), levels }, MAX_COLLECTIONS);
    set({ data: updated });
    writeStored(
      PROGRESS_KEY,
      JSON.stringify(updated),
      finder === 'user'
        ? 'Solved, but your progress could not be saved: the browser refused (storage full or blocked). It is kept until you close the page.'
        : "The solver's best could not be saved: the browser refused (storage full or blocked). It is kept until you close the page.",
    );
  },
}));

export function selectProgress(
  data: ProgressData,
  entries: readonly LevelEntry[],
): Readonly<Record<string, LevelProgress>> {
  return data[collectionKey(entries)]?.levels ?? {};
}
