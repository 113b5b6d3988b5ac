/** The cart-pole demo's pieces: its main chart, its main settings and the contents of its tabs. */
import { memo, useMemo } from 'react';
import type { CartpoleConfig } from '../../algorithms/cartpole/config';
import type { IterationRecord } from '../../algorithms/runtime/protocol';
import { useTrainer, type TrainerStore } from '../runtime';
import { DetailsTable, formatDiagnostic, type DetailRow } from '../frame/DetailsTable';
import { PrimarySetting } from '../frame/PrimarySetting';
import { Chart } from './Chart';
import { GradientFormula } from './GradientFormula';
import type { CartpoleParams } from './params';

type Store = TrainerStore<CartpoleConfig>;

const metric = (history: IterationRecord[], key: string) => history.map((r) => r.metrics[key] ?? NaN);

/** The main chart: mean episode return per iteration with the batch's min–max band, and the 100-episode mean. */
export function ReturnChart({ store }: { store: Store }) {
  const history = useTrainer(store, (s) => s.history);
  const { series, x } = useMemo(
    () => ({
      x: history.map((r) => r.iteration),
      series: [
        { label: 'iteration mean', color: 'var(--chart-1)', values: metric(history, 'meanReturn'), band: { lower: metric(history, 'minReturn'), upper: metric(history, 'maxReturn') } },
        { label: 'last 100 episodes', color: 'var(--chart-2)', dash: '6 4', values: metric(history, 'return100') },
      ],
    }),
    [history],
  );
  return <Chart title="Episode return (band: min–max)" series={series} x={x} yMin={0} yMax={500} />;
}

const LEARNING_RATES = [0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.1];

/** The three settings that change the lesson most; each applies at once and starts a new model. */
export function MainSettings({ params, onChange }: { params: CartpoleParams; onChange: (next: CartpoleParams) => void }) {
  const ac = params.algorithm === 'actor-critic';
  const rates = LEARNING_RATES.includes(params.learningRate) ? LEARNING_RATES : [...LEARNING_RATES, params.learningRate].sort((a, b) => a - b);
  const description = 'Changing it starts a new model at iteration 0';
  return (
    <>
      <PrimarySetting
        label="Algorithm"
        param="algorithm"
        value={params.algorithm}
        description={description}
        options={[
          { value: 'reinforce', label: 'REINFORCE' },
          { value: 'actor-critic', label: 'Actor-critic' },
        ]}
        onChange={(algorithm) => onChange({ ...params, algorithm })}
      />
      {ac ? (
        <PrimarySetting
          label="Advantage"
          param="advantage"
          value={params.advantage}
          description={description}
          options={[
            { value: 'gae', label: `GAE(λ = ${params.lambda})` },
            { value: 'nstep', label: `${params.nSteps}-step return` },
          ]}
          onChange={(advantage) => onChange({ ...params, advantage })}
        />
      ) : (
        <PrimarySetting
          label="Baseline"
          param="baseline"
          value={params.baseline}
          description={description}
          options={[
            { value: 'none', label: 'None' },
            { value: 'mean', label: 'Batch mean' },
            { value: 'value', label: 'Learned V(s)' },
          ]}
          onChange={(baseline) => onChange({ ...params, baseline })}
        />
      )}
      <PrimarySetting
        label="Learning rate"
        param="learningRate"
        value={String(params.learningRate)}
        description={description}
        options={rates.map((r) => ({ value: String(r), label: String(r) }))}
        onChange={(value) => onChange({ ...params, learningRate: Number(value) })}
      />
    </>
  );
}

