/**
 * The branches of the current level's history (sokoban/history.ts): lines of play left by moving
 * after an undo. The list "Branches" has one button per branch, "Return to branch N (x moves)",
 * which makes that line the one played, with the cursor at its end; the line left becomes a
 * branch in turn, so returning is never a loss. Nothing is shown while there are no branches.
 */
import { useState } from 'react';
import { selectBranches, useGameStore } from '../store/game';
import './Branches.css';

export function Branches() {
  const branches = useGameStore(selectBranches);
  const returnToBranch = useGameStore((s) => s.returnToBranch);
  const [note, setNote] = useState('');
  return (
    <>
      {branches.length > 0 && (
        <ul aria-label="Branches" className="branch-list">
          {branches.map((b, i) => {
            // Counted, not built: a branch's moves can be long, and this renders on every move.
            const count = b.at + b.tail.length;
            const name = `Return to branch ${i + 1} (${count} moves)`;
            return (
              <li key={`${i}:${b.at}:${b.tail.length}`}>
                <button
                  type="button"
                  onClick={() => {
                    if (returnToBranch(i)) setNote(`Returned to branch ${i + 1}: ${count} moves.`);
                  }}
                >
                  {name}
                </button>{' '}
                <span className="hint">parts after move {b.at}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p aria-live="polite" className="hint">
        {note}
      </p>
    </>
  );
}
