/**
 * The search's memory: a node store in typed-array chunks and an open-addressing
 * transposition table over Zobrist hashes, all charged to one memory budget.
 *
 * Chunks mean the store grows without ever copying (no transient doubling); the table is the
 * only thing that is rehashed, and the budget counts the old and new table while both live.
 * Running out of budget throws MemoryLimit, which the search turns into a `limit` result.
 */

import type { Push } from './solution';

export class MemoryLimit extends Error {
  constructor() {
    super('memory limit reached');
  }
}

export class Budget {
  used = 0;
  readonly cap: number;
  constructor(capBytes: number) {
    this.cap = capBytes;
  }
  reserve(bytes: number): void {
    if (this.used + bytes > this.cap) throw new MemoryLimit();
    this.used += bytes;
  }
  release(bytes: number): void {
    this.used -= bytes;
  }
}

/** Seeds of the Zobrist keys of box and player cells, shared by every search direction so that a
 * position has the same hash in the forward and the pull search's stores. */
export const BOX_KEY_SEED = 0x5eed;
export const PLAYER_KEY_SEED = 0xbeef;

/** Deterministic 32-bit random numbers (mulberry32) so that runs are repeatable. */
export function zobristKeys(count: number, seed: number): Int32Array {
  const out = new Int32Array(count);
  let a = seed >>> 0;
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = t ^ (t >>> 14);
  }
  return out;
}

/** Table entries: node id + 1 in the low 25 bits, the hash's top 7 bits above them. */
const ID_BITS = 25;

const CHUNK_BITS = 14;
/** Nodes keep their matching in chunks allocated while the budget is used below this share. */
const MATCHING_SHARE = 0.5;
const NO_POT = new Int32Array(0);
const NO_ASSIGN = new Uint16Array(0);
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export const FLAG_EXPANDED = 1;
export const FLAG_STALE = 2;

/**
 * Nodes: box cells (sorted), normalised player cell, parent, pushes so far (g), bound (h),
 * hash, the push that led here (box's cell before it and direction), flags and the open-list
 * link, a weight and, while memory is plentiful, the node's matching (so expanding it costs
 * O(n²) a child, with no O(n³) solve first). About 8·boxes + 30 bytes a node with the matching,
 * 2·boxes + 30 without, plus 8 in the table.
 *
 * The matching is three quarters of a node on large levels, where the memory cap is what ends
 * the search: chunks allocated once half the budget is used leave it out, so the rest of the
 * budget holds up to four times as many positions, each solved again when it is expanded.
 */
export class NodeStore {
  readonly boxCount: number;
  private readonly budget: Budget;
  private boxes: Uint16Array[] = [];
  private player: Uint16Array[] = [];
  private parentA: Int32Array[] = [];
  private gA: Int32Array[] = [];
  private hA: Int32Array[] = [];
  private hashA: Int32Array[] = [];
  private fromA: Uint16Array[] = [];
  private dirA: Uint8Array[] = [];
  private flagsA: Uint8Array[] = [];
  private nextA: Int32Array[] = [];
  private wA: Int32Array[] = [];
  private potA: Int32Array[] = [];
  private assignA: Uint16Array[] = [];
  count = 0;
  /**
   * Open addressing over node ids + 1 (0 = empty). The top bits of an entry repeat the top
   * bits of its node's hash, so a probe that meets another position is almost always turned
   * away without loading that node (a cache miss per probe on large tables). Ids that no
   * longer fit below the tag (over 33 million nodes) switch the tags off.
   */
  private table: Int32Array;
  private tableMask: number;
  private idMask: number;
  private tagMask: number;

  /** `idBits`: how many low bits of a table entry hold the id (tests make it small). */
  constructor(boxCount: number, budget: Budget, idBits = ID_BITS) {
    this.boxCount = boxCount;
    this.budget = budget;
    this.idMask = 2 ** idBits - 1;
    this.tagMask = ~this.idMask;
    const slots = 1 << 12;
    budget.reserve(slots * 4);
    this.table = new Int32Array(slots);
    this.tableMask = slots - 1;
  }

  private grow(): void {
    const n = this.boxCount;
    const fixed = 2 + 4 * 6 + 2 + 1 + 1;
    const keep = this.budget.used + CHUNK * (n * 8 + fixed) <= this.budget.cap * MATCHING_SHARE;
    this.budget.reserve(CHUNK * (n * (keep ? 8 : 2) + fixed));
    this.boxes.push(new Uint16Array(CHUNK * n));
    this.player.push(new Uint16Array(CHUNK));
    this.parentA.push(new Int32Array(CHUNK));
    this.gA.push(new Int32Array(CHUNK));
    this.hA.push(new Int32Array(CHUNK));
    this.hashA.push(new Int32Array(CHUNK));
    this.fromA.push(new Uint16Array(CHUNK));
    this.dirA.push(new Uint8Array(CHUNK));
    this.flagsA.push(new Uint8Array(CHUNK));
    this.nextA.push(new Int32Array(CHUNK));
    this.wA.push(new Int32Array(CHUNK));
    this.potA.push(keep ? new Int32Array(CHUNK * n) : NO_POT);
    this.assignA.push(keep ? new Uint16Array(CHUNK * n) : NO_ASSIGN);
  }

