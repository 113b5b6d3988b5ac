// Training runtime bench: main-thread long tasks while the reference model trains on the Backends
// page, and ms per training step of the reference model (tiny: 4-32-32-1, batch 32) on each
// backend this browser offers, timed after warm-up (shader compilation) in a fresh worker each.
const TRAIN_SECONDS = Number(process.env.BENCH_RUNTIME_SECONDS ?? 20);
const TINY = { inputs: 4, hidden: [32, 32], batch: 32, learningRate: 0.05, datasetSize: 1024 };

async function openBackends(page, baseURL) {
  await page.goto(`${baseURL}backends`);
  await page.waitForFunction(() => ['ready', 'error'].includes(window.__rl?.trainers.reference?.getState().status), undefined, { timeout: 90_000 });
}

/**
 * Progress messages a second from a pure-JS session stepping as fast as it can (the random-walk
 * example demo on the actor-critic page): the runtime caps them at 20 whatever the step rate.
 */
async function progressRate(baseURL, newPage) {
  const page = await newPage();
  try {
    await page.goto(`${baseURL}lecture/actor-critic`);
    await page.locator('[data-demo-slot="td"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__rl?.controllers?.td && window.__rl.trainers.td?.getState().status === 'ready', undefined, { timeout: 60_000 });
    await page.evaluate(() => {
      const c = window.__rl.controllers.td;
      for (let i = 0; i < 10; i++) c.faster();
      c.play();
    });
    await page.waitForFunction(() => window.__rl.trainers.td.getState().status === 'running');
    await page.waitForTimeout(1000);
    const read = () => page.evaluate(() => {
      const s = window.__rl.trainers.td.getState();
      return { messages: s.progressMessages, steps: s.iteration, t: performance.now() };
    });
    const a = await read();
    await page.waitForTimeout(5000);
    const b = await read();
    const seconds = (b.t - a.t) / 1000;
    return [
      { name: 'runtime_progress_messages_per_s', value: Math.round(((b.messages - a.messages) / seconds) * 10) / 10, unit: 'messages/s', better: 'lower', note: `pure-JS session (TD(0) random walk) at full speed; cap 20` },
      { name: 'runtime_pure_js_steps_per_s', value: Math.round((b.steps - a.steps) / seconds), unit: 'steps/s', better: 'higher', note: 'the same run: one TD(0) update per step, through the session loop' },
    ];
  } finally {
    await page.context().close();
  }
}

export default async function runtimeBench({ baseURL, newPage }) {
  const metrics = [...(await progressRate(baseURL, newPage))];
  const page = await newPage();
  try {
    await openBackends(page, baseURL);
    const chosen = await page.evaluate(() => window.__rl.trainers.reference.getState().backend?.backend);
    await page.evaluate(() => {
      window.__longtasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longtasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(TRAIN_SECONDS * 1000);
    const { longTasks, iterations } = await page.evaluate(() => ({
      longTasks: window.__longtasks.filter((d) => d > 50).length,
      iterations: window.__rl.trainers.reference.getState().iteration,
    }));
    await page.getByRole('button', { name: 'Pause' }).click();
    metrics.push({
      name: 'main_thread_longtasks_during_training', value: longTasks, unit: 'count', better: 'lower',
      note: `${TRAIN_SECONDS} s on ${chosen}, ${iterations} iterations`,
    });

    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
      const row = await page.evaluate(
        ([b, config]) => window.__rl.tools.benchmarkBackend(b, { tiny: config }, { warmup: 10, steps: 50 }),
        [backend, TINY],
      );
      if (row.unavailable) {
        console.log(`  ${backend}: not available (${row.unavailable})`);
        continue;
      }
      metrics.push({ name: `backend_step_ms_${backend}`, value: Math.round(row.msPerStep.tiny * 1000) / 1000, unit: 'ms', better: 'lower', note: 'reference MLP 4-32-32-1, batch 32' });
    }
  } finally {
    await page.context().close();
  }
  return metrics;
}
