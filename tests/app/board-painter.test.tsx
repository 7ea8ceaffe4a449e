import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { type BoardPainter, useBoardPainter } from '../../src/app/board-painter';
import { MARK_COLOUR, defaultTheme } from '../../src/render';
import { stepMotion } from '../../src/render/animation';
import { parseLevel, replay, startPosition } from '../../src/sokoban';
import { usePlaybackStore } from '../../src/store/playback';
import { useSolverStore } from '../../src/store/solver';
import { fakeContext } from '../render/fake-context';

const parsed = parseLevel(['#######', '# .$@ #', '#######'].join('\n'));
if (!parsed.ok) throw new Error('bad test level');
const L = parsed.level;
const after = replay(L, startPosition(L), 'L').position;

let painter: BoardPainter | null = null;
/** Hands the hook's painter to the test once rendered. */
function Probe({ onPainter }: { onPainter: (p: BoardPainter) => void }) {
  const p = useBoardPainter();
  useEffect(() => onPainter(p), [p, onPainter]);
  return null;
}
const keep = (p: BoardPainter) => {
  painter = p;
};

afterEach(() => {
  usePlaybackStore.setState({ motion: null });
  useSolverStore.setState({ deadlock: null });
  vi.restoreAllMocks();
});

describe('board painter', () => {
  it('draws the step under way between squares, and keeps redrawing each frame until it is done', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    usePlaybackStore.setState({
      motion: {
        motion: stepMotion(L, after, 'L', true)!,
        moves: 'L',
        cursor: 1,
        start: 1000,
        duration: 100,
      },
    });
    render(<Probe onPainter={keep} />);
    const { ctx, calls } = fakeContext();
    now.mockReturnValue(1050);
    painter!(ctx, L, after, defaultTheme, 40);
    // Halfway: the player's face is centred between columns 4 and 3 (x = 160), not on a square.
    const faceXs = calls.filter((c) => c.name === 'arc').map((c) => c.args[0] as number);
    expect(faceXs.some((x) => Math.abs(x - 160) < 0.01)).toBe(true);
    expect(frames).toHaveLength(1);
    now.mockReturnValue(1200);
    frames[0](1200);
    expect(frames).toHaveLength(1); // done: no more frames
  });

  it('rings the boxes of a deadlock warning', () => {
    useSolverStore.setState({
      deadlock: { cause: 'test', boxes: [9], levelIndex: 0, cursor: 0, prefix: '' },
    });
    render(<Probe onPainter={keep} />);
    const { ctx, calls } = fakeContext();
    painter!(ctx, L, startPosition(L), defaultTheme, 40);
    expect(calls.some((c) => c.name === 'set strokeStyle' && c.args[0] === MARK_COLOUR)).toBe(true);
  });
});
