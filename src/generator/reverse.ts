/**
 * Reverse play: boxes start on their goals and the player pulls them away. The search is
 * breadth-first over pull positions (box squares plus the player's region), starting from every
 * region of the solved position at once, so the depth at which a position is first met is
 * exactly the fewest pushes that solve it. Each position also carries the Boxoban score of the
 * pull sequence that reached it: box swaps (how often the pulled box changed) times the boxes'
 * total displacement from their goals. The generator keeps the best-scoring position.
 *
 * Positions live in typed arrays; boxes are kept in identity order (box i started on goal i)
 * so displacement and swaps can be counted, and deduplicated by their sorted squares.
 */

export interface PullSearchInput {
  readonly width: number;
  /** 1 for floor, 0 for wall; the outer ring must be wall. */
  readonly floor: Uint8Array;
  /** Goal cells; the boxes start on them, box i on goals[i]. */
  readonly goals: readonly number[];
  /** Positions to visit at most (the search stops early, keeping what it found). */
  readonly maxPositions: number;
  /** Only positions at least this many pushes from solved may be chosen. */
  readonly minPushes: number;
}

export interface PullChoice {
  /** Box cells, ascending. */
  readonly boxes: number[];
  /** Cells of the player's region in that position, ascending. */
  readonly region: number[];
  /** Fewest pushes that solve the position (exact: breadth-first depth). */
  readonly pushes: number;
  readonly score: number;
  /** Positions the search visited. */
  readonly visited: number;
}

/** Fills `mark` with the player's region from `start` (floor minus boxes); returns its cells. */
function flood(
  width: number,
  floor: Uint8Array,
  occupied: Uint8Array,
  start: number,
  mark: Int32Array,
  stamp: number,
  stack: Int32Array,
): number {
  let top = 0;
  let min = start;
  stack[top++] = start;
  mark[start] = stamp;
  const offsets = [-1, 1, -width, width];
  while (top > 0) {
    const cell = stack[--top]!;
    if (cell < min) min = cell;
    for (let k = 0; k < 4; k++) {
      const next = cell + offsets[k]!;
      if (floor[next] && !occupied[next] && mark[next] !== stamp) {
        mark[next] = stamp;
        stack[top++] = next;
      }
    }
  }
  return min;
}

function keyOf(boxes: Uint16Array, from: number, n: number, player: number): string {
  const sorted = Array.from(boxes.subarray(from, from + n)).sort((a, b) => a - b);
  return String.fromCharCode(player, ...sorted);
}

function manhattan(width: number, a: number, b: number): number {
  return (
    Math.abs((a % width) - (b % width)) + Math.abs(Math.floor(a / width) - Math.floor(b / width))
  );
}

/** Runs the pull search and returns the best-scoring position, or null when none qualifies. */
export function pullSearch(input: PullSearchInput): PullChoice | null {
  const { width, floor, goals, maxPositions, minPushes } = input;
  const n = goals.length;
  const size = floor.length;
  const boxes = new Uint16Array(maxPositions * n);
  const player = new Uint16Array(maxPositions);
  const depth = new Uint16Array(maxPositions);
  const swaps = new Uint16Array(maxPositions);
  const last = new Int8Array(maxPositions);
  const seen = new Map<string, number>();
  const occupied = new Uint8Array(size);
  const mark = new Int32Array(size);
  const parentMark = new Int32Array(size);
  const stack = new Int32Array(size);
  const offsets = [-1, 1, -width, width];
  let stamp = 0;
  let count = 0;
  let best = -1;
  let bestScore = -1;

  const add = (from: number, moved: number, to: number, at: number, d: number): void => {
    // `from`: parent position (-1 for a source); box `moved` goes to `to`; the player is at `at`.
    const base = count * n;
    for (let i = 0; i < n; i++) boxes[base + i] = from < 0 ? goals[i]! : boxes[from * n + i]!;
    if (moved >= 0) boxes[base + moved] = to;
    for (let i = 0; i < n; i++) occupied[boxes[base + i]!] = 1;
    const normal = flood(width, floor, occupied, at, mark, ++stamp, stack);
    for (let i = 0; i < n; i++) occupied[boxes[base + i]!] = 0;
    const key = keyOf(boxes, base, n, normal);
    if (seen.has(key)) return;
    seen.set(key, count);
    player[count] = normal;
    depth[count] = d;
    const changed = from >= 0 && moved !== last[from] ? 1 : 0;
    swaps[count] = from < 0 ? 0 : swaps[from]! + changed;
    last[count] = moved;
    let displacement = 0;
    for (let i = 0; i < n; i++) displacement += manhattan(width, boxes[base + i]!, goals[i]!);
    const score = swaps[count]! * displacement;
    if (d >= minPushes && (score > bestScore || (score === bestScore && d > depth[best]!))) {
      best = count;
      bestScore = score;
    }
    count++;
  };

  // Sources: the solved position with the player in each region the boxes leave.
  for (const g of goals) occupied[g] = 1;
  const sourceMark = new Uint8Array(size);
  for (let cell = 0; cell < size; cell++) {
    if (!floor[cell] || occupied[cell] || sourceMark[cell]) continue;
    flood(width, floor, occupied, cell, mark, ++stamp, stack);
    for (let c = 0; c < size; c++) if (mark[c] === stamp) sourceMark[c] = 1;
    for (const g of goals) occupied[g] = 0;
    if (count < maxPositions) add(-1, -1, 0, cell, 0);
    for (const g of goals) occupied[g] = 1;
  }
  for (const g of goals) occupied[g] = 0;

  for (let s = 0; s < count && count < maxPositions; s++) {
    const base = s * n;
    for (let i = 0; i < n; i++) occupied[boxes[base + i]!] = 1;
    const here = s + 1;
    flood(width, floor, occupied, player[s]!, parentMark, here, stack);
    for (let i = 0; i < n && count < maxPositions; i++) {
      const box = boxes[base + i]!;
      for (let k = 0; k < 4 && count < maxPositions; k++) {
        const p = box + offsets[k]!; // the player stands here, beside the box
        const q = p + offsets[k]!; // and steps back to here, pulling the box onto p
        if (parentMark[p] !== here || !floor[q] || occupied[q]) continue;
        for (let j = 0; j < n; j++) occupied[boxes[base + j]!] = 0;
        add(s, i, p, q, depth[s]! + 1);
        for (let j = 0; j < n; j++) occupied[boxes[base + j]!] = 1;
      }
    }
    for (let i = 0; i < n; i++) occupied[boxes[base + i]!] = 0;
  }
  if (best < 0) return null;
  return describe(input, { boxes, player, depth }, best, bestScore, count);
}

/** The chosen position: its boxes, the player's region, and how it was found. */
function describe(
  { width, floor, goals }: PullSearchInput,
  found: { boxes: Uint16Array; player: Uint16Array; depth: Uint16Array },
  index: number,
  score: number,
  visited: number,
): PullChoice {
  const n = goals.length;
  const size = floor.length;
  const chosen = Array.from(found.boxes.subarray(index * n, index * n + n)).sort((a, b) => a - b);
  const occupied = new Uint8Array(size);
  for (const b of chosen) occupied[b] = 1;
  const mark = new Int32Array(size);
  flood(width, floor, occupied, found.player[index]!, mark, 1, new Int32Array(size));
  const region: number[] = [];
  for (let c = 0; c < size; c++) if (mark[c] === 1) region.push(c);
  return { boxes: chosen, region, pushes: found.depth[index]!, score, visited };
}
