/**
 * A point robot in a 10 × 10 room that must reach a goal through a gap between round obstacles.
 * State s = (x, y), action a = velocity in [−1, 1]², model s' = s + Δt a. The real room adds
 * dynamics noise: s' = s + Δt a + σ ε with ε ~ N(0, I). Touching an obstacle or a wall ends the
 * episode as a crash; coming within the goal radius ends it as a success.
 * The planner's cost per step is the distance to the goal after the step plus a penalty for every
 * step that ends inside an obstacle inflated by a safety margin (or outside the room).
 */
import { createRng, type Rng } from '../common/rng';
import { cemIteration, initialDistribution, randomShooting, rolloutCost, validateCem, type CemDistribution, type CemIteration, type CemOptions, type PlanningProblem } from './shooting';

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface PointRobotTask {
  size: number;
  start: [number, number];
  goal: [number, number];
  goalRadius: number;
  obstacles: Circle[];
  dt: number;
  /** Planning penalty per step inside an obstacle grown by `margin` (or outside the room). */
  collisionPenalty: number;
  margin: number;
}

export const POINT_ROBOT: PointRobotTask = {
  size: 10,
  start: [1, 5],
  goal: [9, 5],
  goalRadius: 0.5,
  obstacles: [
    { x: 5, y: 6, r: 1.5 },
    { x: 5, y: 0.8, r: 1.6 },
    { x: 5, y: 10, r: 1.2 },
  ],
  dt: 1,
  collisionPenalty: 30,
  margin: 0.3,
};

/** Inside an obstacle grown by `margin`, or outside the room shrunk by it. */
export function collides(task: PointRobotTask, x: number, y: number, margin = 0): boolean {
  if (x < margin || y < margin || x > task.size - margin || y > task.size - margin) return true;
  for (const o of task.obstacles) {
    const dx = x - o.x;
    const dy = y - o.y;
    const r = o.r + margin;
    if (dx * dx + dy * dy < r * r) return true;
  }
  return false;
}

/** A step collides when its end or its midpoint does (steps are short next to the obstacles). */
export function segmentCollides(task: PointRobotTask, x0: number, y0: number, x1: number, y1: number, margin = 0): boolean {
  return collides(task, x1, y1, margin) || collides(task, 0.5 * (x0 + x1), 0.5 * (y0 + y1), margin);
}

export function pointRobotProblem(task: PointRobotTask, horizon: number): PlanningProblem {
  const [gx, gy] = task.goal;
  return {
    stateDim: 2,
    actionDim: 2,
    horizon,
    actionLow: [-1, -1],
    actionHigh: [1, 1],
    step(s, a, next) {
      next[0] = s[0] + task.dt * a[0];
      next[1] = s[1] + task.dt * a[1];
    },
    cost(s, _a, next) {
      const dist = Math.hypot(next[0] - gx, next[1] - gy);
      return dist + (segmentCollides(task, s[0], s[1], next[0], next[1], task.margin) ? task.collisionPenalty : 0);
    },
  };
}

export type PlannerMethod = 'cem' | 'random';
export type ExecutionMode = 'mpc' | 'open-loop';

export interface PointRobotConfig {
  method: PlannerMethod;
  mode: ExecutionMode;
  samples: number;
  elites: number;
  iterations: number;
  horizon: number;
  /** CEM's initial standard deviation per action entry. */
  actionNoise: number;
  /** CEM's blend β of the old distribution into each refit (0: the plain refit). */
  smoothing: number;
  /** σ of the real room's dynamics noise. */
  dynamicsNoise: number;
  /** MPC's step budget (open loop runs its one plan of `horizon` steps). */
  maxSteps: number;
}

export function validatePointRobot(config: PointRobotConfig): void {
  const { horizon, dynamicsNoise, maxSteps } = config;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 100) throw new Error(`The horizon must be a whole number from 1 to 100 steps (got ${horizon}).`);
  if (!Number.isFinite(dynamicsNoise) || dynamicsNoise < 0 || dynamicsNoise > 1) throw new Error(`The dynamics noise σ must be a number from 0 to 1 (got ${dynamicsNoise}).`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new Error(`The step budget must be a whole number of at least 1 (got ${maxSteps}).`);
  validateCem({ samples: config.samples, elites: config.elites, iterations: config.iterations, initialStd: config.actionNoise, smoothing: config.smoothing });
  if (config.method === 'random' && config.samples < 1) throw new Error('Random shooting needs at least one sample.');
}

export type EpisodeOutcome = 'running' | 'goal' | 'crash' | 'out-of-steps';

/**
 * The robot, its planner and the room, advanced one CEM round or one executed action at a time
 * (what the demo shows step by step; `runEpisode` drives it to the end).
 *
 * MPC: each real step is preceded by a full plan (all CEM rounds) from the current state, the
 * first action is executed and the mean shifted one step to warm-start the next plan.
 * Open loop: one plan from s_1, then its H actions are executed without looking.
 */
export class PointRobotEpisode {
  readonly task: PointRobotTask;
  readonly config: PointRobotConfig;
  readonly problem: PlanningProblem;
  private readonly planRng: Rng;
  private readonly noiseRng: Rng;
  position: [number, number];
  /** Every position the robot has visited. */
  path: [number, number][];
  /** The distribution being refit in the current plan. */
  dist: CemDistribution;
  /** CEM rounds done in the current plan. */
  round = 0;
  /** The committed plan (the final mean, or random shooting's best sample); null while planning. */
  plan: Float64Array | null = null;
  /** The plan's predicted cost. */
  planCost = Number.NaN;
  /** Index of the next action of `plan` to execute (open loop walks through it). */
  planIndex = 0;
  lastRound: CemIteration | null = null;
  outcome: EpisodeOutcome = 'running';
  steps = 0;
  plansMade = 0;
  /** Real cost accumulated: distance to goal after each executed step. */
  realCost = 0;

