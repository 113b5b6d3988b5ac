/**
 * REINFORCE and actor-critic on CartPole-v1, as a `TrainerDefinition` for the training runtime.
 *
 * Rollouts evaluate the policy in plain typed-array code (mlp.ts); the gradient step runs on tfjs.
 * Gradient variance: the batch is split into G groups (groups of whole episodes for REINFORCE, of
 * environment copies for actor-critic); each group gives its own estimate ĝ_k of the mean
 * gradient, and we report (1/P) Σ_p Var_k(ĝ_k,p), the sample variance across groups averaged over
 * the P parameters. Their weighted sum is exactly the full-batch gradient that Adam applies.
 */
import * as tf from '@tensorflow/tfjs';
import { adamFromRunState, adamToRunState, createAdam, readAdam } from '../common/adamState';
import { initMlp, mlpForward, mlpFromSnapshot, mlpScratch, mlpToSnapshot, type MlpWeights } from '../common/mlp';
import { createRng, type Rng } from '../common/rng';
import { RunStateReader, mlpRunStateTensors, readMlp } from '../common/runState';
import { sampleAction, softmax } from '../common/softmax';
import { TfMlp } from '../common/tfMlp';
import {
  assertSnapshotFits,
  type IterationResult,
  type Metrics,
  type RunState,
  type Trainer,
  type TrainerDefinition,
  type WeightSnapshot,
} from '../runtime/trainer';
import { DEFAULT_CONFIG, policyModelId, policySizes, usesValue, validateConfig, valueSizes, type CartpoleConfig } from './config';
import { MAX_EPISODE_STEPS, N_ACTIONS, OBS_SIZE, VecCartPole } from './env';
import { flatGradient, policySurrogate, unflatten, valueLoss } from './model';
import { gae, nStepAdvantage, normalize, rewardToGo, trajectoryReturn } from './returns';

/** Gradient groups per iteration for the variance estimate. */
export const GRADIENT_GROUPS = 8;
/** Rows per Adam step of the value network. */
export const VALUE_MINIBATCH = 1024;
/** Episodes in the running window behind `return100`. */
export const RECENT_WINDOW = 100;

/**
 * Identifies a checkpoint's layout: the algorithm, whether it learns a value network, and the
 * widths of every network, e.g. 'cartpole/ac/pi4-32-2/v4-32-1'.
 */
export function runStateId(config: CartpoleConfig): string {
  const algorithm = config.algorithm === 'actor-critic' ? 'ac' : config.baseline === 'value' ? 'reinforce+value' : 'reinforce';
  const value = usesValue(config) ? `/v${valueSizes(config).join('-')}` : '';
  return `cartpole/${algorithm}/pi${policySizes(config).join('-')}${value}`;
}

/** One iteration's experience, flattened: row r of `obs` is step r. */
interface Batch {
  obs: Float32Array;
  actions: Int32Array;
  /** Advantage A_t weighting ∇ log π(a_t|s_t) (before normalisation). */
  advantages: Float64Array;
  /** Regression targets for V(s_t), when there is a value network. */
  valueTargets: Float64Array | null;
  /** Row ranges [start, end) of the gradient groups. */
  groups: [number, number][];
  entropy: number;
  episodeReturns: number[];
}

/** Data the view may use: the current policy weights, to drive the cart on the page. */
export interface CartpoleViewData {
  policy: WeightSnapshot;
}

class CartpoleTrainer implements Trainer {
  private readonly rng: Rng;
  private policyNet: MlpWeights;
  private readonly policy: TfMlp;
  private readonly value: TfMlp | null;
  private valueNet: MlpWeights | null;
  private optimizer: tf.AdamOptimizer;
  private valueOptimizer: tf.AdamOptimizer | null;
  private readonly recent: number[] = [];
  private totalEpisodes = 0;
  private totalSteps = 0;
  /** Actor-critic keeps its copies running across iterations. */
  private acEnv: VecCartPole | null = null;
  private acReturns: Float64Array | null = null;

