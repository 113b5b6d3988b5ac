/**
 * The planning demo as a worker session (pure TypeScript, no tfjs). One config picks the part:
 * - 'cem': the point robot; each step is one CEM round (or one random-shooting draw) or one
 *   executed action, MPC or open loop, with dynamics noise;
 * - 'lqr': a linear system; steps 1..T reveal the backward pass (K_T first), steps T+1..2T run the
 *   forward pass a_t = K_t s_t + k_t on the noisy system;
 * - 'ilqr': pendulum swing-up; each step is one iLQR iteration (linearise, LQR, line search).
 */
import { createRng } from '../common/rng';
import type { Trainer, TrainerDefinition } from '../runtime/trainer';
import { cem, cemIteration, initialDistribution, rollout, validateCem, type CemDistribution } from './shooting';
import { createIlqr, type IlqrIteration, type IlqrRun } from './ilqr';
import type { Matrix, Vector } from './linalg';
import { lqr, lqrDynamics, lqrForward, lqrStepCost, type LqrSolution } from './lqr';
import { DEFAULT_PENDULUM, pendulumPlanningProblem, pendulumProblem } from './pendulum';
import { swingUpTask, type SwingUpTaskId } from './swingUp';
import { POINT_ROBOT, PointRobotEpisode, pointRobotProblem, validatePointRobot, type EpisodeOutcome, type ExecutionMode, type PlannerMethod, type PointRobotConfig, type PointRobotTask } from './pointRobot';
import { linearSystem, type LinearSystem, type LinearSystemId } from './systems';

export type PlanningPart = 'cem' | 'lqr' | 'ilqr';

/** The CEM part's point-robot settings (no refit smoothing, a 30-step MPC budget: fixed here). */
const POINT_ROBOT_FIXED = { smoothing: 0, maxSteps: 30 } as const;

/**
 * One config for the three parts: the point robot's settings (its `horizon` doubles as LQR's and
 * iLQR's T, its `dynamicsNoise` as the LQR system's noise σ; iLQR's CEM uses `samples`, `elites`),
 * plus the LQR system, the swing-up task and r, the action penalty of the LQR and iLQR costs.
 */
export interface PlanningConfig extends Omit<PointRobotConfig, keyof typeof POINT_ROBOT_FIXED> {
  part: PlanningPart;
  system: LinearSystemId;
  /** The iLQR part's task: swing up a pendulum or a cart-pole. */
  swingUp: SwingUpTaskId;
  actionPenalty: number;
}

export const DEFAULT_PLANNING: PlanningConfig = {
  part: 'cem',
  method: 'cem',
  mode: 'mpc',
  samples: 200,
  elites: 20,
  iterations: 10,
  horizon: 12,
  actionNoise: 0.5,
  dynamicsNoise: 0.2,
  system: 'double-integrator',
  swingUp: 'pendulum',
  actionPenalty: 0.1,
};

/** CEM beside iLQR on the same swing-up: N and M from the settings, σ₀ = 3, actions within ±10, this many rounds. */
export const SWING_UP_CEM = { initialStd: 3, rounds: 30 } as const;

/** Most sample trajectories sent to the page per round (the elites always are). */
export const MAX_DRAWN_SAMPLES = 300;

export function validatePlanning(config: PlanningConfig): void {
  const { part, horizon, dynamicsNoise, actionPenalty } = config;
  if (part === 'cem') {
    validatePointRobot({ ...config, ...POINT_ROBOT_FIXED });
    return;
  }
  if (!Number.isFinite(dynamicsNoise) || dynamicsNoise < 0 || dynamicsNoise > 1) throw new Error(`The dynamics noise σ must be a number from 0 to 1 (got ${dynamicsNoise}).`);
  if (!Number.isFinite(actionPenalty) || actionPenalty < 0) throw new Error(`The action penalty r must be a number ≥ 0 (got ${actionPenalty}).`);
  if (part === 'lqr') {
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > 300) throw new Error(`The horizon T must be a whole number from 1 to 300 (got ${horizon}).`);
    lqr(linearSystem(config.system, horizon, actionPenalty).problem); // throws when Q_aa is singular (r = 0)
    return;
  }
  if (!Number.isInteger(horizon) || horizon < 10 || horizon > 300) throw new Error(`The swing-up's horizon T must be a whole number from 10 to 300 steps (got ${horizon}).`);
  if (!(actionPenalty > 0)) throw new Error('iLQR needs an action penalty r > 0: without it Q_aa is singular and the action has no unique minimiser.');
  if (config.swingUp !== 'pendulum' && config.swingUp !== 'cartpole') throw new Error(`The swing-up task must be "pendulum" or "cartpole" (got ${String(config.swingUp)}).`);
  validateCem({ samples: config.samples, elites: config.elites, iterations: SWING_UP_CEM.rounds, initialStd: SWING_UP_CEM.initialStd });
}

