/**
 * Large-grid value iteration as a runtime session (pure TS, no tfjs): one iteration is one Bellman
 * sweep over a maze of up to 1024 x 1024 cells on typed arrays; the view is the value map as RGBA
 * pixels. The run ends by itself when ‖V_{k+1} − V_k‖∞ ≤ tolerance.
 */
import type { RunState, Trainer, TrainerDefinition } from '../runtime/trainer';
import { renderValueImage, valueScale } from './colormap';
import { openGrid, randomMaze } from './maze';
import { stepRewards, validateProblem, type GridMdp } from './mdp';
import { bellmanSweep, type ValueArray } from './valueIteration';

export interface LargeGridConfig {
  side: number;
  seed: number;
  layout: 'maze' | 'open';
  gamma: number;
  noise: number;
  livingReward: number;
  inPlace: boolean;
  precision: 'float32' | 'float64';
  /** Stop when the largest change of a sweep is at most this. */
  tolerance: number;
}

export interface LargeGridView {
  sweeps: number;
  residual: number;
  /** rows * cols RGBA pixels of the value map. */
  image: Uint8ClampedArray;
  rows: number;
  cols: number;
  /** |V| that maps to full colour. */
  scale: number;
  valueAtStart: number;
  converged: boolean;
}

export function validateLargeGrid(config: LargeGridConfig): void {
  if (!(config.tolerance > 0)) throw new Error(`The tolerance must be a positive number (got ${config.tolerance}).`);
}

export function createLargeGrid(config: LargeGridConfig): Trainer<LargeGridView> {
  validateLargeGrid(config);
  const mdp: GridMdp = config.layout === 'open' ? openGrid(config.side) : randomMaze(config.side, config.seed);
  validateProblem(mdp, config);
  const make = (): ValueArray => (config.precision === 'float32' ? new Float32Array(mdp.end + 1) : new Float64Array(mdp.end + 1));
  const reward = stepRewards(mdp, config.livingReward);
  let values = make();
  let spare = make();
  let sweeps = 0;
  let residual = NaN;
  const modelId = `large-grid/${config.layout}-${config.side}-${config.seed}/${config.precision}`;
  return {
    step() {
      const target = config.inPlace ? values : spare;
      residual = bellmanSweep(mdp, reward, values, target, config.gamma, config.noise);
      if (!config.inPlace) [values, spare] = [spare, values];
      sweeps++;
      const valueAtStart = mdp.start >= 0 ? values[mdp.start] : NaN;
      return { metrics: { residual, valueAtStart }, watch: ['residual'], done: residual <= config.tolerance };
    },
    async getWeights() {
      return { modelId, tensors: [{ name: 'V', shape: [mdp.end + 1], values: Float32Array.from(values) }] };
    },
    setWeights(snapshot) {
      if (snapshot.modelId !== modelId || snapshot.tensors[0]?.values.length !== values.length) throw new Error(`These values are for "${snapshot.modelId}", this grid is "${modelId}".`);
      values.set(snapshot.tensors[0].values);
    },
    async checkpoint(): Promise<RunState> {
      const copy = config.precision === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
      return { modelId, tensors: [], data: { values: copy, sweeps, residual } };
    },
    restore(state) {
      const saved = state.data.values;
      if (state.modelId !== modelId) throw new Error(`This checkpoint is for "${state.modelId}", this grid is "${modelId}".`);
      if (!(saved instanceof Float32Array || saved instanceof Float64Array) || saved.length !== values.length) throw new Error('The checkpoint\'s values are damaged.');
      values.set(saved);
      sweeps = typeof state.data.sweeps === 'number' ? state.data.sweeps : 0;
      residual = typeof state.data.residual === 'number' ? state.data.residual : NaN;
    },
    snapshotForView() {
      const scale = valueScale(mdp, values);
      return {
        sweeps, residual, scale, rows: mdp.rows, cols: mdp.cols,
        image: renderValueImage(mdp, values, scale, new Uint8ClampedArray(mdp.end * 4)),
        valueAtStart: mdp.start >= 0 ? values[mdp.start] : NaN,
        converged: residual <= config.tolerance,
      };
    },
    dispose() {},
  };
}

export const largeGridSession: TrainerDefinition<LargeGridConfig, LargeGridView> = {
  id: 'large-grid',
  validate: validateLargeGrid,
  create: async (config) => createLargeGrid(config),
};
