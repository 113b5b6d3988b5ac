import { useState, type FormEvent } from 'react';
import type { Param, parseParam as ParseParam } from '../../components/url/params';
import { cartpoleParamTable, type CartpoleParams } from './params';

interface Props {
  params: CartpoleParams;
  variant?: string;
  error: string | null;
  onApply: (next: CartpoleParams) => void;
  parse: typeof ParseParam;
  /** Settings shown elsewhere (the main settings beside the stage): left out here, kept as they are. */
  hide?: readonly (keyof CartpoleParams)[];
}

type Key = keyof CartpoleParams;
const LABELS: Record<Key, string> = {
  algorithm: 'Algorithm',
  returnKind: 'Weight each log-prob by',
  baseline: 'Baseline',
  gamma: 'Discount γ',
  normalize: 'Normalise advantages',
  advantage: 'Advantage estimator',
  lambda: 'GAE λ',
  nSteps: 'n (steps)',
  episodesPerBatch: 'Episodes per iteration',
  envs: 'Environment copies',
  rolloutSteps: 'Steps per copy per iteration',
  learningRate: 'Learning rate (policy)',
  valueLearningRate: 'Learning rate (value)',
  valueSteps: 'Value steps per iteration',
  hidden1: 'Hidden layer 1 width',
  hidden2: 'Hidden layer 2 width (0 = none)',
  seed: 'Seed',
};

/** Which settings matter for the chosen algorithm. */
function visibleKeys(draft: Record<Key, string>): Key[] {
  const ac = draft.algorithm === 'actor-critic';
  const keys: Key[] = ['algorithm'];
  if (ac) keys.push('advantage', draft.advantage === 'nstep' ? 'nSteps' : 'lambda', 'envs', 'rolloutSteps');
  else keys.push('returnKind', 'baseline', 'episodesPerBatch');
  keys.push('gamma', 'normalize', 'learningRate');
  if (ac || draft.baseline === 'value') keys.push('valueLearningRate', 'valueSteps');
  keys.push('hidden1', 'hidden2', 'seed');
  return keys;
}

const toText = (value: unknown) => (typeof value === 'boolean' ? (value ? '1' : '0') : String(value));

/** Every setting as a labelled control; nothing changes until "Apply", and bad values are named. */
export function SettingsForm({ params, variant, error, onApply, parse, hide = [] }: Props) {
  const table = cartpoleParamTable(variant) as Record<Key, Param>;
  const [draft, setDraft] = useState<Record<Key, string>>(() => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toText(v)])) as Record<Key, string>);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, unknown> = { ...params };
    const found: string[] = [];
    for (const key of Object.keys(table) as Key[]) {
      const parsed = parse(table[key], draft[key]);
      if ('error' in parsed) found.push(`${LABELS[key]}: ${parsed.error}`);
      else next[key] = parsed.value;
    }
    setProblems(found);
    if (found.length === 0) onApply(next as CartpoleParams);
  };

  const set = (key: Key, value: string) => setDraft({ ...draft, [key]: value });

  return (
    <form className="cp-settings" onSubmit={submit} aria-label="More training settings">
      <div className="cp-settings__grid">
        {visibleKeys(draft).filter((key) => !hide.includes(key)).map((key) => {
          const param = table[key];
          const id = `cp-${key}`;
          if (param.kind === 'choice')
            return (
              <label key={key} htmlFor={id} data-param={key}>
                {LABELS[key]}
                <select id={id} value={draft[key]} onChange={(e) => set(key, e.target.value)}>
                  {param.options.map((o) => <option key={o} value={o}>{o}</option>)}
                </select>
              </label>
            );
          if (param.kind === 'boolean')
            return (
              <label key={key} htmlFor={id} className="cp-check" data-param={key}>
                <input id={id} type="checkbox" checked={draft[key] === '1'} onChange={(e) => set(key, e.target.checked ? '1' : '0')} />
                {LABELS[key]}
              </label>
            );
          if (key === 'lambda' && param.kind === 'number')
            return (
              <label key={key} htmlFor={id} data-param={key}>
                {LABELS[key]} = {draft[key]}
                <input id={id} type="range" min={param.min} max={param.max} step={0.01} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
              </label>
            );
          return (
            <label key={key} htmlFor={id} data-param={key}>
              {LABELS[key]}
              <input id={id} type="text" inputMode="decimal" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
            </label>
          );
        })}
      </div>
      {problems.length > 0 || error ? (
        <div role="alert" className="cp-problems">
          {problems.map((p) => <p key={p}>{p}</p>)}
          {error ? <p>{error}</p> : null}
          <p>Nothing was changed; training keeps its current settings.</p>
        </div>
      ) : null}
      <button type="submit">Apply settings (rebuilds the network)</button>
    </form>
  );
}