  constructor(config: PointRobotConfig, seed: number, task: PointRobotTask = POINT_ROBOT) {
    validatePointRobot(config);
    this.task = task;
    this.config = config;
    this.problem = pointRobotProblem(task, config.horizon);
    const root = createRng(seed);
    this.planRng = createRng(root.fork());
    this.noiseRng = createRng(root.fork());
    this.position = [...task.start];
    this.path = [[...task.start]];
    this.dist = initialDistribution(this.problem, config.actionNoise);
  }

  private get cemOptions(): CemOptions {
    const { samples, elites, iterations, actionNoise, smoothing } = this.config;
    return { samples, elites, iterations, initialStd: actionNoise, smoothing };
  }

  /** Whether the next `advance()` plans (true) or acts (false). */
  get planning(): boolean {
    if (this.outcome !== 'running') return false;
    if (this.config.mode === 'open-loop') return this.plan === null;
    return this.plan === null;
  }

  /** One CEM round (or one random-shooting draw), or one executed action. */
  advance(): 'plan' | 'act' | 'done' {
    if (this.outcome !== 'running') return 'done';
    if (this.planning) {
      this.planRound();
      return 'plan';
    }
    this.act();
    return 'act';
  }

  private planRound(): void {
    const d = this.problem.horizon * this.problem.actionDim;
    if (this.config.method === 'random') {
      const result = randomShooting(this.problem, this.position, { samples: this.config.samples }, this.planRng);
      // Shown like a CEM round: the whole batch, the best few as "elites", no refit.
      const order = Array.from({ length: result.batch.count }, (_, i) => i).sort((x, y) => result.batch.costs[x] - result.batch.costs[y] || x - y);
      const total = result.batch.costs.reduce((s, c) => s + c, 0);
      this.lastRound = {
        batch: result.batch,
        elites: order.slice(0, this.config.elites),
        before: this.dist,
        after: this.dist,
        eliteMeanCost: order.slice(0, this.config.elites).reduce((s, i) => s + result.batch.costs[i], 0) / this.config.elites,
        bestCost: result.cost,
        meanCost: total / result.batch.count,
      };
      this.commit(result.plan, result.cost);
      return;
    }
    const round = cemIteration(this.problem, this.position, this.dist, this.cemOptions, this.planRng);
    this.lastRound = round;
    this.dist = round.after;
    this.round++;
    if (this.round >= this.config.iterations) {
      const mean = this.dist.mean.slice(0, d);
      this.commit(mean, rolloutCost(this.problem, this.position, mean));
    }
  }

  private commit(plan: Float64Array, cost: number): void {
    this.plan = plan;
    this.planCost = cost;
    this.planIndex = 0;
    this.plansMade++;
  }

  private act(): void {
    const plan = this.plan;
    if (!plan) return;
    const m = this.problem.actionDim;
    const a = [plan[this.planIndex * m], plan[this.planIndex * m + 1]];
    const { dt, goal, goalRadius } = this.task;
    const sigma = this.config.dynamicsNoise;
    const [x0, y0] = this.position;
    const x = x0 + dt * a[0] + sigma * this.noiseRng.normal();
    const y = y0 + dt * a[1] + sigma * this.noiseRng.normal();
    this.position = [x, y];
    this.path.push([x, y]);
    this.steps++;
    this.planIndex++;
    const dist = Math.hypot(x - goal[0], y - goal[1]);
    this.realCost += dist;
    if (segmentCollides(this.task, x0, y0, x, y)) this.outcome = 'crash';
    else if (dist <= goalRadius) this.outcome = 'goal';
    if (this.outcome !== 'running') return;
    if (this.config.mode === 'open-loop') {
      if (this.planIndex >= this.problem.horizon) this.outcome = 'out-of-steps';
      return;
    }
    if (this.steps >= this.config.maxSteps) {
      this.outcome = 'out-of-steps';
      return;
    }
    // MPC: replan from the state that actually occurred, warm-started with the shifted mean.
    const shifted = new Float64Array(plan.length);
    shifted.set(plan.subarray(m));
    shifted.set(plan.subarray(plan.length - m), plan.length - m);
    this.dist = initialDistribution(this.problem, this.config.actionNoise, this.config.method === 'cem' ? shifted : undefined);
    this.round = 0;
    this.plan = null;
  }
}

/** Runs one whole episode; what the statistical tests and the bench use. */
export function runEpisode(config: PointRobotConfig, seed: number, task: PointRobotTask = POINT_ROBOT): PointRobotEpisode {
  const episode = new PointRobotEpisode(config, seed, task);
  while (episode.advance() !== 'done') {
    // advance() plans or acts until the episode ends
  }
  return episode;
}

export const DEFAULT_POINT_ROBOT: PointRobotConfig = {
  method: 'cem',
  mode: 'mpc',
  samples: 200,
  elites: 20,
  iterations: 10,
  horizon: 12,
  actionNoise: 0.5,
  smoothing: 0,
  dynamicsNoise: 0.1,
  maxSteps: 30,
};
