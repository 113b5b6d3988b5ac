import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DemoProps } from '../types';
import { BellmanBackup } from './components/BellmanBackup';
import { DemoFrame } from '../frame';
import { BrushPicker, MainSettings, ModeAndPreset, MoreSettings, RunToEnd, SoftBackupChoice } from './components/Controls';
import { GridView } from './components/GridView';
import { LargeGrid } from './components/LargeGrid';
import { ResidualChart } from './components/ResidualChart';
import { registerController } from '../platform/controllers';
import { createGridController } from './controller';
import { createGridStore, type GridStoreApi } from './store';
import { installTestApi } from './testApi';
import { gridworldManifest } from './manifest';
import { readLink, useStoreInLink } from '../platform/useDemoParams';
import './gridworld.css';

/** V(start) beside the chart (or max Q at the start in Q-learning), and policy iteration's rounds. */
function StartValue({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const start = s.mdp.start;
  const startValue = start >= 0 ? s.values[start] : NaN;
  return (
    <p className="gw-start-value">
      {s.mode === 'q' ? 'max Q(start, ·)' : 'V(start)'} = <strong data-testid="gw-start-value">{Number.isFinite(startValue) ? startValue.toFixed(3) : 'no start'}</strong>
      {s.mode === 'pi' && s.policyChanges.length ? <span className="gw-note"> · policy changes per round: {s.policyChanges.join(', ')}</span> : null}
    </p>
  );
}

const UNITS = { vi: 'sweep', soft: 'sweep', pi: 'round', q: 'step' } as const;

/** Gridworld: value iteration, policy iteration, soft VI and Q-learning on an editable grid. */
export default function GridworldDemo({ slotId, variant }: DemoProps) {
  // The shared URL state: the link's problems are listed; every setting (the grid too) is written back.
  const [table] = useState(() => gridworldManifest.params(variant));
  const [link] = useState(() => readLink(table, slotId));
  const problems = link.problems;
  const [store] = useState(() => createGridStore(link.values));
  const [controller] = useState(() => createGridController(store));
  const largeClient = useRef<Parameters<typeof installTestApi>[2]>({ client: null, last: () => null });
  useStoreInLink(store, table, slotId);
  useEffect(() => installTestApi(slotId, store, largeClient.current), [slotId, store]);
  useEffect(() => {
    const unregister = registerController(slotId, controller);
    return () => {
      unregister();
      store.getState().dispose();
    };
  }, [slotId, store, controller]);
  const error = useStore(store, (s) => s.error);
  const capReason = useStore(store, (s) => s.capReason);
  const mode = useStore(store, (s) => s.mode);
  const noise = useStore(store, (s) => s.noise);
  const living = useStore(store, (s) => s.living);
  const inPlace = useStore(store, (s) => s.inPlace);
  const id = useId();
  const notices = problems.length || error || capReason ? (
    <>
      {problems.length ? (
        <div role="alert" className="gw-error">
          <p>Some settings in the link could not be used:</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {error ? <p role="alert" className="gw-error">{error}</p> : null}
      {capReason ? <p className="gw-note gw-cap" data-testid="gw-cap">{capReason}</p> : null}
    </>
  ) : null;
  return (
    <div className="gw" data-gridworld={slotId}>
      <DemoFrame
        label="Gridworld"
        controller={controller}
        unit={UNITS[mode]}
        notices={notices}
        stage={
          <div className="gw-stage">
            <p id={`${id}-label`} className="visually-hidden">Gridworld editor</p>
            <div className="gw-stage__row">
              <GridView store={store} labelId={`${id}-label`} helpId={`${id}-help`} />
              <BrushPicker store={store} />
            </div>
            <p id={`${id}-help`} className="visually-hidden">
              Click or drag across cells to paint them with the brush; or move the cursor with the arrow keys and press Space or Enter (keys 1 to 4 pick a brush).
              The Bellman backup panel shows the backup of the cell under the pointer or cursor.
            </p>
          </div>
        }
        settings={
          <div className="gw-main-settings">
            <div className="gw-picks">
              <ModeAndPreset store={store} />
            </div>
            <MainSettings store={store} />
            {mode === 'soft' ? <SoftBackupChoice store={store} /> : null}
            <RunToEnd store={store} />
          </div>
        }
        chart={
          <div className="gw-chart-area">
            <ResidualChart store={store} />
            <StartValue store={store} />
          </div>
        }
        panels={[
          { id: 'backup', label: 'Bellman backup', content: <BellmanBackup store={store} /> },
          { id: 'settings', label: 'More settings', content: <MoreSettings store={store} /> },
          {
            id: 'large', label: 'Large grid (up to 1024 x 1024)',
            content: (
              <LargeGrid noise={noise} livingReward={living} inPlace={inPlace}
                onClient={(client, last) => { largeClient.current.client = client; largeClient.current.last = last; }} />
            ),
          },
        ]}
      />
    </div>
  );
}
