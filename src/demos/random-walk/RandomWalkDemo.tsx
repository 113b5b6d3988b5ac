/**
 * TD(0) on the random walk: the runtime's example demo (see src/demos/runtime/README.md). A
 * pure-JS worker session, a manifest, the URL-state hook, a controller, and one query beside the
 * loop (the TD errors of the hovered state).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { RandomWalkConfig, RandomWalkQueries, RandomWalkView } from '../../algorithms/randomWalk/td';
import { validateRandomWalk } from '../../algorithms/randomWalk/td';
import type { ParamValues } from '../../components/url/params';
import { isAbortError } from '../runtime/latest';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import { TrainerNotice } from '../runtime';
import { DemoFrame, DetailsTable, formatDiagnostic, formatSeconds, PrimarySetting, useTrainerController } from '../frame';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import type { DemoProps } from '../types';
import { randomWalkManifest, type RandomWalkParams } from './manifest';
import './random-walk.css';

const createWorker = () => new Worker(new URL('../../../workers/random-walk.worker.ts', import.meta.url), { type: 'module' });

function configOf(values: ParamValues<RandomWalkParams>): RandomWalkConfig {
  return { states: values.states, alpha: values.alpha, initialValue: values.initialValue };
}

/** Estimated (bars) and true (ticks) values of each state, the walker as a dot. */
function WalkView({ view, onHover }: { view: RandomWalkView | null; onHover: (state: number | null) => void }) {
  if (!view) return <p className="rw-note">Starting the worker…</p>;
  const n = view.values.length;
  const width = 640;
  const height = 220;
  const cell = width / n;
  const y = (v: number) => height - 30 - Math.max(-0.2, Math.min(1.2, v)) * (height - 50);
  return (
    <svg className="rw-stage" viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={`Estimated values ${view.values.map((v) => v.toFixed(2)).join(', ')}; true values ${view.truth.map((v) => v.toFixed(2)).join(', ')}; ${view.episodes} episodes`}>
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="rw-axis" />
      {view.values.map((v, i) => (
        <g key={i} onPointerEnter={() => onHover(i + 1)} onPointerLeave={() => onHover(null)}>
          <rect x={i * cell + cell * 0.2} width={cell * 0.6} y={Math.min(y(v), y(0))} height={Math.abs(y(0) - y(v))} className="rw-bar" />
          <line x1={i * cell + cell * 0.1} x2={i * cell + cell * 0.9} y1={y(view.truth[i])} y2={y(view.truth[i])} className="rw-truth" />
          {n <= 19 ? <text x={(i + 0.5) * cell} y={height - 8} className="rw-label">{n <= 7 ? String.fromCharCode(65 + i) : i + 1}</text> : null}
        </g>
      ))}
      <circle cx={(view.position - 0.5) * cell} cy={y(0) + 12} r={6} className="rw-walker" />
    </svg>
  );
}

/** RMS error per bin of iterations: the mean as a line, min–max as a band (log y). */
function ErrorChart({ points }: { points: { iteration: number; mean: number; min: number; max: number }[] }) {
  const width = 640;
  const height = 160;
  if (points.length < 2) return <p className="rw-note">The error curve appears once the walk runs.</p>;
  const last = points[points.length - 1].iteration;
  const logs = points.flatMap((p) => [p.min, p.max]).filter((v) => v > 0).map(Math.log10);
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.ceil(Math.max(...logs));
  const x = (i: number) => 40 + (i / last) * (width - 50);
  const y = (v: number) => 10 + (1 - (Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(1, hi - lo)) * (height - 40);
  const band = points.map((p) => `${x(p.iteration)},${y(p.max)}`).concat(points.slice().reverse().map((p) => `${x(p.iteration)},${y(p.min)}`)).join(' ');
  return (
    <svg className="rw-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`RMS error ${points[points.length - 1].mean.toFixed(3)} after ${last} steps`}>
      <polygon points={band} className="rw-band" />
      <polyline points={points.map((p) => `${x(p.iteration)},${y(p.mean)}`).join(' ')} className="rw-line" />
      {Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).map((e) => (
        <text key={e} x={34} y={y(10 ** e) + 4} className="rw-tick" textAnchor="end">{`1e${e}`}</text>
      ))}
      <text x={width - 10} y={height - 6} className="rw-tick" textAnchor="end">{`${last.toLocaleString('en')} steps`}</text>
    </svg>
  );
}

const ALPHAS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5] as const;
const STATES = [3, 5, 7, 11, 19, 49] as const;

