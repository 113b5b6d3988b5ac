/**
 * Policy iteration: evaluate V^π (exact linear solve for small grids, else iterative sweeps),
 * improve π ← greedy(Q^π), repeat until no action changes. Conventions in mdp.ts.
 */
import { distanceToTerminal, EMPTY, TERMINAL, stepRewards, validateProblem, type Dynamics, type GridMdp } from './mdp';
import { transitionModel } from './transitionModel';
import { checkSolveOptions, qFromValues, type SolveOptions } from './valueIteration';

/** Grids with at most this many non-terminal states are evaluated by Gaussian elimination. */
export const EXACT_SOLVE_LIMIT = 600;

export type EvaluationMethod = 'exact' | 'iterative' | 'auto';

/**
 * A proper starting policy: each cell moves along a shortest path to the nearest terminal (first
 * such action N, E, S, W), so even with γ = 1 every state leaves with probability 1 when noise < 1.
 * Cells that cannot reach a terminal point N. Walls and terminals get −1.
 */
export function shortestPathPolicy(mdp: GridMdp): Int8Array {
  const n = mdp.end;
  const distance = distanceToTerminal(mdp);
  const policy = new Int8Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (mdp.kind[s] !== EMPTY) continue;
    policy[s] = 0;
    for (let a = 0; a < 4; a++) {
      const to = mdp.next[4 * s + a];
      if (to !== s && distance[to] >= 0 && distance[to] === distance[s] - 1) { policy[s] = a; break; }
    }
  }
  return policy;
}

/** The initial policy policyIteration uses: all N when γ < 1, shortest paths when γ = 1. */
export function initialPolicy(mdp: GridMdp, gamma: number): Int8Array {
  if (gamma >= 1) return shortestPathPolicy(mdp);
  const policy = new Int8Array(mdp.end).fill(-1);
  for (let s = 0; s < mdp.end; s++) if (mdp.kind[s] === EMPTY) policy[s] = 0;
  return policy;
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting; null when singular. */
function solveDense(a: Float64Array, b: Float64Array, m: number): Float64Array | null {
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * m + col]) > Math.abs(a[pivot * m + col])) pivot = r;
    if (Math.abs(a[pivot * m + col]) < 1e-12) return null;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) { const t = a[col * m + c]; a[col * m + c] = a[pivot * m + c]; a[pivot * m + c] = t; }
      const t = b[col]; b[col] = b[pivot]; b[pivot] = t;
    }
    const diag = a[col * m + col];
    for (let r = col + 1; r < m; r++) {
      const factor = a[r * m + col] / diag;
      if (factor === 0) continue;
      for (let c = col; c < m; c++) a[r * m + c] -= factor * a[col * m + c];
      b[r] -= factor * b[col];
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let sum = b[r];
    for (let c = r + 1; c < m; c++) sum -= a[r * m + c] * x[c];
    x[r] = sum / a[r * m + r];
  }
  return x;
}

/** Exact V^π from (I − γ P_π) V = r_π over the non-terminal states; null when the system is singular. */
function evaluateExact(mdp: GridMdp, policy: Int8Array, dynamics: Dynamics): Float64Array | null {
  const index = new Int32Array(mdp.end).fill(-1);
  const states: number[] = [];
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] !== TERMINAL) { index[s] = states.length; states.push(s); }
  }
  const m = states.length;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  const model = transitionModel(mdp, dynamics.noise);
  states.forEach((s, row) => {
    a[row * m + row] += 1;
    b[row] = dynamics.livingReward;
    for (const [to, prob] of model.outcomes(s, policy[s])) {
      if (mdp.kind[to] === TERMINAL) b[row] += dynamics.gamma * prob * mdp.terminalReward[to];
      else a[row * m + index[to]] -= dynamics.gamma * prob;
    }
  });
  const x = solveDense(a, b, m);
  if (!x) return null;
  const values = new Float64Array(mdp.end + 1);
  states.forEach((s, row) => (values[s] = x[row]));
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] === TERMINAL) values[s] = mdp.terminalReward[s];
  }
  return values;
}

