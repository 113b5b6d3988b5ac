import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { readParams, writeParams } from '../../components/url/params';
import type { DemoProps } from '../types';
import { BellmanBackup } from './components/BellmanBackup';
import { BrushPicker, ModeAndPreset, RunControls, Settings, SoftBackupChoice } from './components/Controls';
import { GridView } from './components/GridView';
import { LargeGrid } from './components/LargeGrid';
import { ResidualChart } from './components/ResidualChart';
import { registerController } from '../platform/controllers';
import { createGridController } from './controller';
import { createGridStore, statusSummary, type GridStoreApi } from './store';
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
  return (
    <div className="gw-status-block">
      <p role="status" aria-live="polite" className="gw-status" data-testid="gw-status">{statusSummary(s)}</p>
      {s.capReason ? <p className="gw-note gw-cap" data-testid="gw-cap">{s.capReason}</p> : null}
      <p className="gw-start-value">
        {s.mode === 'q' ? 'max Q(start, ·)' : 'V(start)'} = <strong data-testid="gw-start-value">{Number.isFinite(startValue) ? startValue.toFixed(3) : 'no start'}</strong>
        {s.mode === 'pi' && s.policyChanges.length ? <span className="gw-note"> · policy changes per round: {s.policyChanges.join(', ')}</span> : null}
      </p>
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
  useEffect(() => {
    const unregister = registerController(slotId, createGridController(store));
    return () => {
      unregister();
      store.getState().dispose();
    };
  }, [slotId, store]);
  const error = useStore(store, (s) => s.error);
  const mode = useStore(store, (s) => s.mode);
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
      <div className="gw-main">
        <div className="gw-stage">
          <p id={`${id}-label`} className="visually-hidden">Gridworld editor</p>
          <GridView store={store} labelId={`${id}-label`} helpId={`${id}-help`} />
          <BrushPicker store={store} />
          <p id={`${id}-help`} className="gw-note">
            Click or drag across cells to paint them with the brush; or focus the grid, move with the arrow keys and press Space or Enter (keys 1–4 pick a brush).
            Point at a cell, or move the cursor, to see its backup.
          </p>
        </div>
        <div className="gw-side">
          <RunControls store={store} />
          {error ? <p role="alert" className="gw-error">{error}</p> : null}
          <Status store={store} />
          <ResidualChart store={store} height={200} />
          {mode === 'soft' ? <SoftBackupChoice store={store} /> : null}
          <Settings store={store} />
        </div>
      </div>
      <details className="gw-details" open>
        <summary>Bellman backup of one cell, with the numbers</summary>
        <BellmanBackup store={store} />
      </details>
      <details className="gw-details">
        <summary>Large-grid mode: random mazes up to 1024 x 1024, swept in a worker</summary>
        <LargeGrid noise={noise} livingReward={living} inPlace={inPlace}
          onClient={(client, last) => { largeClient.current.client = client; largeClient.current.last = last; }} />
      </details>
    </div>
  );
}
