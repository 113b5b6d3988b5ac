/**
 * The linear-quadratic regulator in the lecture's notation. Dynamics and cost at step t:
 *   s_{t+1} = F_t [s_t; a_t] + f_t,   c(s_t, a_t) = ½ [s_t; a_t]ᵀ C_t [s_t; a_t] + [s_t; a_t]ᵀ c_t.
 * Backward pass, from V_{T+1} = 0, v_{T+1} = 0 down to t = 1:
 *   Q_t = C_t + F_tᵀ V_{t+1} F_t,   q_t = c_t + F_tᵀ V_{t+1} f_t + F_tᵀ v_{t+1},
 *   K_t = −Q_{aa}⁻¹ Q_{as},   k_t = −Q_{aa}⁻¹ q_a,
 *   V_t = Q_ss + Q_sa K_t + K_tᵀ Q_as + K_tᵀ Q_aa K_t,   v_t = q_s + Q_sa k_t + K_tᵀ q_a + K_tᵀ Q_aa k_t.
 * Forward pass: a_t = K_t s_t + k_t, s_{t+1} = F_t [s_t; a_t] + f_t (+ noise).
 * Arrays are 0-based: index t holds the lecture's step t + 1.
 */
import type { Rng } from '../common/rng';
import { addMat, addVec, block, dot, isPositiveDefinite, matMul, matVec, solve, symmetrize, transpose, zeros, type Matrix, type Vector } from './linalg';

/** Each of F, f, C, c is one matrix/vector used at every step, or an array of T of them. */
export interface LqrProblem {
  F: Matrix | Matrix[];
  f: Vector | Vector[];
  C: Matrix | Matrix[];
  c: Vector | Vector[];
  T: number;
}

export interface LqrSolution {
  /** K[t]: m × n gain, a_t = K_t s_t + k_t. */
  K: Matrix[];
  k: Vector[];
  /** V[t], v[t] for t = 0..T (V[T] = 0 is the lecture's V_{T+1}). */
  V: Matrix[];
  v: Vector[];
  /** The Q-function's matrices Q_t and vectors q_t. */
  Q: Matrix[];
  q: Vector[];
  stateDim: number;
  actionDim: number;
}

export interface LqrOptions {
  /** Added to the diagonal of Q_aa before inverting (iLQR's regularisation; 0 for plain LQR). */
  mu?: number;
}

const isMatrixList = (x: Matrix | Matrix[]): x is Matrix[] => Array.isArray(x[0]?.[0]);
const isVectorList = (x: Vector | Vector[]): x is Vector[] => Array.isArray(x[0]);

/** The value of a per-step term at step t (one shared value or the t-th of T). */
export function matrixAt(x: Matrix | Matrix[], t: number): Matrix {
  return isMatrixList(x) ? x[t] : x;
}
export function vectorAt(x: Vector | Vector[], t: number): Vector {
  return isVectorList(x) ? x[t] : x;
}

/** Throws an Error a student can act on when the shapes or numbers do not fit. */
export function validateLqr(problem: LqrProblem): { n: number; m: number } {
  const { T } = problem;
  if (!Number.isInteger(T) || T < 1) throw new Error(`The horizon T must be a whole number of at least 1 (got ${T}).`);
  for (const [name, x] of [['F', problem.F], ['C', problem.C]] as const) {
    if (isMatrixList(x) && x.length !== T) throw new Error(`${name} is a list of ${x.length} matrices but T = ${T}.`);
  }
  for (const [name, x] of [['f', problem.f], ['c', problem.c]] as const) {
    if (isVectorList(x) && x.length !== T) throw new Error(`${name} is a list of ${x.length} vectors but T = ${T}.`);
  }
  const F0 = matrixAt(problem.F, 0);
  const n = F0.length;
  const m = (F0[0]?.length ?? 0) - n;
  if (n < 1 || m < 1) throw new Error(`F must have n rows and n + m columns with n, m ≥ 1 (got ${n} × ${F0[0]?.length ?? 0}).`);
  for (let t = 0; t < T; t++) {
    const F = matrixAt(problem.F, t);
    const C = matrixAt(problem.C, t);
    const f = vectorAt(problem.f, t);
    const c = vectorAt(problem.c, t);
    if (F.length !== n || F.some((row) => row.length !== n + m)) throw new Error(`F at step ${t + 1} must be ${n} × ${n + m}.`);
    if (C.length !== n + m || C.some((row) => row.length !== n + m)) throw new Error(`C at step ${t + 1} must be ${n + m} × ${n + m}.`);
    if (f.length !== n) throw new Error(`f at step ${t + 1} must have ${n} entries.`);
    if (c.length !== n + m) throw new Error(`c at step ${t + 1} must have ${n + m} entries.`);
    if (![...F.flat(), ...C.flat(), ...f, ...c].every(Number.isFinite)) throw new Error(`F, f, C and c must be finite numbers (step ${t + 1} is not).`);
    if (!isMatrixList(problem.F) && !isMatrixList(problem.C) && !isVectorList(problem.f) && !isVectorList(problem.c)) break;
  }
  return { n, m };
}

