/** A frame clock for the playback store that a test advances by hand. */
import type { FrameScheduler } from '../../src/store/playback';

/** A frame clock the test advances by hand. */
export function manualClock(): FrameScheduler & {
  t: number;
  frames: Map<number, (t: number) => void>;
  run(ms: number, step?: number): void;
} {
  let next = 1;
  const frames = new Map<number, (t: number) => void>();
  const clock = {
    t: 0,
    frames,
    now: () => clock.t,
    request(cb: (t: number) => void) {
      const id = next++;
      frames.set(id, cb);
      return id;
    },
    cancel(id: number) {
      frames.delete(id);
    },
    /** Advances time by `ms` in frames of `step` ms, running the callbacks due. */
    run(ms: number, step = 16) {
      const end = clock.t + ms;
      while (clock.t < end) {
        clock.t = Math.min(end, clock.t + step);
        const due = [...frames.entries()];
        frames.clear();
        for (const [, cb] of due) cb(clock.t);
      }
    },
  };
  return clock;
}
