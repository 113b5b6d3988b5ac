// Planning library speed, measured in the built site's own worker (workers/planning.worker.ts)
// through the demo's test hook and its `bench` query (the timing runs inside the worker):
//   cem_plan_ms            one CEM plan at the demo's defaults (N = 200, M = 20, 10 rounds, H = 12,
//                          point robot), median of 9 after a warm-up
//   cem_plans_per_s        1000 / cem_plan_ms
//   lqr_backward_us_T100   the LQR backward pass on the linearised cart-pole (4 states, 1 action, T = 100)
//   lqr_backward_ms        the same in ms
//   ilqr_iteration_ms      one iLQR iteration on the pendulum swing-up (T = 100), median
//   ilqr_pendulum_ms       iLQR from zero torque to convergence on the swing-up
//   cem_pendulum_ms        CEM on the same swing-up (N = 500, M = 50, 20 rounds), for comparison;
//   cem_pendulum_cost / ilqr_pendulum_cost  the total cost each reaches
//   ilqr_cartpole_ms / ilqr_cartpole_cost    iLQR swinging the cart-pole up (T = 100, finite differences)
//   cem_cartpole_ms / cem_cartpole_cost      CEM on the same task as the demo runs it (N = 200, M = 20, 30 rounds)
const round = (x, digits = 100) => Math.round(x * digits) / digits;

export default async function planningBench({ baseURL, newPage }) {
  const page = await newPage();
  try {
    await page.goto(`${baseURL}lecture/optimal-control`);
    const slot = page.locator('[data-demo-slot="cem"]');
    await slot.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const s = window.__rl?.trainers?.cem?.getState();
      return Boolean(s && s.status === 'ready');
    }, undefined, { timeout: 60_000 });
    const r = await page.evaluate(() => window.__rl.trainers.cem.getState().query('bench', { repeats: 9 }));
    return [
      { name: 'cem_plan_ms', value: round(r.cemPlanMs), unit: 'ms', better: 'lower', note: 'N = 200, M = 20, 10 rounds, H = 12' },
      { name: 'cem_plans_per_s', value: round(r.cemPlansPerS, 10), unit: 'plans/s', better: 'higher' },
      { name: 'lqr_backward_us_T100', value: round(r.lqrBackwardUsT100, 10), unit: 'µs', better: 'lower', note: 'cart-pole, 4 states, 1 action' },
      { name: 'lqr_backward_ms', value: round(r.lqrBackwardUsT100 / 1000, 1000), unit: 'ms', better: 'lower' },
      { name: 'ilqr_iteration_ms', value: round(r.ilqrIterationMs), unit: 'ms', better: 'lower', note: 'pendulum, T = 100' },
      { name: 'ilqr_pendulum_ms', value: Math.round(r.ilqrPendulumMs), unit: 'ms', better: 'lower', note: `${r.ilqrIterations} iterations to converge` },
      { name: 'ilqr_pendulum_cost', value: round(r.ilqrPendulumCost), unit: 'cost', better: 'lower' },
      { name: 'cem_pendulum_ms', value: Math.round(r.cemPendulumMs), unit: 'ms', better: 'lower', note: 'N = 500, M = 50, 20 rounds, H = 100' },
      { name: 'cem_pendulum_cost', value: round(r.cemPendulumCost), unit: 'cost', better: 'lower', note: 'same swing-up, torque within ±10' },
      { name: 'ilqr_cartpole_ms', value: Math.round(r.ilqrCartpoleMs), unit: 'ms', better: 'lower', note: `${r.ilqrCartpoleIterations} iterations, finite-difference derivatives` },
      { name: 'ilqr_cartpole_cost', value: round(r.ilqrCartpoleCost), unit: 'cost', better: 'lower' },
      { name: 'cem_cartpole_ms', value: Math.round(r.cemCartpoleMs), unit: 'ms', better: 'lower', note: 'N = 200, M = 20, 30 rounds, force within ±10' },
      { name: 'cem_cartpole_cost', value: round(r.cemCartpoleCost), unit: 'cost', better: 'lower' },
    ];
  } finally {
    await page.context().close();
  }
}
