// Gridworld sweep speed, measured in the built site's own worker (workers/gridworld.worker.ts)
// through the demo's test hook:
//   gridworld_sweep_ms_1M      one synchronous Bellman sweep over a 1000 x 1000 open grid
//                              (Float32 values, Int32 next-state table), median of 9 after 3 warm-up
//   gridworld_sweeps_per_s_4x3 synchronous sweeps per second on the classic 4x3 grid
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (x) => Math.round(x * 100) / 100;

export default async function gridworldBench({ baseURL, newPage }) {
  const page = await newPage();
  try {
    await page.goto(`${baseURL}lecture/introduction?test`);
    const demo = page.locator('[data-gridworld]').first();
    await demo.waitFor();
    const slot = await demo.getAttribute('data-gridworld');
    const f32 = await page.evaluate((id) => window.__rlGridworld[id].large().benchSweep(1000, 9, 3, 'float32'), slot);
    const f64 = await page.evaluate((id) => window.__rlGridworld[id].large().benchSweep(1000, 9, 3, 'float64'), slot);
    const perSecond = await page.evaluate((id) => window.__rlGridworld[id].large().benchSmall(1000), slot);
    return [
      { name: 'gridworld_sweep_ms_1M', value: round(median(f32)), unit: 'ms', better: 'lower', note: `Float32; Float64: ${round(median(f64))} ms; target < 20 ms` },
      { name: 'gridworld_sweeps_per_s_4x3', value: Math.round(perSecond), unit: 'sweeps/s', better: 'higher' },
    ];
  } finally {
    await page.context().close();
  }
}
