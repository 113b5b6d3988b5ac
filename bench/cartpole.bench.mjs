// Cart-pole demo bench: vectorised env speed, one REINFORCE iteration per backend, and wall time
// to a mean return of 475 over the last 100 episodes (5 seeds, in the browser via the worker).
const FORCE_KEY = 'rl-playground.backend.force';

async function openDemo(newPage, baseURL, backend) {
  const page = await newPage();
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [FORCE_KEY, backend]);
  await page.goto(`${baseURL}lecture/policy-gradients?test`);
  await page.locator('[data-demo-slot="pg"] canvas').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.__rl?.trainers?.pg && window.__rl.trainers.pg.getState().status === 'ready', null, { timeout: 120_000 });
  return page;
}

export default async function cartpoleBench({ newPage, baseURL }) {
  const metrics = [];
  const round = (v) => Math.round(v * 100) / 100;

  // Iteration time per backend (default settings, 3 warm-up + 5 timed iterations from a fresh model).
  for (const backend of ['cpu', 'wasm', 'webgl']) {
    let page;
    try {
      page = await openDemo(newPage, baseURL, backend);
      const result = await page.evaluate(async () => {
        const store = window.__rl.trainers.pg;
        store.getState().setSpeed(0); // the demo opens at the teaching pace; the bench measures the fastest
        await store.getState().trainFor(3);
        const started = performance.now();
        await store.getState().trainFor(5);
        return { ms: (performance.now() - started) / 5, backend: store.getState().backend?.backend };
      });
      if (result.backend === backend) metrics.push({ name: `cartpole_pg_iteration_ms_${backend}`, value: round(result.ms), unit: 'ms', better: 'lower', note: `${backend}, default REINFORCE, iterations 4-8` });
      if (backend === 'cpu') {
        const sps = await page.evaluate(() => window.__rl.tools['cartpole-env-steps-per-s']());
        metrics.push({ name: 'cartpole_env_steps_per_s', value: Math.round(sps), unit: 'steps/s', better: 'higher', note: '64 copies, main thread' });
      }
    } catch (error) {
      console.warn(`cartpole bench: ${backend} skipped (${error.message.split('\n')[0]})`);
    } finally {
      await page?.context().close();
    }
  }

  // Seconds to a 475 mean over the last 100 episodes, 5 seeds, WASM, limit 60 s each.
  const times = [];
  let successes = 0;
  for (const seed of [1, 2, 3, 4, 5]) {
    const page = await openDemo(newPage, baseURL, 'wasm');
    const seconds = await page.evaluate(async (s) => {
      const store = window.__rl.trainers.pg;
      store.getState().setSpeed(0); // as fast as possible, not the demo's teaching pace
      await store.getState().setSeed(s);
      const started = performance.now();
      void store.getState().train();
      return await new Promise((resolve) => {
        const timer = setInterval(() => {
          const latest = store.getState().latest;
          const elapsed = (performance.now() - started) / 1000;
          if (latest && latest.totalEpisodes >= 100 && latest.return100 >= 475) {
            clearInterval(timer);
            resolve(elapsed);
          } else if (elapsed > 60) {
            clearInterval(timer);
            resolve(null);
          }
        }, 50);
      });
    }, seed);
    await page.context().close();
    if (seconds !== null) successes++;
    times.push(seconds ?? Infinity);
    console.log(`cartpole seed ${seed}: ${seconds === null ? 'not solved in 60 s' : `${seconds.toFixed(1)} s`}`);
  }
  times.sort((a, b) => a - b);
  const median = times[2];
  metrics.push(
    { name: 'cartpole_pg_seconds_to_475', value: Number.isFinite(median) ? round(median) : 999, unit: 's', better: 'lower', note: 'median of 5 seeds, wasm, default REINFORCE' },
    { name: 'cartpole_pg_successes_of_5', value: successes, unit: 'seeds', better: 'higher' },
  );
  return metrics;
}
