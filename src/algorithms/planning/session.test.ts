import { describe, expect, it } from 'vitest';
import { createPlanningTrainer, DEFAULT_PLANNING, validatePlanning, type CemView, type IlqrView, type LqrView, type PlanningConfig } from './session';

function runToEnd(config: PlanningConfig, seed: number, limit = 2000) {
  const trainer = createPlanningTrainer(config, seed);
  let steps = 0;
  for (; steps < limit; steps++) {
    const result = trainer.step();
    if ('then' in result) throw new Error('sync expected');
    if (result.done) break;
  }
  return { trainer, steps: steps + 1 };
}

describe('planning session', () => {
  it('CEM part: shows the fan, elites and refit, and an MPC episode reaches the goal', () => {
    const trainer = createPlanningTrainer(DEFAULT_PLANNING, 1);
    trainer.step();
    const view = trainer.snapshotForView!() as CemView;
    expect(view.phase).toBe('plan');
    expect(view.fanCosts.length).toBe(200);
    expect(view.fanElite.filter(Boolean).length).toBe(20);
    expect(view.fan!.length).toBe(200 * 13 * 2);
    expect(view.sigmaAfter).toBeLessThan(view.sigmaBefore);
    const { trainer: done } = runToEnd(DEFAULT_PLANNING, 1);
    const end = done.snapshotForView!() as CemView;
    expect(end.outcome).toBe('goal');
    expect(end.rounds.length).toBe(end.plansMade * DEFAULT_PLANNING.iterations);
  });

  it('LQR part: T backward steps reveal K_T first, then T forward steps; the view holds the lecture objects', () => {
    const config: PlanningConfig = { ...DEFAULT_PLANNING, part: 'lqr', horizon: 20, dynamicsNoise: 0 };
    const trainer = createPlanningTrainer(config, 1);
    trainer.step();
    let view = trainer.snapshotForView!() as LqrView;
    expect(view.phase).toBe('backward');
    expect(view.revealedFrom).toBe(19);
    expect(view.shown!.t).toBe(19);
    expect(view.shown!.K).toEqual([0, 0]);
    const { trainer: done, steps } = runToEnd(config, 1);
    expect(steps).toBe(40);
    view = done.snapshotForView!() as LqrView;
    expect(view.phase).toBe('done');
    expect(view.cost).toBeCloseTo(view.predictedCost, 10);
  });

  it('iLQR part: each step is one iteration and the cost never rises', () => {
    const { trainer } = runToEnd({ ...DEFAULT_PLANNING, part: 'ilqr', horizon: 100, actionPenalty: 0.05 }, 1, 300);
    const view = trainer.snapshotForView!() as IlqrView;
    expect(view.converged).toBe(true);
    for (let i = 1; i < view.costs.length; i++) expect(view.costs[i]).toBeLessThanOrEqual(view.costs[i - 1]);
    expect(Math.abs(view.angles[view.angles.length - 1][99] - Math.PI)).toBeLessThan(0.05);
  });

  it('rejects bad settings with messages', () => {
    expect(() => validatePlanning({ ...DEFAULT_PLANNING, elites: 500 })).toThrow(/M < N/);
    expect(() => validatePlanning({ ...DEFAULT_PLANNING, horizon: 0 })).toThrow(/horizon/);
    expect(() => validatePlanning({ ...DEFAULT_PLANNING, dynamicsNoise: Number.NaN })).toThrow(/noise/);
    expect(() => validatePlanning({ ...DEFAULT_PLANNING, part: 'lqr', actionPenalty: 0 })).toThrow(/Q_aa at step \d+ is not positive definite/);
    expect(() => validatePlanning({ ...DEFAULT_PLANNING, part: 'ilqr', horizon: 100, actionPenalty: 0 })).toThrow(/action penalty r > 0/);
  });
});
