// Bandit speed, measured in the built site's own worker (workers/bandits.worker.ts) through the
// demo's test hook (window.__rl.trainers.bandits, a VITE_TEST_HOOKS=1 build):
//   bandit_pulls_per_s      one UCB1 run of 10⁶ pulls on 10 Bernoulli arms, timed inside the worker
//                           (median of 5 after 1 warm-up)
//   bandit_regret_runs_ms   the regret chart's experiment: 200 runs × 10,000 pulls of each of the
//                           compared policies (ε-greedy, decaying ε, optimistic greedy, UCB1,
//                           Thompson) on the five-arm preset, one query, timed from the page
//   maxent_irl_iteration_ms_16x16  one MaxEnt IRL iteration (backward pass, forward pass, gradient,
//                           log-likelihood of 100 demonstrations) on a 16 × 16 grid, T = 32, slip 0.1,
//                           in the IRL demo's worker (median of 20 after 2 warm-up)
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (x) => Math.round(x * 100) / 100;

export default async function banditsBench({ baseURL, newPage }) {
  const page = await newPage();
  try {
    // a tiny regret experiment in the link, so the page's own run does not compete with the bench
    await page.goto(`${baseURL}lecture/exploration?bandits.runs=10&bandits.horizon=100`);
    await page.locator('[data-demo-slot="bandits"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__rl?.trainers.bandits?.getState().status === 'ready', null, { timeout: 60_000 });
    await page.locator('svg.bd-chart[data-runs-done="10"]').waitFor({ timeout: 60_000 });
    const pulls = 1_000_000;
    const times = await page.evaluate(async (n) => {
      const store = window.__rl.trainers.bandits.getState();
      const out = [];
      for (let i = 0; i < 6; i++) out.push((await store.query('timeUcbRun', { arms: 10, pulls: n })).ms);
      return out.slice(1);
    }, pulls);
    const regretMs = await page.evaluate(async () => {
      const store = window.__rl.trainers.bandits.getState();
      const experiment = {
        means: [0.9, 0.7, 0.6, 0.4, 0.2], type: 'bernoulli', noise: 1,
        policies: ['epsilon-greedy', 'epsilon-decay', 'optimistic', 'ucb1', 'thompson'], runs: 200, steps: 10000, seed: 7, options: { epsilon: 0.1 },
      };
      const start = performance.now();
      const summary = await store.query('regretBatch', { experiment, batchRuns: 200 });
      const ms = performance.now() - start;
      if (summary.runsDone !== 200) throw new Error(`only ${summary.runsDone} runs`);
      return ms;
    });
    await page.goto(`${baseURL}lecture/inverse-rl`);
    await page.locator('[data-demo-slot="irl"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__rl?.trainers.irl?.getState().status === 'ready', null, { timeout: 60_000 });
    const irlMs = await page.evaluate(async () => (await window.__rl.trainers.irl.getState().query('timeIteration', { side: 16, horizon: 32, repeats: 20 })).ms);
    return [
      { name: 'maxent_irl_iteration_ms_16x16', value: round(irlMs), unit: 'ms', better: 'lower', note: 'T = 32, 100 demonstrations, in the worker' },
      { name: 'bandit_pulls_per_s', value: Math.round(pulls / (median(times) / 1000)), unit: 'pulls/s', better: 'higher', note: 'UCB1, 10 arms, in the worker' },
      { name: 'bandit_regret_runs_ms', value: round(regretMs), unit: 'ms', better: 'lower', note: '200 runs x 10,000 pulls x 5 policies' },
    ];
  } finally {
    await page.context().close();
  }
}