  constructor(private readonly config: CartpoleConfig, seed: number) {
    this.rng = createRng(seed);
    const sizes = policySizes(config);
    // A small output layer starts the policy near 50/50.
    this.policyNet = initMlp(sizes, this.rng, 0.01);
    this.policy = new TfMlp(this.policyNet, 'cartpole-pi');
    this.optimizer = tf.train.adam(config.learningRate);
    if (usesValue(config)) {
      this.valueNet = initMlp(valueSizes(config), this.rng);
      this.value = new TfMlp(this.valueNet, 'cartpole-v');
      this.valueOptimizer = tf.train.adam(config.valueLearningRate);
    } else {
      this.valueNet = null;
      this.value = null;
      this.valueOptimizer = null;
    }
  }

  async step(): Promise<IterationResult> {
    const batch = this.config.algorithm === 'reinforce' ? await this.collectReinforce() : await this.collectActorCritic();
    const n = batch.actions.length;
    const advantages = batch.advantages;
    let sumA = 0;
    for (let i = 0; i < n; i++) sumA += advantages[i];
    const advantageMean = sumA / n;
    let advantageStd = 0;
    if (this.config.normalize) [, advantageStd] = normalize(advantages);
    else {
      for (let i = 0; i < n; i++) advantageStd += (advantages[i] - advantageMean) ** 2;
      advantageStd = Math.sqrt(advantageStd / n);
    }

    const update = await this.updatePolicy(batch);
    const valueLossValue = update.finite ? await this.fitValue(batch) : NaN;

    this.totalSteps += n;
    for (const r of batch.episodeReturns) {
      this.recent.push(r);
      if (this.recent.length > RECENT_WINDOW) this.recent.shift();
    }
    this.totalEpisodes += batch.episodeReturns.length;
    const returns = batch.episodeReturns;
    const recentMean = this.recent.length ? mean(this.recent) : 0;
    const metrics: Metrics = {
      meanReturn: returns.length ? mean(returns) : recentMean,
      minReturn: returns.length ? Math.min(...returns) : recentMean,
      maxReturn: returns.length ? Math.max(...returns) : recentMean,
      return100: recentMean,
      episodes: returns.length,
      totalEpisodes: this.totalEpisodes,
      steps: n,
      totalSteps: this.totalSteps,
      entropy: batch.entropy,
      loss: update.loss,
      gradNorm: update.gradNorm,
      gradVariance: update.gradVariance,
      advantageMean,
      advantageStd,
    };
    if (this.value) metrics.valueLoss = valueLossValue;
    return { metrics, watch: this.value ? ['loss', 'gradNorm', 'valueLoss'] : ['loss', 'gradNorm'] };
  }