export interface CemRoundView {
  /** Index of the plan (planning step) in the episode and of the round in that plan. */
  plan: number;
  round: number;
  bestCost: number;
  eliteMeanCost: number;
  meanCost: number;
  /** Mean σ of the refit Gaussian. */
  sigma: number;
}

export interface CemView {
  part: 'cem';
  task: PointRobotTask;
  method: PlannerMethod;
  mode: ExecutionMode;
  horizon: number;
  iterations: number;
  /** What the latest step did. */
  phase: 'plan' | 'act' | 'done' | 'start';
  outcome: EpisodeOutcome;
  position: [number, number];
  /** Visited positions, flat x, y. */
  path: number[];
  steps: number;
  plansMade: number;
  /** CEM rounds done in the plan being made. */
  round: number;
  /** The latest round's sampled trajectories (flat, each (H + 1) × 2), their costs, the elites. */
  fan: Float32Array | null;
  fanCosts: number[];
  fanElite: boolean[];
  sampleCount: number;
  /** Rollouts of the mean before and after the latest refit, flat (H + 1) × 2. */
  meanBefore: number[];
  meanAfter: number[];
  /** Std of the elites' positions at each step (how wide the refit cloud is). */
  eliteSpread: number[];
  /** Mean σ before and after the latest refit. */
  sigmaBefore: number;
  sigmaAfter: number;
  /** First action entries of μ after the refit and the elite values they averaged (for the equation). */
  refitExample: { eliteValues: number[]; mean: number; std: number } | null;
  /** The committed plan's predicted path from where it was made, and its predicted cost. */
  planPath: number[] | null;
  planCost: number;
  rounds: CemRoundView[];
}

export interface LqrView {
  part: 'lqr';
  system: LinearSystemId;
  stateNames: string[];
  dt: number;
  T: number;
  phase: 'backward' | 'forward' | 'done';
  /** Backward pass revealed down to this 0-based t (T when none yet). */
  revealedFrom: number;
  /** K[t] (1 × n, flattened to n numbers) and k[t] for every t. */
  K: number[][];
  k: number[];
  /** The lecture's objects at the step being shown. */
  shown: { t: number; Q: Matrix; q: Vector; K: number[]; k: number; V: Matrix; v: Vector; Vnext: Matrix; vnext: Vector } | null;
  /** Forward pass so far on the noisy system, and the noise-free prediction. */
  states: Vector[];
  actions: number[];
  predicted: Vector[];
  cost: number;
  predictedCost: number;
  noise: number;
}

export interface IlqrView {
  part: 'ilqr';
  task: SwingUpTaskId;
  T: number;
  dt: number;
  /** The pole angle that counts as upright (π for the pendulum, 0 for the cart-pole). */
  upright: number;
  /** The pole angle of every nominal trajectory, the initial guess first. */
  angles: number[][];
  torques: number[][];
  /** Cart position along the latest trajectory (cart-pole only). */
  cartX: number[] | null;
  costs: number[];
  alphas: (number | null)[];
  tried: { alpha: number; cost: number }[];
  mu: number;
  converged: boolean;
  iteration: number;
  /** K_t and k_t of the latest backward pass (gains on every state entry), for the table. */
  gains: { K: number[]; k: number }[] | null;
  /** Milliseconds of computing behind costs[i] (cumulative; 0 for the initial guess). */
  ms: number[];
  /** CEM on the same task, one round per step beside iLQR. */
  cem: IlqrCemView;
}

export interface IlqrCemView {
  samples: number;
  elites: number;
  rounds: number;
  maxRounds: number;
  /** J(μ) after each round (the zero plan first), and the cumulative milliseconds behind each. */
  costs: number[];
  ms: number[];
  /** The mean plan's pole angles and cart positions (cart-pole). */
  angles: number[];
  cartX: number[] | null;
}

