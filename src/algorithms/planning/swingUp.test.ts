import { describe, expect, it } from 'vitest';
import { stepCartPole } from '../cartpole/env';
import { createRng } from '../common/rng';
import { cartpoleStep, cartpoleSwingUpProblem, DEFAULT_CARTPOLE_SWING_UP } from './cartpoleSwingUp';
import { finiteDifferenceJacobian, ilqr, rolloutActions } from './ilqr';
import { rolloutCost } from './shooting';
import { createPlanningTrainer, DEFAULT_PLANNING, SWING_UP_CEM, type IlqrView, type PlanningConfig } from './session';
import { swingUpTask } from './swingUp';
import { linearCartpole } from './systems';

describe('cart-pole swing-up', () => {
  it('steps exactly as the cart-pole environment does (the same equations, Δt = 0.02, force ±10)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const s = { x: rng.uniform(-2, 2), xDot: rng.uniform(-2, 2), theta: rng.uniform(-Math.PI, Math.PI), thetaDot: rng.uniform(-3, 3) };
      const action = i % 2 === 0 ? 1 : 0;
      const reference = stepCartPole(s, action).state;
      const ours = cartpoleStep([s.x, s.xDot, s.theta, s.thetaDot], action === 1 ? 10 : -10, 0.02);
      [reference.x, reference.xDot, reference.theta, reference.thetaDot].forEach((v, k) => expect(ours[k]).toBeCloseTo(v, 12));
    }
  });

  it('linearised about upright, it is the LQR part\'s linear cart-pole', () => {
    const problem = cartpoleSwingUpProblem();
    const J = finiteDifferenceJacobian(problem, [0, 0, 0, 0], [0], 0);
    const F = linearCartpole(10, 0.1, 1, DEFAULT_CARTPOLE_SWING_UP.dt).problem.F as number[][];
    J.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(F[i][j], 6)));
  });

  it('iLQR swings the pole up from hanging and holds it over x = 0, the cost falling at every accepted step', () => {
    const problem = cartpoleSwingUpProblem();
    const result = ilqr(problem, Array.from({ length: problem.T }, () => [0]), { maxIterations: 300 });
    expect(result.converged).toBe(true);
    for (const it of result.history) expect(it.cost).toBeLessThanOrEqual(it.previousCost);
    const end = result.trajectory.states[problem.T - 1];
    expect(Math.abs(end[2])).toBeLessThan(0.1); // upright
    expect(Math.abs(end[0])).toBeLessThan(0.1); // over the start
    expect(Math.max(...result.trajectory.states.map((s) => Math.abs(s[2])))).toBeGreaterThan(3); // it started hanging
    expect(Math.max(...result.trajectory.actions.map((a) => Math.abs(a[0])))).toBeLessThan(10); // within CEM's bounds: a fair comparison
  });

  it('the black box CEM plans on has the same cost as the problem iLQR sees', () => {
    for (const id of ['pendulum', 'cartpole'] as const) {
      const task = swingUpTask(id, 60, 0.05);
      const rng = createRng(8);
      const actions = Array.from({ length: 60 }, () => [rng.uniform(-5, 5)]);
      expect(rolloutCost(task.planning, task.problem.start, actions.flat())).toBeCloseTo(rolloutActions(task.problem, actions).cost, 9);
    }
  });
});

describe('the iLQR part runs CEM beside iLQR', () => {
  const run = (config: PlanningConfig, seed: number) => {
    const trainer = createPlanningTrainer(config, seed);
    let steps = 0;
    for (; steps < 400; steps++) {
      const r = trainer.step();
      if ('then' in r) throw new Error('sync expected');
      if (r.done) break;
    }
    return trainer.snapshotForView!() as IlqrView;
  };

  it('on the pendulum, iLQR ends cheaper than CEM after all CEM rounds; both times are counted', () => {
    const view = run({ ...DEFAULT_PLANNING, part: 'ilqr', swingUp: 'pendulum', horizon: 100, actionPenalty: 0.05 }, 1);
    expect(view.converged).toBe(true);
    expect(view.cem.rounds).toBe(SWING_UP_CEM.rounds);
    expect(view.cem.costs.length).toBe(SWING_UP_CEM.rounds + 1);
    expect(view.costs[view.costs.length - 1]).toBeLessThan(view.cem.costs[view.cem.costs.length - 1]);
    expect(view.cem.costs[view.cem.costs.length - 1]).toBeLessThan(view.cem.costs[0]);
    for (const ms of [view.ms, view.cem.ms]) for (let i = 1; i < ms.length; i++) expect(ms[i]).toBeGreaterThanOrEqual(ms[i - 1]);
    expect(view.ms.length).toBe(view.costs.length);
  });

  it('on the cart-pole the view carries the cart positions; the same seed gives the same CEM costs', () => {
    const config: PlanningConfig = { ...DEFAULT_PLANNING, part: 'ilqr', swingUp: 'cartpole', horizon: 60, actionPenalty: 0.05, samples: 50, elites: 5 };
    const a = run(config, 4);
    const b = run(config, 4);
    expect(a.task).toBe('cartpole');
    expect(a.cartX!.length).toBe(61);
    expect(a.cem.cartX!.length).toBe(61);
    expect(a.upright).toBe(0);
    expect(b.cem.costs).toEqual(a.cem.costs);
    expect(b.costs).toEqual(a.costs);
  });
});
