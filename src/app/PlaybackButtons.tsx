/**
 * The playback buttons: start, one push and one move back, Play or Pause, one move and one push
 * forward, end. Each is a command of the page's key table (key-table.ts): its key is shown in
 * its title and `aria-keyshortcuts` from the table.
 */
import { selectHistory, useGameStore } from '../store/game';
import { type PlaybackState, usePlaybackStore } from '../store/playback';
import { shownKeys } from './key-table';

type StepCommand = 'start' | 'pushBack' | 'moveBack' | 'moveForward' | 'pushForward' | 'end';

interface StepButton {
  readonly command: StepCommand;
  /** The accessible name. */
  readonly label: string;
  /** The tooltip, before the key. */
  readonly title: string;
  readonly go: (p: PlaybackState) => boolean;
}

const BACK: readonly StepButton[] = [
  { command: 'start', label: 'Jump to start', title: 'Jump to start', go: (p) => p.toStart() },
  { command: 'pushBack', label: 'Push back', title: 'One push back', go: (p) => p.stepPush(-1) },
  { command: 'moveBack', label: 'Move back', title: 'One move back', go: (p) => p.stepMove(-1) },
];

const FORWARD: readonly StepButton[] = [
  {
    command: 'moveForward',
    label: 'Move forward',
    title: 'One move forward',
    go: (p) => p.stepMove(1),
  },
  {
    command: 'pushForward',
    label: 'Push forward',
    title: 'One push forward',
    go: (p) => p.stepPush(1),
  },
  { command: 'end', label: 'Jump to end', title: 'Jump to end', go: (p) => p.toEnd() },
];

/** Media-player icons as SVG (the Unicode ones are missing from many fonts). */
function StepIcon({ name }: { name: StepCommand }) {
  const back = name === 'start' || name === 'pushBack' || name === 'moveBack';
  const tri = (x: number) =>
    back ? `M${x + 6} 3 L${x} 8 L${x + 6} 13 Z` : `M${x} 3 L${x + 6} 8 L${x} 13 Z`;
  const paths: Record<StepCommand, string> = {
    start: `M3 3 H5 V13 H3 Z ${tri(6)}`,
    end: `${tri(4)} M11 3 H13 V13 H11 Z`,
    pushBack: `${tri(2)} ${tri(8)}`,
    pushForward: `${tri(2)} ${tri(8)}`,
    moveBack: tri(5),
    moveForward: tri(5),
  };
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

function StepButtons({ buttons, disabled }: { buttons: readonly StepButton[]; disabled: boolean }) {
  return buttons.map(({ command, label, title, go }) => {
    const key = shownKeys(command);
    return (
      <button
        key={command}
        type="button"
        onClick={() => go(usePlaybackStore.getState())}
        disabled={disabled}
        aria-label={label}
        aria-keyshortcuts={key}
        title={`${title} (${key})`}
      >
        <StepIcon name={command} />
      </button>
    );
  });
}

function PlayButton({ empty }: { empty: boolean }) {
  const playing = usePlaybackStore((s) => s.playing);
  const key = shownKeys('toggle');
  const p = usePlaybackStore.getState();
  return playing ? (
    <button
      type="button"
      className="primary"
      onClick={() => p.pause()}
      aria-keyshortcuts={key}
      title={`Pause (${key})`}
    >
      Pause
    </button>
  ) : (
    <button
      type="button"
      className="primary"
      onClick={() => p.play()}
      disabled={empty}
      aria-keyshortcuts={key}
      title={`Play (${key}); at the end, plays again from the start`}
    >
      Play
    </button>
  );
}

export function PlaybackButtons() {
  const { moves, cursor } = useGameStore(selectHistory);
  return (
    <div className="row playback-buttons" role="group" aria-label="Playback controls">
      <StepButtons buttons={BACK} disabled={cursor === 0} />
      <PlayButton empty={moves.length === 0} />
      <StepButtons buttons={FORWARD} disabled={cursor >= moves.length} />
    </div>
  );
}