export type PlanningView = CemView | LqrView | IlqrView;

export interface BenchResult {
  cemPlanMs: number;
  cemPlansPerS: number;
  lqrBackwardUsT100: number;
  ilqrIterationMs: number;
  ilqrPendulumMs: number;
  ilqrIterations: number;
  ilqrPendulumCost: number;
  /** CEM on the same swing-up (N = 500, M = 50, 20 rounds, σ₀ = 3, torque within ±10). */
  cemPendulumMs: number;
  cemPendulumCost: number;
  /** The cart-pole swing-up (T = 100, finite-difference derivatives): iLQR to convergence, and CEM as the demo runs it (N = 200, M = 20, 30 rounds). */
  ilqrCartpoleMs: number;
  ilqrCartpoleIterations: number;
  ilqrCartpoleCost: number;
  cemCartpoleMs: number;
  cemCartpoleCost: number;
}

export type PlanningQueries = {
  /** Times the library in this worker: one CEM plan at the given settings, LQR T = 100 on the cart-pole, iLQR on the pendulum. */
  bench(args: { repeats: number }): BenchResult;
};

interface PartRunner {
  step(): { metrics: Record<string, number>; done: boolean };
  view(): PlanningView;
  plan(): Float32Array;
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
};

function cemRunner(config: PlanningConfig, seed: number): PartRunner {
  const episode = new PointRobotEpisode({ ...config, ...POINT_ROBOT_FIXED }, seed);
  const problem = pointRobotProblem(POINT_ROBOT, config.horizon);
  const H = config.horizon;
  let phase: CemView['phase'] = 'start';
  const rounds: CemRoundView[] = [];
  let fan: Float32Array | null = null;
  let fanCosts: number[] = [];
  let fanElite: boolean[] = [];
  let meanBefore: number[] = [];
  let meanAfter: number[] = [];
  let eliteSpread: number[] = [];
  let planPath: number[] | null = null;
  let refitExample: CemView['refitExample'] = null;
  let sigmaBefore = config.actionNoise;
  let sigmaAfter = config.actionNoise;
  const pathOf = (start: ArrayLike<number>, actions: ArrayLike<number>) => Array.from(rollout(problem, start, actions).states);

  const recordRound = (from: [number, number]) => {
    const round = episode.lastRound;
    if (!round) return;
    const d = H * 2;
    const eliteSet = new Set(round.elites);
    // Draw all elites and the first samples up to the cap.
    const drawn: number[] = [...round.elites];
    for (let i = 0; i < round.batch.count && drawn.length < Math.max(MAX_DRAWN_SAMPLES, round.elites.length); i++) if (!eliteSet.has(i)) drawn.push(i);
    fan = new Float32Array(drawn.length * (H + 1) * 2);
    drawn.forEach((i, j) => fan!.set(rollout(problem, from, round.batch.plans.subarray(i * d, (i + 1) * d)).states, j * (H + 1) * 2));
    fanCosts = drawn.map((i) => round.batch.costs[i]);
    fanElite = drawn.map((i) => eliteSet.has(i));
    meanBefore = pathOf(from, round.before.mean);
    meanAfter = pathOf(from, round.after.mean);
    // spread of the elites' positions at each step: sqrt of the mean of the x and y variances
    eliteSpread = Array.from({ length: H + 1 }, (_, t) => {
      let vx = 0;
      let vy = 0;
      let mx = 0;
      let my = 0;
      for (let j = 0; j < round.elites.length; j++) {
        mx += fan![j * (H + 1) * 2 + 2 * t] / round.elites.length;
        my += fan![j * (H + 1) * 2 + 2 * t + 1] / round.elites.length;
      }
      for (let j = 0; j < round.elites.length; j++) {
        vx += (fan![j * (H + 1) * 2 + 2 * t] - mx) ** 2 / round.elites.length;
        vy += (fan![j * (H + 1) * 2 + 2 * t + 1] - my) ** 2 / round.elites.length;
      }
      return Math.sqrt(0.5 * (vx + vy));
    });
    sigmaBefore = mean(round.before.std);
    sigmaAfter = mean(round.after.std);
    refitExample = { eliteValues: round.elites.map((i) => round.batch.plans[i * d]), mean: round.after.mean[0], std: round.after.std[0] };
    rounds.push({ plan: episode.plansMade - (episode.plan ? 1 : 0), round: rounds.filter((r) => r.plan === episode.plansMade - (episode.plan ? 1 : 0)).length + 1, bestCost: round.bestCost, eliteMeanCost: round.eliteMeanCost, meanCost: round.meanCost, sigma: sigmaAfter });
    if (rounds.length > 600) rounds.splice(0, rounds.length - 600);
  };

  return {
    step() {
      const from: [number, number] = [...episode.position];
      const did = episode.advance();
      phase = did;
      if (did === 'plan') {
        recordRound(from);
        if (episode.plan) planPath = pathOf(from, episode.plan);
      }
      const [x, y] = episode.position;
      const distance = Math.hypot(x - POINT_ROBOT.goal[0], y - POINT_ROBOT.goal[1]);
      const last = rounds[rounds.length - 1];
      return {
        metrics: {
          eliteCost: last?.eliteMeanCost ?? 0,
          bestCost: last?.bestCost ?? 0,
          sigma: sigmaAfter,
          distance,
          steps: episode.steps,
          reached: episode.outcome === 'goal' ? 1 : 0,
          crashed: episode.outcome === 'crash' ? 1 : 0,
        },
        done: episode.outcome !== 'running',
      };
    },
    view() {
      return {
        part: 'cem', task: POINT_ROBOT, method: config.method, mode: config.mode, horizon: H, iterations: config.iterations,
        phase: episode.outcome !== 'running' ? 'done' : phase, outcome: episode.outcome, position: [...episode.position],
        path: episode.path.flat(), steps: episode.steps, plansMade: episode.plansMade, round: episode.round,
        fan: fan ? fan.slice() : null, fanCosts, fanElite, sampleCount: episode.lastRound?.batch.count ?? 0,
        meanBefore, meanAfter, eliteSpread, sigmaBefore, sigmaAfter, refitExample, planPath, planCost: episode.planCost, rounds: rounds.slice(),
      };
    },
    plan: () => Float32Array.from(episode.plan ?? episode.dist.mean),
  };
}

