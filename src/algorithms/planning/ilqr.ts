/**
 * Iterative LQR with line search, as the lecture writes it. Around the nominal trajectory
 * (ŝ_t, â_t) the problem in deviations δs, δa is of LQR form with
 *   F_t = ∇_{s,a} f(ŝ_t, â_t),   f_t = 0,   c_t = ∇_{s,a} c(ŝ_t, â_t),   C_t = ∇²_{s,a} c(ŝ_t, â_t).
 * The LQR backward pass gives K_t, k_t; the forward pass runs the real dynamics with
 *   a_t = K_t (s_t − ŝ_t) + α k_t + â_t,   s_{t+1} = f(s_t, a_t)
 * for α = 1, ½, ¼, … until the total cost goes down, and that rollout becomes the new nominal one.
 * If no α helps, μ (added to Q_aa) grows and the iteration is retried next time (Levenberg–Marquardt).
 */
import type { Matrix, Vector } from './linalg';
import { lqr, type LqrSolution } from './lqr';

export interface NonlinearProblem {
  stateDim: number;
  actionDim: number;
  T: number;
  start: Vector;
  /** s_{t+1} = f(s_t, a_t). */
  dynamics(s: Vector, a: Vector, t: number): Vector;
  /** c(s_t, a_t) at step t (0-based; t = T − 1 is the lecture's last step T). */
  cost(s: Vector, a: Vector, t: number): number;
  /** n × (n + m); finite differences when absent. */
  dynamicsJacobian?(s: Vector, a: Vector, t: number): Matrix;
  /** n + m entries; finite differences when absent. */
  costGradient?(s: Vector, a: Vector, t: number): Vector;
  /** (n + m) × (n + m); finite differences when absent. */
  costHessian?(s: Vector, a: Vector, t: number): Matrix;
}

const FD_STEP = 1e-5;

/** ∇_{s,a} f by central differences. */
export function finiteDifferenceJacobian(problem: NonlinearProblem, s: Vector, a: Vector, t: number, h = FD_STEP): Matrix {
  const n = problem.stateDim;
  const x = [...s, ...a];
  const columns: Vector[] = x.map((_, j) => {
    const plus = x.slice();
    const minus = x.slice();
    plus[j] += h;
    minus[j] -= h;
    const fp = problem.dynamics(plus.slice(0, n), plus.slice(n), t);
    const fm = problem.dynamics(minus.slice(0, n), minus.slice(n), t);
    return fp.map((v, i) => (v - fm[i]) / (2 * h));
  });
  return Array.from({ length: n }, (_, i) => columns.map((col) => col[i]));
}

/** ∇_{s,a} c by central differences. */
export function finiteDifferenceGradient(problem: NonlinearProblem, s: Vector, a: Vector, t: number, h = FD_STEP): Vector {
  const n = problem.stateDim;
  const x = [...s, ...a];
  return x.map((_, j) => {
    const plus = x.slice();
    const minus = x.slice();
    plus[j] += h;
    minus[j] -= h;
    return (problem.cost(plus.slice(0, n), plus.slice(n), t) - problem.cost(minus.slice(0, n), minus.slice(n), t)) / (2 * h);
  });
}

/** ∇²_{s,a} c by central differences of the gradient (the problem's own, or finite differences). */
export function finiteDifferenceHessian(problem: NonlinearProblem, s: Vector, a: Vector, t: number, h = 1e-4): Matrix {
  const n = problem.stateDim;
  const x = [...s, ...a];
  const gradient = (y: Vector) => (problem.costGradient ? problem.costGradient(y.slice(0, n), y.slice(n), t) : finiteDifferenceGradient(problem, y.slice(0, n), y.slice(n), t));
  const columns = x.map((_, j) => {
    const plus = x.slice();
    const minus = x.slice();
    plus[j] += h;
    minus[j] -= h;
    const gp = gradient(plus);
    const gm = gradient(minus);
    return gp.map((v, i) => (v - gm[i]) / (2 * h));
  });
  // symmetrise
  return x.map((_, i) => x.map((__, j) => 0.5 * (columns[j][i] + columns[i][j])));
}

export interface Trajectory {
  /** s_1..s_{T+1}. */
  states: Vector[];
  /** a_1..a_T. */
  actions: Vector[];
  cost: number;
}

export function rolloutActions(problem: NonlinearProblem, actions: Vector[]): Trajectory {
  const states: Vector[] = [problem.start.slice()];
  let cost = 0;
  for (let t = 0; t < problem.T; t++) {
    cost += problem.cost(states[t], actions[t], t);
    states.push(problem.dynamics(states[t], actions[t], t));
  }
  return { states, actions: actions.map((a) => a.slice()), cost };
}

export interface IlqrOptions {
  /** Step sizes tried: 1, ½, ¼, … this many of them (default 12). */
  lineSearchSteps?: number;
  /** Initial regularisation μ added to Q_aa (default 0). */
  mu?: number;
  /** Stop when the relative cost decrease falls below this (default 1e-4). */
  tolerance?: number;
  /** Give up when μ exceeds this (default 1e10). */
  maxMu?: number;
  /** Use finite differences even where the problem has derivatives. */
  finiteDifferences?: boolean;
}

export interface IlqrIteration {
  iteration: number;
  /** Cost of the nominal trajectory before and after this iteration. */
  previousCost: number;
  cost: number;
  /** The α that was accepted, or null when every α failed (μ then grew). */
  alpha: number | null;
  /** Every α tried and the real cost its rollout had. */
  tried: { alpha: number; cost: number }[];
  mu: number;
  /** The nominal trajectory after this iteration. */
  trajectory: Trajectory;
  /** K_t, k_t of this iteration's backward pass (null when Q_aa was not positive definite). */
  solution: LqrSolution | null;
  converged: boolean;
}