export default function RandomWalkDemo({ slotId }: DemoProps) {
  const params = useDemoParams(randomWalkManifest, slotId);
  const [initial] = useState(() => params.values);
  const store = useTrainerStore<RandomWalkConfig, RandomWalkView, RandomWalkQueries>(
    { trainerId: 'random-walk', createWorker, config: configOf(initial), seed: initial.seed, withView: true, delayMs: 20, probe: false, checkpointEvery: 1000 },
    slotId,
  );
  const view = useTrainer(store, (s) => s.view);
  const history = useTrainer(store, (s) => s.history);
  const iteration = useTrainer(store, (s) => s.iteration);
  useSeedInLink(store, params);
  const [hovered, setHovered] = useState<number | null>(null);
  const [tdErrors, setTdErrors] = useState<{ state: number; left: number; right: number } | null>(null);

  const apply = (patch: Partial<ParamValues<RandomWalkParams>>) => {
    const next = params.update(patch);
    try {
      validateRandomWalk(configOf(next));
    } catch {
      return; // the store shows the definition's message and keeps the old walk
    }
    void store.getState().setConfig(configOf(next)).then(() => {
      if (next.seed !== store.getState().seed) void store.getState().setSeed(next.seed);
    });
  };

  const controller = useTrainerController(store, slotId, {
    summary: (s, seconds) =>
      `${s.status === 'running' ? 'Running' : s.iteration > 0 ? 'Paused' : 'Ready'} · step ${s.iteration.toLocaleString('en')} · RMS error ${s.latest ? s.latest.rmsError.toFixed(3) : '–'} · ${s.latest?.episodes ?? 0} episodes · ${formatSeconds(seconds)}`,
    presets: { move: (delta) => apply(params.cyclePreset(delta)), currentId: () => params.presetId },
  });

  // A query beside the loop: what TD error would each move from the hovered state produce now?
  useEffect(() => {
    if (hovered === null) return;
    const controller = new AbortController();
    store.getState().query('tdErrors', { state: hovered }, controller.signal)
      .then((answer) => setTdErrors({ state: hovered, ...answer }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setTdErrors(null);
      });
    return () => controller.abort();
  }, [hovered, iteration, store]);

  const points = useMemo(() => history.map((r) => ({ iteration: r.iteration, mean: r.metrics.rmsError, min: r.min.rmsError, max: r.max.rmsError })), [history]);
  const latest = useTrainer(store, (s) => s.latest);
  const stepMs = useTrainer(store, (s) => s.stepMs);
  const problems = [...params.linkProblems, ...params.updateProblems];
  const notices: ReactNode = (
    <>
      {problems.length ? (
        <div role="alert" className="rw-problems">
          <p>Some settings could not be used:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <TrainerNotice store={store} />
    </>
  );

  return (
    <div className="rw-demo" data-demo="random-walk">
      <DemoFrame
        label="TD(0) on a random walk"
        controller={controller}
        unit="step"
        notices={notices}
        stage={
          <>
            <WalkView view={view} onHover={setHovered} />
            <p className="rw-note" aria-live="polite">
              {tdErrors && hovered === tdErrors.state
                ? `From state ${tdErrors.state}: a step left would give TD error ${tdErrors.left.toFixed(3)}, a step right ${tdErrors.right.toFixed(3)}.`
                : 'Bars: estimates V(s); ticks: true values s/(n+1). Point at a state to see the TD errors its moves would give now.'}
            </p>
          </>
        }
        chart={<ErrorChart points={points} />}
        settings={
          <>
            <PrimarySetting param="alpha" label={params.table.alpha.label ?? 'α'} value={String(params.values.alpha)}
              options={ALPHAS.map((a) => ({ value: String(a), label: String(a) }))} onChange={(v) => apply({ alpha: Number(v) })} />
            <PrimarySetting param="states" label={params.table.states.label ?? 'States'} value={String(params.values.states)}
              options={STATES.map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => apply({ states: Number(v) })} />
            <PrimarySetting label="Preset" value={params.presetId ?? ''}
              options={[{ value: '', label: '(custom)' }, ...randomWalkManifest.presets.map((p) => ({ value: p.id, label: p.label }))]}
              onChange={(id) => id && apply(params.applyPreset(id))} />
          </>
        }
        panels={[
          {
            id: 'settings', label: 'More settings',
            content: (
              <div className="rw-more">
                <label>
                  {params.table.initialValue.label}
                  <input type="number" step={0.1} min={params.table.initialValue.min} max={params.table.initialValue.max} value={params.values.initialValue}
                    onChange={(e) => apply({ initialValue: Number(e.target.value) })} />
                </label>
                <label>
                  {params.table.seed.label}
                  <input type="number" step={1} min={0} max={params.table.seed.max} value={params.values.seed} onChange={(e) => apply({ seed: Number(e.target.value) })} />
                </label>
              </div>
            ),
          },
          {
            id: 'details', label: 'Details',
            content: (
              <DetailsTable caption="Latest step" rows={[
                { label: 'TD error of the latest update', value: formatDiagnostic(latest?.tdError) },
                { label: 'RMS error over the states', value: formatDiagnostic(latest?.rmsError) },
                { label: 'Episodes finished', value: String(latest?.episodes ?? 0) },
                { label: 'Steps', value: iteration.toLocaleString('en') },
                { label: 'Mean time per step (ms)', value: formatDiagnostic(stepMs) },
              ]} />
            ),
          },
        ]}
      />
    </div>
  );
}
