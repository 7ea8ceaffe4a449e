/**
 * Corral deadlocks found by a small search.
 *
 * A corral is floor the player cannot reach, fenced by boxes. PI-corral pruning (corral.ts)
 * calls a corral lost only when no fence box can ever move; many lost corrals have a fence that
 * can still shuffle a little, or are held shut by a box just behind the fence. Here we take the
 * fence and the boxes touching it (a handful of boxes, S), lift every other box off the board
 * and search the positions of S alone: if no sequence of pushes lets the player into the corral
 * and none brings every box of S onto a goal, the position is lost.
 *
 * Why this is a proof: lifting boxes only removes obstacles, so any solution of the real
 * position, keeping just its pushes of S, is a push sequence of the small problem (player walks
 * only get shorter). In a solution either the player enters the corral at some point (the
 * small problem then lets it in too, with S where it is in the solution at that moment) or it
 * never does, and then every box of S ends on a goal. The small search skips pushes onto dead
 * squares and pushes that freeze a box off a goal with S alone: no solution makes them, since
 * with the other boxes back they are just as lost. A search that hits its size cap says
 * nothing, so the check is sound whatever the cap.
 */
import type { Board } from './board';
import { FreezeChecker } from './freeze';
import { Reach } from './reach';

/** Most boxes in the small problem; bigger fences are not checked. */
const MAX_BOXES = 8;
/** Largest corral checked: bigger ones are costly to flood on every expansion and rarely lost. */
const MAX_CORRAL = 32;
/** Most positions of the small problem searched before giving up (no verdict). */
const MAX_STATES = 400;
/** Verdicts remembered per search; past it the cache starts over. */
const CACHE_CAP = 1 << 16;

export class CorralSearch {
  private readonly board: Board;
  private readonly dead: Uint8Array;
  private readonly freeze: FreezeChecker;
  private readonly cache = new Map<string, boolean>();
  private readonly corral: Uint8Array;
  private readonly corralCells: number[] = [];
  private readonly inS: Uint8Array;
  private readonly sBoxes: number[] = [];
  /** The small problem's player region (boxes as `boxAt` has them). */
  private readonly reach: Reach;
  private readonly boxAt: Uint8Array;
  /** Corral cells already looked at in this call (visited[c] === call). */
  private readonly visited: Int32Array;
  private call = 0;
  /** Positions found lost (for tests and experiments). */
  found = 0;

  constructor(board: Board, dead: Uint8Array) {
    this.board = board;
    this.dead = dead;
    this.freeze = new FreezeChecker(board, dead);
    this.corral = new Uint8Array(board.size);
    this.inS = new Uint8Array(board.size);
    this.reach = new Reach(board);
    this.boxAt = new Uint8Array(board.size);
    this.visited = new Int32Array(board.size);
  }

  private checked(seed: number): boolean {
    return this.visited[seed] === this.call;
  }

  /**
   * Whether a corral next to the box on `moved` is lost. `boxAt` marks the position's boxes,
   * `reach[c] === stamp` the player's region, `player` a cell of it.
   */
  lost(
    boxAt: Uint8Array,
    reach: Int32Array,
    stamp: number,
    moved: number,
    player: number,
  ): boolean {
    const { floor, offsets } = this.board;
    if (this.call >= 0x3fffffff) {
      this.visited.fill(0);
      this.call = 0;
    }
    this.call++;
    // Corrals next to the moved box, or next to a box beside it: the push may have completed
    // the hold on a corral rather than its fence.
    for (let k = -1; k < 4; k++) {
      const box = k < 0 ? moved : moved + offsets[k];
      if (k >= 0 && !boxAt[box]) continue;
      for (let d = 0; d < 4; d++) {
        const seed = box + offsets[d];
        if (!floor[seed] || boxAt[seed] || reach[seed] === stamp || this.checked(seed)) continue;
        if (this.lostCorral(boxAt, reach, stamp, seed, player)) {
          this.found++;
          return true;
        }
      }
    }
    return false;
  }

