/**
 * Large-grid value iteration off the main thread: sweeps over a maze of up to 1024 x 1024 cells
 * on typed arrays, progress (with the value map as RGBA pixels, transferred) at about 10 Hz,
 * cooperative stop between sweeps. Plain comlink; no tfjs.
 */
import * as Comlink from 'comlink';
import {
  bellmanSweep, openGrid, parseGrid, randomMaze, renderValueImage, stepRewards, validateProblem, valueScale,
  type GridMdp, type ValueArray,
} from '../src/algorithms/gridworld';

export interface LargeGridConfig {
  side: number;
  seed: number;
  layout: 'maze' | 'open';
  gamma: number;
  noise: number;
  livingReward: number;
  inPlace: boolean;
  precision: 'float32' | 'float64';
}

export interface LargeGridProgress {
  runId: number;
  sweeps: number;
  residual: number;
  /** Mean time of the sweeps since the last report, in ms. */
  msPerSweep: number;
  /** rows * cols RGBA pixels of the value map. */
  image: Uint8ClampedArray;
  rows: number;
  cols: number;
  /** |V| that maps to full colour. */
  scale: number;
  valueAtStart: number;
  done: boolean;
  converged: boolean;
}

interface State {
  mdp: GridMdp;
  config: LargeGridConfig;
  reward: Float64Array;
  values: ValueArray;
  spare: ValueArray;
  sweeps: number;
  residual: number;
}

let state: State | null = null;
let activeRun = 0;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function snapshot(current: State, runId: number, msPerSweep: number, done: boolean, converged: boolean): LargeGridProgress {
  const { mdp, values } = current;
  const scale = valueScale(mdp, values);
  const image = renderValueImage(mdp, values, scale, new Uint8ClampedArray(mdp.end * 4));
  return {
    runId, sweeps: current.sweeps, residual: current.residual, msPerSweep, image, rows: mdp.rows, cols: mdp.cols, scale,
    valueAtStart: mdp.start >= 0 ? values[mdp.start] : NaN, done, converged,
  };
}

const api = {
  /** Builds the grid and resets the values; throws a readable Error for bad settings. */
  load(config: LargeGridConfig): LargeGridProgress {
    activeRun++;
    const mdp = config.layout === 'open' ? openGrid(config.side) : randomMaze(config.side, config.seed);
    validateProblem(mdp, config);
    const make = () => (config.precision === 'float32' ? new Float32Array(mdp.end + 1) : new Float64Array(mdp.end + 1));
    state = { mdp, config, reward: stepRewards(mdp, config.livingReward), values: make(), spare: make(), sweeps: 0, residual: NaN };
    const progress = snapshot(state, activeRun, 0, false, false);
    return Comlink.transfer(progress, [progress.image.buffer]);
  },

  /**
   * Sweeps until the residual is ≤ tolerance, maxSweeps, or stop(). Reports through onProgress
   * every ~100 ms; yields to the event loop between sweeps so stop() gets through.
   */
  async run(runId: number, tolerance: number, maxSweeps: number, onProgress: (progress: LargeGridProgress) => void): Promise<LargeGridProgress> {
    if (!state) throw new Error('Load a grid first.');
    activeRun = runId;
    const current = state;
    const { mdp, config, reward } = current;
    let lastReport = performance.now();
    let sweepTime = 0;
    let sweepsSinceReport = 0;
    let converged = false;
    for (let k = 0; k < maxSweeps; k++) {
      if (activeRun !== runId || state !== current) break;
      const t0 = performance.now();
      const target = config.inPlace ? current.values : current.spare;
      current.residual = bellmanSweep(mdp, reward, current.values, target, config.gamma, config.noise);
      if (!config.inPlace) [current.values, current.spare] = [current.spare, current.values];
      current.sweeps++;
      sweepTime += performance.now() - t0;
      sweepsSinceReport++;
      if (!Number.isFinite(current.residual)) throw new Error('The values became non-finite: lower γ.');
      if (current.residual <= tolerance) { converged = true; break; }
      if (performance.now() - lastReport > 100) {
        const progress = snapshot(current, runId, sweepTime / sweepsSinceReport, false, false);
        onProgress(Comlink.transfer(progress, [progress.image.buffer]));
        lastReport = performance.now();
        sweepTime = 0;
        sweepsSinceReport = 0;
      }
      await nextTask();
    }
    const progress = snapshot(current, runId, sweepsSinceReport ? sweepTime / sweepsSinceReport : 0, true, converged);
    return Comlink.transfer(progress, [progress.image.buffer]);
  },

  stop(): void {
    activeRun++;
  },

  /** Times `repeats` synchronous sweeps over a side x side open grid (after `warmup` untimed ones), in ms. */
  benchSweep(side: number, repeats: number, warmup: number, precision: 'float32' | 'float64'): number[] {
    const mdp = openGrid(side);
    const reward = stepRewards(mdp, -0.01);
    const Array_ = precision === 'float32' ? Float32Array : Float64Array;
    let from: ValueArray = new Array_(mdp.end + 1);
    let to: ValueArray = new Array_(mdp.end + 1);
    const times: number[] = [];
    for (let k = 0; k < warmup + repeats; k++) {
      const t0 = performance.now();
      bellmanSweep(mdp, reward, from, to, 0.99, 0.2);
      const elapsed = performance.now() - t0;
      if (k >= warmup) times.push(elapsed);
      [from, to] = [to, from];
    }
    return times;
  },

  /** Synchronous sweeps per second on the classic 4x3 grid, counted over `ms` milliseconds. */
  benchSmall(ms: number): number {
    const mdp = parseGrid('. . . +1\n. # . -1\nS . . .');
    const reward = stepRewards(mdp, -0.04);
    let from = new Float64Array(mdp.end + 1);
    let to = new Float64Array(mdp.end + 1);
    for (let k = 0; k < 10_000; k++) bellmanSweep(mdp, reward, from, to, 0.9, 0.2);
    let sweeps = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let k = 0; k < 1000; k++) {
        bellmanSweep(mdp, reward, from, to, 0.9, 0.2);
        [from, to] = [to, from];
      }
      sweeps += 1000;
      elapsed = performance.now() - t0;
    }
    return sweeps / (elapsed / 1000);
  },
};

export type GridworldWorkerApi = typeof api;

Comlink.expose(api);