/** Iterative evaluation: V ← r + γ P_π V (synchronous) until the change is ≤ tolerance. */
function evaluateIterative(mdp: GridMdp, policy: Int8Array, options: SolveOptions, start?: Float64Array) {
  const { tolerance, maxSweeps } = checkSolveOptions(options);
  const reward = stepRewards(mdp, options.livingReward);
  let values = start ? start.slice() : new Float64Array(mdp.end + 1);
  let spare = values.slice();
  const model = transitionModel(mdp, options.noise);
  let sweeps = 0;
  let residual = Infinity;
  while (sweeps < maxSweeps && residual > tolerance) {
    residual = 0;
    for (let i = 0; i < mdp.active.length; i++) {
      const s = mdp.active[i];
      const act = mdp.kind[s] === TERMINAL ? 0 : policy[s];
      const value = reward[s] + options.gamma * model.expectedValue(values, s, act);
      residual = Math.max(residual, Math.abs(value - values[s]));
      spare[s] = value;
    }
    [values, spare] = [spare, values];
    sweeps++;
    if (!Number.isFinite(residual)) throw new Error('Policy evaluation diverged: this policy never reaches a terminal and γ = 1.');
  }
  return { values, sweeps, converged: residual <= tolerance };
}

export interface Evaluation {
  values: Float64Array;
  /** Sweeps used (0 for the exact solve). */
  sweeps: number;
  method: 'exact' | 'iterative';
}

export function evaluatePolicy(mdp: GridMdp, policy: Int8Array, options: SolveOptions, method: EvaluationMethod = 'auto', start?: Float64Array): Evaluation {
  const nonTerminal = mdp.active.length - mdp.terminalCount;
  if (method === 'exact' || (method === 'auto' && nonTerminal <= EXACT_SOLVE_LIMIT)) {
    const values = evaluateExact(mdp, policy, options);
    if (values) return { values, sweeps: 0, method: 'exact' };
  }
  const { values, sweeps, converged } = evaluateIterative(mdp, policy, options, start);
  if (!converged) {
    throw new Error(`Policy evaluation did not settle within ${sweeps} sweeps: the policy may never reach a terminal (try γ < 1).`);
  }
  return { values, sweeps, method: 'iterative' };
}

/** π'(s) = argmax_a Q^π(s, a), keeping the current action unless another is better by > 1e-9. */
export function improvePolicy(mdp: GridMdp, values: Float64Array, policy: Int8Array, dynamics: Dynamics) {
  const q = qFromValues(mdp, values, dynamics);
  const improved = policy.slice();
  let changes = 0;
  for (let i = 0; i < mdp.active.length; i++) {
    const s = mdp.active[i];
    if (mdp.kind[s] === TERMINAL) continue;
    let best = policy[s] < 0 ? 0 : policy[s];
    for (let a = 0; a < 4; a++) if (q[4 * s + a] > q[4 * s + best] + 1e-9) best = a;
    if (best !== policy[s]) changes++;
    improved[s] = best;
  }
  return { policy: improved, q, changes };
}

export interface PolicyIterationResult {
  values: Float64Array;
  q: Float64Array;
  policy: Int8Array;
  /** One entry per evaluate-improve round. */
  iterations: { policyChanges: number; evaluationSweeps: number }[];
  converged: boolean;
}

export function policyIteration(
  mdp: GridMdp,
  options: SolveOptions & { evaluation?: EvaluationMethod; maxIterations?: number },
): PolicyIterationResult {
  validateProblem(mdp, options);
  let policy = initialPolicy(mdp, options.gamma);
  const iterations: PolicyIterationResult['iterations'] = [];
  const maxIterations = options.maxIterations ?? 1000;
  let values: Float64Array = new Float64Array(mdp.end + 1);
  for (let k = 0; k < maxIterations; k++) {
    const evaluation = evaluatePolicy(mdp, policy, options, options.evaluation ?? 'auto', values);
    values = evaluation.values;
    const step = improvePolicy(mdp, values, policy, options);
    iterations.push({ policyChanges: step.changes, evaluationSweeps: evaluation.sweeps });
    policy = step.policy;
    if (step.changes === 0) return { values, q: step.q, policy, iterations, converged: true };
  }
  return { values, q: qFromValues(mdp, values, options), policy, iterations, converged: false };
}
