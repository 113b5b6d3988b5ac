/**
 * Multi-armed bandits (exploration lecture, slot "bandits"): one live bandit pulled by the chosen
 * policy (estimates, UCB bounds, Thompson posteriors, pull counts), the regret of every policy over
 * many runs against the Lai–Robbins bound, and Q-learning on a chain with and without a count
 * bonus. A pure-JS worker session: each iteration is one pull; both experiments are queries.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { POLICY_LABELS, type PolicyId } from '../../algorithms/bandits/bandit';
import type { RegretExperiment } from '../../algorithms/bandits/regret';
import { validateBandit, type BanditConfig, type BanditQueries, type BanditView } from '../../algorithms/bandits/session';
import type { ParamValues } from '../../components/url/params';
import { DemoFrame, DetailsTable, formatDiagnostic, formatSeconds, PrimarySetting, useTrainerController } from '../frame';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import { TrainerNotice } from '../runtime';
import { isAbortError } from '../runtime/latest';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import type { DemoProps } from '../types';
import { ArmsView } from './ArmsView';
import { ChainPanel, type ChainRuns } from './ChainPanel';
import { banditManifest, parseMeans, type BanditParams } from './manifest';
import { RegretChart } from './RegretChart';
import { useRegretExperiment } from './useRegretExperiment';
import './bandits.css';

const createWorker = () => new Worker(new URL('../../../workers/bandits.worker.ts', import.meta.url), { type: 'module' });

/** The policies the regret chart compares: fixed and decaying ε, optimism, UCB1, Thompson. */
const COMPARED: PolicyId[] = ['epsilon-greedy', 'epsilon-decay', 'optimistic', 'ucb1', 'thompson'];
/** The most pulls one "Run" may ask for. */
export const MAX_PULLS_AT_ONCE = 1_000_000;

function configOf(values: ParamValues<BanditParams>): BanditConfig {
  const parsed = parseMeans(values.means);
  return {
    means: 'means' in parsed ? parsed.means : [],
    armType: values.armType,
    policy: values.policy,
    epsilon: values.epsilon,
    noise: values.noise,
  };
}

