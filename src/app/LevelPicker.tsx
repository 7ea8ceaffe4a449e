/**
 * The level picker, shown when the loaded text holds more than one level: previous and next, a
 * select whose options read "#index title", and a "Go to level" box that takes a title first
 * (Boxoban titles are the numbers of the "; N" headers) and otherwise a 1-based position.
 */
import { useState, type FormEvent } from 'react';
import { useGameStore } from '../store/game';

export function LevelPicker() {
  const entries = useGameStore((s) => s.entries);
  const currentIndex = useGameStore((s) => s.currentIndex);
  const chooseLevel = useGameStore((s) => s.chooseLevel);
  const nextLevel = useGameStore((s) => s.nextLevel);
  const previousLevel = useGameStore((s) => s.previousLevel);
  const goToLevel = useGameStore((s) => s.goToLevel);
  const [query, setQuery] = useState('');

  if (entries.length < 2) return null;
  const hasPrevious = entries.slice(0, currentIndex).some((e) => e.ok);
  const hasNext = entries.slice(currentIndex + 1).some((e) => e.ok);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (goToLevel(query)) {
      setQuery('');
      // Hand the keys back to the game (arrows in a number box would change the number).
      (document.activeElement as HTMLElement | null)?.blur();
    }
  };

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
              {`#${entry.index}${entry.title ? ` ${entry.title}` : ''}${entry.ok ? '' : ' (cannot be played)'}`}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-label="Next level"
          title="Next level"
          onClick={nextLevel}
          disabled={!hasNext}
        >
          ›
        </button>
      </div>
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
    </nav>
  );
}