export interface IlqrRun {
  readonly nominal: Trajectory;
  readonly converged: boolean;
  readonly mu: number;
  readonly iterations: number;
  /** One iteration: linearise, backward pass, line search. */
  iterate(): IlqrIteration;
}

/** Linearises the problem around a trajectory in the lecture's F_t, c_t, C_t (f_t = 0). */
export function linearise(problem: NonlinearProblem, nominal: Trajectory, finiteDifferences = false) {
  const F: Matrix[] = [];
  const c: Vector[] = [];
  const C: Matrix[] = [];
  for (let t = 0; t < problem.T; t++) {
    const s = nominal.states[t];
    const a = nominal.actions[t];
    F.push(!finiteDifferences && problem.dynamicsJacobian ? problem.dynamicsJacobian(s, a, t) : finiteDifferenceJacobian(problem, s, a, t));
    c.push(!finiteDifferences && problem.costGradient ? problem.costGradient(s, a, t) : finiteDifferenceGradient(problem, s, a, t));
    C.push(!finiteDifferences && problem.costHessian ? problem.costHessian(s, a, t) : finiteDifferenceHessian(problem, s, a, t));
  }
  return { F, f: new Array(problem.T).fill(0).map(() => new Array<number>(problem.stateDim).fill(0)), c, C, T: problem.T };
}

/** The forward pass a_t = K_t (s_t − ŝ_t) + α k_t + â_t through the real dynamics. */
export function ilqrForward(problem: NonlinearProblem, nominal: Trajectory, solution: LqrSolution, alpha: number): Trajectory {
  const states: Vector[] = [problem.start.slice()];
  const actions: Vector[] = [];
  let cost = 0;
  for (let t = 0; t < problem.T; t++) {
    const s = states[t];
    const ds = s.map((v, i) => v - nominal.states[t][i]);
    const a = nominal.actions[t].map((ah, i) => solution.K[t][i].reduce((sum, kij, j) => sum + kij * ds[j], 0) + alpha * solution.k[t][i] + ah);
    cost += problem.cost(s, a, t);
    actions.push(a);
    states.push(problem.dynamics(s, a, t));
  }
  return { states, actions, cost };
}

export function validateNonlinear(problem: NonlinearProblem, initialActions: Vector[]): void {
  if (!Number.isInteger(problem.T) || problem.T < 1) throw new Error(`The horizon T must be a whole number of at least 1 (got ${problem.T}).`);
  if (initialActions.length !== problem.T || initialActions.some((a) => a.length !== problem.actionDim || !a.every(Number.isFinite))) {
    throw new Error(`The initial guess needs ${problem.T} finite actions of ${problem.actionDim} entries each.`);
  }
}

export function createIlqr(problem: NonlinearProblem, initialActions: Vector[], options: IlqrOptions = {}): IlqrRun {
  validateNonlinear(problem, initialActions);
  const lineSearchSteps = options.lineSearchSteps ?? 12;
  const tolerance = options.tolerance ?? 1e-4;
  const maxMu = options.maxMu ?? 1e10;
  let mu = options.mu ?? 0;
  let nominal = rolloutActions(problem, initialActions);
  if (!Number.isFinite(nominal.cost)) throw new Error('The initial guess already has a non-finite cost; iLQR cannot start from it.');
  let converged = false;
  let iterations = 0;
  return {
    get nominal() {
      return nominal;
    },
    get converged() {
      return converged;
    },
    get mu() {
      return mu;
    },
    get iterations() {
      return iterations;
    },
    iterate() {
      iterations++;
      const previousCost = nominal.cost;
      const tried: { alpha: number; cost: number }[] = [];
      let solution: LqrSolution | null = null;
      const lq = linearise(problem, nominal, options.finiteDifferences);
      try {
        solution = lqr(lq, { mu });
      } catch {
        solution = null; // Q_aa not positive definite at this μ
      }
      let accepted: number | null = null;
      if (solution) {
        for (let i = 0, alpha = 1; i < lineSearchSteps; i++, alpha /= 2) {
          const candidate = ilqrForward(problem, nominal, solution, alpha);
          tried.push({ alpha, cost: candidate.cost });
          if (Number.isFinite(candidate.cost) && candidate.cost < nominal.cost) {
            nominal = candidate;
            accepted = alpha;
            break;
          }
        }
      }
      if (accepted === null) {
        mu = Math.max(1e-6, mu * 10);
        if (mu > maxMu) converged = true;
      } else {
        mu = mu / 10 < 1e-6 ? 0 : mu / 10;
        if ((previousCost - nominal.cost) / Math.max(1e-12, Math.abs(previousCost)) < tolerance) converged = true;
      }
      return { iteration: iterations, previousCost, cost: nominal.cost, alpha: accepted, tried, mu, trajectory: nominal, solution, converged };
    },
  };
}

export interface IlqrResult {
  trajectory: Trajectory;
  history: IlqrIteration[];
  converged: boolean;
}

/** Runs iLQR until it converges or `maxIterations` iterations have run. */
export function ilqr(problem: NonlinearProblem, initialActions: Vector[], options: IlqrOptions & { maxIterations?: number } = {}): IlqrResult {
  const run = createIlqr(problem, initialActions, options);
  const history: IlqrIteration[] = [];
  const maxIterations = options.maxIterations ?? 100;
  while (!run.converged && history.length < maxIterations) history.push(run.iterate());
  return { trajectory: run.nominal, history, converged: run.converged };
}