  /** REINFORCE: `episodesPerBatch` copies, each plays exactly one whole episode. */
  private async collectReinforce(): Promise<Batch> {
    const { episodesPerBatch: m, gamma, returnKind, baseline } = this.config;
    const env = new VecCartPole(m, createRng(this.rng.fork()));
    const cap = MAX_EPISODE_STEPS;
    const obs = new Float32Array(m * cap * OBS_SIZE);
    const actions = new Uint8Array(m * cap);
    const lengths = new Int32Array(m);
    const active = new Uint8Array(m).fill(1);
    const step = new Uint8Array(m);
    const scratch = mlpScratch(this.policyNet.sizes);
    const probs = new Float64Array(N_ACTIONS);
    let entropySum = 0;
    let live = m;
    while (live > 0) {
      for (let i = 0; i < m; i++) {
        if (!active[i]) continue;
        const row = i * cap + lengths[i];
        for (let k = 0; k < OBS_SIZE; k++) obs[row * OBS_SIZE + k] = env.obs[i * OBS_SIZE + k];
        entropySum += softmax(mlpForward(this.policyNet, env.obs, i * OBS_SIZE, scratch), probs);
        step[i] = sampleAction(probs, this.rng);
        actions[row] = step[i];
      }
      env.step(step, false, active);
      for (let i = 0; i < m; i++) {
        if (!active[i]) continue;
        lengths[i]++;
        if (env.terminated[i] || env.truncated[i]) {
          active[i] = 0;
          live--;
        }
      }
    }
    // Flatten episode by episode.
    const total = lengths.reduce((a, b) => a + b, 0);
    const flatObs = new Float32Array(total * OBS_SIZE);
    const flatActions = new Int32Array(total);
    const psi = new Float64Array(total);
    const targets = new Float64Array(total);
    const starts: number[] = [];
    let row = 0;
    for (let i = 0; i < m; i++) {
      const len = lengths[i];
      starts.push(row);
      flatObs.set(obs.subarray(i * cap * OBS_SIZE, (i * cap + len) * OBS_SIZE), row * OBS_SIZE);
      for (let t = 0; t < len; t++) flatActions[row + t] = actions[i * cap + t];
      const rewards = new Float64Array(len).fill(1);
      const togo = rewardToGo(rewards, gamma, targets.subarray(row, row + len));
      if (returnKind === 'trajectory') psi.fill(trajectoryReturn(rewards, gamma), row, row + len);
      else psi.set(togo, row);
      row += len;
    }
    starts.push(total);
    if (baseline === 'mean') {
      const b = mean(psi);
      for (let t = 0; t < total; t++) psi[t] -= b;
    } else if (baseline === 'value') {
      const values = await this.predictValues(flatObs);
      for (let t = 0; t < total; t++) psi[t] -= values[t];
    }
    const groups = splitGroups(starts);
    return {
      obs: flatObs,
      actions: flatActions,
      advantages: psi,
      valueTargets: this.value ? targets : null,
      groups,
      entropy: entropySum / total,
      episodeReturns: Array.from(lengths),
    };
  }

