import { useEffect, useId, useState } from 'react';
import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';
import { RunControls } from '../../frame/RunControls';
import { createTrainerController, TRAINER_SPEEDS } from '../../frame/trainerController';

/** The pauses between steps offered by the speed menu (the frame's list; 0 = as fast as the backend goes). */
export const SPEEDS = TRAINER_SPEEDS;

function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(3) : value.toPrecision(4);
}

const STATUS_TEXT: Record<string, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  ready: 'Ready',
  running: 'Training',
  stopping: 'Pausing…',
  paused: 'Paused',
  stopped: 'Paused',
  recovering: 'Recovering…',
  error: 'Error',
};

/**
 * Play/Pause, Step, Reset and Speed (the frame's RunControls, the same words as every demo), the
 * seed, and a status line naming every metric of the latest iteration.
 */
export function TrainerControls<Config>({ store }: { store: TrainerStore<Config> }) {
  const [controller] = useState(() =>
    createTrainerController(store, { summary: (s) => `${STATUS_TEXT[s.status]} · iteration ${s.iteration}` }),
  );
  useEffect(() => controller.track(), [controller]);
  const status = useTrainer(store, (s) => s.status);
  const iteration = useTrainer(store, (s) => s.iteration);
  const latest = useTrainer(store, (s) => s.latest);
  const stepMs = useTrainer(store, (s) => s.stepMs);
  const seed = useTrainer(store, (s) => s.seed);
  const [seedText, setSeedText] = useState(String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  if (shownSeed !== seed) {
    // the seed changed elsewhere (a share link, another control): show it
    setShownSeed(seed);
    setSeedText(String(seed));
  }
  const seedId = useId();
  const actions = store.getState();

  return (
    <div className="trainer-controls">
      <RunControls controller={controller} />
      <div className="trainer-controls__settings">
        <form
          className="trainer-controls__seed"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.setSeed(Number(seedText));
          }}
        >
          <label htmlFor={seedId}>Seed</label>
          <input id={seedId} inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value)} size={8} />
          <button type="submit" className="secondary" disabled={status === 'starting' || status === 'recovering'} title="A new model from this seed, iteration 0">
            Apply seed
          </button>
        </form>
      </div>
      <p className="trainer-controls__status">
        {/* Only the status is announced; the numbers change ten times a second. */}
        <span className="trainer-status" data-status={status} aria-live="polite">{STATUS_TEXT[status]}</span>
        {' · '}iteration <strong data-testid="trainer-iteration">{iteration}</strong>
        {latest
          ? Object.entries(latest).map(([key, value]) => (
              <span key={key}> · {key} <strong>{formatMetric(value)}</strong></span>
            ))
          : null}
        {stepMs !== null ? <span> · {stepMs.toFixed(2)} ms per step (compute only)</span> : null}
      </p>
    </div>
  );
}
