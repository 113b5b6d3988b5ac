import { useId, useState } from 'react';
import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';

/** Delay between steps offered by the speed control (0 = as fast as the backend goes). */
export const SPEEDS = [
  { delayMs: 0, label: 'Max' },
  { delayMs: 20, label: 'Fast (20 ms pause)' },
  { delayMs: 100, label: 'Medium (100 ms pause)' },
  { delayMs: 500, label: 'Slow (0.5 s pause)' },
] as const;

function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(3) : value.toPrecision(4);
}

/** Train, pause/resume, single step, stop, reset, speed and seed: the same for every demo. */
export function TrainerControls<Config>({ store }: { store: TrainerStore<Config> }) {
  const status = useTrainer(store, (s) => s.status);
  const iteration = useTrainer(store, (s) => s.iteration);
  const latest = useTrainer(store, (s) => s.latest);
  const stepMs = useTrainer(store, (s) => s.stepMs);
  const delayMs = useTrainer(store, (s) => s.delayMs);
  const seed = useTrainer(store, (s) => s.seed);
  const [seedText, setSeedText] = useState(String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  if (shownSeed !== seed) {
    // the seed changed elsewhere (a share link, another control): show it
    setShownSeed(seed);
    setSeedText(String(seed));
  }
  const speedId = useId();
  const seedId = useId();
  const actions = store.getState();
  const idle = status === 'ready' || status === 'paused' || status === 'stopped';
  const running = status === 'running';

  return (
    <div className="trainer-controls">
      <div className="trainer-controls__buttons" role="group" aria-label="Training controls">
        {status === 'paused' ? (
          <button type="button" onClick={() => void actions.resume()}>Resume</button>
        ) : (
          <button type="button" onClick={() => void actions.train()} disabled={!idle}>Train</button>
        )}
        <button type="button" className="secondary" onClick={() => void actions.pause()} disabled={!running}>Pause</button>
        <button type="button" className="secondary" onClick={() => void actions.step()} disabled={!idle}>Step once</button>
        <button type="button" className="secondary" onClick={() => void actions.stop()} disabled={!running}>Stop</button>
        <button type="button" className="secondary" onClick={() => void actions.reset()} disabled={status === 'starting' || status === 'recovering' || status === 'idle'}>Reset</button>
      </div>
      <div className="trainer-controls__settings">
        <label htmlFor={speedId}>Speed</label>
        <select id={speedId} value={delayMs} onChange={(e) => actions.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s.delayMs} value={s.delayMs}>{s.label}</option>
          ))}
        </select>
        <form
          className="trainer-controls__seed"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.setSeed(Number(seedText));
          }}
        >
          <label htmlFor={seedId}>Seed</label>
          <input id={seedId} inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value)} size={8} />
          <button type="submit" className="secondary" disabled={status === 'starting' || status === 'recovering'}>Apply seed</button>
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
        {stepMs !== null ? <span> · {stepMs.toFixed(2)} ms/step</span> : null}
      </p>
    </div>
  );
}

const STATUS_TEXT: Record<string, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  ready: 'Ready',
  running: 'Training',
  stopping: 'Stopping…',
  paused: 'Paused',
  stopped: 'Stopped',
  recovering: 'Recovering…',
  error: 'Error',
};
