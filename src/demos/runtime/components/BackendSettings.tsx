import { useId } from 'react';
import { BACKENDS, type BackendPreference } from '../../../algorithms/runtime/protocol';
import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';

/** Lets the user force a backend; lists what the health checks and the probe found. */
export function BackendSettings<Config>({ store }: { store: TrainerStore<Config> }) {
  const preference = useTrainer(store, (s) => s.preference);
  const backend = useTrainer(store, (s) => s.backend);
  const status = useTrainer(store, (s) => s.status);
  const selectId = useId();
  return (
    <details className="backend-settings">
      <summary>Backend settings</summary>
      <label htmlFor={selectId}>Tensor backend</label>{' '}
      <select
        id={selectId}
        value={preference}
        disabled={status === 'starting' || status === 'recovering'}
        onChange={(e) => void store.getState().forceBackend(e.target.value as BackendPreference)}
      >
        <option value="auto">Automatic (fastest healthy)</option>
        {BACKENDS.map((name) => (
          <option key={name} value={name}>Force {name}</option>
        ))}
      </select>
      {backend ? (
        <ul className="backend-settings__candidates">
          {backend.candidates.map((c) => (
            <li key={c.backend}>
              <strong>{c.backend}</strong>: {c.ok ? '✔' : '✘'} {c.note}
              {c.msPerStep !== undefined ? ` · ${c.msPerStep.toFixed(2)} ms/step` : ''}
            </li>
          ))}
          {backend.adapter ? <li>WebGPU adapter: {backend.adapter}</li> : null}
        </ul>
      ) : null}
    </details>
  );
}
