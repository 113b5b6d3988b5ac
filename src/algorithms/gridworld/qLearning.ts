/**
 * Tabular Q-learning on a gridworld, sampling the same transition model the planners use
 * (transitionModel.ts):
 *   Q(s, a) ← Q(s, a) + η_n(s, a) [ r + γ max_{a'} Q(s', a') − Q(s, a) ],
 * with a constant step η, or the decaying (Robbins-Monro) step η_n = 1 / (1 + n)^ω where n is the
 * number of earlier updates of (s, a) and ω ∈ (0.5, 1]: Σ η_n = ∞ and Σ η_n² < ∞, so the estimates
 * settle on Q* even when slip noise makes every target random (a constant η keeps them jittering).
 * ω = 1 averages the targets but forgets its early, badly bootstrapped ones very slowly; ω ≈ 0.7 was
 * the faster of the two on every preset (measured 2026-11-29), hence the default.
 * A terminal has the single exit action: its four Q entries are kept equal and learn its reward
 * (the target is r with no bootstrap), after which the episode restarts at the start cell.
 * Exploration: ε-greedy, or Boltzmann with π(a|s) ∝ exp(Q(s, a) / τ).
 */
import { createRng, type Rng } from '../common/rng';
import { TERMINAL, validateProblem, type Dynamics, type GridMdp } from './mdp';
import { transitionModel, type TransitionModel } from './transitionModel';

export type Exploration = 'epsilon' | 'boltzmann';
export type StepSchedule = 'constant' | 'decaying';

export interface QLearningOptions extends Dynamics {
  /** Learning rate η in (0, 1] of the constant schedule. */
  learningRate: number;
  /** 'constant' (default): η every time; 'decaying': 1 / (1 + n(s, a))^ω. */
  schedule?: StepSchedule;
  /** The decay exponent ω in (0.5, 1] (default 0.7). */
  decay?: number;
  exploration: Exploration;
  /** ε for ε-greedy, in [0, 1]. */
  epsilon: number;
  /** Temperature τ > 0 for Boltzmann exploration. */
  temperature: number;
  seed: number;
  /** Steps after which an episode is cut and restarts at the start (default 1000). */
  maxEpisodeSteps?: number;
}

export interface QStep {
  state: number;
  /** The chosen action (0..3; for a terminal, the exit). */
  action: number;
  reward: number;
  nextState: number;
  /** The episode ended (exit from a terminal) or was cut at maxEpisodeSteps. */
  episodeEnded: boolean;
  /** The TD error r + γ max Q(s', ·) − Q(s, a) before the update. */
  tdError: number;
}

export interface QLearner {
  readonly q: Float64Array;
  /** Updates made so far of each (s, a), at `4 * s + a` (a terminal's exits count on entry 0). */
  readonly visits: Uint32Array;
  /** Cell the agent stands on. */
  readonly position: number;
  readonly steps: number;
  readonly episodes: number;
  /** Return (undiscounted sum of rewards) of each finished episode. */
  readonly episodeReturns: number[];
  step(): QStep;
}

export const DEFAULT_DECAY = 0.7;

/** The step size of the n-th update (n = 0 for the first) of a pair. */
export function stepSize(options: Pick<QLearningOptions, 'learningRate' | 'schedule' | 'decay'>, n: number): number {
  return options.schedule === 'decaying' ? 1 / (1 + n) ** (options.decay ?? DEFAULT_DECAY) : options.learningRate;
}

function validate(mdp: GridMdp, options: QLearningOptions) {
  validateProblem(mdp, options);
  if (mdp.start < 0) throw new Error('Q-learning needs a start cell: paint one with the start brush (S).');
  if (!Number.isFinite(options.learningRate) || options.learningRate <= 0 || options.learningRate > 1) {
    throw new Error(`The learning rate must lie in (0, 1] (got ${options.learningRate}).`);
  }
  if (options.schedule !== undefined && options.schedule !== 'constant' && options.schedule !== 'decaying') {
    throw new Error(`The step-size schedule must be "constant" or "decaying" (got ${String(options.schedule)}).`);
  }
  const decay = options.decay ?? DEFAULT_DECAY;
  if (!Number.isFinite(decay) || decay <= 0.5 || decay > 1) throw new Error(`The decay exponent ω must lie in (0.5, 1] (got ${decay}).`);
  if (!Number.isFinite(options.epsilon) || options.epsilon < 0 || options.epsilon > 1) throw new Error(`ε must lie in [0, 1] (got ${options.epsilon}).`);
  if (!Number.isFinite(options.temperature) || options.temperature <= 0) throw new Error(`The temperature τ must be > 0 (got ${options.temperature}).`);
}

function maxQ(q: Float64Array, s: number): number {
  const o = 4 * s;
  return Math.max(q[o], q[o + 1], q[o + 2], q[o + 3]);
}

function chooseAction(q: Float64Array, s: number, options: QLearningOptions, rng: Rng): number {
  const o = 4 * s;
  if (options.exploration === 'boltzmann') {
    const m = maxQ(q, s);
    const weights = [0, 1, 2, 3].map((a) => Math.exp((q[o + a] - m) / options.temperature));
    return rng.categorical(weights);
  }
  if (rng.next() < options.epsilon) return rng.int(4);
  // Greedy with random tie-breaking, so an untrained agent does not always walk north.
  const best = maxQ(q, s);
  const ties = [0, 1, 2, 3].filter((a) => q[o + a] === best);
  return ties[ties.length === 1 ? 0 : rng.int(ties.length)];
}

