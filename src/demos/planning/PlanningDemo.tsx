/**
 * Planning with a known model (optimal-control lecture, slot "cem"): CEM and random shooting on a
 * point robot (MPC or open loop, with dynamics noise), LQR on a double integrator or the linearised
 * cart-pole (backward pass, then forward pass), iLQR swinging up a pendulum. One pure-JS worker
 * session; the part is a preset choice.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { CemView, IlqrView, LqrView, PlanningConfig, PlanningQueries, PlanningView } from '../../algorithms/planning/session';
import { validatePlanning } from '../../algorithms/planning/session';
import type { ParamValues } from '../../components/url/params';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import { TrainerNotice } from '../runtime';
import { DemoFrame, DetailsTable, formatDiagnostic, formatSeconds, PrimarySetting, useTrainerController } from '../frame';
import type { TrainerState } from '../runtime/store';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import type { DemoProps } from '../types';
import { planningManifest, type PlanningParams } from './manifest';
import { CemStage } from './CemStage';
import { CemChart, CemEquation, LqrChart, LqrEquation, LqrStage } from './parts';
import { IlqrChart, IlqrEquation, IlqrStage } from './SwingUp';
import './planning.css';

const createWorker = () => new Worker(new URL('../../../workers/planning.worker.ts', import.meta.url), { type: 'module' });

type Values = ParamValues<PlanningParams>;

export function configOf(values: Values): PlanningConfig {
  const { part, method, mode, samples, elites, iterations, horizon, actionNoise, dynamicsNoise, system, swingUp, actionPenalty } = values;
  return { part, method, mode, samples, elites, iterations, horizon, actionNoise, dynamicsNoise, system, swingUp, actionPenalty };
}

const FIRST_PRESET: Record<Values['part'], string> = { cem: 'cem-mpc', lqr: 'lqr-double-integrator', ilqr: 'ilqr-pendulum' };

const SPEEDS = [
  { id: 'slow', label: 'Slow (1 s)', delayMs: 1000 },
  { id: 'teaching', label: 'Teaching (0.3 s)', delayMs: 300 },
  { id: 'quick', label: 'Quick (0.05 s)', delayMs: 50 },
  { id: 'fastest', label: 'Fastest (0 s)', delayMs: 0 },
] as const;

function summary(s: TrainerState<PlanningConfig, PlanningView, PlanningQueries>, seconds: number): string {
  const state = s.status === 'running' ? 'Running' : s.iteration > 0 ? 'Paused' : 'Ready';
  const view = s.view;
  if (!view) return `${state} · ${formatSeconds(seconds)}`;
  if (view.part === 'cem') {
    const doing = view.outcome === 'goal' ? 'goal reached' : view.outcome === 'crash' ? 'crashed' : view.outcome === 'out-of-steps' ? 'out of steps' : view.phase === 'plan' ? `planning, round ${view.round || view.iterations} of ${view.iterations}` : view.phase === 'act' ? 'acting' : 'ready to plan';
    return `${state} · ${view.mode === 'mpc' ? 'MPC' : 'open loop'} · step ${view.steps} · ${doing} · ${formatSeconds(seconds)}`;
  }
  if (view.part === 'lqr') {
    const where = view.phase === 'backward' ? `backward pass, t = ${view.revealedFrom + 1}` : view.phase === 'forward' ? `forward pass, step ${view.states.length - 1} of ${view.T}` : 'done';
    return `${state} · LQR · ${where} · cost ${view.cost.toFixed(3)} · ${formatSeconds(seconds)}`;
  }
  const ilqr = `iLQR ${view.iteration} iterations, cost ${view.costs[view.costs.length - 1].toFixed(2)}${view.converged ? ', converged' : ''}`;
  const cem = `CEM ${view.cem.rounds} rounds, cost ${view.cem.costs[view.cem.costs.length - 1].toFixed(2)}`;
  return `${state} · ${ilqr} · ${cem}`;
}

const FORM_FIELDS = ['samples', 'elites', 'iterations', 'horizon', 'actionNoise', 'dynamicsNoise', 'actionPenalty', 'seed'] as const;
type FormField = (typeof FORM_FIELDS)[number];

/** "More settings": free-form numbers, checked together when applied (elites < samples, …). */
function SettingsForm({ params, onApply }: { params: ReturnType<typeof useDemoParams<PlanningParams>>; onApply: (patch: Partial<Values>) => void }) {
  const [draft, setDraft] = useState<Record<FormField, string>>(() => Object.fromEntries(FORM_FIELDS.map((f) => [f, String(params.values[f])])) as Record<FormField, string>);
  const values = params.values;
  useEffect(() => {
    setDraft(Object.fromEntries(FORM_FIELDS.map((f) => [f, String(values[f])])) as Record<FormField, string>);
  }, [values]);
  const submit = () => {
    const patch: Partial<Values> = {};
    for (const f of FORM_FIELDS) patch[f] = draft[f].trim() === '' ? Number.NaN : Number(draft[f]);
    onApply(patch);
  };
  return (
    <form className="pl-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      {FORM_FIELDS.map((f) => (
        <label key={f}>
          {params.table[f].label}
          <input type="text" inputMode="decimal" aria-label={params.table[f].label} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
        </label>
      ))}
      <label>
        {params.table.method.label}
        <select value={values.method} onChange={(e) => onApply({ method: e.target.value as Values['method'] })}>
          <option value="cem">Cross-entropy method</option>
          <option value="random">Random shooting</option>
        </select>
      </label>
      <label className="pl-slider">
        Dynamics noise σ (slider): {values.dynamicsNoise}
        <input type="range" aria-label="Dynamics noise σ slider" min={0} max={values.part === 'cem' ? 0.5 : 0.05} step={values.part === 'cem' ? 0.05 : 0.005} value={values.dynamicsNoise}
          onChange={(e) => onApply({ dynamicsNoise: Number(e.target.value) })} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

