/**
 * The solutions kept for the level on the board (store/solutions.ts): the list "Solutions" with,
 * for each, who found it ("you", "solver"), `moves/pushes`, the date, a "Copy solution N" button
 * and a box to pick it for comparison; "Compare" shows the two picked side by side, playing back
 * in step (CompareSolutions.tsx).
 */
import { useId, useMemo, useState } from 'react';
import { selectEntry, selectLevel, useGameStore } from '../../store/game';
import { collectionKey } from '../../store/progress';
import {
  type KeptSolution,
  selectSolutions,
  solutionFromStart,
  useSolutionsStore,
} from '../../store/solutions';
import { copyText } from '../clipboard';
import { CompareSolutions } from './CompareSolutions';
import { finderText } from './finder-text';
import './solutions.css';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export default function SolutionsPanel() {
  const id = useId();
  const level = useGameStore(selectLevel);
  const entry = useGameStore(selectEntry);
  const entries = useGameStore((s) => s.entries);
  const data = useSolutionsStore((s) => s.data);
  const stored = entry?.ok ? selectSolutions(data, collectionKey(entries), entry.index) : null;
  // Stored text is not trusted: only what replays to solved on this board is listed.
  const list = useMemo(
    () =>
      level && stored ? stored.filter((s) => solutionFromStart(level, s.lurd) === s.lurd) : [],
    [level, stored],
  );
  // Picked solutions by their moves (a list position shifts when one is dropped).
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [compared, setCompared] = useState<{
    readonly solutions: readonly [KeptSolution, KeptSolution];
    /** Their numbers in the list when Compare was pressed. */
    readonly numbers: readonly [number, number];
  } | null>(null);
  const [note, setNote] = useState('');
  // Another level: its own picks, no comparison.
  const [shownFor, setShownFor] = useState(level);
  if (shownFor !== level) {
    setShownFor(level);
    setPicked([]);
    setCompared(null);
  }
  const pickedHere = list.filter((s) => picked.includes(s.lurd));

  const pick = (s: KeptSolution, on: boolean) =>
    // Picking a third lets the earliest picked go: two are compared.
    setPicked((p) =>
      on ? [...p.filter((l) => l !== s.lurd), s.lurd].slice(-2) : p.filter((l) => l !== s.lurd),
    );

  const copy = async (s: KeptSolution, n: number) =>
    setNote(
      (await copyText(s.lurd))
        ? `Copied solution ${n} (${s.moves}/${s.pushes}).`
        : `Solution ${n} could not be copied: the browser refused the clipboard.`,
    );

  return (
    <div className="solutions-panel">
      {list.length === 0 ? (
        <p className="hint">
          No solutions of this level yet: solve it by hand, or with Solve, and it is kept here.
        </p>
      ) : (
        <ul aria-label="Solutions" className="solution-list">
          {list.map((s, i) => (
            <li key={s.lurd}>
              <input
                id={`${id}-pick-${i}`}
                type="checkbox"
                aria-label={`Pick solution ${i + 1} to compare`}
                checked={picked.includes(s.lurd)}
                onChange={(e) => pick(s, e.target.checked)}
              />
              <label htmlFor={`${id}-pick-${i}`} className="solution-text">
                <span className="solution-number">{i + 1}.</span> {finderText(s.by)}{' '}
                <span className="solution-length">
                  {s.moves}/{s.pushes}
                </span>{' '}
                <span className="hint">{DATE.format(s.found)}</span>
              </label>
              <button
                type="button"
                aria-label={`Copy solution ${i + 1}`}
                onClick={() => void copy(s, i + 1)}
              >
                Copy
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length > 1 && (
        <div className="row">
          <button
            type="button"
            disabled={pickedHere.length !== 2}
            onClick={() =>
              setCompared({
                solutions: [pickedHere[0], pickedHere[1]],
                numbers: [list.indexOf(pickedHere[0]) + 1, list.indexOf(pickedHere[1]) + 1],
              })
            }
          >
            Compare
          </button>
          <span className="hint">
            {pickedHere.length === 2 ? 'Two picked.' : 'Pick two solutions to compare them.'}
          </span>
        </div>
      )}
      <p aria-live="polite" className="hint">
        {note}
      </p>
      {compared && level && (
        <CompareSolutions
          level={level}
          solutions={compared.solutions}
          numbers={compared.numbers}
          onClose={() => setCompared(null)}
        />
      )}
    </div>
  );
}
