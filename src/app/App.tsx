/**
 * The page: the game column (picker, board, status, controls, playback) on the left, on top on
 * phones; the side column (solver, level text, moves, share, help) on the right. Every panel
 * talks to the stores only; App just places them, installs the page's keys and starts the
 * coordinator (store/coordinator.ts) that connects the game, solver and playback stores.
 */
import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { BatchMount } from './batch/BatchMount';
import { Board } from './Board';
import { GameControls } from './GameControls';
import { GameStatus, LevelTitle, Notice } from './GameStatus';
import { LevelInput } from './LevelInput';
import { LevelPicker } from './LevelPicker';
import { MovesPanel } from './MovesPanel';
import { Playback } from './Playback';
import { SolverPanel } from './SolverPanel';
import { ShareLinkOpener, SharePanel } from './SharePanel';
import { usePageKeys } from './keyboard';
import { EpisodeMount } from './episode/EpisodeMount';
import { ThemeToggle } from './theme';
import { FullRectangleOption } from './board-view';
import { FirstVisitHint } from './FirstVisitHint';
import { KeyHelp, KeyHelpButton } from './KeyHelp';
import { SnapshotsPanel } from './SnapshotsPanel';
import { trackSolutions } from '../store/solution-tracking';
import { SolutionsMount } from './solutions/SolutionsMount';
import { coordinate } from '../store/coordinator';

// The editor is loaded when first opened, so the first load stays as small as it was.
const LevelEditor = lazy(() => import('./editor/LevelEditor'));
// The generator panel too: its worker does the heavy part, but the panel need not be first-load.
const GeneratorPanel = lazy(() => import('./generator/GeneratorPanel'));

export function App() {
  const [editing, setEditing] = useState(false);
  usePageKeys(!editing); // every key of the key table but the help's (KeyHelp)
  useEffect(() => trackSolutions(), []); // solutions kept, solved levels marked in the picker
  useEffect(() => coordinate(), []); // the game, solver and playback stores react to each other
  // Everything below the board (status, controls, playback) and the side column renders just
  // after the board's first draw (the Board's effect runs before this one), so the board shows
  // sooner: they are below or beside it, so nothing moves, and their render and layout no longer
  // delay it (on a cold load every component's first render also compiles its code). As a
  // transition, that second render yields to the browser, which shows the board first: rendered
  // in one piece, it kept the board off the screen until every panel was ready.
  const [panels, setPanels] = useState(false);
  useEffect(() => startTransition(() => setPanels(true)), []);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Sokoban Playground</h1>
        <p className="tagline">Paste a level, play it, undo anything.</p>
        <div className="display-options">
          <FullRectangleOption />
          <ThemeToggle />
        </div>
      </header>
      <ShareLinkOpener />
      <KeyHelp />
      <main className="layout">
        <section className="play" aria-label="Game">
          {editing ? (
            <Suspense fallback={<p>Loading the editor…</p>}>
              <LevelEditor onClose={() => setEditing(false)} />
            </Suspense>
          ) : (
            <>
              <LevelPicker />
              <LevelTitle />
              <Board />
              {panels && (
                <>
                  <GameStatus />
                  <Notice />
                  <GameControls onEdit={() => setEditing(true)} />
                  <Playback />
                </>
              )}
            </>
          )}
        </section>
        {panels && (
          <aside className="side">
            <FirstVisitHint />
            <SolverPanel />
            <BatchMount />
            <LevelInput />
            <MovesPanel />
            <EpisodeMount />
            <SnapshotsPanel />
            <SolutionsMount />
            <SharePanel />
            <Suspense fallback={null}>
              <GeneratorPanel />
            </Suspense>
            <details className="panel help">
              <summary>How to play</summary>
              <ul>
                <li>Push every box onto a goal. Boxes can be pushed, never pulled.</li>
                <li>
                  Arrows or WASD move; Z, Ctrl+Z or Backspace undo; Y, Ctrl+Y or Ctrl+Shift+Z redo;
                  R restarts (Undo brings the moves back).
                </li>
                <li>
                  Click a square to walk there. Drag a box to a square, or click a box and then a
                  square, to push it there.
                </li>
                <li>On a touch screen, swipe on the board to step; tap like a click.</li>
                <li>
                  Every key, from the same table the keys use: press ? or <KeyHelpButton />.
                </li>
              </ul>
            </details>
          </aside>
        )}
      </main>
    </div>
  );
}
