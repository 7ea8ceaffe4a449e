/** The Position scrubber (seeks the game's cursor) and the Speed slider of the playback panel. */
import { useId } from 'react';
import { selectHistory, useGameStore } from '../store/game';
import { SPEEDS, playbackWhere, usePlaybackStore } from '../store/playback';

/** "Normal (8 moves/s)", "Instant (jump to the end)". */
export function speedText(index: number): string {
  const s = SPEEDS[index];
  if (!s) return '';
  return Number.isFinite(s.rate)
    ? `${s.label} (${s.rate} moves/s)`
    : `${s.label} (jump to the end)`;
}

export function PlaybackSliders() {
  const id = useId();
  const { moves, cursor } = useGameStore(selectHistory);
  const speed = usePlaybackStore((s) => s.speed);
  const total = moves.length;
  return (
    <div className="playback-sliders">
      <label htmlFor={`${id}-pos`}>Position</label>
      <input
        id={`${id}-pos`}
        type="range"
        min={0}
        max={total}
        step={1}
        value={Math.min(cursor, total)}
        disabled={total === 0}
        aria-valuetext={total > 0 ? playbackWhere(cursor, total) : 'No moves'}
        onChange={(e) => usePlaybackStore.getState().seek(Number(e.target.value))}
      />
      <span className="playback-count" aria-hidden="true">
        {cursor}/{total}
      </span>
      <label htmlFor={`${id}-speed`}>Speed</label>
      <input
        id={`${id}-speed`}
        type="range"
        min={0}
        max={SPEEDS.length - 1}
        step={1}
        value={speed}
        aria-valuetext={speedText(speed)}
        onChange={(e) => usePlaybackStore.getState().setSpeed(Number(e.target.value))}
      />
      <span className="playback-speed" aria-hidden="true">
        {speedText(speed)}
      </span>
    </div>
  );
}
