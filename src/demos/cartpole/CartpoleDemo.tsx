import { useEffect, useMemo, useRef, useState } from 'react';
import type { DemoProps } from '../types';
import { parseParam, readParams, writeParams } from '../../components/url/params';
import { validateConfig } from '../../algorithms/cartpole/config';
import { mlpFromSnapshot } from '../../algorithms/common/mlp';
import type { CartpoleViewData } from '../../algorithms/cartpole/trainer';
import { decodeWeightFile } from '../../algorithms/runtime/weightFile';
import { registerTestTool, TrainerPanel, useTrainer, useTrainerStore } from '../runtime';
import { VecCartPole } from '../../algorithms/cartpole/env';
import { createRng } from '../../algorithms/common/rng';
import { CartpoleView, type ViewPolicy } from './CartpoleView';
import { Chart } from './Chart';
import { CompareMode, createCartpoleWorker } from './CompareMode';
import { cartpoleParamTable, configOf, type CartpoleParams } from './params';
import { SettingsForm } from './SettingsForm';
import { GradientFormula } from './GradientFormula';
import './cartpole.css';

const PRETRAINED_URL = `${import.meta.env.BASE_URL}models/cartpole/policy.json`;

function readUrl(variant: string | undefined, slotId: string) {
  return readParams(cartpoleParamTable(variant), new URLSearchParams(window.location.search), slotId);
}

