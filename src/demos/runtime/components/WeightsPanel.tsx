import { useId } from 'react';
import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';

/** Save/load in this browser (IndexedDB), download/upload as a file. */
export function WeightsPanel<Config>({ store }: { store: TrainerStore<Config> }) {
  const status = useTrainer(store, (s) => s.status);
  const checkpointIteration = useTrainer(store, (s) => s.checkpointIteration);
  const uploadId = useId();
  const usable = status !== 'idle' && status !== 'starting' && status !== 'recovering' && status !== 'error';
  const actions = store.getState();
  return (
    <div className="weights-panel" role="group" aria-label="Weights">
      <button type="button" className="secondary" disabled={!usable} onClick={() => void actions.saveToBrowser()}>Save in browser</button>
      <button type="button" className="secondary" disabled={!usable} onClick={() => void actions.loadFromBrowser()}>Load from browser</button>
      <button type="button" className="secondary" disabled={!usable} onClick={() => void actions.downloadWeights()}>Download weights</button>
      <label htmlFor={uploadId} className="weights-panel__upload">Upload weights</label>
      <input
        id={uploadId}
        type="file"
        accept=".json,application/json"
        disabled={!usable}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void actions.uploadWeights(file);
        }}
      />
      <span className="weights-panel__checkpoint">
        {checkpointIteration !== null ? `Last checkpoint: iteration ${checkpointIteration}` : 'No checkpoint yet'}
      </span>
    </div>
  );
}
