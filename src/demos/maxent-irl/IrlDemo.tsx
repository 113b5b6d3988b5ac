/**
 * Maximum-entropy IRL (inverse-RL lecture, slot "irl"): a hidden true reward on a gridworld
 * (preset or painted), demonstrations sampled from its soft-optimal policy, and the recovered
 * reward iteration by iteration beside it, with the backward-pass values, the forward-pass
 * visitation, the signed gradient and the log-likelihood. A pure-JS worker session.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { presetReward, REWARD_PRESETS } from '../../algorithms/irl/presets';
import { validateIrl, type IrlConfig, type IrlQueries, type IrlView } from '../../algorithms/irl/session';
import { defaults } from '../../components/url/params';
import type { ParamValues } from '../../components/url/params';
import { DemoFrame, DetailsTable, formatDiagnostic, formatSeconds, niceTicks, formatTick, PrimarySetting, useTrainerController } from '../frame';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import { TrainerNotice } from '../runtime';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import type { DemoProps } from '../types';
import { HeatMap } from './HeatMap';
import { irlManifest, type IrlParams } from './manifest';
import './irl.css';

const createWorker = () => new Worker(new URL('../../../workers/maxent-irl.worker.ts', import.meta.url), { type: 'module' });

function configOf(values: ParamValues<IrlParams>, custom: number[] | null): IrlConfig {
  const side = values.size;
  const trueReward = values.preset === 'custom' && custom && custom.length === side * side ? custom : Array.from(presetReward(values.preset === 'custom' ? 'lava' : values.preset, side, side));
  return { rows: side, cols: side, trueReward, noise: values.noise, horizon: values.horizon, demonstrations: values.demonstrations, rate: values.rate };
}

function LikelihoodChart({ points }: { points: { iteration: number; value: number }[] }) {
  if (points.length < 2) return <p className="irl-note">The log-likelihood of the demonstrations appears once IRL runs.</p>;
  const width = 480, height = 170, left = 56, bottom = 34, top = 8;
  const last = points[points.length - 1].iteration;
  const first = points[0].iteration;
  const scale = niceTicks(Math.min(...points.map((p) => p.value)), Math.max(...points.map((p) => p.value)), 4);
  const x = (i: number) => left + ((i - first) / Math.max(1, last - first)) * (width - left - 8);
  const y = (v: number) => top + (1 - (v - scale.min) / Math.max(1e-12, scale.max - scale.min)) * (height - top - bottom);
  return (
    <svg className="irl-chart" viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={`Log-likelihood per demonstration ${points[points.length - 1].value.toFixed(3)} at iteration ${last}`}>
      {scale.ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} className="irl-grid" />
          <text x={left - 4} y={y(v) + 5} className="irl-tick" textAnchor="end">{formatTick(v, scale.step)}</text>
        </g>
      ))}
      <polyline points={points.map((p) => `${x(p.iteration)},${y(p.value)}`).join(' ')} fill="none" stroke="#0072b2" strokeWidth={2} />
      <text x={(left + width) / 2} y={height - 4} className="irl-tick" textAnchor="middle">{`iteration (to ${last})`}</text>
    </svg>
  );
}

export default function IrlDemo({ slotId }: DemoProps) {
  const params = useDemoParams(irlManifest, slotId);
  const [custom, setCustom] = useState<number[] | null>(null);
  // a link whose settings cannot make a problem (no demonstrations) starts from the defaults, and says so
  const [start] = useState(() => {
    try {
      validateIrl(configOf(params.values, null));
      return { values: params.values, problem: null };
    } catch (e) {
      return { values: { ...defaults(params.table), seed: params.values.seed }, problem: `${e instanceof Error ? e.message : String(e)} The default settings are used instead.` };
    }
  });
  const initial = start.values;
  const store = useTrainerStore<IrlConfig, IrlView, IrlQueries>(
    { trainerId: 'maxent-irl', createWorker, config: configOf(initial, null), seed: initial.seed, withView: true, delayMs: 150, probe: false, checkpointEvery: 200 },
    slotId,
  );
  useSeedInLink(store, params);
  const view = useTrainer(store, (s) => s.view);
  const history = useTrainer(store, (s) => s.history);
  const latest = useTrainer(store, (s) => s.latest);
  const [brush, setBrush] = useState('1');
  const [problem, setProblem] = useState<string | null>(start.problem);
  const { update } = params;
  useEffect(() => {
    if (start.problem) update(start.values);
  }, [start, update]);

  const submit = (config: IrlConfig) => {
    try {
      validateIrl(config);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      return false;
    }
    setProblem(null);
    void store.getState().setConfig(config);
    return true;
  };
  const apply = (patch: Partial<ParamValues<IrlParams>>) => {
    const before = params.values;
    const next = params.update(patch);
    if (!submit(configOf(next, custom))) params.update(before);
    else if (next.seed !== store.getState().seed) void store.getState().setSeed(next.seed);
  };

  const paint = (cell: number) => {
    const value = Number(brush);
    if (brush.trim() === '' || !Number.isFinite(value)) {
      setProblem(`The paint value "${brush}" is not a number; the reward is unchanged.`);
      return;
    }
    const base = store.getState().config.trueReward.slice();
    base[cell] = value;
    if (submit({ ...store.getState().config, trueReward: base })) {
      setCustom(base);
      params.update({ preset: 'custom' });
    }
  };

  const controller = useTrainerController(store, slotId, {
    summary: (s, seconds) =>
      `${s.status === 'running' ? 'Learning' : s.iteration > 0 ? 'Paused' : 'Ready'} · iteration ${s.iteration} · log-likelihood ${s.latest ? s.latest.logLikelihood.toFixed(3) : '–'} · largest |gradient| ${s.latest ? s.latest.gradientNorm.toFixed(3) : '–'} · ${formatSeconds(seconds)}`,
    presets: { move: (delta) => apply(params.cyclePreset(delta)), currentId: () => params.presetId },
  });

  const points = useMemo(() => history.map((r) => ({ iteration: r.iteration, value: r.metrics.logLikelihood })), [history]);
  const problems = [...params.linkProblems, ...params.updateProblems, ...(problem ? [problem] : [])];
  const notices: ReactNode = (
    <>
      {problems.length ? (
        <div role="alert" className="irl-problems">
          <p>Some settings could not be used; the previous ones are kept:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <TrainerNotice store={store} />
    </>
  );

  const maps = view ? (
    <div className="irl-maps">
      <HeatMap testId="true" title="True reward (click to paint)" rows={view.rows} cols={view.cols} values={view.trueReward} signed onCell={paint} paths={view.demos} />
      <HeatMap testId="recovered" title={`Recovered reward ψ, iteration ${view.iteration}`} rows={view.rows} cols={view.cols} values={view.reward} signed />
      <HeatMap testId="gradient" title="Gradient: expert − expected visits" rows={view.rows} cols={view.cols} values={view.gradient} signed />
    </div>
  ) : <p className="irl-note">Starting the worker…</p>;

  return (
    <div className="irl-demo" data-demo="maxent-irl">
      <DemoFrame
        label="Maximum-entropy inverse RL"
        controller={controller}
        unit="iteration"
        notices={notices}
        stage={
          <>
            {maps}
            <div className="irl-controls">
              <label className="irl-inline">
                Paint value
                <input type="text" inputMode="decimal" value={brush} onChange={(e) => setBrush(e.target.value)} aria-label="Paint value" />
              </label>
              <p className="irl-note">Lines: six demonstrations. Red &gt; 0 &gt; blue.</p>
            </div>
          </>
        }
        chart={<LikelihoodChart points={points} />}
        settings={
          <>
            <PrimarySetting param="preset" label="True reward" value={params.values.preset}
              options={[...REWARD_PRESETS.map((p) => ({ value: p.id, label: p.label })), { value: 'custom', label: '(painted)' }]}
              onChange={(v) => (v === 'custom' ? undefined : apply({ preset: v }))} />
            <PrimarySetting param="demonstrations" label="Demonstrations" value={String(params.values.demonstrations)}
              options={[5, 20, 50, 200, 1000].map((n) => ({ value: String(n), label: String(n) }))}
              onChange={(v) => apply({ demonstrations: Number(v) })} />
            <PrimarySetting param="size" label="Grid side" value={String(params.values.size)}
              options={[6, 8, 12, 16].map((n) => ({ value: String(n), label: `${n} × ${n}` }))}
              onChange={(v) => { setCustom(null); apply({ size: Number(v), ...(params.values.preset === 'custom' ? { preset: 'lava' } : {}) }); }} />
          </>
        }
        panels={[
          {
            id: 'passes', label: 'Backward and forward passes',
            content: view ? (
              <div className="irl-maps">
                <HeatMap testId="values" title="Soft values V₁ (backward pass)" rows={view.rows} cols={view.cols} values={view.values} signed={false} />
                <HeatMap testId="expected" title="Expected visits (forward pass)" rows={view.rows} cols={view.cols} values={view.expected} signed={false} />
                <HeatMap testId="expert" title="Expert visits (demonstrations)" rows={view.rows} cols={view.cols} values={view.expert} signed={false} />
              </div>
            ) : null,
          },
          {
            id: 'settings', label: 'More settings',
            content: <MoreSettings params={params} apply={apply} />,
          },
          {
            id: 'details', label: 'Details',
            content: (
              <DetailsTable caption="Latest iteration" rows={[
                { label: 'Iteration', value: String(view?.iteration ?? 0) },
                { label: 'Log-likelihood per demonstration', value: formatDiagnostic(latest?.logLikelihood) },
                { label: 'Largest |expert − expected| visits', value: formatDiagnostic(latest?.gradientNorm) },
              ]} />
            ),
          },
        ]}
      />
    </div>
  );
}

function MoreSettings({ params, apply }: { params: ReturnType<typeof useDemoParams<IrlParams>>; apply: (patch: Partial<ParamValues<IrlParams>>) => void }) {
  const { table, values } = params;
  const field = (key: 'demonstrations' | 'horizon' | 'noise' | 'rate' | 'seed', step: number) => (
    <label key={key}>
      {table[key].label}
      <input type="number" step={step} min={table[key].min} max={table[key].max} defaultValue={values[key]} key={values[key]}
        onBlur={(e) => apply({ [key]: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />
    </label>
  );
  return (
    <div className="irl-more">
      {field('demonstrations', 1)}
      {field('horizon', 1)}
      {field('noise', 0.05)}
      {field('rate', 0.1)}
      {field('seed', 1)}
    </div>
  );
}
