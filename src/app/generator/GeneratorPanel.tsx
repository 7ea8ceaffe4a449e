/**
 * The Generator panel (loaded on demand): Boxoban-style levels made in a worker, each proven
 * solvable by the engine in optimal mode before it is shown.
 *
 * - Generate: one level from the seed and parameters; it opens on the board (added to the
 *   collection, the other levels and their moves kept) with its optimal push count, and a seed
 *   link that makes the same level again anywhere.
 * - Generate 100: a collection of 100 levels (seeds S … S + 99, as the CLI numbers them), with
 *   a progress bar and Cancel; "Play collection" then loads it like a pasted file.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  DEFAULT_PARAMS,
  type GeneratedLevel,
  type GeneratorParams,
  MAX_BOXES,
  MAX_MIN_PUSHES,
  MAX_SEED,
  MAX_SIDE,
  MIN_BOXES,
  MIN_SIDE,
  checkParams,
  describeGenerated,
  printGeneratedCollection,
} from '../../generator';
import { encodeSeedLink } from '../../generator/seed-link';
import { useGameStore } from '../../store/game';
import { GeneratorClient, type GenerateOutcome } from '../../worker/generator-client';
import { copyText } from '../clipboard';
import { linkFor } from '../SharePanel';
import { openGenerated } from './open-generated';
import './generator.css';

/** The part of GeneratorClient the panel uses (tests pass a fake). */
export type GeneratorLike = Pick<GeneratorClient, 'generate' | 'cancel' | 'dispose'>;

export const COLLECTION_SIZE = 100;

type Fields = Record<keyof GeneratorParams, string>;

const FIELDS: readonly {
  key: keyof GeneratorParams;
  label: string;
  min: number;
  max: number;
}[] = [
  { key: 'boxes', label: 'Boxes', min: MIN_BOXES, max: MAX_BOXES },
  { key: 'seed', label: 'Seed', min: 0, max: MAX_SEED },
  { key: 'width', label: 'Width', min: MIN_SIDE, max: MAX_SIDE },
  { key: 'height', label: 'Height', min: MIN_SIDE, max: MAX_SIDE },
  { key: 'minPushes', label: 'Min pushes', min: 0, max: MAX_MIN_PUSHES },
];

function fieldsOf(p: GeneratorParams): Fields {
  return {
    boxes: String(p.boxes),
    seed: String(p.seed),
    width: String(p.width),
    height: String(p.height),
    minPushes: String(p.minPushes),
  };
}

/** The fields as parameters; an empty or non-numeric field is a message, not a default. */
function readFields(fields: Fields): ReturnType<typeof checkParams> {
  const values: Partial<Record<keyof GeneratorParams, number>> = {};
  for (const { key, label } of FIELDS) {
    const text = fields[key].trim();
    if (!/^\d{1,10}$/.test(text))
      return { ok: false, message: `${label} must be a whole number, not "${text.slice(0, 20)}".` };
    values[key] = Number(text);
  }
  return checkParams(values);
}

type Job =
  { kind: 'idle' } | { kind: 'one'; seed: number } | { kind: 'many'; done: number; total: number };

interface Collection {
  readonly levels: readonly GeneratedLevel[];
  readonly complete: boolean;
}

const newClient = (): GeneratorLike => new GeneratorClient();

/** The panel's state and its actions: the job, what it made, and the messages about it. */
function useGenerator(createClient: () => GeneratorLike) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(DEFAULT_PARAMS));
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [made, setMade] = useState<GeneratedLevel | null>(null);
  const [collection, setCollection] = useState<Collection | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const client = useRef<GeneratorLike | null>(null);
  useEffect(() => () => client.current?.dispose(), []);

  const start = async (count: number) => {
    const read = readFields(fields);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setError(null);
    setMessage('');
    const params = read.params;
    client.current ??= createClient();
    if (count === 1) {
      setJob({ kind: 'one', seed: params.seed });
      const outcome = await client.current.generate(params, 1);
      setJob({ kind: 'idle' });
      finishOne(outcome);
    } else {
      setCollection(null);
      setJob({ kind: 'many', done: 0, total: count });
      const outcome = await client.current.generate(params, count, (_level, index) =>
        setJob({ kind: 'many', done: index + 1, total: count }),
      );
      setJob({ kind: 'idle' });
      finishMany(outcome, params, count);
    }
  };

  const finishOne = (outcome: GenerateOutcome) => {
    if (outcome.status === 'cancelled') return setMessage('Generating was cancelled.');
    if (outcome.status === 'failed') return setError(outcome.message);
    const level = outcome.levels[0];
    if (!level) return setError('No level was made.');
    const opened = openGenerated(useGameStore.getState(), level);
    if (!opened.ok) return setError(opened.message);
    setMade(level);
  };

  const finishMany = (outcome: GenerateOutcome, params: GeneratorParams, count: number) => {
    const n = outcome.levels.length;
    const seeds = n > 0 ? `seeds ${params.seed} to ${params.seed + n - 1}` : 'no levels';
    if (outcome.status === 'done')
      setMessage(`${n} levels made (${seeds}), each proven solvable with its optimal push count.`);
    else if (outcome.status === 'cancelled')
      setMessage(`Cancelled after ${n} of ${count} levels (${seeds}).`);
    else setError(`${outcome.message} ${n} of ${count} levels were made (${seeds}).`);
    setCollection(n > 0 ? { levels: outcome.levels, complete: outcome.status === 'done' } : null);
  };

  const cancel = () => client.current?.cancel();
  return { fields, setFields, job, made, collection, message, setMessage, error, start, cancel };
}

