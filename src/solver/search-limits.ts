/** What a search is asked (limits and switches) and what it answers. */
import type { Push } from './solution';
import type { NodeStore } from './table';

/** Built by copying the caller's options and tuning: an optional field present as undefined means
 * its default, as when it is absent. */
export interface SearchLimits {
  readonly optimal: boolean;
  readonly deadline: number;
  readonly memoryBytes: number;
  readonly shouldCancel?: (() => boolean) | undefined;
  readonly onProgress?:
    | ((p: {
        nodes: number;
        nodesPerSecond: number;
        bound: number;
        depth: number;
        elapsedMs: number;
        tableFill: number;
      }) => void)
    | undefined;
  readonly progressIntervalMs: number;
  readonly now: () => number;
  readonly start: number;
  /** PI-corral pruning (default on). */
  readonly piCorrals?: boolean | undefined;
  /** Fast mode: weight of unpacked goals (in packing order) against the bound; 0 = bound only. */
  readonly packingWeight?: number | undefined;
  /** Fast mode with packing: push boxes to the next goal in packing order as one macro. */
  readonly packingMacro?: boolean | undefined;
  /** Fast mode: tunnel macros (default on); the caller re-searches without them before calling a level unsolvable. */
  readonly tunnels?: boolean | undefined;
  /** Fast mode: feature-space search (packing and connectivity cells, round robin). */
  readonly features?: boolean | undefined;
  /** Feature search: packing order by reverse play with the player tracked (default on; off = packing.ts). */
  readonly reverseOrder?: boolean | undefined;
  /** Feature search: pushing the box the last push moved adds no weight (default off: on XSokoban it solved #25, #47, #63 and lost eight others). */
  readonly boxRuns?: boolean | undefined;
  /** Packing macro: how many boxes (nearest first) to try per node (default 4). */
  readonly macroBoxes?: number | undefined;
  /** Fast mode: weighted A* (g + w·h) instead of greedy when > 0. */
  readonly hWeight?: number | undefined;
  /** Settled-box deadlocks: boxes frozen on goals as walls (default off: it found little on XSokoban 1-30 for ~10 % of the speed). */
  readonly settled?: boolean | undefined;
  /** Corral deadlocks found by a small search over the fence's boxes (default on). */
  readonly corralSearch?: boolean | undefined;
  /** Feature search: the packing macro ranks boxes by distances along the packing plan, this added where the plan has no way in; 0 = off, the default (plan-distances.ts). */
  readonly planPenalty?: number | undefined;
  /** Stop with limit 'memory' after this many nodes (experiments). */
  readonly maxNodes?: number | undefined;
  /**
   * Optimal mode's second pass, given the fewest pushes P (proven by the first): the fewest
   * moves among P-push solutions. Nodes are then boxes, the player's exact cell and the pushes
   * so far; a node's g is its moves and it is dropped when pushes + bound exceed P.
   */
  readonly fewestMovesFor?: number | undefined;
  /** Called with the node store once it exists: the pull search looks positions up in it. */
  readonly onStore?: ((store: NodeStore) => void) | undefined;
}

export type SearchOutcome =
  | { readonly status: 'solved'; readonly pushes: Push[]; readonly nodes: number }
  | { readonly status: 'unsolvable'; readonly nodes: number; readonly message: string }
  | {
      readonly status: 'limit';
      readonly reason: 'time' | 'memory' | 'nodes';
      readonly nodes: number;
    }
  | { readonly status: 'cancelled'; readonly nodes: number };
