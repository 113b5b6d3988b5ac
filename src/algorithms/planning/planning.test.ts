import { describe, expect, it } from 'vitest';
import { createRng } from '../common/rng';
import {
  cem, cemIteration, createIlqr, DEFAULT_PENDULUM, DEFAULT_POINT_ROBOT, doubleIntegrator, finiteDifferenceGradient, finiteDifferenceHessian,
  finiteDifferenceJacobian, identity, ilqr, initialDistribution, linearCartpole, lqr, lqrDynamics, lqrForward, lqrStepCost, matMul, pendulumProblem,
  pendulumPlanningProblem, pointRobotProblem, POINT_ROBOT, rolloutActions, randomShooting, rolloutCost, runEpisode, solve, transpose, validatePointRobot, type LqrProblem, type Matrix,
  type NonlinearProblem, type PlanningProblem, type Vector,
} from './index';

const randomMatrix = (rows: number, cols: number, rng: ReturnType<typeof createRng>) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-1, 1)));
/** A random symmetric positive-definite matrix: B Bᵀ + I. */
const randomSpd = (n: number, rng: ReturnType<typeof createRng>) => {
  const b = randomMatrix(n, n, rng);
  return matMul(b, transpose(b)).map((row, i) => row.map((v, j) => v + (i === j ? 1 : 0)));
};