/** The formula the settings compute, and the charts that explain it (entropy, gradient variance, value loss). */
export const FormulaAndCharts = memo(function FormulaAndCharts({ store, params }: { store: Store; params: CartpoleParams }) {
  const history = useTrainer(store, (s) => s.history);
  const hasValue = params.algorithm === 'actor-critic' || params.baseline === 'value';
  const x = useMemo(() => history.map((r) => r.iteration), [history]);
  const series = useMemo(
    () => ({
      entropy: [{ label: 'entropy', color: 'var(--chart-3)', values: metric(history, 'entropy') }],
      variance: [{ label: 'variance across 8 groups, mean over parameters', color: 'var(--chart-4)', values: metric(history, 'gradVariance') }],
      valueLoss: [{ label: 'value loss', color: 'var(--chart-2)', values: metric(history, 'valueLoss') }],
    }),
    [history],
  );
  return (
    <>
      <div className="cp-formula" aria-live="off">
        <p>
          <strong>What the gradient step computes</strong>
          {params.normalize
            ? ' (the advantages Â are then normalised over the batch to mean 0 and standard deviation 1; the Details tab shows them before normalising)'
            : ' (advantages used as they are: normalisation is off)'}
          :
        </p>
        <GradientFormula params={params} />
      </div>
      <div className="cp-charts">
        <Chart title="Policy entropy (nats; ln 2 ≈ 0.69 is a coin flip)" series={series.entropy} x={x} yMin={0} yMax={0.7} />
        <Chart title="Gradient variance (log scale)" series={series.variance} x={x} log />
        {hasValue ? <Chart title="Value loss (mean squared error of V(s), log scale)" series={series.valueLoss} x={x} log /> : null}
      </div>
      <p className="cp-note">
        Gradient variance: the batch is split into 8 groups (of whole episodes for REINFORCE, of environment copies for actor-critic); each group gives its own gradient estimate, and the chart shows their variance averaged over the network&apos;s parameters.
      </p>
    </>
  );
});

/** Raw diagnostics of the latest iteration, each named, raw and normalised kept apart. */
export function CartpoleDetails({ store, params }: { store: Store; params: CartpoleParams }) {
  const latest = useTrainer(store, (s) => s.latest);
  const iteration = useTrainer(store, (s) => s.iteration);
  const stepMs = useTrainer(store, (s) => s.stepMs);
  const delayMs = useTrainer(store, (s) => s.delayMs);
  const backend = useTrainer(store, (s) => s.backend);
  const m = (key: string) => formatDiagnostic(latest?.[key]);
  const rows: DetailRow[] = [
    { label: 'Iteration', value: String(iteration) },
    { label: 'Environment steps in this iteration', value: m('steps'), note: 'the batch the gradient is estimated from' },
    { label: 'Episodes finished in this iteration', value: m('episodes') },
    { label: 'Episodes so far', value: m('totalEpisodes') },
    { label: 'Episode return, this iteration: mean (min–max)', value: latest ? `${m('meanReturn')} (${m('minReturn')}–${m('maxReturn')})` : '–' },
    { label: 'Episode return, mean of the last 100 episodes', value: m('return100'), note: '475 or more counts as solved' },
    { label: 'Advantage Â before normalising: mean', value: m('advantageMean'), note: 'raw, in units of return' },
    { label: 'Advantage Â before normalising: standard deviation', value: m('advantageStd'), note: 'raw, in units of return' },
    {
      label: 'Advantage Â used in the gradient',
      value: params.normalize ? 'mean 0, std 1' : 'the raw values above',
      note: params.normalize ? 'normalised over the batch (normalisation is on)' : 'normalisation is off',
    },
    { label: 'Policy entropy (nats)', value: m('entropy'), note: 'ln 2 ≈ 0.693 is a fair coin' },
    { label: 'Policy loss (surrogate)', value: m('loss'), note: 'its gradient is the estimator; its value is not a performance measure' },
    { label: 'Gradient norm', value: m('gradNorm') },
    { label: 'Gradient variance', value: m('gradVariance'), note: 'across 8 groups of the batch, mean over parameters' },
    ...(latest?.valueLoss !== undefined ? [{ label: 'Value loss (MSE of V(s))', value: m('valueLoss') }] : []),
    { label: 'Compute time per iteration (ms)', value: formatDiagnostic(stepMs), note: 'in the worker, without the pause between iterations' },
    { label: 'Pause between iterations (ms)', value: String(delayMs), note: 'set by Speed; 0 = as fast as possible' },
    { label: 'Tensor backend', value: backend?.backend ?? '–', note: backend?.reason },
  ];
  return <DetailsTable caption={`Latest iteration (${iteration})`} rows={rows} />;
}