function details(view: PlanningView | null): { label: string; value: string }[] {
  if (!view) return [];
  if (view.part === 'cem') {
    const last = view.rounds[view.rounds.length - 1];
    return [
      { label: 'Plans made', value: String(view.plansMade) },
      { label: 'Latest round: elite mean cost', value: formatDiagnostic(last?.eliteMeanCost) },
      { label: 'Latest round: cheapest sample', value: formatDiagnostic(last?.bestCost) },
      { label: 'Mean σ of the refit Gaussian', value: formatDiagnostic(view.sigmaAfter) },
      { label: 'Committed plan: predicted cost', value: formatDiagnostic(view.planCost) },
      { label: 'Distance to goal', value: formatDiagnostic(Math.hypot(view.position[0] - view.task.goal[0], view.position[1] - view.task.goal[1])) },
    ];
  }
  if (view.part === 'lqr') {
    return [
      ...view.K.slice(0, Math.min(5, view.T)).map((K, t) => ({ label: `K_${t + 1}, k_${t + 1}`, value: t >= view.revealedFrom ? `[${K.map((x) => formatDiagnostic(x)).join(', ')}], ${formatDiagnostic(view.k[t])}` : 'not yet computed' })),
      { label: 'Cost of the run so far (the constant ½ q_p p*² left out)', value: formatDiagnostic(view.cost) },
      { label: 'Noise-free cost (predicted)', value: formatDiagnostic(view.predictedCost) },
    ];
  }
  return [
    { label: 'Iterations', value: String(view.iteration) },
    { label: 'Cost', value: formatDiagnostic(view.costs[view.costs.length - 1]) },
    { label: 'Regularisation μ', value: formatDiagnostic(view.mu) },
    { label: 'Step sizes accepted below 1', value: view.alphas.filter((a) => a !== null && a < 1).join(', ') || 'none' },
    { label: 'CEM: cost of the mean plan', value: formatDiagnostic(view.cem.costs[view.cem.costs.length - 1]) },
    { label: `CEM: rounds (N = ${view.cem.samples}, M = ${view.cem.elites}, σ₀ = 3)`, value: `${view.cem.rounds} of ${view.cem.maxRounds}` },
    { label: view.task === 'pendulum' ? 'K_1 (θ, ω), k_1' : 'K_1 (x, ẋ, θ, θ̇), k_1', value: view.gains ? `[${view.gains[0].K.map((x) => formatDiagnostic(x)).join(', ')}], ${formatDiagnostic(view.gains[0].k)}` : '–' },
  ];
}

