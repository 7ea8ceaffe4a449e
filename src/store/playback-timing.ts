/**
 * Playback's speeds and the arithmetic of one animation frame of Play, as pure functions: how many
 * moves are due at a frame's time, and whether Play is done. The playback player
 * (playback-player.ts) runs them on the frame clock.
 */

export interface Speed {
  readonly label: string;
  /** Moves per second; Infinity for instant (Play jumps to the end). */
  readonly rate: number;
}

export const SPEEDS: readonly Speed[] = [
  { label: 'Very slow', rate: 2 },
  { label: 'Slow', rate: 4 },
  { label: 'Normal', rate: 8 },
  { label: 'Fast', rate: 16 },
  { label: 'Very fast', rate: 40 },
  { label: 'Instant', rate: Infinity },
];
export const DEFAULT_SPEED = 2;

/** How long a single step by hand (one move back or forward) is animated. */
export const STEP_MS = 140;

/** The moves per second of speed `index` (clamped to the table). */
export function rateOf(index: number): number {
  const speed = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index))];
  return speed ? speed.rate : Infinity;
}

/** Where Play stops: at `stopAt` (a hint's end) or the end of the moves, whichever is first. */
export function playEnd(stopAt: number | null, total: number): number {
  return Math.min(stopAt ?? total, total);
}

/** The anchor for Play starting at `now`: one interval back, so the first move is due at once. */
export function startAnchor(now: number, rate: number): number {
  return now - (Number.isFinite(rate) ? 1000 / rate : 0);
}

/** What one frame of Play does. */
export interface FrameStep {
  /** The cursor to go to, or null to stay. */
  readonly to: number | null;
  /** How long the step slides (a single move), or null for a jump. */
  readonly slideMs: number | null;
  /** The anchor for the next frame: the time the next move is due, minus one interval. */
  readonly anchor: number;
  /** Play has reached its end. */
  readonly done: boolean;
}

/**
 * The frame at `time` with the cursor at `cursor` and Play ending at `end`. A slow frame may owe
 * several moves: those jump, only a single step slides. Instant speed jumps to the end.
 */
export function frameStep(
  cursor: number,
  end: number,
  rate: number,
  anchor: number,
  time: number,
): FrameStep {
  if (cursor >= end) return { to: null, slideMs: null, anchor, done: true };
  if (!Number.isFinite(rate)) return { to: end, slideMs: null, anchor, done: true };
  const interval = 1000 / rate;
  const due = Math.floor((time - anchor) / interval);
  if (due <= 0) return { to: null, slideMs: null, anchor, done: false };
  const to = Math.min(end, cursor + due);
  return {
    to,
    slideMs: to - cursor === 1 ? interval : null,
    anchor: anchor + due * interval,
    done: to >= end,
  };
}
