/**
 * The demo platform in a real browser, through its example demo (TD(0) on the random walk,
 * actor-critic lecture, slot "td"): link state, the manifest's controller, typed queries beside
 * the loop, the progress cap, and workers stopped on unmount.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';

interface Status { playing: boolean; summary: string; speedLabel: string; presetId: string | null }
type Hooks = {
  __rl?: {
    trainers: Record<string, { getState(): { status: string; iteration: number; progressMessages: number; history: { count: number }[] } }>;
    controllers: Record<string, { play(): void; pause(): void; faster(): void; slower(): void; reset(): void; nextPreset(): void; status(): Status }>;
  };
};

async function openDemo(page: Page, query = '') {
  await page.goto(`lecture/actor-critic${query}`);
  const demo = page.locator('[data-demo-slot="td"]');
  await demo.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => {
    const rl = (window as unknown as Hooks).__rl;
    return Boolean(rl?.controllers.td && rl.trainers.td?.getState().status === 'ready');
  }), { timeout: 30_000 }).toBe(true);
  return demo;
}

const controllerStatus = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.td.status());
const trainer = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as Hooks).__rl!.trainers.td.getState();
  return { status: s.status, iteration: s.iteration, progressMessages: s.progressMessages, bins: s.history.length, counted: s.history.reduce((n, r) => n + r.count, 0) };
});

test('a malformed link lists each problem and falls back; a change writes every setting, seed included', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page, '?td.alpha=5&td.states=200&td.seed=abc');
  const alert = demo.getByRole('alert').first();
  await expect(alert).toContainText('td.alpha: 5 is outside [0.001, 1]');
  await expect(alert).toContainText('td.states: 200 is outside [3, 99]');
  await expect(alert).toContainText('td.seed: "abc" is not a number');
  await expect(demo.getByLabel('Step size α')).toHaveValue('0.1');
  await demo.getByLabel('Step size α').selectOption('0.05');
  await expect.poll(() => new URL(page.url()).searchParams.get('td.alpha')).toBe('0.05');
  const search = new URL(page.url()).searchParams;
  expect(search.get('td.states')).toBe('5');
  expect(search.get('td.seed')).toBe('1');
  expect(search.get('td.initialValue')).toBe('0.5');
  expect(errors).toEqual([]);
});

test('the controller drives the demo; progress stays at most ~20 messages a second at full speed', async ({ page }) => {
  const errors = watchErrors(page);
  await openDemo(page);
  await page.evaluate(() => {
    const c = (window as unknown as Hooks).__rl!.controllers.td;
    for (let i = 0; i < 10; i++) c.faster();
    c.play();
  });
  await expect.poll(async () => (await controllerStatus(page)).playing).toBe(true);
  expect((await controllerStatus(page)).speedLabel).toMatch(/^Fastest/);
  const before = await trainer(page);
  const started = Date.now();
  await page.waitForTimeout(4000);
  const after = await trainer(page);
  const seconds = (Date.now() - started) / 1000;
  const rate = (after.progressMessages - before.progressMessages) / seconds;
  test.info().annotations.push({ type: 'progress', description: `${rate.toFixed(1)} messages/s, ${after.iteration - before.iteration} steps in ${seconds.toFixed(1)} s` });
  expect(rate).toBeLessThanOrEqual(21);
  expect(after.iteration - before.iteration).toBeGreaterThan(5000);
  // the history is bounded and still accounts for every step
  expect(after.bins).toBeLessThanOrEqual(1000);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.td.pause());
  await expect.poll(async () => (await trainer(page)).status).toBe('paused');
  const paused = await trainer(page);
  expect(paused.counted).toBe(paused.iteration);
  expect((await controllerStatus(page)).summary).toMatch(/^Paused · step [\d,]+ · RMS error \d\.\d{3} · \d+ episodes · [\d.]+ s$/);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.td.nextPreset());
  await expect.poll(async () => (await controllerStatus(page)).presetId).toBe('classic');
  expect(errors).toEqual([]);
});

test('a query answers beside the loop while it runs', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.td.play());
  await expect.poll(async () => (await trainer(page)).iteration).toBeGreaterThan(20);
  await demo.locator('.rw-stage g').nth(2).hover();
  await expect(demo.getByText(/From state 3: a step left would give TD error -?\d\.\d{3}, a step right -?\d\.\d{3}\./)).toBeVisible();
  expect(errors).toEqual([]);
});

test('leaving the page mid-run stops the demo worker', async ({ page }) => {
  const workers: { closed: boolean; url: string }[] = [];
  page.on('worker', (worker) => {
    const entry = { closed: false, url: worker.url() };
    workers.push(entry);
    worker.on('close', () => {
      entry.closed = true;
    });
  });
  await openDemo(page);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.td.play());
  await expect.poll(async () => (await trainer(page)).iteration).toBeGreaterThan(20);
  expect(workers.length).toBeGreaterThan(0);
  // client-side navigation to another lecture unmounts the demo
  await page.locator('a[rel="next"]').first().click();
  await expect(page).not.toHaveURL(/actor-critic/);
  // the next lecture's code may take a moment to arrive; the old page (and its demos) stays until then
  await expect(page.locator('[data-demo-slot="td"]')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => workers.filter((w) => !w.closed).map((w) => w.url), { timeout: 10_000 }).toEqual([]);
});