const NOISES: Record<Values['part'], number[]> = { cem: [0, 0.05, 0.1, 0.2, 0.3, 0.5], lqr: [0, 0.005, 0.01, 0.02, 0.05], ilqr: [0] };
const SAMPLES = [20, 50, 100, 200, 500, 1000];
const PENALTIES = [0.01, 0.05, 0.1, 0.5, 1];
const HORIZONS = [50, 80, 100, 150, 200];

export default function PlanningDemo({ slotId }: DemoProps) {
  const params = useDemoParams(planningManifest, slotId);
  const [initial] = useState(() => params.values);
  const store = useTrainerStore<PlanningConfig, PlanningView, PlanningQueries>(
    { trainerId: 'planning', createWorker, config: configOf(initial), seed: initial.seed, withView: true, delayMs: 300, probe: false, checkpointEvery: 0 },
    slotId,
  );
  useSeedInLink(store, params);
  const view = useTrainer(store, (s) => s.view);
  const [problem, setProblem] = useState<string | null>(null);

  const applyValues = (next: Values) => {
    void store.getState().setConfig(configOf(next)).then(() => {
      if (next.seed !== store.getState().seed) void store.getState().setSeed(next.seed);
    });
  };
  /** Checks the whole new setting first: a bad one shows its message and changes nothing. */
  const apply = (patch: Partial<Values>) => {
    const next = { ...params.values, ...patch };
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        setProblem(`${params.table[key as keyof Values].label ?? key}: this is not a number. Nothing was changed.`);
        return;
      }
    }
    try {
      validatePlanning(configOf(next));
    } catch (error) {
      setProblem(`${error instanceof Error ? error.message : String(error)} Nothing was changed.`);
      return;
    }
    setProblem(null);
    applyValues(params.update(patch));
  };
  const applyPreset = (id: string) => {
    setProblem(null);
    applyValues(params.applyPreset(id));
  };

  const controller = useTrainerController(store, slotId, {
    speeds: SPEEDS,
    teachingId: 'teaching',
    fastestId: 'fastest',
    summary,
    presets: { move: (delta) => applyValues(params.cyclePreset(delta)), currentId: () => params.presetId },
  });

  const part = params.values.part;
  const problems = [...params.linkProblems, ...params.updateProblems, ...(problem ? [problem] : [])];
  const notices: ReactNode = (
    <>
      {problems.length ? (
        <div role="alert" className="pl-problems">
          <p>Some settings could not be used:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <TrainerNotice store={store} />
    </>
  );

  const shown = view && view.part === part ? view : null;
  let stage: ReactNode = <p className="pl-note">Starting the planner…</p>;
  let chart: ReactNode = null;
  if (shown?.part === 'cem') {
    stage = (
      <div className="pl-cem-stage">
        <CemStage view={shown as CemView} />
        <ul className="pl-note pl-key" aria-label="Key to the picture">
          <li><span className="pl-k pl-k--cheap">cheap</span> → <span className="pl-k pl-k--costly">costly</span> samples</li>
          <li><span className="pl-k pl-k--elite">elites</span></li>
          <li><span className="pl-k pl-k--mean">refit mean</span>, circles: the elites’ spread</li>
          <li>dashed: the mean before the refit</li>
          <li>short dashes: the committed plan</li>
        </ul>
      </div>
    );
    chart = (
      <>
        <CemChart view={shown as CemView} />
        <CemEquation view={shown as CemView} />
      </>
    );
  } else if (shown?.part === 'lqr') {
    stage = <LqrStage view={shown as LqrView} />;
    chart = (
      <>
        <LqrChart view={shown as LqrView} />
        <LqrEquation view={shown as LqrView} />
      </>
    );
  } else if (shown?.part === 'ilqr') {
    stage = <IlqrStage view={shown as IlqrView} />;
    chart = (
      <>
        <IlqrChart view={shown as IlqrView} />
        <IlqrEquation view={shown as IlqrView} />
      </>
    );
  }

  const v = params.values;
  // The preset the settings match (a fresh page has chosen none, yet shows the first one).
  const currentPreset = params.presetId ?? planningManifest.presets.find((p) => Object.entries(p.values).every(([key, value]) => v[key as keyof Values] === value))?.id ?? '';
  const presetOptions = [{ value: '', label: '(custom)' }, ...planningManifest.presets.map((p) => ({ value: p.id, label: p.label }))];
  const settings = (
    <>
      <PrimarySetting param="part" label="Part" value={part} options={[{ value: 'cem', label: 'CEM' }, { value: 'lqr', label: 'LQR' }, { value: 'ilqr', label: 'iLQR' }]}
        description="CEM and random shooting; LQR; iLQR against CEM" onChange={(p) => applyPreset(FIRST_PRESET[p])} />
      {part === 'cem' ? (
        <>
          <PrimarySetting param="mode" label="Execution" value={v.mode} options={[{ value: 'mpc', label: 'MPC' }, { value: 'open-loop', label: 'Open loop' }]}
            description="MPC replans every step; open loop executes one plan blindly" onChange={(mode) => apply({ mode })} />
          <PrimarySetting param="dynamicsNoise" label="Noise σ" value={String(v.dynamicsNoise)} options={NOISES.cem.map((n) => ({ value: String(n), label: String(n) }))} onChange={(n) => apply({ dynamicsNoise: Number(n) })} />
          <PrimarySetting param="samples" label="Samples" value={String(v.samples)} options={(SAMPLES.includes(v.samples) ? SAMPLES : [...SAMPLES, v.samples]).map((n) => ({ value: String(n), label: String(n) }))} onChange={(n) => apply({ samples: Number(n) })} />
        </>
      ) : part === 'lqr' ? (
        <>
          <PrimarySetting param="system" label="System" value={v.system} options={[{ value: 'double-integrator', label: 'Double integrator' }, { value: 'cartpole', label: 'Cart-pole (linearised)' }]}
            onChange={(system) => applyPreset(system === 'cartpole' ? 'lqr-cartpole' : 'lqr-double-integrator')} />
          <PrimarySetting param="dynamicsNoise" label="Noise σ" value={String(v.dynamicsNoise)} options={(NOISES.lqr.includes(v.dynamicsNoise) ? NOISES.lqr : [...NOISES.lqr, v.dynamicsNoise]).map((n) => ({ value: String(n), label: String(n) }))} onChange={(n) => apply({ dynamicsNoise: Number(n) })} />
        </>
      ) : (
        <>
          <PrimarySetting param="swingUp" label="Task" value={v.swingUp} options={[{ value: 'pendulum', label: 'Pendulum' }, { value: 'cartpole', label: 'Cart-pole' }]}
            description="Swing up a pendulum or a cart-pole" onChange={(swingUp) => applyPreset(swingUp === 'cartpole' ? 'ilqr-cartpole' : 'ilqr-pendulum')} />
          <PrimarySetting param="horizon" label="Horizon T" value={String(v.horizon)} options={(HORIZONS.includes(v.horizon) ? HORIZONS : [...HORIZONS, v.horizon]).map((n) => ({ value: String(n), label: `${n} steps` }))} onChange={(n) => apply({ horizon: Number(n) })} />
          <PrimarySetting param="actionPenalty" label="Penalty r" value={String(v.actionPenalty)} options={(PENALTIES.includes(v.actionPenalty) ? PENALTIES : [...PENALTIES, v.actionPenalty]).map((n) => ({ value: String(n), label: String(n) }))} onChange={(n) => apply({ actionPenalty: Number(n) })} />
        </>
      )}
    </>
  );
  const presetPicker = <PrimarySetting label="Preset" value={currentPreset} options={presetOptions} onChange={(id) => id && applyPreset(id)} />;

  return (
    <div className="pl-demo" data-demo="cem-lqr">
      <DemoFrame
        label="Planning with a known model"
        controller={controller}
        unit={part === 'cem' ? 'planning round or action' : part === 'lqr' ? 'backward or forward step' : 'iLQR iteration and CEM round'}
        notices={notices}
        stage={stage}
        chart={chart}
        settings={settings}
        panels={[
          { id: 'settings', label: 'More settings', content: <><div className="pl-preset">{presetPicker}</div><SettingsForm params={params} onApply={apply} /></> },
          { id: 'details', label: 'Details', content: <DetailsTable caption="Latest step" rows={details(shown)} /> },
        ]}
      />
    </div>
  );
}
