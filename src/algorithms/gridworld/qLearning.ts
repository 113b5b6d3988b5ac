/**
 * Tabular Q-learning on a gridworld, sampling the same dynamics the planners use (mdp.ts):
 *   Q(s, a) ← Q(s, a) + η [ r + γ max_{a'} Q(s', a') − Q(s, a) ].
 * A terminal has the single exit action: its four Q entries are kept equal and learn its reward
 * (the target is r with no bootstrap), after which the episode restarts at the start cell.
 * Exploration: ε-greedy, or Boltzmann with π(a|s) ∝ exp(Q(s, a) / τ).
 */
import { createRng, type Rng } from '../common/rng';
import { TERMINAL, validateProblem, type Dynamics, type GridMdp } from './mdp';

export type Exploration = 'epsilon' | 'boltzmann';

export interface QLearningOptions extends Dynamics {
  /** Learning rate η in (0, 1]. */
  learningRate: number;
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
  /** Cell the agent stands on. */
  readonly position: number;
  readonly steps: number;
  readonly episodes: number;
  /** Return (undiscounted sum of rewards) of each finished episode. */
  readonly episodeReturns: number[];
  step(): QStep;
}

function validate(mdp: GridMdp, options: QLearningOptions) {
  validateProblem(mdp, options);
  if (mdp.start < 0) throw new Error('Q-learning needs a start cell: paint one with the start brush (S).');
  if (!Number.isFinite(options.learningRate) || options.learningRate <= 0 || options.learningRate > 1) {
    throw new Error(`The learning rate must lie in (0, 1] (got ${options.learningRate}).`);
  }
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
export function sampleNext(mdp: GridMdp, s: number, a: number, noise: number, rng: Rng): number {
  const u = rng.next();
  const direction = u < 1 - noise ? a : u < 1 - noise / 2 ? (a + 1) % 4 : (a + 3) % 4;
  return mdp.next[4 * s + direction];
}

export function createQLearner(mdp: GridMdp, options: QLearningOptions): QLearner {
  validate(mdp, options);
  const rng = createRng(options.seed);
  const q = new Float64Array(4 * mdp.end);
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
        const value = q[4 * s] + options.learningRate * tdError;
        q.fill(value, 4 * s, 4 * s + 4);
        episodeReturn += reward;
        finishEpisode();
        return { state: s, action: 0, reward, nextState: mdp.end, episodeEnded: true, tdError };
      }
      const action = chooseAction(q, s, options, rng);
      const nextState = sampleNext(mdp, s, action, options.noise, rng);
      const reward = options.livingReward;
      const tdError = reward + options.gamma * maxQ(q, nextState) - q[4 * s + action];
      q[4 * s + action] += options.learningRate * tdError;
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

/** ‖Q − Q*‖∞ over the non-wall cells (terminals compared on their exit value). */
export function qError(mdp: GridMdp, q: ArrayLike<number>, qStar: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    const actions = mdp.kind[s] === TERMINAL ? 1 : 4;
    for (let a = 0; a < actions; a++) worst = Math.max(worst, Math.abs(q[4 * s + a] - qStar[4 * s + a]));
  }
  return worst;
}