describe('LQR', () => {
  it("reproduces the lecture's scalar example: K_T = 0, V_T = 1; K_{T−1} = −1/2, V_{T−1} = 3/2; K_{T−2} = −3/5, V_{T−2} = 8/5", () => {
    const problem: LqrProblem = { F: [[1, 1]], f: [0], C: identity(2), c: [0, 0], T: 3 };
    const { K, V, k, v } = lqr(problem);
    expect(K[2][0][0]).toBeCloseTo(0, 14);
    expect(V[2][0][0]).toBeCloseTo(1, 14);
    expect(K[1][0][0]).toBeCloseTo(-1 / 2, 14);
    expect(V[1][0][0]).toBeCloseTo(3 / 2, 14);
    expect(K[0][0][0]).toBeCloseTo(-3 / 5, 14);
    expect(V[0][0][0]).toBeCloseTo(8 / 5, 14);
    expect(V[3][0][0]).toBe(0);
    expect(k.flat().every((x) => x === 0) && v.flat().every((x) => x === 0)).toBe(true);
  });

  it('converges on the golden ratio over a long horizon (V² = V + 1, K = −1/φ)', () => {
    const { K, V } = lqr({ F: [[1, 1]], f: [0], C: identity(2), c: [0, 0], T: 60 });
    const phi = (1 + Math.sqrt(5)) / 2;
    expect(V[0][0][0]).toBeCloseTo(phi, 10);
    expect(K[0][0][0]).toBeCloseTo(-1 / phi, 10);
  });

  it('matches the discrete Riccati recursion iterated directly on a random 2-state system', () => {
    const rng = createRng(7);
    const A = randomMatrix(2, 2, rng);
    const B = randomMatrix(2, 1, rng);
    const Qm = randomSpd(2, rng);
    const R = [[0.3]];
    const T = 25;
    const problem: LqrProblem = {
      F: A.map((row, i) => [...row, B[i][0]]),
      f: [0, 0],
      C: [[...Qm[0], 0], [...Qm[1], 0], [0, 0, R[0][0]]],
      c: [0, 0, 0],
      T,
    };
    const { K, V } = lqr(problem);
    // P_{T+1} = 0;  K_t = −(R + BᵀPB)⁻¹ BᵀPA;  P_t = Q + AᵀPA − AᵀPB (R + BᵀPB)⁻¹ BᵀPA
    let P: Matrix = [[0, 0], [0, 0]];
    for (let t = T - 1; t >= 0; t--) {
      const BtP = matMul(transpose(B), P);
      const S = [[R[0][0] + matMul(BtP, B)[0][0]]];
      const gain = solve(S, matMul(BtP, A)).map((row) => row.map((x) => -x));
      const AtPA = matMul(matMul(transpose(A), P), A);
      const AtPB = matMul(matMul(transpose(A), P), B);
      const correction = matMul(AtPB, solve(S, matMul(BtP, A)));
      P = Qm.map((row, i) => row.map((x, j) => x + AtPA[i][j] - correction[i][j]));
      for (let j = 0; j < 2; j++) expect(K[t][0][j]).toBeCloseTo(gain[0][j], 10);
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(V[t][i][j]).toBeCloseTo(P[i][j], 9);
    }
  });

  it('gives the same actions and cost as solving the whole time-varying problem as one quadratic in the actions', () => {
    const rng = createRng(3);
    const n = 2;
    const m = 2;
    const T = 4;
    const problem: LqrProblem = {
      F: Array.from({ length: T }, () => randomMatrix(n, n + m, rng)),
      f: Array.from({ length: T }, () => randomMatrix(1, n, rng)[0]),
      C: Array.from({ length: T }, () => randomSpd(n + m, rng)),
      c: Array.from({ length: T }, () => randomMatrix(1, n + m, rng)[0]),
      T,
    };
    const s1 = [0.7, -0.4];
    const total = (flat: number[]) => {
      let s = s1;
      let cost = 0;
      for (let t = 0; t < T; t++) {
        const a = flat.slice(t * m, (t + 1) * m);
        cost += lqrStepCost(problem, t, s, a);
        s = lqrDynamics(problem, t, s, a);
      }
      return cost;
    };
    // J is exactly quadratic, so central differences with a unit step give its gradient at 0 and its Hessian exactly.
    const d = T * m;
    const unit = (i: number) => Array.from({ length: d }, (_, j) => (j === i ? 1 : 0));
    const add = (x: number[], y: number[], s = 1) => x.map((v, i) => v + s * y[i]);
    const zero = new Array<number>(d).fill(0);
    const g = Array.from({ length: d }, (_, i) => (total(unit(i)) - total(unit(i).map((x) => -x))) / 2);
    const H = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => total(add(unit(i), unit(j))) - total(unit(i)) - total(unit(j)) + total(zero)),
    );
    const best = solve(H, g.map((x) => [-x])).map((row) => row[0]);
    const forward = lqrForward(problem, lqr(problem), s1);
    expect(forward.actions.flat().map((x) => Number(x.toFixed(8)))).toEqual(best.map((x) => Number(x.toFixed(8))));
    expect(forward.cost).toBeCloseTo(total(best), 9);
    // and no random perturbation does better
    for (let i = 0; i < 20; i++) expect(total(add(best, randomMatrix(1, d, rng)[0], 0.1))).toBeGreaterThan(forward.cost);
  });

  it('refuses a cost with no action penalty (Q_aa singular) with a message', () => {
    expect(() => lqr({ F: [[1, 1]], f: [0], C: [[1, 0], [0, 0]], c: [0, 0], T: 2 })).toThrow(/Q_aa at step 2 is not positive definite/);
    expect(() => lqr({ F: [[1, 1]], f: [0], C: identity(2), c: [0, 0], T: 0 })).toThrow(/horizon T/);
    expect(() => lqr({ F: [[1, 1]], f: [0], C: identity(3), c: [0, 0], T: 2 })).toThrow(/C at step 1 must be 2 × 2/);
  });

  it('drives the double integrator and the linearised cart-pole to the target; noise keeps the same gains, seeded', () => {
    for (const system of [doubleIntegrator(80, 0.1), linearCartpole(120, 0.1)]) {
      const solution = lqr(system.problem);
      const clean = lqrForward(system.problem, solution, system.start);
      const end = clean.states[clean.states.length - 1];
      expect(end[0]).toBeCloseTo(1, 1);
      expect(solution.k.some((kt) => Math.abs(kt[0]) > 1e-3)).toBe(true);
      const a = lqrForward(system.problem, solution, system.start, 0.01, createRng(5));
      const b = lqrForward(system.problem, solution, system.start, 0.01, createRng(5));
      expect(a.states).toEqual(b.states);
      expect(a.states).not.toEqual(clean.states);
    }
  });
});

/** Cost Σ_t (a_t − target_t)², a known quadratic with its optimum at the target. */
function quadraticProblem(target: number[]): PlanningProblem {
  return {
    stateDim: 1, actionDim: 1, horizon: target.length, actionLow: [-5], actionHigh: [5],
    step(s, _a, next) {
      next[0] = s[0] + 1;
    },
    cost(s, a) {
      return (a[0] - target[s[0]]) ** 2;
    },
  };
}

