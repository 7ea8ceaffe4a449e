import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { type BoardPainter, type LayerMaker, useBoardPainter } from '../../src/app/board-painter';
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
function Probe({
  onPainter,
  makeLayer,
}: {
  onPainter: (p: BoardPainter) => void;
  makeLayer?: LayerMaker;
}) {
  const p = useBoardPainter(makeLayer);
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
    frames[0]!(1200);
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

  it('paints the static layer once and then only the squares a step changes', () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const layerCalls = fakeContext();
    let made = 0;
    const makeLayer: LayerMaker = (width, height) => {
      made++;
      const c = layerCalls.ctx as unknown as Record<string, unknown>;
      c.getTransform = () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
      return {
        canvas: { width, height } as HTMLCanvasElement,
        ctx: layerCalls.ctx as unknown as CanvasRenderingContext2D,
      };
    };
    render(<Probe onPainter={keep} makeLayer={makeLayer} />);
    const { ctx, calls } = fakeContext();
    const c = ctx as unknown as Record<string, unknown>;
    c.getTransform = () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
    c.canvas = { width: L.width * 40, height: L.height * 40 };
    painter!(ctx, L, startPosition(L), defaultTheme, 40);
    const wallsInLayer = layerCalls.calls.filter((x) => x.name === 'fillRect').length;
    expect(wallsInLayer).toBeGreaterThan(L.width); // the static layer has the walls and floor
    expect(calls.filter((x) => x.name === 'drawImage')).toHaveLength(1); // copied whole
    calls.length = 0;
    layerCalls.calls.length = 0;
    painter!(ctx, L, after, defaultTheme, 40); // the push: player and box each move one square
    expect(made).toBe(1);
    expect(layerCalls.calls.filter((x) => x.name === 'fillRect')).toHaveLength(0);
    expect(calls.filter((x) => x.name === 'drawImage')).toHaveLength(3);
  });
});