export default function GeneratorPanel({
  createClient = newClient,
}: {
  readonly createClient?: () => GeneratorLike;
}) {
  const id = useId();
  const generator = useGenerator(createClient);
  const { job, made, collection, message, error, setMessage } = generator;
  const running = job.kind !== 'idle';
  return (
    <section className="panel generator-panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        Generator
      </h2>
      <GeneratorFields fields={generator.fields} onChange={generator.setFields} />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void generator.start(1)}
        >
          Generate
        </button>
        <button
          type="button"
          disabled={running}
          onClick={() => void generator.start(COLLECTION_SIZE)}
        >
          Generate {COLLECTION_SIZE}
        </button>
        {running && (
          <button type="button" onClick={generator.cancel}>
            Cancel
          </button>
        )}
      </div>
      <GeneratorStatus job={job} made={running ? null : made} message={message} />
      {made && !running && <SeedLinkRow id={id} made={made} onMessage={setMessage} />}
      {collection && !running && <CollectionRow collection={collection} onMessage={setMessage} />}
      {error && (
        <p role="alert" className="generator-error">
          {error}
        </p>
      )}
    </section>
  );
}

/** The parameter fields, one number input each. */
function GeneratorFields({
  fields,
  onChange,
}: {
  readonly fields: Fields;
  readonly onChange: (fields: Fields) => void;
}) {
  return (
    <div className="generator-fields">
      {FIELDS.map(({ key, label, min, max }) => (
        <label key={key} className="generator-field">
          {label}
          <input
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={fields[key]}
            onChange={(e) => onChange({ ...fields, [key]: e.target.value })}
          />
        </label>
      ))}
    </div>
  );
}

/** The progress bar of Generate 100 and the live region: what is running, what was made. */
function GeneratorStatus({
  job,
  made,
  message,
}: {
  readonly job: Job;
  /** The level last made, or null while a job runs. */
  readonly made: GeneratedLevel | null;
  readonly message: string;
}) {
  return (
    <>
      {job.kind === 'many' && (
        <label className="sub-label">
          Generated {job.done} of {job.total}
          <progress
            className="generator-progress"
            aria-label="Generation progress"
            max={job.total}
            value={job.done}
          />
        </label>
      )}
      <div aria-live="polite" className="generator-live">
        {job.kind === 'one' && <p>Generating seed {job.seed} and proving it solvable…</p>}
        {made && (
          <p className="generator-made">
            {made.level.title}: proven solvable in <strong>{made.pushes} pushes (optimal)</strong>,{' '}
            {made.moves} moves. <span className="hint">{describeGenerated(made)}</span>
          </p>
        )}
        {message && <p>{message}</p>}
      </div>
    </>
  );
}

/** The seed link of the level just made, to copy. */
function SeedLinkRow({
  id,
  made,
  onMessage,
}: {
  readonly id: string;
  readonly made: GeneratedLevel;
  readonly onMessage: (message: string) => void;
}) {
  const linkRef = useRef<HTMLInputElement>(null);
  const seedLink = linkFor(encodeSeedLink(made.params));
  const copyLink = async () => {
    onMessage(
      (await copyText(seedLink, linkRef.current)) ? 'Seed link copied.' : 'Copy the link below.',
    );
  };
  return (
    <div className="row">
      <label htmlFor={`${id}-link`} className="sub-label">
        Seed link
      </label>
      <input
        id={`${id}-link`}
        ref={linkRef}
        type="text"
        readOnly
        value={seedLink}
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
      />
      <button type="button" onClick={() => void copyLink()}>
        Copy seed link
      </button>
    </div>
  );
}

/** Play or copy the collection Generate 100 made. */
function CollectionRow({
  collection,
  onMessage,
}: {
  readonly collection: Collection;
  readonly onMessage: (message: string) => void;
}) {
  const playCollection = () => {
    if (useGameStore.getState().load(printGeneratedCollection(collection.levels)))
      onMessage(`Playing the generated collection of ${collection.levels.length} levels.`);
  };
  const copyCollection = async () => {
    const text = printGeneratedCollection(collection.levels);
    onMessage(
      (await copyText(text)) ? 'Collection copied as XSB.' : 'The clipboard is not available here.',
    );
  };
  return (
    <div className="row">
      <button type="button" onClick={playCollection}>
        Play collection
      </button>
      <button type="button" onClick={() => void copyCollection()}>
        Copy collection
      </button>
    </div>
  );
}
