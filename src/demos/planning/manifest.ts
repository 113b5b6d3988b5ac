/** The planning demo's manifest: settings, presets (one or more per part), the settings beside the stage. */
import { choice, num, seedParam } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';

export const PARTS = ['cem', 'lqr', 'ilqr'] as const;

export function planningParams() {
  return {
    part: { ...choice('cem', PARTS), label: 'Part', hideable: false },
    method: { ...choice('cem', ['cem', 'random'] as const), label: 'Planner' },
    mode: { ...choice('mpc', ['mpc', 'open-loop'] as const), label: 'Execution' },
    samples: { ...num(200, 2, 5000, true), label: 'Samples N' },
    elites: { ...num(20, 1, 1000, true), label: 'Elites M' },
    iterations: { ...num(10, 1, 100, true), label: 'CEM iterations' },
    horizon: { ...num(12, 1, 300, true), label: 'Horizon' },
    actionNoise: { ...num(0.5, 0.01, 2), label: 'Action noise σ₀ (CEM)' },
    dynamicsNoise: { ...num(0.2, 0, 1), label: 'Dynamics noise σ' },
    system: { ...choice('double-integrator', ['double-integrator', 'cartpole'] as const), label: 'Linear system' },
    swingUp: { ...choice('pendulum', ['pendulum', 'cartpole'] as const), label: 'Swing-up task' },
    actionPenalty: { ...num(0.1, 0, 10), label: 'Action penalty r' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}

export type PlanningParams = ReturnType<typeof planningParams>;

export const planningManifest: DemoManifest<PlanningParams> = {
  id: 'cem-lqr',
  title: 'Planning: random shooting, CEM, LQR and iLQR',
  params: planningParams,
  presets: [
    { id: 'cem-mpc', label: 'CEM, replanning every step (MPC)', values: { part: 'cem', method: 'cem', mode: 'mpc', samples: 200, elites: 20, iterations: 10, horizon: 12, actionNoise: 0.5, dynamicsNoise: 0.2 } },
    { id: 'cem-open-loop', label: 'CEM, one plan executed blindly (open loop)', values: { part: 'cem', method: 'cem', mode: 'open-loop', samples: 200, elites: 20, iterations: 10, horizon: 12, actionNoise: 0.5, dynamicsNoise: 0.2 } },
    { id: 'random-shooting', label: 'Random shooting with MPC', values: { part: 'cem', method: 'random', mode: 'mpc', samples: 500, elites: 20, iterations: 1, horizon: 12, dynamicsNoise: 0.2 } },
    { id: 'lqr-double-integrator', label: 'LQR: double integrator', values: { part: 'lqr', system: 'double-integrator', horizon: 60, actionPenalty: 0.1, dynamicsNoise: 0.02 } },
    { id: 'lqr-cartpole', label: 'LQR: cart-pole linearised about upright', values: { part: 'lqr', system: 'cartpole', horizon: 100, actionPenalty: 0.1, dynamicsNoise: 0.005 } },
    { id: 'ilqr-pendulum', label: 'iLQR against CEM: pendulum swing-up', values: { part: 'ilqr', swingUp: 'pendulum', horizon: 100, actionPenalty: 0.05, samples: 200, elites: 20 } },
    { id: 'ilqr-cartpole', label: 'iLQR against CEM: cart-pole swing-up', values: { part: 'ilqr', swingUp: 'cartpole', horizon: 100, actionPenalty: 0.05, samples: 200, elites: 20 } },
  ],
  primary: ['part', 'mode', 'dynamicsNoise', 'samples'],
};