export default function BanditsDemo({ slotId }: DemoProps) {
  const params = useDemoParams(banditManifest, slotId);
  const [initial] = useState(() => params.values);
  const store = useTrainerStore<BanditConfig, BanditView, BanditQueries>(
    { trainerId: 'bandits', createWorker, config: configOf(initial), seed: initial.seed, withView: true, delayMs: 400, probe: false, checkpointEvery: 5000 },
    slotId,
  );
  const view = useTrainer(store, (s) => s.view);
  const status = useTrainer(store, (s) => s.status);
  const iteration = useTrainer(store, (s) => s.iteration);
  const config = useTrainer(store, (s) => s.config);
  useSeedInLink(store, params);
  const [pullProblem, setPullProblem] = useState<string | null>(null);
  const [pullsText, setPullsText] = useState('1000');
  const [generation, setGeneration] = useState(0);
  const ready = status !== 'idle' && status !== 'starting' && status !== 'error';

  const apply = (patch: Partial<ParamValues<BanditParams>>) => {
    const next = params.update(patch);
    const config = configOf(next);
    try {
      validateBandit(config);
    } catch {
      return; // the store shows the definition's message and keeps the old bandit
    }
    const current = store.getState();
    // a rejected or unrelated setting leaves the live bandit (and its pulls) alone
    const sameBandit = JSON.stringify(config) === JSON.stringify(current.config);
    if (sameBandit) {
      if (next.seed !== current.seed) void current.setSeed(next.seed);
      return;
    }
    void current.setConfig(config).then(() => {
      if (next.seed !== store.getState().seed) void store.getState().setSeed(next.seed);
    });
  };

  const controller = useTrainerController(store, slotId, {
    summary: (s, seconds) =>
      `${s.status === 'running' ? 'Pulling' : s.iteration > 0 ? 'Paused' : 'Ready'} · ${POLICY_LABELS[s.config.policy]} · pull ${s.iteration.toLocaleString('en')} · regret ${s.latest ? s.latest.regret.toFixed(1) : '0'} · ${formatSeconds(seconds)}`,
    presets: { move: (delta) => apply(params.cyclePreset(delta)), currentId: () => params.presetId },
  });

  // The experiment follows the bandit the worker actually has (a rejected setting changes nothing).
  const experiment = useMemo<RegretExperiment | null>(
    () => (config.means.length
      ? { means: config.means, type: config.armType, noise: config.noise, policies: COMPARED, runs: params.values.runs, steps: params.values.horizon, seed: params.values.seed, options: { epsilon: config.epsilon, noise: config.noise } }
      : null),
    [config, params.values.runs, params.values.horizon, params.values.seed],
  );
  const regret = useRegretExperiment(store, experiment, ready, generation);

  const [chain, setChain] = useState<ChainRuns | null>(null);
  const [chainError, setChainError] = useState<string | null>(null);
  const chainLength = params.values.chainLength;
  const seed = params.values.seed;
  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    setChain(null);
    setChainError(null);
    store.getState().query('chain', { length: chainLength, episodes: 300, seed }, abort.signal)
      .then((runs) => setChain({ ...runs, length: chainLength }))
      .catch((e: unknown) => {
        if (!isAbortError(e) && !abort.signal.aborted) setChainError(e instanceof Error ? e.message : 'The chain run failed.');
      });
    return () => abort.abort();
  }, [ready, store, chainLength, seed, generation]);

  const runPulls = async (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_PULLS_AT_ONCE) {
      setPullProblem(`The number of pulls must be a whole number from 1 to ${MAX_PULLS_AT_ONCE.toLocaleString('en')} (got "${raw}").`);
      return;
    }
    setPullProblem(null);
    const s = store.getState();
    if (s.status === 'running') await s.pause();
    const previous = store.getState().delayMs;
    store.getState().setSpeed(0);
    await store.getState().trainFor(n);
    store.getState().setSpeed(previous);
  };

  const latest = useTrainer(store, (s) => s.latest);
  const problems = [...params.linkProblems, ...params.updateProblems];
  const notices: ReactNode = (
    <>
      {problems.length ? (
        <div role="alert" className="bd-problems">
          <p>Some settings could not be used; the previous ones are kept:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {pullProblem ? <p role="alert" className="bd-problems">{pullProblem}</p> : null}
      {regret.error ? <p role="alert" className="bd-problems">{`The regret experiment stopped: ${regret.error}`}</p> : null}
      <TrainerNotice store={store} />
    </>
  );

  const pullButtons = [100, 1000, 10000]; // one pull is the Step button
  return (
    <div className="bd-demo" data-demo="bandits">
      <DemoFrame
        label="Multi-armed bandits"
        controller={controller}
        unit="pull"
        notices={notices}
        stage={
          <>
            <ArmsView view={view} showMeans={params.values.showMeans} />
            <p className="bd-note" aria-live="polite">
              {view && view.lastArm !== null
                ? `Pull ${view.pulls.toLocaleString('en')}: arm ${view.lastArm + 1} paid ${formatDiagnostic(view.lastReward ?? 0)} · regret ${view.regret.toFixed(2)}`
                : 'Bar: μ̂ · whisker: UCB1 · shape: Thompson'}
            </p>
            <div className="bd-controls" role="group" aria-label="Run many pulls">
              {pullButtons.map((n) => (
                <button key={n} type="button" disabled={!ready} onClick={() => void runPulls(String(n))}>{`+${n.toLocaleString('en')}`}</button>
              ))}
              <input type="text" inputMode="numeric" value={pullsText} onChange={(e) => setPullsText(e.target.value)} aria-label="Pulls to run" className="bd-pulls" />
              <button type="button" disabled={!ready} onClick={() => void runPulls(pullsText)}>Run</button>
              <label className="bd-check">
                <input type="checkbox" checked={params.values.showMeans} onChange={(e) => params.update({ showMeans: e.target.checked })} />
                Show true means
              </label>
            </div>
          </>
        }
        chart={<RegretChart summary={regret.summary} busy={regret.busy} />}
        settings={
          <>
            <PrimarySetting param="policy" label="Policy" value={params.values.policy}
              options={(Object.keys(POLICY_LABELS) as PolicyId[]).map((p) => ({ value: p, label: POLICY_LABELS[p] }))}
              onChange={(v) => apply({ policy: v })} description="Changing it starts a new bandit run" />
            <PrimarySetting label="Bandit" value={params.presetId ?? ''}
              options={[{ value: '', label: '(custom)' }, ...banditManifest.presets.map((p) => ({ value: p.id, label: p.label }))]}
              onChange={(id) => id && apply(params.applyPreset(id))} />
            <PrimarySetting param="armType" label="Rewards" value={params.values.armType}
              options={[{ value: 'bernoulli', label: 'Bernoulli (0 or 1)' }, { value: 'gaussian', label: 'Gaussian' }]}
              onChange={(v) => apply({ armType: v })} />
          </>
        }
        panels={[
          {
            id: 'settings', label: 'More settings',
            content: <MoreSettings params={params} apply={apply} onRerun={() => setGeneration((g) => g + 1)} />,
          },
          {
            id: 'chain', label: 'Deep exploration: a chain',
            content: <ChainPanel runs={chain} busy={ready && !chain} error={chainError} />,
          },
          {
            id: 'details', label: 'Details',
            content: (
              <DetailsTable caption="Live bandit" rows={[
                { label: 'Pulls', value: iteration.toLocaleString('en') },
                { label: 'Cumulative pseudo-regret', value: formatDiagnostic(latest?.regret) },
                { label: 'Pull counts', value: view ? view.counts.join(', ') : '–' },
                { label: 'Estimates μ̂', value: view ? view.estimates.map((e) => (Number.isNaN(e) ? '–' : e.toFixed(3))).join(', ') : '–' },
                { label: 'UCB1 bounds', value: view ? view.upper.map((u) => (Number.isFinite(u) ? u.toFixed(3) : '∞')).join(', ') : '–' },
                { label: 'Regret runs finished', value: regret.summary ? `${regret.summary.runsDone} / ${regret.summary.runs}` : '–' },
              ]} />
            ),
          },
        ]}
      />
    </div>
  );
}

function MoreSettings({ params, apply, onRerun }: {
  params: ReturnType<typeof useDemoParams<BanditParams>>;
  apply: (patch: Partial<ParamValues<BanditParams>>) => void;
  onRerun: () => void;
}) {
  const { table, values } = params;
  const [meansText, setMeansText] = useState(values.means);
  useEffect(() => setMeansText(values.means), [values.means]);
  const number = (key: 'epsilon' | 'noise' | 'runs' | 'horizon' | 'chainLength' | 'seed', step: number) => (
    <label key={key}>
      {table[key].label}
      <input type="number" step={step} min={table[key].min} max={table[key].max} defaultValue={values[key]}
        key={values[key]} onBlur={(e) => apply({ [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />
    </label>
  );
  return (
    <div className="bd-more">
      <form className="bd-means" onSubmit={(e) => { e.preventDefault(); apply({ means: meansText }); }}>
        <label>
          {table.means.label}
          <input type="text" value={meansText} onChange={(e) => setMeansText(e.target.value)} />
        </label>
        <button type="submit">Use these arms</button>
      </form>
      {number('epsilon', 0.01)}
      {number('noise', 0.1)}
      {number('runs', 10)}
      {number('horizon', 1000)}
      {number('chainLength', 1)}
      {number('seed', 1)}
      <button type="button" onClick={onRerun}>Run the regret experiment and the chain again</button>
    </div>
  );
}
