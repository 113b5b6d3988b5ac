import { test, expect, type Page } from '@playwright/test';
import { stalls, watchLongTasks } from './longTasks';
import { watchErrors } from './watchErrors';

interface ViewState { x: number; theta: number; steps: number; episodes: number; lastEpisode: number; driver: string }
interface StoreLike {
  getState(): {
    status: string;
    iteration: number;
    latest: Record<string, number> | null;
    memory(): Promise<{ numTensors: number } | null>;
    notice: { text: string } | null;
  };
}
declare global {
  interface Window {
    __rl?: { trainers: Record<string, unknown>; tools: Record<string, (...args: never[]) => Promise<unknown>> };
  }
}

const view = (page: Page, slot = 'pg') =>
  page.evaluate(async (name) => (await window.__rl!.tools[`cartpole-view:${name}`]()) as ViewState, slot);
const trainerState = (page: Page, slot = 'pg') =>
  page.evaluate((name) => {
    const s = (window.__rl!.trainers[name] as StoreLike).getState();
    return { status: s.status, iteration: s.iteration, latest: s.latest, notice: s.notice?.text ?? null };
  }, slot);

async function openDemo(page: Page, query = '') {
  // Skip the measured backend probe: WASM is what a 2-core CPU machine trains on fastest.
  await page.addInitScript(() => localStorage.setItem('rl-playground.backend.force', 'wasm'));
  await page.goto(`lecture/policy-gradients${query}`);
  const demo = page.locator('[data-demo-slot="pg"]');
  // The demo mounts when its slot nears the viewport: scroll to the placeholder first.
  await demo.scrollIntoViewIfNeeded();
  await demo.locator('canvas').scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => Boolean(window.__rl?.tools['cartpole-view:pg'] && window.__rl?.trainers.pg))).toBe(true);
  return demo;
}

test('the pre-trained policy balances the pole as soon as the page opens', async ({ page }) => {
  const errors = watchErrors(page);
  await openDemo(page);
  await expect.poll(async () => (await view(page)).driver, { timeout: 10_000 }).toBe('pre-trained policy');
  await page.waitForTimeout(3000);
  const state = await view(page);
  expect(state.episodes).toBe(0); // not one fall in 3 s (150 steps at τ = 0.02)
  expect(state.steps).toBeGreaterThan(100);
  expect(Math.abs(state.theta)).toBeLessThan(0.21);
  await page.screenshot({ path: '/tmp/cartpole-wide.png' });
  expect(errors).toEqual([]);
});

test('REINFORCE trains in the worker: returns rise, tensors stay flat, no main-thread stalls', async ({ page }) => {
  const demo = await openDemo(page);
  await expect.poll(async () => (await trainerState(page)).status, { timeout: 30_000 }).toBe('ready');
  // As fast as possible (the default is the teaching pace), then Play.
  await demo.getByRole('button', { name: 'Fastest' }).click();
  await demo.getByRole('button', { name: 'Play', exact: true }).click();
  // Observe from the first iteration on, so the test driver's own click work is not counted.
  await expect.poll(async () => (await trainerState(page)).iteration, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  const observedFrom = Date.now();
  const longTasks = await watchLongTasks(page);
  await expect.poll(async () => (await trainerState(page)).iteration, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const tensorsEarly = await page.evaluate(async () => (await (window.__rl!.trainers.pg as StoreLike).getState().memory())?.numTensors);
  await expect.poll(async () => (await trainerState(page)).latest?.return100 ?? 0, { timeout: 60_000 }).toBeGreaterThan(150);
  const tensorsLate = await page.evaluate(async () => (await (window.__rl!.trainers.pg as StoreLike).getState().memory())?.numTensors);
  expect(tensorsLate).toBe(tensorsEarly);
  await expect.poll(async () => (await view(page)).driver).toMatch(/training policy, iteration \d+/);
  // At least 10 s of training observed (the canvas keeps animating and the charts keep updating).
  await page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - observedFrom)));
  expect((await trainerState(page)).status).toBe('running');
  const long = await longTasks();
  await demo.getByRole('button', { name: 'Pause' }).click();
  test.info().annotations.push({ type: 'long tasks over 50 ms', description: JSON.stringify(long.filter((d) => d > 50)) });
  expect(stalls(long), 'main-thread stalls (ms) while the worker trains').toEqual([]);
  await expect(demo.getByRole('img', { name: /Episode return/ })).toBeVisible();
  await demo.getByRole('button', { name: 'Formula & charts' }).click();
  await expect(demo.getByRole('img', { name: /Gradient variance/ })).toBeVisible();
});