function lqrRunner(config: PlanningConfig, seed: number): PartRunner {
  const system: LinearSystem = linearSystem(config.system, config.horizon, config.actionPenalty);
  const { problem } = system;
  const T = problem.T;
  const solution: LqrSolution = lqr(problem);
  const predicted = lqrForward(problem, solution, system.start);
  const rng = createRng(seed);
  let revealedFrom = T;
  const states: Vector[] = [system.start.slice()];
  const actions: number[] = [];
  let cost = 0;
  const shownAt = (t: number): LqrView['shown'] => ({
    t, Q: solution.Q[t], q: solution.q[t], K: solution.K[t][0], k: solution.k[t][0], V: solution.V[t], v: solution.v[t], Vnext: solution.V[t + 1], vnext: solution.v[t + 1],
  });
  const phase = (): LqrView['phase'] => (revealedFrom > 0 ? 'backward' : actions.length < T ? 'forward' : 'done');
  return {
    step() {
      if (revealedFrom > 0) {
        revealedFrom--;
      } else if (actions.length < T) {
        const t = actions.length;
        const s = states[t];
        const a = solution.K[t][0].reduce((sum, kij, j) => sum + kij * s[j], 0) + solution.k[t][0];
        cost += lqrStepCost(problem, t, s, [a]);
        const next = lqrDynamics(problem, t, s, [a]).map((x) => x + config.dynamicsNoise * rng.normal());
        actions.push(a);
        states.push(next);
      }
      const s = states[states.length - 1];
      return {
        metrics: { cost, position: s[0], gain: solution.K[Math.max(0, Math.min(T - 1, revealedFrom))][0][0], t: actions.length },
        done: phase() === 'done',
      };
    },
    view() {
      const ph = phase();
      const shownT = ph === 'backward' ? (revealedFrom < T ? revealedFrom : null) : ph === 'forward' ? actions.length : T - 1;
      return {
        part: 'lqr', system: system.id, stateNames: system.stateNames, dt: system.dt, T, phase: ph, revealedFrom,
        K: solution.K.map((Kt) => Kt[0]), k: solution.k.map((kt) => kt[0]),
        shown: shownT === null ? null : shownAt(Math.min(T - 1, shownT)),
        states: states.map((s) => s.slice()), actions: actions.slice(), predicted: predicted.states, cost, predictedCost: predicted.cost, noise: config.dynamicsNoise,
      };
    },
    plan: () => Float32Array.from(solution.K.flatMap((Kt, t) => [...Kt[0], solution.k[t][0]])),
  };
}

