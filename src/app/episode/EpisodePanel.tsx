/**
 * The Episode analysis panel (loaded when first opened): an agent's actions in, in one of the
 * environments' integer orders (or LURD, or a whole episode file), replayed step by step on the
 * board; Analyze judges every step in the worker and draws the chart and the summary.
 */
import { type ChangeEvent, useId, useState } from 'react';
import {
  type EpisodeOrder,
  ACTION_ORDERS,
  ACTION_ORDER_LABELS,
  decodeAction,
  errorMessage,
} from '../../sokoban';
import { useEpisodeStore } from '../../store/episode';
import { episodeActions } from '../../store/episode-actions';
import { DismissibleAlert } from '../DismissibleAlert';
import { EpisodeAnalysis } from './EpisodeAnalysis';
import './episode.css';
import { countText } from '../../sokoban/count-text';

/** Episode files larger than this are refused before reading. */
const MAX_FILE_BYTES = 5_000_000;

const DIR_WORDS: Record<string, string> = { u: 'up', d: 'down', l: 'left', r: 'right' };

/** "3 (right)" or "6 (move down)" for the action of a step. */
export function actionText(order: string, action: number | string | null): string {
  if (action === null) return 'start';
  if (typeof action === 'string') return action;
  const decoded = order === 'lurd' ? null : decodeAction(order as never, action);
  if (!decoded) return String(action);
  if (decoded.type === 'noop') return `${action} (no-op)`;
  const what = decoded.type === 'step' ? '' : `${decoded.type} `;
  return `${action} (${what}${DIR_WORDS[decoded.dir]})`;
}

/** Reads the chosen episode file into the episode store, or says why it could not. */
async function openFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
  const input = e.currentTarget;
  const file = input.files?.[0];
  input.value = ''; // the same file again still fires a change
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    useEpisodeStore.setState({
      error: `Episode file: too large (${countText(file.size)} bytes).`,
    });
    return;
  }
  try {
    episodeActions.openEpisodeFile(await file.text());
  } catch (error) {
    useEpisodeStore.setState({
      error: `Episode file: "${file.name}" could not be read (${errorMessage(error)}).`,
    });
  }
}

function OrderSelect({
  id,
  chosen,
  onChoose,
}: {
  readonly id: string;
  readonly chosen: EpisodeOrder;
  readonly onChoose: (order: EpisodeOrder) => void;
}) {
  return (
    <select id={id} value={chosen} onChange={(e) => onChoose(e.target.value as EpisodeOrder)}>
      {ACTION_ORDERS.map((o) => (
        <option key={o} value={o} title={ACTION_ORDER_LABELS[o]}>
          {o}
        </option>
      ))}
      <option value="auto">Auto</option>
    </select>
  );
}

/** Which order Auto chose, and what went wrong. */
function ActionsFeedback() {
  const error = useEpisodeStore((s) => s.error);
  const choice = useEpisodeStore((s) => s.choice);
  const dismissError = useEpisodeStore((s) => s.dismissError);
  return (
    <>
      <div aria-live="polite">
        {choice && (
          <p className="episode-choice" data-testid="episode-choice">
            {choice}
          </p>
        )}
      </div>
      {error && <DismissibleAlert onDismiss={dismissError}>{error}</DismissibleAlert>}
    </>
  );
}

function ActionsForm() {
  const id = useId();
  const order = useEpisodeStore((s) => s.order);
  const { applyActions } = episodeActions;
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<EpisodeOrder>(order);
  const [shownOrder, setShownOrder] = useState(order);
  if (shownOrder !== order) {
    // A file sets the order: the select follows it.
    setShownOrder(order);
    setChosen(order);
  }

  return (
    <>
      <label htmlFor={`${id}-actions`} className="sub-label">
        Actions
      </label>
      <textarea
        id={`${id}-actions`}
        className="episode-actions"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            applyActions(text, chosen);
          }
        }}
        placeholder="[3, 3, 0, 1] or 3 3 0 1, LURD, or a pasted episode file"
        rows={3}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
      />
      <div className="row">
        <label htmlFor={`${id}-order`}>Action order</label>
        <OrderSelect id={`${id}-order`} chosen={chosen} onChoose={setChosen} />
        <button type="button" className="primary" onClick={() => applyActions(text, chosen)}>
          Apply actions
        </button>
        <label className="file-button">
          Open episode…
          <input type="file" accept=".json,application/json" onChange={(e) => void openFile(e)} />
        </label>
      </div>
      <p className="hint">
        {chosen === 'auto'
          ? 'Auto: the order with the fewest no-op steps.'
          : ACTION_ORDER_LABELS[chosen]}{' '}
        Ctrl+Enter applies.
      </p>
      <ActionsFeedback />
    </>
  );
}

function StepControls() {
  const id = useId();
  const episode = useEpisodeStore((s) => s.episode);
  const step = useEpisodeStore((s) => s.step);
  const attached = useEpisodeStore((s) => s.attached);
  const values = useEpisodeStore((s) => s.values);
  const seekStep = useEpisodeStore((s) => s.seekStep);
  if (!episode) return null;
  const last = episode.steps.length - 1;
  const here = episode.steps[Math.min(step, last)];
  if (!here) return null; // an episode without steps has nothing to step through
  const value = values?.[step];
  return (
    <div className="episode-steps">
      {!attached && (
        <p className="hint">
          The board has left this episode (another level, or moves by hand): Apply it again to step
          through it.
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => seekStep(step - 1)} disabled={!attached || step <= 0}>
          Step back
        </button>
        <button
          type="button"
          onClick={() => seekStep(step + 1)}
          disabled={!attached || step >= last}
        >
          Step forward
        </button>
        <label htmlFor={`${id}-step`}>Step</label>
        <input
          id={`${id}-step`}
          type="range"
          min={0}
          max={last}
          step={1}
          value={step}
          disabled={!attached}
          aria-valuetext={`Step ${step} of ${last}`}
          onChange={(e) => seekStep(Number(e.target.value))}
        />
      </div>
      <p className="episode-where" data-testid="episode-step">
        Step {step} of {last}: {actionText(episode.order, here.action)}
        {here.kind ? `, ${here.kind}` : ''} · {here.moves}/{here.pushes} (moves/pushes)
        {value !== undefined && value !== null ? ` · value ${value}` : ''}
      </p>
    </div>
  );
}

export default function EpisodePanel() {
  return (
    <div className="episode-panel">
      <p className="hint">
        Replays an agent&apos;s actions on the level on the board, with the environment&apos;s
        rules: an action into a wall is a no-op step.
      </p>
      <ActionsForm />
      <StepControls />
      <EpisodeAnalysis />
    </div>
  );
}
