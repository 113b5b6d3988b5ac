import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { stalls, watchLongTasks } from './longTasks';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from './chromium';
import type { RuntimeTestApi } from '../src/demos/runtime/testHook';
import type { StepsResult } from '../src/demos/backends/referenceRuns';
import type { ReferenceConfig } from '../src/algorithms/runtime/referenceConfig';

// The training runtime, driven through the Backends page and its reference trainer.
// Internal state comes from window.__rl (installed under automation), never from pixels.

const tiny: ReferenceConfig = { inputs: 4, hidden: [32, 32], batch: 32, learningRate: 0.05, datasetSize: 1024 };
const LONGTASK_SECONDS = Number(process.env.E2E_LONGTASK_SECONDS ?? 20);

/** The page's test API (window.__rl), typed by a cast inside each evaluate (no global declaration). */
type RlWindow = { __rl?: RuntimeTestApi };

async function openBackends(page: Page, query = '') {
  await page.goto(`backends${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tensor backends on this device' })).toBeVisible();
  await page.waitForFunction(() => {
    const status = (window as unknown as RlWindow).__rl?.trainers.reference?.getState().status;
    return status === 'ready' || status === 'error';
  }, undefined, { timeout: 60_000 });
}

const status = (page: Page) => page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().status);
const iteration = (page: Page) => page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().iteration);

function runSteps(page: Page, backend: string, config: ReferenceConfig, seed: number, steps: number, warmup = 0): Promise<StepsResult> {
  return page.evaluate(
    ([b, c, s, n, w]) => ((window as unknown as RlWindow).__rl!.tools.runReferenceSteps as unknown as (...a: unknown[]) => Promise<StepsResult>)(b, c, s, n, w),
    [backend, config, seed, steps, warmup] as const,
  );
}

function expectClose(actual: number[], expected: number[], relative: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(relative * Math.abs(expected[i]) + 1e-6));
}

test.describe('training runtime', () => {
  let gpuBrowser: Browser | null = null;
  test.afterAll(async () => {
    await gpuBrowser?.close();
  });

  test('cpu, wasm and webgl give the same training steps; the same seed on cpu reproduces exactly', async ({ page }) => {
    await openBackends(page);
    // This machine has no GPU: WebGL renders in software (SwiftShader) and must not be the default.
    const auto = await page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().backend);
    expect(auto?.candidates.find((c) => c.backend === 'webgl')?.note ?? '').toMatch(/software renderer/i);
    expect(['wasm', 'cpu']).toContain(auto?.backend);
    const cpu = await runSteps(page, 'cpu', tiny, 3, 8);
    expect(cpu.choice.backend).toBe('cpu');
    expect(cpu.losses).toHaveLength(8);
    const again = await runSteps(page, 'cpu', tiny, 3, 8);
    expect(again.losses).toEqual(cpu.losses);
    const otherSeed = await runSteps(page, 'cpu', tiny, 4, 8);
    expect(otherSeed.losses).not.toEqual(cpu.losses);
    for (const backend of ['wasm', 'webgl']) {
      const result = await runSteps(page, backend, tiny, 3, 8);
      test.info().annotations.push({ type: backend, description: result.choice.reason });
      expect(result.choice.backend, `${backend} should start in this browser`).toBe(backend);
      expectClose(result.losses, cpu.losses, 1e-3);
    }
  });

  test('WebGPU (SwiftShader): forced it agrees with cpu; it is never the default; a lost device moves training on', async () => {
    gpuBrowser = await chromium.launch(chromiumLaunchOptions(['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader']));
    const page = await gpuBrowser.newPage({ baseURL: test.info().project.use.baseURL, viewport: { width: 1400, height: 900 } });
    await openBackends(page);
    const choice = await page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().backend);
    expect(choice?.adapter ?? '').toMatch(/swiftshader|fallback/i);
    expect(choice?.backend).not.toBe('webgpu');

    const cpu = await runSteps(page, 'cpu', tiny, 3, 5);
    const gpu = await runSteps(page, 'webgpu', tiny, 3, 5);
    expect(gpu.choice.backend).toBe('webgpu');
    expectClose(gpu.losses, cpu.losses, 1e-3);

    // Force WebGPU in the settings panel, train past a checkpoint, then lose the device.
    await page.locator('summary', { hasText: 'Backend settings' }).click();
    await page.getByLabel('Tensor backend').selectOption('webgpu');
    await expect(page.locator('.backend-badge__name')).toHaveText('webgpu', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => ((window as unknown as RlWindow).__rl!.trainers.reference.getState().checkpointIteration ?? 0) >= 20, undefined, { timeout: 60_000 });
    await page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().simulateDeviceLoss());
    await expect(page.getByRole('status').filter({ hasText: /GPU device lost.*continues from the checkpoint at iteration \d+/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.backend-badge__name')).not.toHaveText('webgpu');
    const resumedFrom = await iteration(page);
    expect(resumedFrom).toBeGreaterThanOrEqual(20);
    await expect.poll(() => status(page)).toBe('running');
    await expect.poll(() => iteration(page)).toBeGreaterThan(resumedFrom);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('the Backends page times a training step for each model size on each backend', async ({ page }) => {
    await openBackends(page);
    await page.getByRole('button', { name: 'Run benchmark' }).click();
    await expect(page.getByRole('button', { name: 'Run benchmark' })).toBeEnabled({ timeout: 120_000 });
    const table = page.getByRole('table', { name: /Milliseconds per training step/ });
    for (const backend of ['cpu', 'wasm', 'webgl']) {
      const cells = table.locator(`tr[data-backend="${backend}"] td`);
      await expect(cells).toHaveCount(3);
      for (const text of await cells.allInnerTexts()) expect(text).toMatch(/^\d+\.\d\d ms( ★)?$/);
    }
    await expect(table.locator('tr[data-backend="webgpu"]')).toContainText('Not available');
    await expect(table.locator('td', { hasText: '★' })).toHaveCount(3); // one fastest backend per model size
  });

  test('numTensors stays flat over 200 iterations', async ({ page }) => {
    await openBackends(page);
    for (const backend of ['auto', 'cpu']) {
      const result = await runSteps(page, backend, tiny, 1, 200, 5);
      expect(result.losses).toHaveLength(200);
      expect(result.numTensorsAfter, `${result.choice.backend}`).toBe(result.numTensorsBefore);
    }
  });

  test(`no main-thread stall during ${LONGTASK_SECONDS} s of training`, async ({ page }) => {
    test.setTimeout(60_000 + LONGTASK_SECONDS * 1000);
    await openBackends(page);
    const readLongTasks = await watchLongTasks(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => status(page)).toBe('running');
    await page.waitForTimeout(LONGTASK_SECONDS * 1000);
    const done = await iteration(page);
    const longTasks = await readLongTasks();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toBe('paused');
    test.info().annotations.push({ type: 'iterations', description: String(done) });
    expect(done).toBeGreaterThan(100);
    test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(longTasks) });
    expect(stalls(longTasks)).toEqual([]);
  });

  test('stop is prompt: cooperative between steps, terminate-and-recreate when a step will not yield', async ({ page }) => {
    await openBackends(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => iteration(page)).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page), { timeout: 2000 }).toBe('paused');
    const stoppedAt = await iteration(page);
    await page.waitForTimeout(300);
    expect(await iteration(page)).toBe(stoppedAt);

    // Every step now blocks its worker for 8 s: only terminate-and-recreate can stop it sooner.
    await openBackends(page, '?reference.stallMs=8000');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => status(page)).toBe('running');
    await page.waitForTimeout(300);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page), { timeout: 3000, intervals: [50] }).not.toMatch(/running|stopping/);
    const terminatedAfter = Date.now() - clicked;
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('paused');
    const stoppedAfter = Date.now() - clicked;
    test.info().annotations.push({ type: 'stop-ms', description: `worker replaced after ${terminatedAfter} ms, stopped after ${stoppedAfter} ms` });
    expect(terminatedAfter).toBeLessThan(2500); // the 1 s grace, then terminate() (slack for a loaded CI machine)
    expect(stoppedAfter).toBeLessThan(8000); // a fresh worker is up before the blocked step would have ended
    await expect(page.getByRole('status').filter({ hasText: /did not yield within 1\.0 s/ })).toBeVisible();
  });

  test('a crashing trainer shows a readable message with a retry', async ({ page }) => {
    await openBackends(page, '?reference.crashAt=3');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('crashed on purpose at iteration 3');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Restarted from/ })).toBeVisible();
    expect(['ready', 'paused']).toContain(await status(page));
  });

  test('a NaN loss pauses training and says so', async ({ page }) => {
    await openBackends(page, '?reference.nanAt=25');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Training paused at iteration 26: loss became NaN' })).toBeVisible();
    expect(await status(page)).toBe('paused');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  });

  test('weights: save in the browser, download, and reject corrupt or mismatched uploads', async ({ page }) => {
    await openBackends(page);
    await page.evaluate(() => (window as unknown as RlWindow).__rl!.trainers.reference.getState().trainFor(30));
    await page.getByRole('button', { name: 'Save in browser' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the weights of iteration 30' })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download weights' }).click();
    const file = readFileSync((await (await downloading).path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'rl-playground-weights', trainerId: 'reference-mlp', modelId: 'reference-mlp/4-32-32-1', iteration: 30 });

    const upload = page.getByLabel('Upload weights');
    await upload.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "rl-pl') });
    await expect(page.getByRole('alert').filter({ hasText: 'Could not load "broken.json": This is not a weights file (it is not JSON).' })).toBeVisible();
    const other = JSON.parse(file);
    other.modelId = 'reference-mlp/4-16-1';
    await upload.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await expect(page.getByRole('alert').filter({ hasText: /These weights are for "reference-mlp\/4-16-1"/ })).toBeVisible();

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => iteration(page)).toBe(0);
    await upload.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByRole('status').filter({ hasText: 'Loaded "good.json" (iteration 30)' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Load from browser' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loaded the weights saved at iteration 30' })).toBeVisible();
    expect(await iteration(page)).toBe(30);
  });
});