  /** Actor-critic: `envs` copies keep running; each iteration adds `rolloutSteps` steps per copy. */
  private async collectActorCritic(): Promise<Batch> {
    const { envs: n, rolloutSteps: T, gamma, lambda, nSteps, advantage } = this.config;
    if (!this.acEnv || !this.acReturns) {
      this.acEnv = new VecCartPole(n, createRng(this.rng.fork()));
      this.acReturns = new Float64Array(n);
    }
    const env = this.acEnv;
    const running = this.acReturns;
    // Env-major layout: row i·T + t is copy i at time t.
    const obs = new Float32Array(n * T * OBS_SIZE);
    const actions = new Int32Array(n * T);
    const terminated = new Uint8Array(n * T);
    const ended = new Uint8Array(n * T);
    const finalObs: number[] = [];
    const finalRows: number[] = [];
    const step = new Uint8Array(n);
    const scratch = mlpScratch(this.policyNet.sizes);
    const probs = new Float64Array(N_ACTIONS);
    const episodeReturns: number[] = [];
    let entropySum = 0;
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < n; i++) {
        const r = i * T + t;
        for (let k = 0; k < OBS_SIZE; k++) obs[r * OBS_SIZE + k] = env.obs[i * OBS_SIZE + k];
        entropySum += softmax(mlpForward(this.policyNet, env.obs, i * OBS_SIZE, scratch), probs);
        step[i] = sampleAction(probs, this.rng);
        actions[r] = step[i];
      }
      env.step(step, true);
      for (let i = 0; i < n; i++) {
        const r = i * T + t;
        running[i] += 1;
        terminated[r] = env.terminated[i];
        if (env.terminated[i] || env.truncated[i]) {
          ended[r] = 1;
          episodeReturns.push(running[i]);
          running[i] = 0;
          if (env.truncated[i]) {
            finalRows.push(r);
            for (let k = 0; k < OBS_SIZE; k++) finalObs.push(env.finalObs[i * OBS_SIZE + k]);
          }
        }
      }
    }
    // V for every visited state, every truncation's last state and every copy's current state.
    const total = n * T;
    const all = new Float32Array((total + finalRows.length + n) * OBS_SIZE);
    all.set(obs);
    all.set(finalObs, total * OBS_SIZE);
    all.set(env.obs, (total + finalRows.length) * OBS_SIZE);
    const v = await this.predictValues(all);
    const nextValues = new Float64Array(total);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        const r = i * T + t;
        nextValues[r] = t + 1 < T ? v[r + 1] : v[total + finalRows.length + i];
      }
    }
    finalRows.forEach((r, j) => (nextValues[r] = v[total + j]));
    const rewards = new Float64Array(T).fill(1);
    const advantages = new Float64Array(total);
    const targets = new Float64Array(total);
    for (let i = 0; i < n; i++) {
      const range = [i * T, (i + 1) * T] as const;
      const seg = {
        rewards,
        values: v.subarray(...range),
        nextValues: nextValues.subarray(...range),
        terminated: terminated.subarray(...range),
        ended: ended.subarray(...range),
      };
      const out = advantages.subarray(...range);
      if (advantage === 'gae') gae(seg, gamma, lambda, out);
      else nStepAdvantage(seg, gamma, nSteps, out);
      for (let t = 0; t < T; t++) targets[range[0] + t] = out[t] + seg.values[t];
    }
    const starts = Array.from({ length: n + 1 }, (_, i) => i * T);
    return {
      obs,
      actions,
      advantages,
      valueTargets: targets,
      groups: splitGroups(starts),
      entropy: entropySum / total,
      episodeReturns,
    };
  }

  private async predictValues(obs: Float32Array): Promise<Float32Array> {
    if (!this.value) throw new Error('no value network');
    const out = tf.tidy(() => tf.reshape(this.value!.apply(tf.tensor2d(obs, [obs.length / OBS_SIZE, OBS_SIZE])), [-1]));
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  /** Per-group gradients, their variance, and one Adam step on their sum (skipped when not finite). */
  private async updatePolicy(batch: Batch): Promise<{ loss: number; gradNorm: number; gradVariance: number; finite: boolean }> {
    const n = batch.actions.length;
    const [obsT, oneHotT, advT] = tf.tidy(() => [
      tf.tensor2d(batch.obs, [n, OBS_SIZE]),
      tf.oneHot(tf.tensor1d(batch.actions, 'int32'), 2).toFloat() as tf.Tensor2D,
      tf.tensor1d(Float32Array.from(batch.advantages)),
    ]);
    const vars = this.policy.vars;
    const P = this.policy.size;
    const groupGrads: Float32Array[] = [];
    for (const [start, end] of batch.groups) {
      const g = flatGradient(
        () =>
          tf.tidy(() =>
            policySurrogate(
              this.policy,
              obsT.slice([start, 0], [end - start, OBS_SIZE]),
              oneHotT.slice([start, 0], [end - start, 2]),
              advT.slice(start, end - start),
              1 / n,
            ),
          ),
        vars,
      );
      groupGrads.push((await g.data()) as Float32Array);
      g.dispose();
    }
    const lossT = policySurrogate(this.policy, obsT, oneHotT, advT, 1 / n);
    const loss = (await lossT.data())[0];
    tf.dispose([lossT, obsT, oneHotT, advT]);

    // Full gradient = Σ_k g_k; per-group mean estimate ĝ_k = g_k · n / n_k.
    const sum = new Float32Array(P);
    for (const g of groupGrads) for (let p = 0; p < P; p++) sum[p] += g[p];
    let gradVariance = 0;
    const G = groupGrads.length;
    if (G > 1) {
      for (let p = 0; p < P; p++) {
        let m1 = 0;
        let m2 = 0;
        batch.groups.forEach(([start, end], k) => {
          const est = (groupGrads[k][p] * n) / (end - start);
          m1 += est;
          m2 += est * est;
        });
        m1 /= G;
        gradVariance += (m2 - G * m1 * m1) / (G - 1);
      }
      gradVariance /= P;
    }
    let sq = 0;
    for (let p = 0; p < P; p++) sq += sum[p] * sum[p];
    const gradNorm = Math.sqrt(sq);
    const finite = Number.isFinite(gradNorm) && Number.isFinite(loss);
    if (finite) {
      const grads = unflatten(sum, vars);
      this.optimizer.applyGradients(grads);
      tf.dispose(grads.map((g) => g.tensor));
      this.policyNet = await this.policy.read();
    }
    return { loss, gradNorm, gradVariance, finite };
  }

  /**
   * `valueSteps` Adam steps on the MSE of V(s_t) against its targets, each on a random minibatch
   * of up to VALUE_MINIBATCH rows; returns the loss on the first minibatch, before fitting.
   */
  private async fitValue(batch: Batch): Promise<number> {
    if (!this.value || !this.valueOptimizer || !batch.valueTargets) return 0;
    const n = batch.actions.length;
    const size = Math.min(n, VALUE_MINIBATCH);
    const obs = new Float32Array(size * OBS_SIZE);
    const targets = new Float32Array(size);
    const value = this.value;
    let first = NaN;
    for (let s = 0; s < this.config.valueSteps; s++) {
      for (let j = 0; j < size; j++) {
        const r = size === n ? j : this.rng.int(n);
        for (let k = 0; k < OBS_SIZE; k++) obs[j * OBS_SIZE + k] = batch.obs[r * OBS_SIZE + k];
        targets[j] = batch.valueTargets[r];
      }
      const obsT = tf.tensor2d(obs, [size, OBS_SIZE]);
      const targetT = tf.tensor1d(targets);
      const cost = this.valueOptimizer.minimize(() => valueLoss(value, obsT, targetT), s === 0, value.vars);
      tf.dispose([obsT, targetT]);
      if (cost) {
        first = (await cost.data())[0];
        cost.dispose();
      }
    }
    this.valueNet = await value.read();
    return first;
  }

  async getWeights(): Promise<WeightSnapshot> {
    return mlpToSnapshot(this.policyNet, policyModelId(this.policyNet.sizes));
  }

  setWeights(snapshot: WeightSnapshot): void {
    assertSnapshotFits(mlpToSnapshot(this.policyNet, policyModelId(this.policyNet.sizes)), snapshot);
    this.policyNet = mlpFromSnapshot(snapshot);
    this.policy.assign(this.policyNet);
  }

  /**
   * Everything later iterations depend on: both networks, both Adam states, the RNG, the
   * actor-critic's running copies with their partial returns, the window of recent returns and
   * the counters.
   */
  async checkpoint(): Promise<RunState> {
    const policyShapes = this.policy.vars.map((v) => v.shape);
    const policyAdam = adamToRunState('policyAdam', await readAdam(this.optimizer), policyShapes);
    const tensors = [...mlpRunStateTensors(await this.policy.read(), 'policy/'), ...policyAdam.tensors];
    const data: RunState['data'] = {
      config: { ...this.config },
      rng: this.rng.getState(),
      policyAdam: policyAdam.data,
      recent: [...this.recent],
      totalEpisodes: this.totalEpisodes,
      totalSteps: this.totalSteps,
      acEnv: this.acEnv && this.acReturns ? { ...this.acEnv.getState(), returns: Float64Array.from(this.acReturns) } : null,
    };
    if (this.value && this.valueOptimizer) {
      const valueAdam = adamToRunState('valueAdam', await readAdam(this.valueOptimizer), this.value.vars.map((v) => v.shape));
      tensors.push(...mlpRunStateTensors(await this.value.read(), 'value/'), ...valueAdam.tensors);
      data.valueAdam = valueAdam.data;
    }
    return { modelId: runStateId(this.config), tensors, data };
  }

  /** Checks every piece of `state` first (a refused one changes nothing), then puts it all back. */
  async restore(state: RunState): Promise<void> {
    const reader = RunStateReader.open(state, runStateId(this.config));
    reader.config({ ...this.config });
    const policyShapes = this.policy.vars.map((v) => v.shape);
    const policyNet = readMlp(reader, 'policy/', this.policy.sizes);
    const policyAdam = adamFromRunState(reader, 'policyAdam', policyShapes);
    const valueShapes = this.value ? this.value.vars.map((v) => v.shape) : [];
    const valueNet = this.value ? readMlp(reader, 'value/', this.value.sizes) : null;
    const valueAdam = this.value ? adamFromRunState(reader, 'valueAdam', valueShapes) : null;
    const rng = reader.rng('rng');
    const recent = reader.numbers('recent', RECENT_WINDOW);
    const totalEpisodes = reader.number('totalEpisodes', { integer: true, min: 0 });
    const totalSteps = reader.number('totalSteps', { integer: true, min: 0 });
    let acEnv: VecCartPole | null = null;
    let acReturns: Float64Array | null = null;
    if (!reader.isNull('acEnv')) {
      const section = reader.section('acEnv');
      const n = this.config.envs;
      acEnv = new VecCartPole(n, createRng(0));
      acEnv.setState({
        obs: section.typed('obs', Float64Array, n * OBS_SIZE),
        episodeSteps: section.typed('episodeSteps', Int32Array, n),
        rng: section.rng('rng'),
      });
      acReturns = section.typed('returns', Float64Array, n);
    }

    const optimizer = await createAdam(this.config.learningRate, policyShapes, policyAdam);
    let valueOptimizer: tf.AdamOptimizer | null = null;
    try {
      if (valueAdam) valueOptimizer = await createAdam(this.config.valueLearningRate, valueShapes, valueAdam);
    } catch (error) {
      optimizer.dispose();
      throw error;
    }
    this.optimizer.dispose();
    this.valueOptimizer?.dispose();
    this.optimizer = optimizer;
    this.valueOptimizer = valueOptimizer;
    this.policyNet = policyNet;
    this.policy.assign(policyNet);
    if (this.value && valueNet) {
      this.valueNet = valueNet;
      this.value.assign(valueNet);
    }
    this.rng.setState(rng);
    this.recent.splice(0, this.recent.length, ...recent);
    this.totalEpisodes = totalEpisodes;
    this.totalSteps = totalSteps;
    this.acEnv = acEnv;
    this.acReturns = acReturns;
  }

  snapshotForView(): CartpoleViewData {
    return { policy: mlpToSnapshot(this.policyNet, policyModelId(this.policyNet.sizes)) };
  }

  /** The value network's weights (tests and the view of V(s)); null without one. */
  valueWeights(): MlpWeights | null {
    return this.valueNet;
  }

  dispose(): void {
    this.policy.dispose();
    this.value?.dispose();
    this.optimizer.dispose();
    this.valueOptimizer?.dispose();
  }
}

/** Up to GRADIENT_GROUPS contiguous row ranges, each made of whole units (episodes or copies). */
function splitGroups(starts: number[]): [number, number][] {
  const units = starts.length - 1;
  const g = Math.min(GRADIENT_GROUPS, units);
  const groups: [number, number][] = [];
  for (let k = 0; k < g; k++) {
    const a = starts[Math.floor((k * units) / g)];
    const b = starts[Math.floor(((k + 1) * units) / g)];
    if (b > a) groups.push([a, b]);
  }
  return groups;
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : 0;
}

export const cartpoleTrainer: TrainerDefinition<CartpoleConfig> = {
  id: 'cartpole',
  validate: validateConfig,
  async create(config, seed) {
    validateConfig(config);
    return new CartpoleTrainer({ ...DEFAULT_CONFIG, ...config }, seed);
  },
};
