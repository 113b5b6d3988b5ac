// VAE demo bench (variational-inference lecture, slot "vae"), in the built site:
//   vae_heldout_neg_elbo_nats      the shipped 2-D model's −ELBO on the 2,000 held-out digits, nats
//                                  per image (page's plain-JS model, analytic KL, 10 draws of ε each)
//   vae_train_images_per_s_<b>     live training speed in the worker per backend (default settings:
//                                  batch 64, hidden 256; 5 warm-up + 30 timed steps from the shipped model)
//   vae_decode_ms_p95              pointer move → decoded digit painted (95th percentile of 100 moves)
//   vae_decode_grid_ms             decoding a 20 × 20 grid over the plane (median of 5)
const FORCE_KEY = 'rl-playground.backend.force';
const round = (x) => Math.round(x * 100) / 100;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function openDemo(newPage, baseURL, backend) {
  const page = await newPage();
  if (backend) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [FORCE_KEY, backend]);
  await page.goto(`${baseURL}lecture/variational-inference?test`);
  await page.locator('[data-demo-slot="vae"]').scrollIntoViewIfNeeded();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await page.evaluate(async () => {
      const tool = window.__rl?.tools?.['vae.state:vae'];
      return Boolean(tool && (await tool()).encoded && window.__rl.trainers.vae?.getState().status === 'ready');
    });
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the VAE demo did not get ready within 180 s');
    await page.waitForTimeout(500);
  }
  return page;
}

export default async function vaeBench({ newPage, baseURL }) {
  const metrics = [];
  const page = await openDemo(newPage, baseURL, null);
  try {
    const negElbo = await page.evaluate(() => window.__rl.tools['vae.heldOut:vae']());
    metrics.push({ name: 'vae_heldout_neg_elbo_nats', value: round(negElbo), unit: 'nats', better: 'lower', note: 'shipped 2-D model (float16), 2,000 held-out digits, 10 ε per digit; target ≤ 155, aim ≤ 145' });

    const plane = page.getByTestId('vae-plane');
    const box = await plane.boundingBox();
    for (let i = 0; i < 100; i++) {
      await page.mouse.move(box.x + box.width * (0.1 + 0.8 * ((i * 37) % 100) / 100), box.y + box.height * (0.1 + 0.8 * ((i * 61) % 100) / 100));
    }
    await page.waitForTimeout(200);
    const { decodeMs } = await page.evaluate(() => window.__rl.tools['vae.state:vae']());
    const sorted = decodeMs.slice(0, 100).sort((a, b) => a - b);
    metrics.push({ name: 'vae_decode_ms_p95', value: round(sorted[Math.floor(0.95 * (sorted.length - 1))]), unit: 'ms', better: 'lower', note: `pointer event → digit painted, ${sorted.length} moves; median ${round(median(sorted))} ms` });

    const grids = [];
    for (let k = 0; k < 5; k++) grids.push(await page.evaluate(() => window.__rl.tools['vae.benchGrid:vae']()));
    metrics.push({ name: 'vae_decode_grid_ms', value: round(median(grids)), unit: 'ms', better: 'lower', note: '20 × 20 decodings, plain JS on the page (the panel spreads them over frames)' });
  } finally {
    await page.context().close();
  }

  for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu']) {
    let p;
    try {
      p = await openDemo(newPage, baseURL, backend);
      const result = await p.evaluate(async () => {
        const store = window.__rl.trainers.vae;
        store.getState().setSpeed(0);
        await store.getState().trainFor(5);
        const started = performance.now();
        await store.getState().trainFor(30);
        const s = store.getState();
        return { ms: (performance.now() - started) / 30, batch: s.config.batchSize, backend: s.backend?.backend };
      });
      if (result.backend === backend) {
        metrics.push({ name: `vae_train_images_per_s_${backend}`, value: Math.round((result.batch * 1000) / result.ms), unit: 'images/s', better: 'higher', note: `batch ${result.batch}, hidden 256, 30 steps after 5 warm-up` });
      }
    } catch (error) {
      console.warn(`vae bench: ${backend} skipped (${String(error.message).split('\n')[0]})`);
    } finally {
      await p?.context().close();
    }
  }
  return metrics;
}