function ilqrRunner(config: PlanningConfig, seed: number): PartRunner {
  const task = swingUpTask(config.swingUp, config.horizon, config.actionPenalty);
  const { problem, angleIndex, positionIndex } = task;
  const T = problem.T;
  const run: IlqrRun = createIlqr(problem, Array.from({ length: T }, () => [0]));
  const angles: number[][] = [run.nominal.states.map((s) => s[angleIndex])];
  const torques: number[][] = [run.nominal.actions.map((a) => a[0])];
  const costs: number[] = [run.nominal.cost];
  const alphas: (number | null)[] = [null];
  const ms: number[] = [0];
  let latest: IlqrIteration | null = null;

  // CEM on the same task: one round per step, from N(0, σ₀²).
  const cemOptions = { samples: config.samples, elites: config.elites, iterations: SWING_UP_CEM.rounds, initialStd: SWING_UP_CEM.initialStd };
  const rng = createRng(seed);
  let dist: CemDistribution = initialDistribution(task.planning, cemOptions.initialStd);
  // The mean plan rolled out once per round: its cost for the chart, its states for the picture.
  let meanRollout = rollout(task.planning, problem.start, dist.mean);
  const cemCosts: number[] = [meanRollout.cost];
  const cemMs: number[] = [0];
  const column = (flat: Float64Array, index: number) => Array.from({ length: T + 1 }, (_, t) => flat[t * problem.stateDim + index]);
  const cemDone = () => cemCosts.length > SWING_UP_CEM.rounds;

  return {
    step() {
      if (!run.converged) {
        const t0 = performance.now();
        latest = run.iterate();
        ms.push(ms[ms.length - 1] + performance.now() - t0);
        angles.push(latest.trajectory.states.map((s) => s[angleIndex]));
        torques.push(latest.trajectory.actions.map((a) => a[0]));
        costs.push(latest.cost);
        alphas.push(latest.alpha);
        if (angles.length > 300) {
          angles.splice(1, 1);
          torques.splice(1, 1);
        }
      }
      if (!cemDone()) {
        const t0 = performance.now();
        dist = cemIteration(task.planning, problem.start, dist, cemOptions, rng).after;
        meanRollout = rollout(task.planning, problem.start, dist.mean);
        cemMs.push(cemMs[cemMs.length - 1] + performance.now() - t0);
        cemCosts.push(meanRollout.cost);
      }
      const end = run.nominal.states[T - 1];
      return {
        metrics: { cost: run.nominal.cost, alpha: latest?.alpha ?? 0, mu: run.mu, finalAngle: end[angleIndex], cemCost: cemCosts[cemCosts.length - 1] },
        done: run.converged && cemDone(),
      };
    },
    view() {
      const { states } = meanRollout;
      return {
        part: 'ilqr', task: task.id, T, dt: task.dt, upright: task.upright,
        angles: angles.map((a) => a.slice()), torques: torques.map((a) => a.slice()),
        cartX: positionIndex === null ? null : run.nominal.states.map((s) => s[positionIndex]),
        costs: costs.slice(), alphas: alphas.slice(), ms: ms.slice(),
        tried: latest?.tried ?? [], mu: run.mu, converged: run.converged, iteration: run.iterations,
        gains: latest?.solution ? latest.solution.K.map((Kt, t) => ({ K: Kt[0].slice(), k: latest!.solution!.k[t][0] })) : null,
        cem: {
          samples: cemOptions.samples, elites: cemOptions.elites, rounds: cemCosts.length - 1, maxRounds: SWING_UP_CEM.rounds,
          costs: cemCosts.slice(), ms: cemMs.slice(), angles: column(states, angleIndex),
          cartX: positionIndex === null ? null : column(states, positionIndex),
        },
      };
    },
    plan: () => Float32Array.from(run.nominal.actions.map((a) => a[0])),
  };
}

