import { useId } from 'react';
import { useStore } from 'zustand';
import { PRESETS, type SoftBackup } from '../../../algorithms/gridworld';
import { presetOf, type BrushKind, type GridStoreApi } from '../store';
import { MODE_LABELS, MODES, type GridParams, type Mode } from '../url';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  digits?: number;
  /** The label already shows the value. */
  hideValue?: boolean;
  /** The setting's key in the demo's parameter table (a classroom link can hide it). */
  param?: string;
}

export function Slider({ label, value, min, max, step, onChange, digits = 2, hideValue = false, param }: SliderProps) {
  const id = useId();
  return (
    <div className="gw-slider" data-param={param}>
      <label htmlFor={id}>
        {label} {hideValue ? null : <span className="gw-slider__value">{value.toFixed(digits)}</span>}
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </div>
  );
}

const BRUSHES: { kind: BrushKind; label: string; key: string }[] = [
  { kind: 'empty', label: 'Empty', key: '1' },
  { kind: 'wall', label: 'Wall', key: '2' },
  { kind: 'terminal', label: 'Terminal', key: '3' },
  { kind: 'start', label: 'Start', key: '4' },
];

export function ModeAndPreset({ store }: { store: GridStoreApi }) {
  const id = useId();
  const mode = useStore(store, (s) => s.mode);
  const set = useStore(store, (s) => s.set);
  const applyPreset = useStore(store, (s) => s.applyPreset);
  const current = useStore(store, (s) => presetOf(s.mdp));
  return (
    <>
      <span className="gw-pick" data-param="mode">
        <label htmlFor={`${id}-mode`} className="visually-hidden">Algorithm</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => set({ mode: e.target.value as Mode })}>
          {MODES.map((m) => <option key={m} value={m}>{MODE_LABELS[m]}</option>)}
        </select>
      </span>
      <span className="gw-pick">
        <label htmlFor={`${id}-preset`} className="visually-hidden">Preset</label>
        <select id={`${id}-preset`} value={current ?? ''} onChange={(e) => applyPreset(e.target.value)}>
          <option value="" disabled>Your own grid</option>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </span>
    </>
  );
}

export function BrushPicker({ store }: { store: GridStoreApi }) {
  const id = useId();
  const brush = useStore(store, (s) => s.brush);
  const reward = useStore(store, (s) => s.brushReward);
  const setBrush = useStore(store, (s) => s.setBrush);
  return (
    <div className="gw-row gw-brush" role="group" aria-label="Paint brush">
      <span className="gw-row__label gw-brush__title">Brush</span>
      {BRUSHES.map((b) => (
        <button key={b.kind} type="button" className={brush === b.kind ? '' : 'secondary'} aria-pressed={brush === b.kind} onClick={() => setBrush(b.kind)}
          aria-keyshortcuts={b.key} title={`${b.label} (key ${b.key})`}>
          {b.label}
        </button>
      ))}
      <label htmlFor={`${id}-reward`} title="Reward of a painted terminal" className="gw-brush__reward">
        <span>reward</span>
        <input id={`${id}-reward`} aria-label="Terminal reward" className="gw-number" type="number" step={0.1} min={-1000} max={1000} value={reward}
          onChange={(e) => setBrush('terminal', Math.max(-1000, Math.min(1000, Number(e.target.value))))} />
      </label>
    </div>
  );
}