test('the arrow keys drive the cart by hand', async ({ page }) => {
  const demo = await openDemo(page);
  const canvas = demo.getByRole('img', { name: /Cart-pole\. Focus here/ });
  await canvas.focus();
  await page.keyboard.down('ArrowRight');
  await page.waitForTimeout(400);
  await page.keyboard.up('ArrowRight');
  const state = await view(page);
  expect(state.driver).toBe('you (by hand)');
  expect(await demo.getByRole('button', { name: 'Drive by hand' }).getAttribute('aria-pressed')).toBe('true');
});

test('bad settings in the link and in the form are named, and nothing is lost', async ({ page }) => {
  const demo = await openDemo(page, '?pg.gamma=7&pg.learningRate=abc&pg.hidden1=64');
  await expect(demo.getByRole('alert').filter({ hasText: 'ignored' })).toContainText('pg.gamma: 7 is outside [0.8, 1]');
  await expect(demo.getByRole('alert').filter({ hasText: 'ignored' })).toContainText('pg.learningRate: "abc" is not a number');
  await expect.poll(async () => (await trainerState(page)).status, { timeout: 30_000 }).toBe('ready');
  // The link asked for a 64-wide network: the shipped 32-wide policy does not fit and says why.
  await demo.getByRole('button', { name: 'Weights & backend' }).click();
  await demo.getByRole('button', { name: 'Load the pre-trained policy into the trainer' }).click();
  await expect(demo.getByText(/cartpole-policy\/4-32-2.*cartpole-policy\/4-64-2/)).toBeVisible();
  await demo.getByRole('button', { name: 'More settings' }).click();
  await demo.getByLabel('Discount γ').fill('lots');
  await demo.getByRole('button', { name: /Apply settings/ }).click();
  await expect(demo.getByRole('alert').filter({ hasText: 'Nothing was changed' })).toContainText('"lots" is not a number');
  expect((await trainerState(page)).status).toBe('ready');
});

test('narrow screens: the demo fits 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const demo = await openDemo(page);
  const box = (await demo.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(376);
  expect(await demo.locator('.cartpole-demo').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await page.screenshot({ path: '/tmp/cartpole-narrow.png', fullPage: false });
});

test('compare mode trains several configurations over several seeds and plots mean with a seed band', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Compare seeds' }).click();
  const compare = demo.getByRole('region', { name: 'Compare configurations across seeds' });
  // Two configurations (no baseline vs batch-mean baseline), two seeds each, ten iterations.
  const boxes = compare.getByRole('checkbox');
  for (let k = 0; k < 4; k++) await boxes.nth(k).setChecked(k < 2);
  await compare.getByLabel('Seeds per configuration').selectOption('2');
  await compare.getByLabel('Iterations per run').selectOption('10');
  await compare.getByRole('button', { name: 'Run comparison' }).click();
  await expect(compare.getByRole('status')).toHaveText('All 4 runs done.', { timeout: 90_000 });
  const returns = compare.getByRole('img', { name: /Mean episode return .* over 10 iterations/ });
  await expect(returns).toBeVisible();
  // One mean line and one min–max band per configuration, each averaged over 2 seeds.
  await expect(compare).toContainText('REINFORCE, whole return, no baseline (2 seeds)');
  await expect(compare).toContainText('REINFORCE, reward-to-go, batch-mean baseline (2 seeds)');
  await expect(compare).not.toContainText('Actor-critic, GAE(λ = 0.95) (');
  await expect(compare.getByRole('img', { name: /Gradient variance/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the actor-critic lecture hosts the same demo set to actor-critic', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('rl-playground.backend.force', 'wasm'));
  await page.goto('lecture/actor-critic');
  const demo = page.locator('[data-demo-slot="ac"]');
  await demo.scrollIntoViewIfNeeded();
  await demo.locator('canvas').scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => Boolean(window.__rl?.trainers.ac))).toBe(true);
  await expect.poll(() => page.evaluate(() => (window.__rl!.trainers.ac as { getState(): { config: { algorithm: string } } }).getState().config.algorithm)).toBe('actor-critic');
  await expect.poll(async () => (await trainerState(page, 'ac')).status, { timeout: 30_000 }).toBe('ready');
  await demo.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await trainerState(page, 'ac')).iteration, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const latest = (await trainerState(page, 'ac')).latest!;
  expect(Number.isFinite(latest.valueLoss)).toBe(true);
  await demo.getByRole('button', { name: 'Pause' }).click();
});