/** CartPole-v1 trained live with REINFORCE or actor-critic (lectures: policy gradients, actor-critic). */
export default function CartpoleDemo({ slotId, variant }: DemoProps) {
  const [initial] = useState(() => readUrl(variant, slotId));
  const [params, setParams] = useState<CartpoleParams>(initial.values);
  const [formError, setFormError] = useState<string | null>(null);
  const store = useTrainerStore(
    { trainerId: 'cartpole', createWorker: createCartpoleWorker, config: configOf(initial.values), seed: initial.values.seed, withView: true },
    slotId,
  );
  const history = useTrainer(store, (s) => s.history);
  const latest = useTrainer(store, (s) => s.latest);
  const policyRef = useRef<ViewPolicy | null>(null);
  const [pretrained, setPretrained] = useState<{ text: string; error: string | null } | null>(null);
  const [showCompare, setShowCompare] = useState(false);

  // The shipped policy drives the cart the moment the page opens.
  useEffect(() => {
    let cancelled = false;
    fetch(PRETRAINED_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => {
        if (cancelled) return;
        const file = decodeWeightFile(text, 'cartpole');
        if (!policyRef.current) policyRef.current = { net: mlpFromSnapshot(file.snapshot), label: 'pre-trained policy' };
        setPretrained({ text, error: null });
      })
      .catch((error: unknown) => !cancelled && setPretrained({ text: '', error: `The pre-trained policy could not be loaded (${String(error)}).` }));
    return () => {
      cancelled = true;
    };
  }, []);

  // Once training has produced a policy, it drives the cart (read per frame, no React render).
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.view === previous.view || !state.view || state.iteration === 0) return;
        const view = state.view as CartpoleViewData;
        policyRef.current = { net: mlpFromSnapshot(view.policy), label: `training policy, iteration ${state.iteration}` };
      }),
    [store],
  );

  const apply = async (next: CartpoleParams) => {
    const config = configOf(next);
    try {
      validateConfig(config);
    } catch (error) {
      setFormError((error as Error).message);
      return;
    }
    setFormError(null);
    setParams(next);
    const url = new URL(window.location.href);
    writeParams(cartpoleParamTable(variant), next, url.searchParams, slotId);
    window.history.replaceState(window.history.state, '', url);
    await store.getState().setConfig(config);
    if (next.seed !== store.getState().seed) await store.getState().setSeed(next.seed);
  };

  const loadPretrained = async () => {
    if (!pretrained?.text) return;
    await store.getState().uploadWeights(Object.assign(new Blob([pretrained.text], { type: 'application/json' }), { name: 'the pre-trained policy' }));
  };

  const series = useMemo(() => {
    const metric = (key: string) => history.map((r) => r.metrics[key] ?? NaN);
    return {
      returns: [
        { label: 'mean', color: '#0072b2', values: metric('meanReturn'), band: { lower: metric('minReturn'), upper: metric('maxReturn') } },
        { label: 'last 100 episodes', color: '#d55e00', dash: '6 4', values: metric('return100') },
      ],
      entropy: [{ label: 'entropy', color: '#009e73', values: metric('entropy') }],
      variance: [{ label: 'variance across 8 groups of episodes/copies, mean over parameters', color: '#cc79a7', values: metric('gradVariance') }],
      valueLoss: [{ label: 'value loss', color: '#d55e00', values: metric('valueLoss') }],
    };
  }, [history]);

  // Bench hook: vectorised environment steps per second on this page's thread.
  useEffect(
    () =>
      registerTestTool('cartpole-env-steps-per-s', async () => {
        const env = new VecCartPole(64, createRng(1));
        const actions = new Uint8Array(64).map((_, i) => i % 2);
        const started = performance.now();
        let steps = 0;
        while (performance.now() - started < 500) {
          for (let k = 0; k < 100; k++) env.step(actions);
          steps += 6400;
        }
        return steps / ((performance.now() - started) / 1000);
      }),
    [],
  );
  const isAc = params.algorithm === 'actor-critic';
  const hasValue = isAc || params.baseline === 'value';
  const fmt = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? '–' : Number(v.toPrecision(digits)).toString());

  return (
    <div className="cartpole-demo">
      {initial.problems.length > 0 ? (
        <div role="alert" className="cp-problems">
          <p>Some settings in the link were ignored:</p>
          <ul>{initial.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <CartpoleView policyRef={policyRef} slotId={slotId} />
      {pretrained?.error ? <p role="alert" className="cp-problems">{pretrained.error}</p> : null}
      <TrainerPanel store={store} />
      <div className="cp-row">
        <button type="button" className="secondary" disabled={!pretrained?.text} onClick={() => void loadPretrained()}>
          Load the pre-trained policy into the trainer
        </button>
      </div>
      <div className="cp-formula" aria-live="off">
        <p>
          <strong>What the gradient step computes</strong>
          {params.normalize ? ' (advantages then normalised to mean 0, std 1 over the batch)' : ''}:
        </p>
        <GradientFormula params={params} />
        <p className="cp-numbers">
          Latest batch: {fmt(latest?.steps, 6)} steps · mean Â = {fmt(latest?.advantageMean)} · std Â = {fmt(latest?.advantageStd)} · gradient variance = {fmt(latest?.gradVariance)} · mean return (last 100) = {fmt(latest?.return100)}
        </p>
      </div>
      <div className="cp-charts">
        <Chart
          title="Episode return per iteration (band: min–max)"
          series={series.returns}
          yMin={0}
          yMax={500}
        />
        <Chart title="Policy entropy (nats)" series={series.entropy} yMin={0} yMax={0.7} />
        <Chart
          title="Gradient variance (log scale)"
          series={series.variance}
          log
        />
        {hasValue ? <Chart title="Value loss (MSE of V(s))" series={series.valueLoss} log /> : null}
      </div>
      <p className="cp-note">
        Gradient variance: the batch is split into 8 groups (of whole episodes for REINFORCE, of environment copies for actor-critic); each group gives its own gradient estimate, and the chart shows their variance averaged over the network&apos;s parameters.
      </p>
      <SettingsForm params={params} variant={variant} error={formError} onApply={(next) => void apply(next)} parse={parseParam} />
      <div className="cp-row">
        <button type="button" className="secondary" aria-expanded={showCompare} onClick={() => setShowCompare(!showCompare)}>
          {showCompare ? 'Hide compare mode' : 'Compare configurations across seeds'}
        </button>
      </div>
      {showCompare ? <CompareMode /> : null}
    </div>
  );
}
