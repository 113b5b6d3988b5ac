/**
 * Offline after one visit, and print. The offline test serves the build from its own server, visits
 * once (the service worker caches the whole course), then shuts the server down: every later request
 * that reaches the network fails, so what loads comes from the cache.
 */
import { test, expect } from '@playwright/test';
import { startServer } from '../scripts/serve.mjs';
import { watchErrors } from './watchErrors';

type Hooks = { __rl?: { trainers: Record<string, { getState(): { status: string; iteration: number } }> } };

test('after one visit the course works offline: lectures, a demo worker, tfjs wasm', async ({ page }) => {
  test.setTimeout(180_000);
  const port = Number(process.env.E2E_PORT ?? 4173) + 50;
  const { server, url } = (await startServer({ port })) as { server: import('node:http').Server; url: string };
  let closed = false;
  try {
    await page.addInitScript(() => {
      localStorage.setItem('rl-playground.sw', 'on');
      localStorage.setItem('rl-playground.backend.force', 'wasm');
    });
    await page.goto(`${url}lecture/policy-gradients`);
    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.active && navigator.serviceWorker.controller);
    }), { timeout: 120_000 }).toBe(true);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('rl-playground-'))!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);
    expect(cached.some((p) => p.endsWith('lecture/value-functions/index.html'))).toBe(true);
    expect(cached.some((p) => /cartpole\.worker-.*\.js$/.test(p))).toBe(true);

    // The network goes away.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    closed = true;
    const errors = watchErrors(page);
    await page.goto(`${url}lecture/value-functions`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Value');
    await expect(page.locator('.katex').first()).toBeVisible();
    await page.goto(`${url}lecture/policy-gradients`);
    await page.locator('[data-demo-slot="pg"]').scrollIntoViewIfNeeded();
    // The demo's worker, tfjs and its .wasm come from the cache: it trains one iteration.
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__rl?.trainers.pg?.getState().status), { timeout: 60_000 }).toBe('ready');
    await page.locator('[data-demo-slot="pg"]').getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.pg.getState().iteration), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  } finally {
    if (!closed) server.close();
  }
});

test('a lecture prints without site chrome or controls, its demo as a picture', async ({ page }) => {
  await page.goto('lecture/policy-gradients');
  const slot = page.locator('[data-demo-slot="pg"]');
  await slot.scrollIntoViewIfNeeded();
  await expect(slot.locator('canvas').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(slot.locator('.run-controls')).toBeHidden();
  await expect(slot.locator('.demo-frame__panels')).toBeHidden();
  await expect(slot.locator('canvas').first()).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
