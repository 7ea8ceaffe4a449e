/**
 * The solutions kept for the level on the board (store/solutions.ts): the list "Solutions" with,
 * for each, who found it ("you", "solver"), `moves/pushes`, the date, a "Copy solution N" button
 * and a box to pick it for comparison; "Compare" shows the two picked side by side, playing back
 * in step (CompareSolutions.tsx).
 */
import { useId, useMemo, useState } from 'react';
import type { Level } from '../../sokoban';
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

/** The kept solutions of the level on the board that replay to solved on it. */
function useKeptSolutions(level: Level | null): readonly KeptSolution[] {
  const entry = useGameStore(selectEntry);
  const entries = useGameStore((s) => s.entries);
  const data = useSolutionsStore((s) => s.data);
  const stored = entry?.ok ? selectSolutions(data, collectionKey(entries), entry.index) : null;
  // Stored text is not trusted: only what replays to solved on this board is listed.
  return useMemo(
    () =>
      level && stored ? stored.filter((s) => solutionFromStart(level, s.lurd) === s.lurd) : [],
    [level, stored],
  );
}

interface ItemProps {
  readonly solution: KeptSolution;
  readonly number: number;
  readonly picked: boolean;
  onPick: (on: boolean) => void;
  onCopy: () => void;
}

/** One row: the box that picks it for comparison, who found it, moves/pushes, date, Copy. */
function SolutionItem({ solution: s, number, picked, onPick, onCopy }: ItemProps) {
  const id = useId();
  return (
    <li>
      <input
        id={id}
        type="checkbox"
        aria-label={`Pick solution ${number} to compare`}
        checked={picked}
        onChange={(e) => onPick(e.target.checked)}
      />
      <label htmlFor={id} className="solution-text">
        <span className="solution-number">{number}.</span> {finderText(s.by)}{' '}
        <span className="solution-length">
          {s.moves}/{s.pushes}
        </span>{' '}
        <span className="hint">{DATE.format(s.found)}</span>
      </label>
      <button type="button" aria-label={`Copy solution ${number}`} onClick={onCopy}>
        Copy
      </button>
    </li>
  );
}

export default function SolutionsPanel() {
  const level = useGameStore(selectLevel);
  const list = useKeptSolutions(level);
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
            <SolutionItem
              key={s.lurd}
              solution={s}
              number={i + 1}
              picked={picked.includes(s.lurd)}
              onPick={(on) => pick(s, on)}
              onCopy={() => void copy(s, i + 1)}
            />
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
                solutions: [pickedHere[0]!, pickedHere[1]!],
                numbers: [list.indexOf(pickedHere[0]!) + 1, list.indexOf(pickedHere[1]!) + 1],
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