describe('random shooting and CEM', () => {
  it('CEM finds the optimum of a known quadratic', () => {
    const target = [1.5, -2, 0.3, 4, -0.7];
    const result = cem(quadraticProblem(target), [0], { samples: 100, elites: 10, iterations: 40, initialStd: 2 }, createRng(1));
    result.plan.forEach((x, i) => expect(x).toBeCloseTo(target[i], 2));
    expect(result.cost).toBeLessThan(1e-4);
  });

  it('the refit is the mean and (population) standard deviation of the elites, which are the M cheapest samples', () => {
    const problem = pointRobotProblem(POINT_ROBOT, 12);
    const dist = initialDistribution(problem, 0.5);
    const round = cemIteration(problem, POINT_ROBOT.start, dist, { samples: 50, elites: 7, iterations: 1, initialStd: 0.5 }, createRng(2));
    const d = 24;
    const sorted = Array.from(round.batch.costs).sort((x, y) => x - y);
    expect(round.elites.map((i) => round.batch.costs[i])).toEqual(sorted.slice(0, 7));
    for (let j = 0; j < d; j++) {
      const values = round.elites.map((i) => round.batch.plans[i * d + j]);
      const mean = values.reduce((s, x) => s + x, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length);
      expect(round.after.mean[j]).toBeCloseTo(mean, 12);
      expect(round.after.std[j]).toBeCloseTo(std, 12);
    }
    // every sample's cost is what a fresh rollout gives
    expect(round.batch.costs[3]).toBeCloseTo(rolloutCost(problem, POINT_ROBOT.start, round.batch.plans.subarray(3 * d, 4 * d)), 12);
  });

  it('lowers the elite cost round after round, on average over seeds, and shrinks the spread', () => {
    const problem = pointRobotProblem(POINT_ROBOT, 12);
    const rounds = 8;
    const eliteCost = new Array<number>(rounds).fill(0);
    const spread = new Array<number>(rounds).fill(0);
    for (let seed = 1; seed <= 20; seed++) {
      const result = cem(problem, POINT_ROBOT.start, { samples: 200, elites: 20, iterations: rounds, initialStd: 0.5 }, createRng(seed));
      result.history.forEach((r, k) => {
        eliteCost[k] += r.eliteMeanCost / 20;
        spread[k] += r.after.std.reduce((s, x) => s + x, 0) / r.after.std.length / 20;
      });
    }
    for (let k = 1; k < rounds; k++) {
      expect(eliteCost[k]).toBeLessThan(eliteCost[k - 1]);
      expect(spread[k]).toBeLessThan(spread[k - 1]);
    }
  });

  it('random shooting keeps the cheapest sample; more samples do no worse on average', () => {
    const problem = pointRobotProblem(POINT_ROBOT, 12);
    const result = randomShooting(problem, POINT_ROBOT.start, { samples: 64 }, createRng(4));
    expect(result.cost).toBe(Math.min(...result.batch.costs));
    const mean = (samples: number) => {
      let sum = 0;
      for (let seed = 1; seed <= 20; seed++) sum += randomShooting(problem, POINT_ROBOT.start, { samples }, createRng(seed)).cost;
      return sum / 20;
    };
    expect(mean(400)).toBeLessThan(mean(10));
  });

  it('is deterministic for a seed', () => {
    const problem = pointRobotProblem(POINT_ROBOT, 12);
    const options = { samples: 60, elites: 6, iterations: 3, initialStd: 0.5 };
    const a = cem(problem, POINT_ROBOT.start, options, createRng(11));
    const b = cem(problem, POINT_ROBOT.start, options, createRng(11));
    const c = cem(problem, POINT_ROBOT.start, options, createRng(12));
    expect(Array.from(a.plan)).toEqual(Array.from(b.plan));
    expect(Array.from(a.plan)).not.toEqual(Array.from(c.plan));
    expect(runEpisode(DEFAULT_POINT_ROBOT, 9).path).toEqual(runEpisode(DEFAULT_POINT_ROBOT, 9).path);
  });

  it('rejects settings out of range with a message', () => {
    expect(() => validatePointRobot({ ...DEFAULT_POINT_ROBOT, elites: 300 })).toThrow(/fewer than the samples \(M < N\), but M = 300 and N = 200/);
    expect(() => validatePointRobot({ ...DEFAULT_POINT_ROBOT, horizon: 0 })).toThrow(/horizon must be a whole number from 1/);
    expect(() => validatePointRobot({ ...DEFAULT_POINT_ROBOT, dynamicsNoise: Number.NaN })).toThrow(/dynamics noise σ must be a number/);
  });
});

