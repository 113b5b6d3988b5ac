/**
 * Offline after one visit, and print. The offline test serves the build from its own server, visits
 * once (the service worker caches the whole course), then shuts the server down: every later request
 * that reaches the network fails, so what loads comes from the cache.
 */
import { test, expect } from '@playwright/test';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
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

test('when a newer build is published the page offers to update, and updating loads it', async ({ page }) => {
  test.setTimeout(180_000);
  // A server whose sw.js changes version on demand, as it does when a new build is deployed.
  const dist = process.env.DIST_DIR ?? 'dist';
  const base = process.env.BASE_PATH ?? '/rl-playground/';
  const files = sirv(dist, { dev: true, etag: false });
  let version = 'first';
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return void res.writeHead(404).end();
    req.url = '/' + url.slice(base.length);
    if (req.url.startsWith('/sw.js')) {
      const source = readFileSync(`${dist}/sw.js`, 'utf8').replace(/const VERSION = '[^']*'/, `const VERSION = '${version}'`);
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return void res.end(source);
    }
    files(req, res, () => {
      res.writeHead(404).end();
    });
  });
  const port = Number(process.env.E2E_PORT ?? 4173) + 51;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  try {
    await page.addInitScript(() => localStorage.setItem('rl-playground.sw', 'on'));
    const url = `http://127.0.0.1:${port}${base}`;
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 120_000 }).toBe(true);
    await expect(page.getByText('A new version of the course is ready.')).toBeHidden();
    version = 'second';
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.getByText('A new version of the course is ready.')).toBeVisible({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.waitForEvent('load');
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).join(',')), { timeout: 30_000 }).toBe('rl-playground-second');
    await expect(page.getByText('A new version of the course is ready.')).toBeHidden();
  } finally {
    server.closeAllConnections();
    server.close();
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
