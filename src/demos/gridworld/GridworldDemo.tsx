import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { readParams, writeParams } from '../../components/url/params';
import type { DemoProps } from '../types';
import { BellmanBackup } from './components/BellmanBackup';
import { BrushPicker, ModeAndPreset, Settings, Slider } from './components/Controls';
import { GridView } from './components/GridView';
import { LargeGrid } from './components/LargeGrid';
import { ResidualChart } from './components/ResidualChart';
import { createGridStore, MAX_UI_SWEEPS, type GridStoreApi } from './store';
import { installTestApi } from './testApi';
import { gridParamTable, type GridParams } from './url';
import './gridworld.css';

function useUrlState(store: GridStoreApi, slotId: string, variant?: string) {
  useEffect(() => {
    const table = gridParamTable(variant);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      const changed = (Object.keys(table) as (keyof GridParams)[]).some((key) => state[key] !== previous[key]);
      if (!changed) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const search = writeParams(table, state, new URLSearchParams(window.location.search), slotId);
        const query = search.toString();
        const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
        window.history.replaceState(window.history.state, '', url);
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, slotId, variant]);
}

function Status({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const start = s.mdp.start;
  const startValue = start >= 0 ? s.values[start] : NaN;
  const unit = s.mode === 'q' ? 'steps' : s.mode === 'pi' ? 'policy-iteration rounds' : 'sweeps';
  return (
    <div className="gw-status-block">
      <p role="status" aria-live="polite" className="gw-status" data-testid="gw-status">
        {s.sweeps} {unit}
        {s.mode !== 'q' && s.residuals.length ? `, ‖ΔV‖∞ = ${s.residuals[s.residuals.length - 1].toExponential(2)}` : ''}
        {s.mode === 'q' && s.qErrors.length ? `, ‖Q − Q*‖∞ = ${s.qErrors[s.qErrors.length - 1].error.toExponential(2)}, ${s.learner?.episodes ?? 0} episodes` : ''}
        {s.converged ? ' (converged)' : ''}
        {s.capped ? ` (stopped at the step limit: with noise and a constant η, Q keeps fluctuating)` : ''}
        {s.mode !== 'q' && !s.converged && s.sweeps >= MAX_UI_SWEEPS ? ' (stopped at the sweep limit)' : ''}
      </p>
      <p className="gw-start-value">
        V(start) = <strong data-testid="gw-start-value">{Number.isFinite(startValue) ? startValue.toFixed(3) : 'no start'}</strong>
      </p>
      {s.mode === 'pi' && s.policyChanges.length ? (
        <p className="gw-note">Policy changes per round: {s.policyChanges.join(', ')}</p>
      ) : null}
    </div>
  );
}

function RunControls({ store }: { store: GridStoreApi }) {
  const mode = useStore(store, (s) => s.mode);
  const error = useStore(store, (s) => s.error);
  const converged = useStore(store, (s) => s.converged);
  const [playing, setPlaying] = useState(false);
  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(4);
  const busy = playing || running;

  useEffect(() => {
    if (!playing) return;
    // Q-learning: `speed` × 10 steps per second in 20 ticks; sweeps: `speed` per second.
    const interval = mode === 'q' ? 50 : 1000 / speed;
    const timer = setInterval(() => {
      const state = store.getState();
      if (state.error || (state.converged && state.mode !== 'q')) { setPlaying(false); return; }
      state.step(mode === 'q' ? Math.max(1, Math.round(speed / 2)) : 1);
    }, interval);
    return () => clearInterval(timer);
  }, [playing, speed, mode, store]);

  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const tick = () => {
      if (cancelled) return;
      if (store.getState().advance(8)) setRunning(false);
      else timer = setTimeout(tick, 0);
    };
    timer = setTimeout(tick, 0);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [running, store]);

  const stepLabel = mode === 'q' ? 'One step' : mode === 'pi' ? 'Evaluate + improve' : 'One sweep';
  return (
    <div className="gw-row gw-run">
      <button type="button" onClick={() => store.getState().step()} disabled={busy || Boolean(error) || (converged && mode !== 'q')}>{stepLabel}</button>
      <button type="button" onClick={() => setPlaying((p) => !p)} disabled={running || Boolean(error)} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
      <button type="button" onClick={() => setRunning((r) => !r)} disabled={playing || Boolean(error)}>
        {running ? 'Stop' : mode === 'q' ? 'Run until Q ≈ Q*' : 'Run to convergence'}
      </button>
      <button type="button" className="secondary" onClick={() => { setPlaying(false); setRunning(false); store.getState().reset(); }}>Reset</button>
      <Slider label={mode === 'q' ? 'Speed (×10 steps/s)' : 'Speed (sweeps/s)'} value={speed} min={1} max={30} step={1} digits={0} onChange={setSpeed} />
    </div>
  );
}

/** Gridworld: value iteration, policy iteration, soft VI and Q-learning on an editable grid. */
export default function GridworldDemo({ slotId, variant }: DemoProps) {
  const [problems] = useState(() => readParams(gridParamTable(variant), new URLSearchParams(window.location.search), slotId).problems);
  const [store] = useState(() => createGridStore(readParams(gridParamTable(variant), new URLSearchParams(window.location.search), slotId).values));
  const largeClient = useRef<Parameters<typeof installTestApi>[2]>({ client: null, last: () => null });
  useUrlState(store, slotId, variant);
  useEffect(() => installTestApi(slotId, store, largeClient.current), [slotId, store]);
  const error = useStore(store, (s) => s.error);
  const gamma = useStore(store, (s) => s.gamma);
  const noise = useStore(store, (s) => s.noise);
  const living = useStore(store, (s) => s.living);
  const inPlace = useStore(store, (s) => s.inPlace);
  const id = useId();
  return (
    <div className="gw" data-gridworld={slotId}>
      {problems.length ? (
        <div role="alert" className="gw-error">
          <p>Some settings in the link could not be used:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <ModeAndPreset store={store} />
      <p id={`${id}-label`} className="visually-hidden">Gridworld editor</p>
      <p id={`${id}-help`} className="gw-note">
        Click a cell, or focus the grid and use the arrow keys, to move the cursor; Space or Enter paints it with the brush (keys 1–4 pick a brush).
        Hover or move the cursor to see that cell&apos;s Bellman backup.
      </p>
      <GridView store={store} labelId={`${id}-label`} helpId={`${id}-help`} />
      <BrushPicker store={store} />
      {error ? <p role="alert" className="gw-error">{error}</p> : null}
      <RunControls store={store} />
      <Status store={store} />
      <Settings store={store} />
      <BellmanBackup store={store} />
      <ResidualChart store={store} />
      <details className="gw-details">
        <summary>Large-grid mode: random mazes up to 1024 x 1024, swept in a worker</summary>
        <LargeGrid gamma={gamma} noise={noise} livingReward={living} inPlace={inPlace}
          onClient={(client, last) => { largeClient.current.client = client; largeClient.current.last = last; }} />
      </details>
    </div>
  );
}