describe('open loop against MPC on the point robot', () => {
  const successes = (mode: 'mpc' | 'open-loop', dynamicsNoise: number) => {
    let goals = 0;
    for (let seed = 1; seed <= 20; seed++) if (runEpisode({ ...DEFAULT_POINT_ROBOT, mode, dynamicsNoise }, seed).outcome === 'goal') goals++;
    return goals;
  };
  it('without noise the open-loop plan reaches the goal in most seeds', () => {
    expect(successes('open-loop', 0)).toBeGreaterThanOrEqual(15);
  });
  it('with dynamics noise MPC still reaches the goal while open loop mostly does not (20 seeds)', () => {
    const mpc = successes('mpc', 0.25);
    const open = successes('open-loop', 0.25);
    expect(mpc).toBeGreaterThanOrEqual(16);
    expect(open).toBeLessThanOrEqual(10);
  }, 60_000);
});

/** The double integrator of the LQR tests as a NonlinearProblem (no derivatives: finite differences). */
function linearAsNonlinear(problem: LqrProblem, start: Vector): NonlinearProblem {
  return {
    stateDim: start.length, actionDim: 1, T: problem.T, start,
    dynamics: (s, a, t) => lqrDynamics(problem, t, s, a),
    cost: (s, a, t) => lqrStepCost(problem, t, s, a),
  };
}

describe('iLQR', () => {
  it('on a linear-quadratic problem equals LQR after one iteration with α = 1', () => {
    const system = doubleIntegrator(30, 0.1);
    const exact = lqrForward(system.problem, lqr(system.problem), system.start);
    const problem = linearAsNonlinear(system.problem, system.start);
    const run = createIlqr(problem, Array.from({ length: 30 }, () => [0]));
    const first = run.iterate();
    expect(first.alpha).toBe(1);
    first.trajectory.actions.forEach((a, t) => expect(a[0]).toBeCloseTo(exact.actions[t][0], 5));
    expect(first.cost).toBeCloseTo(exact.cost, 6);
  });

  it('hand derivatives of the pendulum agree with finite differences', () => {
    const problem = pendulumProblem();
    const rng = createRng(8);
    for (let i = 0; i < 5; i++) {
      const s = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      const a = [rng.uniform(-2, 2)];
      const t = i === 4 ? DEFAULT_PENDULUM.T - 1 : i;
      const J = finiteDifferenceJacobian(problem, s, a, t);
      problem.dynamicsJacobian!(s, a, t).forEach((row, r) => row.forEach((x, c) => expect(J[r][c]).toBeCloseTo(x, 7)));
      const g = finiteDifferenceGradient(problem, s, a, t);
      problem.costGradient!(s, a, t).forEach((x, j) => expect(g[j]).toBeCloseTo(x, 4));
      const H = finiteDifferenceHessian({ ...problem, costGradient: undefined }, s, a, t);
      problem.costHessian!(s, a, t).forEach((row, r) => row.forEach((x, c) => expect(H[r][c]).toBeCloseTo(x, 2)));
    }
  });

  it('swings the pendulum up, lowering the cost at every accepted iteration', () => {
    const problem = pendulumProblem();
    const result = ilqr(problem, Array.from({ length: DEFAULT_PENDULUM.T }, () => [0]), { maxIterations: 200 });
    expect(result.converged).toBe(true);
    for (const it of result.history) {
      if (it.alpha !== null) expect(it.cost).toBeLessThan(it.previousCost);
      else expect(it.cost).toBe(it.previousCost);
    }
    const end = result.trajectory.states[DEFAULT_PENDULUM.T - 1];
    expect(Math.abs(end[0] - Math.PI)).toBeLessThan(0.05);
    expect(Math.abs(end[1])).toBeLessThan(0.2);
    expect(result.history.some((it) => it.alpha !== null && it.alpha < 1)).toBe(true);
  });

  it('the black-box pendulum for CEM has the same costs as the one iLQR sees', () => {
    const rng = createRng(6);
    const actions = Array.from({ length: DEFAULT_PENDULUM.T }, () => [rng.uniform(-3, 3)]);
    const blackBox = pendulumPlanningProblem(DEFAULT_PENDULUM);
    expect(rolloutCost(blackBox, [0, 0], actions.flat())).toBeCloseTo(rolloutActions(pendulumProblem(), actions).cost, 9);
  });

  it('finite-difference derivatives reach the same swing-up', () => {
    const problem = pendulumProblem();
    const init = Array.from({ length: DEFAULT_PENDULUM.T }, () => [0]);
    const hand = ilqr(problem, init, { maxIterations: 200 });
    const numeric = ilqr(problem, init, { maxIterations: 200, finiteDifferences: true });
    expect(numeric.trajectory.cost).toBeCloseTo(hand.trajectory.cost, 1);
  });
});
