import { useRef, useState } from 'react';
import { DEFAULT_CONFIG, type CartpoleConfig } from '../../algorithms/cartpole/config';
import { createTrainerStore, type TrainerStore } from '../runtime';
import { Chart, type Series } from './Chart';
import { CARTPOLE_PRESETS } from './manifest';

export interface Preset {
  label: string;
  config: CartpoleConfig;
}

/** The demo's presets on the default settings (the same list the controller steps through). */
export const PRESETS: Preset[] = CARTPOLE_PRESETS.map((preset) => ({ label: preset.label, config: { ...DEFAULT_CONFIG, ...preset.values } }));
/** Okabe–Ito colours, told apart by dash pattern too. */
const STYLES = [
  { color: 'var(--chart-2)', dash: '6 4' },
  { color: 'var(--chart-1)', dash: undefined },
  { color: 'var(--chart-3)', dash: '2 3' },
  { color: 'var(--chart-4)', dash: '10 3 2 3' },
];

export const createCartpoleWorker = () => new Worker(new URL('../../../workers/cartpole.worker.ts', import.meta.url), { type: 'module' });

interface RunResult {
  preset: number;
  seed: number;
  meanReturn: number[];
  gradVariance: number[];
}

/** Per iteration: mean across seeds, with min and max as the band. */
function aggregate(runs: number[][]): { mean: number[]; lower: number[]; upper: number[] } {
  const n = Math.min(...runs.map((r) => r.length));
  const mean: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i < n; i++) {
    const column = runs.map((r) => r[i]);
    mean.push(column.reduce((a, b) => a + b, 0) / column.length);
    lower.push(Math.min(...column));
    upper.push(Math.max(...column));
  }
  return { mean, lower, upper };
}

/** Up to four configurations × several seeds, two workers at a time, plotted with seed bands. */
export function CompareMode() {
  const [chosen, setChosen] = useState<boolean[]>([true, true, false, true]);
  const [seeds, setSeeds] = useState(3);
  const [iterations, setIterations] = useState(25);
  const [results, setResults] = useState<RunResult[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const live = useRef<Set<TrainerStore<CartpoleConfig>>>(new Set());
  const cancelled = useRef(false);

  const run = async () => {
    cancelled.current = false;
    setResults([]);
    const jobs = chosen.flatMap((on, preset) => (on ? Array.from({ length: seeds }, (_, s) => ({ preset, seed: s + 1 })) : []));
    let done = 0;
    setProgress(`0 of ${jobs.length} runs done`);
    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job && !cancelled.current; job = queue.shift()) {
        const store = createTrainerStore<CartpoleConfig>({ trainerId: 'cartpole', createWorker: createCartpoleWorker, config: PRESETS[job.preset].config, seed: job.seed, historyLimit: 500 });
        live.current.add(store);
        try {
          await store.getState().start();
          await store.getState().trainFor(iterations);
          const history = store.getState().history;
          const result = { ...job, meanReturn: history.map((r) => r.metrics.meanReturn), gradVariance: history.map((r) => r.metrics.gradVariance) };
          if (!cancelled.current) setResults((prev) => [...prev, result]);
        } finally {
          store.getState().dispose();
          live.current.delete(store);
        }
        done++;
        if (!cancelled.current) setProgress(`${done} of ${jobs.length} runs done`);
      }
    };
    await Promise.all([worker(), worker()]);
    setProgress(cancelled.current ? 'Stopped.' : `All ${jobs.length} runs done.`);
  };

  const stop = () => {
    cancelled.current = true;
    live.current.forEach((store) => store.getState().dispose());
  };

  const running = progress !== null && !/done\.|Stopped/.test(progress);
  const series = (key: 'meanReturn' | 'gradVariance', band: boolean): Series[] =>
    PRESETS.flatMap((preset, k) => {
      const runs = results.filter((r) => r.preset === k).map((r) => r[key]);
      if (runs.length === 0) return [];
      const agg = aggregate(runs);
      return [{ label: `${preset.label} (${runs.length} seeds)`, ...STYLES[k], values: agg.mean, band: band ? { lower: agg.lower, upper: agg.upper } : undefined }];
    });

  return (
    <section className="cp-compare" aria-label="Compare configurations across seeds">
      <h3>Compare across seeds</h3>
      <fieldset>
        <legend>Configurations (up to four)</legend>
        {PRESETS.map((preset, k) => (
          <label key={preset.label} className="cp-check">
            <input type="checkbox" checked={chosen[k]} disabled={running} onChange={(e) => setChosen(chosen.map((c, j) => (j === k ? e.target.checked : c)))} />
            {preset.label}
          </label>
        ))}
      </fieldset>
      <div className="cp-row">
        <label>
          Seeds per configuration{' '}
          <select value={seeds} disabled={running} onChange={(e) => setSeeds(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => <option key={n}>{n}</option>)}
          </select>
        </label>
        <label>
          Iterations per run{' '}
          <select value={iterations} disabled={running} onChange={(e) => setIterations(Number(e.target.value))}>
            {[10, 25, 50, 100].map((n) => <option key={n}>{n}</option>)}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={stop}>Stop comparing</button>
        ) : (
          <button type="button" disabled={!chosen.some(Boolean)} onClick={() => void run()}>Run comparison</button>
        )}
      </div>
      {progress ? <p role="status">{progress}</p> : null}
      {results.length > 0 ? (
        <div className="cp-charts">
          <Chart title="Mean episode return (line: mean over seeds, band: min–max)" series={series('meanReturn', true)} yMin={0} yMax={500} />
          <Chart title="Gradient variance (mean over seeds, log scale)" series={series('gradVariance', false)} log />
        </div>
      ) : null}
    </section>
  );
}