/** The backward pass. Throws a readable Error when some Q_aa is not positive definite (no unique minimiser). */
export function lqr(problem: LqrProblem, options: LqrOptions = {}): LqrSolution {
  const { n, m } = validateLqr(problem);
  const { T } = problem;
  const mu = options.mu ?? 0;
  const K: Matrix[] = new Array<Matrix>(T);
  const k: Vector[] = new Array<Vector>(T);
  const Qs: Matrix[] = new Array<Matrix>(T);
  const qs: Vector[] = new Array<Vector>(T);
  const V: Matrix[] = new Array<Matrix>(T + 1);
  const v: Vector[] = new Array<Vector>(T + 1);
  V[T] = zeros(n, n);
  v[T] = new Array<number>(n).fill(0);
  for (let t = T - 1; t >= 0; t--) {
    const F = matrixAt(problem.F, t);
    const f = vectorAt(problem.f, t);
    const Ft = transpose(F);
    const FtV = matMul(Ft, V[t + 1]);
    // Q_t = C_t + F_tᵀ V_{t+1} F_t;  q_t = c_t + F_tᵀ V_{t+1} f_t + F_tᵀ v_{t+1}
    const Q = symmetrize(addMat(matrixAt(problem.C, t), matMul(FtV, F)));
    const q = addVec(addVec(vectorAt(problem.c, t), matVec(FtV, f)), matVec(Ft, v[t + 1]));
    const Qss = block(Q, 0, n, 0, n);
    const Qsa = block(Q, 0, n, n, n + m);
    const Qas = block(Q, n, n + m, 0, n);
    const Qaa = block(Q, n, n + m, n, n + m).map((row, i) => row.map((x, j) => (i === j ? x + mu : x)));
    const qsv = q.slice(0, n);
    const qa = q.slice(n);
    if (!isPositiveDefinite(Qaa)) {
      throw new Error(`Q_aa at step ${t + 1} is not positive definite, so the action minimising Q has no unique value: the cost needs a positive action penalty.`);
    }
    // K_t = −Q_aa⁻¹ Q_as;  k_t = −Q_aa⁻¹ q_a (one solve for both)
    const sol = solve(Qaa, Qas.map((row, i) => [...row, qa[i]]), `Q_aa at step ${t + 1}`);
    const Kt = sol.map((row) => row.slice(0, n).map((x) => 0 - x)); // 0 − x: no −0 in the display
    const kt = sol.map((row) => 0 - row[n]);
    const KtT = transpose(Kt);
    // V_t = Q_ss + Q_sa K_t + K_tᵀ Q_as + K_tᵀ Q_aa K_t
    const Vt = symmetrize(addMat(addMat(Qss, matMul(Qsa, Kt)), addMat(matMul(KtT, Qas), matMul(matMul(KtT, Qaa), Kt))));
    // v_t = q_s + Q_sa k_t + K_tᵀ q_a + K_tᵀ Q_aa k_t
    const vt = addVec(addVec(qsv, matVec(Qsa, kt)), addVec(matVec(KtT, qa), matVec(KtT, matVec(Qaa, kt))));
    K[t] = Kt;
    k[t] = kt;
    Qs[t] = Q;
    qs[t] = q;
    V[t] = Vt;
    v[t] = vt;
  }
  return { K, k, V, v, Q: Qs, q: qs, stateDim: n, actionDim: m };
}

/** c(s, a) = ½ xᵀ C x + xᵀ c with x = [s; a]. */
export function lqrStepCost(problem: LqrProblem, t: number, s: Vector, a: Vector): number {
  const x = [...s, ...a];
  return 0.5 * dot(x, matVec(matrixAt(problem.C, t), x)) + dot(x, vectorAt(problem.c, t));
}

/** s_{t+1} = F_t [s; a] + f_t. */
export function lqrDynamics(problem: LqrProblem, t: number, s: Vector, a: Vector): Vector {
  return addVec(matVec(matrixAt(problem.F, t), [...s, ...a]), vectorAt(problem.f, t));
}

export interface LqrRollout {
  /** s_1..s_{T+1}. */
  states: Vector[];
  /** a_1..a_T. */
  actions: Vector[];
  /** Σ_t c(s_t, a_t). */
  cost: number;
}

/**
 * The forward pass: a_t = K_t s_t + k_t applied to the state that actually occurs. With `noise`
 * > 0, s_{t+1} gets independent N(0, noise²) noise in every component.
 */
export function lqrForward(problem: LqrProblem, solution: LqrSolution, s1: Vector, noise = 0, rng?: Rng): LqrRollout {
  if (s1.length !== solution.stateDim) throw new Error(`The start state must have ${solution.stateDim} entries (got ${s1.length}).`);
  if (noise > 0 && !rng) throw new Error('Noisy forward passes need a random number generator.');
  const states: Vector[] = [s1.slice()];
  const actions: Vector[] = [];
  let cost = 0;
  for (let t = 0; t < problem.T; t++) {
    const s = states[t];
    const a = addVec(matVec(solution.K[t], s), solution.k[t]);
    cost += lqrStepCost(problem, t, s, a);
    let next = lqrDynamics(problem, t, s, a);
    if (noise > 0 && rng) next = next.map((x) => x + noise * rng.normal());
    actions.push(a);
    states.push(next);
  }
  return { states, actions, cost };
}