/** Samples the cell reached by action a from non-terminal s: intended w.p. 1 − noise, else perpendicular. */
export function sampleNext(model: TransitionModel, s: number, a: number, rng: Rng): number {
  return model.sample(s, a, rng.next());
}

export function createQLearner(mdp: GridMdp, options: QLearningOptions): QLearner {
  validate(mdp, options);
  const rng = createRng(options.seed);
  const model = transitionModel(mdp, options.noise);
  const q = new Float64Array(4 * mdp.end);
  const visits = new Uint32Array(4 * mdp.end);
  const maxEpisodeSteps = options.maxEpisodeSteps ?? 1000;
  let position = mdp.start;
  let steps = 0;
  let episodes = 0;
  let episodeSteps = 0;
  let episodeReturn = 0;
  const episodeReturns: number[] = [];
  const finishEpisode = () => {
    episodeReturns.push(episodeReturn);
    episodes++;
    episodeReturn = 0;
    episodeSteps = 0;
    position = mdp.start;
  };
  return {
    q,
    visits,
    get position() { return position; },
    get steps() { return steps; },
    get episodes() { return episodes; },
    episodeReturns,
    step(): QStep {
      const s = position;
      steps++;
      episodeSteps++;
      if (mdp.kind[s] === TERMINAL) {
        const reward = mdp.terminalReward[s];
        const tdError = reward - q[4 * s];
        const value = q[4 * s] + stepSize(options, visits[4 * s]++) * tdError;
        q.fill(value, 4 * s, 4 * s + 4);
        episodeReturn += reward;
        finishEpisode();
        return { state: s, action: 0, reward, nextState: mdp.end, episodeEnded: true, tdError };
      }
      const action = chooseAction(q, s, options, rng);
      const nextState = sampleNext(model, s, action, rng);
      const reward = options.livingReward;
      const tdError = reward + options.gamma * maxQ(q, nextState) - q[4 * s + action];
      q[4 * s + action] += stepSize(options, visits[4 * s + action]++) * tdError;
      episodeReturn += reward;
      position = nextState;
      const cut = episodeSteps >= maxEpisodeSteps;
      if (cut) finishEpisode();
      return { state: s, action, reward, nextState, episodeEnded: cut, tdError };
    },
  };
}

/** Runs `steps` steps and returns the learner (for tests and batch runs). */
export function qLearning(mdp: GridMdp, options: QLearningOptions & { steps: number }): QLearner {
  const learner = createQLearner(mdp, options);
  for (let i = 0; i < options.steps; i++) learner.step();
  return learner;
}

/**
 * Cells the agent can visit from the start: breadth-first over every action's possible moves, not
 * continuing past a terminal (its exit ends the episode). 1 = reachable. Walls, and cells reachable
 * only through a terminal, are 0: Q-learning never updates them, so they do not count in its error.
 */
export function reachableFromStart(mdp: GridMdp): Uint8Array {
  const reach = new Uint8Array(mdp.end);
  if (mdp.start < 0) return reach;
  const queue = new Int32Array(mdp.end);
  let head = 0;
  let tail = 0;
  reach[mdp.start] = 1;
  queue[tail++] = mdp.start;
  while (head < tail) {
    const s = queue[head++];
    if (mdp.kind[s] === TERMINAL) continue;
    for (let a = 0; a < 4; a++) {
      const to = mdp.next[4 * s + a];
      if (!reach[to]) { reach[to] = 1; queue[tail++] = to; }
    }
  }
  return reach;
}

export interface QErrorDetail {
  /** max |Q − Q*| over the pairs compared. */
  error: number;
  /** The cell and action where it occurs (−1 when nothing was compared). */
  state: number;
  action: number;
}

/**
 * ‖Q − Q*‖∞ over the non-wall cells, or over the cells with `mask[s] = 1` (terminals compared on
 * their exit value), with the worst pair.
 */
export function qErrorDetail(mdp: GridMdp, q: ArrayLike<number>, qStar: ArrayLike<number>, mask?: ArrayLike<number>): QErrorDetail {
  const worst: QErrorDetail = { error: 0, state: -1, action: -1 };
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mask && !mask[s]) continue;
    const actions = mdp.kind[s] === TERMINAL ? 1 : 4;
    for (let a = 0; a < actions; a++) {
      const gap = Math.abs(q[4 * s + a] - qStar[4 * s + a]);
      if (gap > worst.error || worst.state < 0) Object.assign(worst, { error: gap, state: s, action: a });
    }
  }
  return worst;
}

/** ‖Q − Q*‖∞ over the non-wall cells, or those with `mask[s] = 1` (terminals on their exit value). */
export function qError(mdp: GridMdp, q: ArrayLike<number>, qStar: ArrayLike<number>, mask?: ArrayLike<number>): number {
  return qErrorDetail(mdp, q, qStar, mask).error;
}

/** The fraction of the largest |Q*| within which "Q ≈ Q*" holds (the demo's stopping rule). */
export const Q_TOLERANCE_FRACTION = 0.05;

/** max |Q*(s, a)| over the cells with mask[s] = 1 (at least 1e-9): the scale Q's error is judged on. */
export function qScale(mdp: GridMdp, qStar: ArrayLike<number>, mask: ArrayLike<number>): number {
  let scale = 1e-9;
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (!mask[s]) continue;
    for (let a = 0; a < 4; a++) scale = Math.max(scale, Math.abs(qStar[4 * s + a]));
  }
  return scale;
}
