/**
 * The level picker, shown when the loaded text holds more than one level: previous and next, a
 * select whose options read "#index title", and a "Go to level" box that takes a title first
 * (Boxoban titles are the numbers of the "; N" headers) and otherwise a 1-based position.
 * Levels the user solved are marked ✓ with the user's best moves/pushes, and the solver's bests
 * follow apart, after "solver" (store/progress.ts); "Next unsolved" goes to the next level the
 * user has not solved yet.
 */
import { useState, type FormEvent } from 'react';
import type { LevelEntry } from '../sokoban';
import { useGameStore } from '../store/game';
import {
  type Bests,
  type LevelProgress,
  selectProgress,
  useProgressStore,
} from '../store/progress';
import './LevelPicker.css';

/** "23/7" (fewest moves), plus " · 25/6" when the fewest pushes came from another solution. */
function bests({ bestMoves: m, bestPushes: q }: Bests): string {
  const pushes = m.pushes === q.pushes && m.moves === q.moves ? '' : ` · ${q.moves}/${q.pushes}`;
  return `${m.moves}/${m.pushes}${pushes}`;
}

/** " ✓ 23/7" for the user's bests, then " (solver 21/7)" for the solver's. */
function solvedMark(p: LevelProgress | undefined): string {
  const user = p?.user ? ` ✓ ${bests(p.user)}` : '';
  return user + (p?.solver ? ` (solver ${bests(p.solver)})` : '');
}

type Progress = Readonly<Record<string, LevelProgress>>;

/** The first unsolved level after the current one, going round to the start. */
function nextUnsolvedIndex(
  entries: readonly LevelEntry[],
  currentIndex: number,
  progress: Progress,
): number | undefined {
  const unsolved = (i: number) => {
    const entry = entries[i]!; // i runs over the indices of `entries`
    return entry.ok && !progress[entry.index]?.user;
  };
  return entries
    .map((_, k) => (currentIndex + 1 + k) % entries.length)
    .find((i) => i !== currentIndex && unsolved(i));
}

function LevelSelect({
  entries,
  currentIndex,
  progress,
}: {
  readonly entries: readonly LevelEntry[];
  readonly currentIndex: number;
  readonly progress: Progress;
}) {
  const chooseLevel = useGameStore((s) => s.chooseLevel);
  return (
    <select
      aria-label="Choose level"
      value={String(currentIndex)}
      onChange={(e) => {
        chooseLevel(Number(e.target.value));
        // Arrow keys on a focused select would change the level: give them back to the game.
        e.target.blur();
      }}
    >
      {entries.map((entry, i) => (
        <option key={i} value={String(i)}>
          {`#${entry.index}${entry.title ? ` ${entry.title}` : ''}${entry.ok ? '' : ' (cannot be played)'}${solvedMark(progress[entry.index])}`}
        </option>
      ))}
    </select>
  );
}

/** "Go to level": a title first, else a 1-based position. */
function GoToLevelForm() {
  const goToLevel = useGameStore((s) => s.goToLevel);
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (goToLevel(query)) {
      setQuery('');
      // Hand the keys back to the game (arrows in a number box would change the number).
      (document.activeElement as HTMLElement | null)?.blur();
    }
  };
  return (
    <form className="picker-row goto" onSubmit={submit}>
      <label>
        Go to level
        <input
          type="number"
          inputMode="numeric"
          min={0}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <button type="submit">Go</button>
    </form>
  );
}

export function LevelPicker() {
  const entries = useGameStore((s) => s.entries);
  const currentIndex = useGameStore((s) => s.currentIndex);
  const chooseLevel = useGameStore((s) => s.chooseLevel);
  const nextLevel = useGameStore((s) => s.nextLevel);
  const previousLevel = useGameStore((s) => s.previousLevel);
  const progressData = useProgressStore((s) => s.data);

  if (entries.length < 2) return null;
  const progress = selectProgress(progressData, entries);
  const nextUnsolved = nextUnsolvedIndex(entries, currentIndex, progress);
  const hasPrevious = entries.slice(0, currentIndex).some((e) => e.ok);
  const hasNext = entries.slice(currentIndex + 1).some((e) => e.ok);

  return (
    <nav className="picker" aria-label="Levels">
      <div className="picker-row">
        <button
          type="button"
          aria-label="Previous level"
          title="Previous level"
          onClick={previousLevel}
          disabled={!hasPrevious}
        >
          ‹
        </button>
        <LevelSelect entries={entries} currentIndex={currentIndex} progress={progress} />
        <button
          type="button"
          aria-label="Next level"
          title="Next level"
          onClick={nextLevel}
          disabled={!hasNext}
        >
          ›
        </button>
        <button
          type="button"
          onClick={() => nextUnsolved !== undefined && chooseLevel(nextUnsolved)}
          disabled={nextUnsolved === undefined}
          title="The next level you have not solved yet"
        >
          Next unsolved
        </button>
      </div>
      <p className="picker-progress">
        Solved {entries.filter((e) => e.ok && progress[e.index]?.user).length} of{' '}
        {entries.filter((e) => e.ok).length}
      </p>
      <GoToLevelForm />
    </nav>
  );
}