  private rehash(): void {
    const slots = this.table.length * 2;
    this.budget.reserve(slots * 4);
    const table = new Int32Array(slots);
    const mask = slots - 1;
    for (let id = 0; id < this.count; id++) {
      if (this.flagsA[id >>> CHUNK_BITS][id & MASK] & FLAG_STALE) continue;
      const hash = this.hashA[id >>> CHUNK_BITS][id & MASK];
      let s = hash & mask;
      while (table[s] !== 0) s = (s + 1) & mask;
      table[s] = (id + 1) | (hash & this.tagMask);
    }
    this.budget.release(this.table.length * 4);
    this.table = table;
    this.tableMask = mask;
  }

  /** The node holding exactly these boxes and player, or -1. */
  find(hash: number, boxes: Int32Array, player: number): number {
    const n = this.boxCount;
    const table = this.table;
    const mask = this.tableMask;
    const tagMask = this.tagMask;
    let s = hash & mask;
    for (;;) {
      const e = table[s];
      if (e === 0) return -1;
      s = (s + 1) & mask;
      if (((e ^ hash) & tagMask) !== 0) continue;
      const id = (e & this.idMask) - 1;
      const c = id >>> CHUNK_BITS;
      const k = id & MASK;
      if (this.hashA[c][k] === hash && this.player[c][k] === player) {
        const arr = this.boxes[c];
        const base = k * n;
        let same = true;
        for (let i = 0; i < n; i++) {
          if (arr[base + i] !== boxes[i]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
    }
  }

  /** Adds a node and enters it in the table (replacing `replaces` there when it is >= 0). */
  add(
    boxes: Int32Array,
    player: number,
    parent: number,
    g: number,
    h: number,
    hash: number,
    from: number,
    dir: number,
    replaces = -1,
  ): number {
    if (this.count + 1 >= this.idMask && this.tagMask !== 0) {
      // Ids outgrow the entry's low bits: rebuild the table without tags.
      this.tagMask = 0;
      this.idMask = -1;
      this.budget.release(this.table.length * 4);
      this.table = new Int32Array(this.table.length / 2);
      this.budget.reserve(this.table.length * 4);
      this.rehash();
    }
    if ((this.count + 1) * 2 > this.table.length) this.rehash();
    const id = this.count;
    if ((id & MASK) === 0 && id >>> CHUNK_BITS >= this.boxes.length) this.grow();
    const c = id >>> CHUNK_BITS;
    const k = id & MASK;
    const n = this.boxCount;
    const arr = this.boxes[c];
    const base = k * n;
    for (let i = 0; i < n; i++) arr[base + i] = boxes[i];
    this.player[c][k] = player;
    this.parentA[c][k] = parent;
    this.gA[c][k] = g;
    this.hA[c][k] = h;
    this.hashA[c][k] = hash;
    this.fromA[c][k] = from;
    this.dirA[c][k] = dir;
    this.flagsA[c][k] = 0;
    this.nextA[c][k] = -1;
    this.count++;
    const table = this.table;
    const mask = this.tableMask;
    let s = hash & mask;
    const idMask = this.idMask;
    if (replaces >= 0) {
      while ((table[s] & idMask) !== replaces + 1) s = (s + 1) & mask;
      this.flagsA[replaces >>> CHUNK_BITS][replaces & MASK] |= FLAG_STALE;
    } else {
      while (table[s] !== 0) s = (s + 1) & mask;
    }
    table[s] = (id + 1) | (hash & this.tagMask);
    return id;
  }

  /** The pushes from the root to node `id`, read off the parent links. */
  pushesTo(id: number): Push[] {
    const out: Push[] = [];
    for (let x = id; this.parentOf(x) >= 0; x = this.parentOf(x))
      out.push({ from: this.fromOf(x), dir: this.dirOf(x) });
    return out.reverse();
  }

  loadBoxes(id: number, out: Int32Array): void {
    const n = this.boxCount;
    const arr = this.boxes[id >>> CHUNK_BITS];
    const base = (id & MASK) * n;
    for (let i = 0; i < n; i++) out[i] = arr[base + i];
  }
  playerOf(id: number): number {
    return this.player[id >>> CHUNK_BITS][id & MASK];
  }
  parentOf(id: number): number {
    return this.parentA[id >>> CHUNK_BITS][id & MASK];
  }
  gOf(id: number): number {
    return this.gA[id >>> CHUNK_BITS][id & MASK];
  }
  hOf(id: number): number {
    return this.hA[id >>> CHUNK_BITS][id & MASK];
  }
  hashOf(id: number): number {
    return this.hashA[id >>> CHUNK_BITS][id & MASK];
  }
  fromOf(id: number): number {
    return this.fromA[id >>> CHUNK_BITS][id & MASK];
  }
  dirOf(id: number): number {
    return this.dirA[id >>> CHUNK_BITS][id & MASK];
  }
  flagsOf(id: number): number {
    return this.flagsA[id >>> CHUNK_BITS][id & MASK];
  }
  setFlag(id: number, flag: number): void {
    this.flagsA[id >>> CHUNK_BITS][id & MASK] |= flag;
  }
  /** Whether the node keeps its matching (see the class comment). */
  keepsMatching(id: number): boolean {
    return this.potA[id >>> CHUNK_BITS].length > 0;
  }
  /** The node's optimal box-to-goal matching: column potentials and each box's goal. */
  setMatching(id: number, pot: Int32Array, assign: Uint16Array): void {
    const n = this.boxCount;
    if (!this.keepsMatching(id)) return;
    const base = (id & MASK) * n;
    this.potA[id >>> CHUNK_BITS].set(pot, base);
    this.assignA[id >>> CHUNK_BITS].set(assign, base);
  }
  /** Loads the node's matching; false when it was not kept. */
  loadMatching(id: number, pot: Int32Array, assign: Uint16Array): boolean {
    const n = this.boxCount;
    if (!this.keepsMatching(id)) return false;
    const base = (id & MASK) * n;
    // Plain loops: a subarray view per call costs an allocation on every expansion.
    const pa = this.potA[id >>> CHUNK_BITS];
    const aa = this.assignA[id >>> CHUNK_BITS];
    for (let i = 0; i < n; i++) {
      pot[i] = pa[base + i];
      assign[i] = aa[base + i];
    }
    return true;
  }
  /** Feature-space search: the node's accumulated cost of unadvised moves. */
  weightOf(id: number): number {
    return this.wA[id >>> CHUNK_BITS][id & MASK];
  }
  setWeight(id: number, w: number): void {
    this.wA[id >>> CHUNK_BITS][id & MASK] = w;
  }
  nextOf(id: number): number {
    return this.nextA[id >>> CHUNK_BITS][id & MASK];
  }
  setNext(id: number, next: number): void {
    this.nextA[id >>> CHUNK_BITS][id & MASK] = next;
  }
}

/**
 * Open list: buckets of nodes by integer key, last in first out within a bucket (which dives
 * deeper among equals). Links live in the node store.
 */
export class BucketQueue {
  private heads: Int32Array;
  private readonly store: NodeStore;
  private readonly budget: Budget;
  private min = 0;
  size = 0;

  constructor(store: NodeStore, budget: Budget) {
    this.store = store;
    this.budget = budget;
    budget.reserve(1024 * 4);
    this.heads = new Int32Array(1024).fill(-1);
    this.min = this.heads.length;
  }

  push(id: number, key: number): void {
    if (key >= this.heads.length) {
      let length = this.heads.length;
      while (key >= length) length *= 2;
      this.budget.reserve(length * 4);
      const heads = new Int32Array(length).fill(-1);
      heads.set(this.heads);
      this.budget.release(this.heads.length * 4);
      this.heads = heads;
    }
    this.store.setNext(id, this.heads[key]);
    this.heads[key] = id;
    if (key < this.min) this.min = key;
    this.size++;
  }

  /** The key of the next pop (call only when size > 0). */
  peekKey(): number {
    while (this.heads[this.min] < 0) this.min++;
    return this.min;
  }

  pop(): number {
    if (this.size === 0) return -1;
    const key = this.peekKey();
    const id = this.heads[key];
    this.heads[key] = this.store.nextOf(id);
    this.size--;
    return id;
  }
}

/** Keys at or above this carry a feature cell: key = cell * CELL_SPAN + priority. */
export const CELL_SPAN = 1 << 20;

/**
 * Open list of the feature-space search: one bucket queue per feature cell, served round
 * robin, so every region of the feature space keeps getting expansions (after FESS, Shoham and
 * Schaeffer 2020).
 */
export class FeatureQueues {
  private readonly store: NodeStore;
  private readonly budget: Budget;
  private readonly queues = new Map<number, BucketQueue>();
  private readonly active: number[] = [];
  private cursor = 0;
  size = 0;

  constructor(store: NodeStore, budget: Budget) {
    this.store = store;
    this.budget = budget;
  }

  push(id: number, key: number): void {
    const cell = Math.floor(key / CELL_SPAN);
    let q = this.queues.get(cell);
    if (!q) {
      q = new BucketQueue(this.store, this.budget);
      this.queues.set(cell, q);
      this.active.push(cell);
    }
    q.push(id, Math.min(key - cell * CELL_SPAN, CELL_SPAN - 1));
    this.size++;
  }

  peekKey(): number {
    return 0;
  }

  pop(): number {
    for (let tries = 0; tries <= this.active.length; tries++) {
      if (this.cursor >= this.active.length) this.cursor = 0;
      const q = this.queues.get(this.active[this.cursor++])!;
      if (q.size > 0) {
        this.size--;
        return q.pop();
      }
    }
    return -1;
  }
}