  private lostCorral(
    boxAt: Uint8Array,
    reach: Int32Array,
    stamp: number,
    seed: number,
    player: number,
  ): boolean {
    const { floor, offsets, goal } = this.board;
    const { corral, corralCells, inS, sBoxes } = this;
    // The corral: free floor the player cannot reach, joined to `seed`; its fence into S.
    corralCells.length = 0;
    sBoxes.length = 0;
    let tooBig = false;
    corral[seed] = 1;
    corralCells.push(seed);
    for (let k = 0; k < corralCells.length; k++) {
      const c = corralCells[k];
      for (let d = 0; d < 4; d++) {
        const nb = c + offsets[d];
        if (!floor[nb]) continue;
        if (boxAt[nb]) {
          if (!inS[nb]) {
            inS[nb] = 1;
            sBoxes.push(nb);
          }
        } else if (!corral[nb] && reach[nb] !== stamp) {
          corral[nb] = 1;
          corralCells.push(nb);
        }
      }
      if (corralCells.length > MAX_CORRAL) {
        tooBig = true;
        break;
      }
    }
    const fenceCount = sBoxes.length;
    if (fenceCount > MAX_BOXES) tooBig = true;
    // Boxes touching the fence hold it in place: they join S.
    for (let k = 0; k < fenceCount && !tooBig; k++) {
      const b = sBoxes[k];
      for (let d = 0; d < 4; d++) {
        const nb = b + offsets[d];
        if (boxAt[nb] && !inS[nb]) {
          inS[nb] = 1;
          sBoxes.push(nb);
          if (sBoxes.length > MAX_BOXES) tooBig = true;
        }
      }
    }
    let allOnGoals = true;
    for (const b of sBoxes) if (!goal[b]) allOnGoals = false;
    let hasGoal = false;
    for (const c of corralCells) if (goal[c]) hasGoal = true;
    let verdict = false;
    // With every box of S on a goal and no goal inside, the small problem is solved already.
    if (!tooBig && (hasGoal || !allOnGoals)) {
      sBoxes.sort((a, b) => a - b);
      let minCorral = seed;
      for (const c of corralCells) if (c < minCorral) minCorral = c;
      // S, the corral and the player's square decide the small problem (the player's region
      // with S alone would name fewer problems, but costs a flood of the board to find).
      const key = `${sBoxes.join(',')}|${minCorral}|${player}`;
      const hit = this.cache.get(key);
      if (hit !== undefined) verdict = hit;
      else {
        verdict = this.search(player, hasGoal);
        if (this.cache.size >= CACHE_CAP) this.cache.clear();
        this.cache.set(key, verdict);
      }
    }
    for (const c of corralCells) {
      corral[c] = 0;
      this.visited[c] = this.call;
    }
    for (const b of sBoxes) inS[b] = 0;
    return verdict;
  }

  /** Floods the player's region over `this.boxAt` from `from`; returns its smallest cell. */
  private flood(from: number): number {
    return this.reach.flood(this.boxAt, from);
  }

  /** Whether the player's region (last flood, stamp `s`) touches a free corral cell. */
  private entersCorral(): boolean {
    const { corral, corralCells, boxAt } = this;
    const { mark, stamp: s } = this.reach;
    for (const c of corralCells) if (corral[c] && !boxAt[c] && mark[c] === s) return true;
    return false;
  }

  /**
   * Breadth-first search over the positions of S alone (from `sBoxes`, player at `player`).
   * Returns true when it is exhausted without success, false on success or when it hits
   * MAX_STATES. Success: the player enters the corral, or every box of S is on a goal. When the
   * corral holds an empty goal (`hasGoal`) the second cannot end a solution (some box must get
   * to that goal, and only a box of S can be the first to enter the corral: every free square
   * next to the corral is the player's once a fence box steps aside), so success is instead the
   * player entering the corral or a box of S pushed into it.
   * Run for each corral found: a hot loop kept whole on purpose (long, but one pass to read).
   */
  private search(player: number, hasGoal: boolean): boolean {
    const { floor, offsets, goal } = this.board;
    const { dead, boxAt, sBoxes } = this;
    const m = sBoxes.length;
    // States: m box cells + the player's normalised cell, flattened.
    const states: number[] = [];
    const seen = new Set<string>();
    const push = (boxes: number[], norm: number) => {
      const key = `${boxes.join(',')}|${norm}`;
      if (seen.has(key)) return;
      seen.add(key);
      for (const b of boxes) states.push(b);
      states.push(norm);
    };
    const start = sBoxes.slice();
    for (const b of start) boxAt[b] = 1;
    const norm0 = this.flood(player);
    const opened = this.entersCorral();
    for (const b of start) boxAt[b] = 0;
    if (opened) return false;
    push(start, norm0);
    const cur = new Array<number>(m);
    let lost = true;
    for (let k = 0; k * (m + 1) < states.length; k++) {
      if (k >= MAX_STATES) {
        lost = false;
        break;
      }
      const base = k * (m + 1);
      for (let i = 0; i < m; i++) cur[i] = states[base + i];
      const pNorm = states[base + m];
      for (const b of cur) boxAt[b] = 1;
      this.flood(pNorm);
      // Collect the pushes first: checking each one floods again.
      const regionStamp = this.reach.stamp;
      const region = this.reach.mark;
      const moves: number[] = [];
      for (let i = 0; i < m; i++) {
        const b = cur[i];
        for (let d = 0; d < 4; d++) {
          const e = offsets[d];
          const to = b + e;
          if (region[b - e] !== regionStamp || !floor[to] || boxAt[to] || dead[to]) continue;
          moves.push(i * 4 + d);
        }
      }
      for (const mv of moves) {
        const i = mv >> 2;
        const e = offsets[mv & 3];
        const b = cur[i];
        const to = b + e;
        boxAt[b] = 0;
        boxAt[to] = 1;
        const frozen = this.freeze.deadlockAfterPush(boxAt, to) !== null;
        let done = false;
        let norm = 0;
        if (!frozen) {
          norm = this.flood(b);
          done = this.entersCorral();
          if (!done && hasGoal) done = this.corral[to] === 1;
          else if (!done) {
            done = true;
            for (let j = 0; j < m; j++) if (!goal[j === i ? to : cur[j]]) done = false;
          }
        }
        boxAt[to] = 0;
        boxAt[b] = 1;
        if (frozen) continue;
        if (done) {
          lost = false;
          break;
        }
        const next = cur.slice();
        next[i] = to;
        next.sort((x, y) => x - y);
        push(next, norm);
      }
      for (const b of cur) boxAt[b] = 0;
      if (!lost) break;
    }
    return lost;
  }
}