/** Times the library where it runs (the bench asks this through a query). */
export function benchPlanning(config: PlanningConfig, repeats: number): BenchResult {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const problem = pointRobotProblem(POINT_ROBOT, DEFAULT_PLANNING.horizon);
  const options = { samples: DEFAULT_PLANNING.samples, elites: DEFAULT_PLANNING.elites, iterations: DEFAULT_PLANNING.iterations, initialStd: DEFAULT_PLANNING.actionNoise };
  const rng = createRng(1);
  cem(problem, POINT_ROBOT.start, options, rng); // warm-up
  const cemTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    cem(problem, POINT_ROBOT.start, options, rng);
    cemTimes.push(performance.now() - t0);
  }
  const cart = linearSystem('cartpole', 100, 0.1).problem;
  lqr(cart);
  const lqrTimes: number[] = [];
  for (let i = 0; i < repeats * 5; i++) {
    const t0 = performance.now();
    lqr(cart);
    lqrTimes.push(performance.now() - t0);
  }
  const pendulum = pendulumProblem(DEFAULT_PENDULUM);
  const zeros = Array.from({ length: DEFAULT_PENDULUM.T }, () => [0]);
  const t0 = performance.now();
  const run = createIlqr(pendulum, zeros);
  const iterationTimes: number[] = [];
  while (!run.converged && run.iterations < 300) {
    const s = performance.now();
    run.iterate();
    iterationTimes.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  const c0 = performance.now();
  const cemSwing = cem(pendulumPlanningProblem(DEFAULT_PENDULUM), [0, 0], { samples: 500, elites: 50, iterations: 20, initialStd: 3 }, createRng(1));
  const cemPendulumMs = performance.now() - c0;
  const cartpole = swingUpTask('cartpole', 100, 0.05);
  const k0 = performance.now();
  const cartRun = createIlqr(cartpole.problem, Array.from({ length: 100 }, () => [0]));
  while (!cartRun.converged && cartRun.iterations < 300) cartRun.iterate();
  const ilqrCartpoleMs = performance.now() - k0;
  const m0 = performance.now();
  const cemCart = cem(cartpole.planning, cartpole.problem.start, { samples: 200, elites: 20, iterations: SWING_UP_CEM.rounds, initialStd: SWING_UP_CEM.initialStd }, createRng(1));
  const cemCartpoleMs = performance.now() - m0;
  void config;
  const cemMs = median(cemTimes);
  return {
    cemPlanMs: cemMs,
    cemPlansPerS: 1000 / cemMs,
    lqrBackwardUsT100: median(lqrTimes) * 1000,
    ilqrIterationMs: median(iterationTimes),
    ilqrPendulumMs: total,
    ilqrIterations: run.iterations,
    ilqrPendulumCost: run.nominal.cost,
    cemPendulumMs,
    cemPendulumCost: Math.min(cemSwing.cost, cemSwing.bestCost),
    ilqrCartpoleMs,
    ilqrCartpoleIterations: cartRun.iterations,
    ilqrCartpoleCost: cartRun.nominal.cost,
    cemCartpoleMs,
    cemCartpoleCost: cemCart.cost,
  };
}

export function createPlanningTrainer(config: PlanningConfig, seed: number): Trainer<PlanningView, PlanningQueries> {
  validatePlanning(config);
  const runner = config.part === 'cem' ? cemRunner(config, seed) : config.part === 'lqr' ? lqrRunner(config, seed) : ilqrRunner(config, seed);
  const modelId = `planning/${config.part}`;
  return {
    step() {
      const { metrics, done } = runner.step();
      return { metrics, watch: Object.keys(metrics).slice(0, 1), done };
    },
    async getWeights() {
      const values = runner.plan();
      return { modelId, tensors: [{ name: 'plan', shape: [values.length], values }] };
    },
    setWeights() {
      throw new Error('A planner has no weights to load: it plans from the model each time.');
    },
    snapshotForView: () => runner.view(),
    queries: {
      bench: ({ repeats }) => benchPlanning(config, Math.max(1, Math.min(50, Math.round(repeats)))),
    },
    dispose() {},
  };
}

export const planningSession: TrainerDefinition<PlanningConfig, PlanningView, PlanningQueries> = {
  id: 'planning',
  validate: validatePlanning,
  create: async (config, seed) => createPlanningTrainer(config, seed),
};