/** The settings beside the stage: γ, noise, and α (soft) or the exploration knob (Q-learning). */
export function MainSettings({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const update = (patch: Partial<GridParams>) => s.set(patch);
  return (
    <div className="gw-settings">
      <Slider label="Discount γ" value={s.gamma} min={0} max={1} step={0.01} onChange={(gamma) => update({ gamma })} param="gamma" />
      <Slider label="Noise" value={s.noise} min={0} max={1} step={0.05} onChange={(noise) => update({ noise })} param="noise" />
      {s.mode === 'soft' ? (
        <Slider label="Temperature α" value={s.alpha} min={0.01} max={2} step={0.01} onChange={(alpha) => update({ alpha })} param="alpha" />
      ) : null}
      {s.mode === 'q' && s.exploration === 'epsilon' ? (
        <Slider label="ε (exploration)" value={s.epsilon} min={0} max={1} step={0.01} onChange={(epsilon) => update({ epsilon })} param="epsilon" />
      ) : null}
      {s.mode === 'q' && s.exploration === 'boltzmann' ? (
        <Slider label="Temperature τ" value={s.tau} min={0.01} max={2} step={0.01} onChange={(tau) => update({ tau })} param="tau" />
      ) : null}
    </div>
  );
}

/** The rest: living reward, Q-learning's step size and exploration rule, sweep kind, Q triangles. */
export function MoreSettings({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const update = (patch: Partial<GridParams>) => s.set(patch);
  const id = useId();
  return (
    <div className="gw-settings">
      <Slider label="Living reward" value={s.living} min={-2} max={2} step={0.01} onChange={(living) => update({ living })} param="living" />
      {s.mode === 'q' ? (
        <>
          <div className="gw-slider" data-param="schedule">
            <label htmlFor={`${id}-schedule`}>Step size</label>
            <select id={`${id}-schedule`} value={s.schedule} onChange={(e) => update({ schedule: e.target.value as 'decaying' | 'constant' })}>
              <option value="decaying">Decaying: η = 1/(1+n)^ω</option>
              <option value="constant">Constant η</option>
            </select>
          </div>
          {s.schedule === 'decaying' ? (
            <Slider label="Decay ω" value={s.decay} min={0.55} max={1} step={0.05} onChange={(decay) => update({ decay })} param="decay" />
          ) : (
            <Slider label="Learning rate η" value={s.lr} min={0.01} max={1} step={0.01} onChange={(lr) => update({ lr })} param="lr" />
          )}
          <div className="gw-slider" data-param="exploration">
            <label htmlFor={`${id}-explore`}>Exploration</label>
            <select id={`${id}-explore`} value={s.exploration} onChange={(e) => update({ exploration: e.target.value as 'epsilon' | 'boltzmann' })}>
              <option value="epsilon">ε-greedy</option>
              <option value="boltzmann">Boltzmann</option>
            </select>
          </div>
        </>
      ) : null}
      <div className="gw-checks">
        {s.mode === 'vi' || s.mode === 'soft' ? (
          <label data-param="inPlace"><input type="checkbox" checked={s.inPlace} onChange={(e) => update({ inPlace: e.target.checked })} /> In-place (Gauss-Seidel) sweeps</label>
        ) : null}
        <label data-param="showQ"><input type="checkbox" checked={s.showQ} onChange={(e) => update({ showQ: e.target.checked })} /> Show Q(s, a) triangles</label>
      </div>
    </div>
  );
}

/** The soft backup choice: the variational one (true dynamics) or the exact, optimistic one. */
export function SoftBackupChoice({ store }: { store: GridStoreApi }) {
  const backup = useStore(store, (s) => s.softBackup);
  const set = useStore(store, (s) => s.set);
  const id = useId();
  const options: { value: SoftBackup; label: string; formula: string }[] = [
    { value: 'variational', label: 'Variational', formula: 'Q = r + γ E[V(s′)]' },
    { value: 'exact', label: 'Exact (optimistic)', formula: 'Q = r + α log E[exp(γ V(s′) / α)]' },
  ];
  return (
    <fieldset className="gw-choice" data-param="softBackup">
      <legend>Soft backup</legend>
      {options.map((o) => (
        <label key={o.value} title={o.formula}>
          <input type="radio" name={`${id}-backup`} checked={backup === o.value} onChange={() => set({ softBackup: o.value })} />
          {' '}{o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Run to the end (convergence, or Q ≈ Q*) as fast as the machine goes; the frame has Play/Step/Reset. */
export function RunToEnd({ store }: { store: GridStoreApi }) {
  const mode = useStore(store, (s) => s.mode);
  const error = useStore(store, (s) => s.error);
  const running = useStore(store, (s) => s.running);
  const playing = useStore(store, (s) => s.playing);
  const api = store.getState();
  return (
    <button type="button" className="gw-run-to-end" onClick={() => (running ? api.stopRun() : api.run())} disabled={playing || Boolean(error)}>
      {running ? 'Stop' : mode === 'q' ? 'Run until Q ≈ Q*' : 'Run to convergence'}
    </button>
  );
}
