/**
 * The planning demo (optimal-control lecture, slot "cem") in a real browser: CEM lowers the cost
 * round by round, MPC reaches the goal under dynamics noise where the open-loop plan mostly does
 * not (8 seeds), LQR's gains on the page equal the library's, iLQR converges, and bad input shows a
 * message and changes nothing.
 */
import { test, expect, type Page } from '@playwright/test';
import { lqr, linearSystem } from '../src/algorithms/planning';
import { watchErrors } from './watchErrors';

type View = {
  part: string;
  rounds?: { eliteMeanCost: number; bestCost: number; plan: number; round: number }[];
  outcome?: string;
  costs?: number[];
  converged?: boolean;
  K?: number[][];
  revealedFrom?: number;
  phase?: string;
};
type Store = {
  getState(): {
    status: string; iteration: number; view: View | null; config: Record<string, unknown>; seed: number;
    trainFor(n: number): Promise<unknown>; setSpeed(ms: number): void; setSeed(n: number): Promise<void>; setConfig(c: Record<string, unknown>): Promise<void>;
  };
};
type Hooks = { __rl?: { trainers: Record<string, Store> } };

async function openDemo(page: Page, query = '') {
  await page.goto(`lecture/optimal-control${query}`);
  const slot = page.locator('[data-demo-slot="cem"]');
  await slot.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => {
    const s = (window as unknown as Hooks).__rl?.trainers.cem?.getState();
    return Boolean(s && (s.status === 'ready' || s.status === 'paused'));
  }), { timeout: 60_000 }).toBe(true);
  await expect(slot.locator('canvas.pl-room')).toBeVisible();
  return slot;
}

const view = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.cem.getState().view);
const storeState = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as Hooks).__rl!.trainers.cem.getState();
  return { status: s.status, iteration: s.iteration, config: s.config, seed: s.seed };
});
const trainFor = (page: Page, n: number) => page.evaluate((k) => (window as unknown as Hooks).__rl!.trainers.cem.getState().trainFor(k), n);
const ready = (page: Page, part: string) =>
  expect.poll(async () => {
    const s = await storeState(page);
    return s.iteration === 0 && (s.status === 'ready' || s.status === 'paused') && s.config.part === part;
  }, { timeout: 30_000 }).toBe(true);

test('CEM: the elites get cheaper and the spread shrinks round by round; the fan is drawn', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  // one round with the Step button, then nine more
  await demo.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await view(page))?.rounds?.length ?? 0).toBe(1);
  await expect(demo.getByRole('img', { name: /latest round: 200 samples, 20 elites/ })).toBeVisible();
  await trainFor(page, 9);
  const rounds = (await view(page))!.rounds!;
  expect(rounds.length).toBe(10);
  expect(rounds.every((r) => r.plan === 0)).toBe(true);
  expect(rounds[9].eliteMeanCost).toBeLessThan(rounds[0].eliteMeanCost * 0.8);
  expect(rounds[9].bestCost).toBeLessThan(rounds[0].bestCost);
  await expect(demo.getByTestId('demo-status')).toContainText('MPC');
  await expect(demo.getByRole('group', { name: /CEM refit/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('MPC reaches the goal under dynamics noise; the open-loop plan mostly does not (8 seeds each)', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await demo.getByLabel(/^Noise σ/).selectOption('0.3');
  await expect.poll(async () => (await storeState(page)).config.dynamicsNoise).toBe(0.3);
  const outcomes = async () => {
    const list: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      await page.evaluate((s) => (window as unknown as Hooks).__rl!.trainers.cem.getState().setSeed(s), seed);
      await trainFor(page, 5000); // ends when the episode does
      list.push((await view(page))!.outcome!);
    }
    return list;
  };
  await page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.cem.getState().setSpeed(0));
  const mpc = await outcomes();
  await demo.getByLabel(/^Execution/).selectOption('open-loop');
  await expect.poll(async () => (await storeState(page)).config.mode).toBe('open-loop');
  const open = await outcomes();
  test.info().annotations.push({ type: 'outcomes', description: `MPC: ${mpc.join(' ')}; open loop: ${open.join(' ')}` });
  expect(mpc.filter((o) => o === 'goal').length).toBeGreaterThanOrEqual(6);
  expect(open.filter((o) => o === 'goal').length).toBeLessThanOrEqual(3);
  await expect(demo.getByTestId('demo-status')).toContainText('open loop');
  expect(errors).toEqual([]);
});

test('LQR: the backward pass shows K_t, k_t equal to the library; iLQR swings the pendulum up', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await demo.getByLabel(/^Part/).selectOption('lqr');
  await ready(page, 'lqr');
  await page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.cem.getState().setSpeed(0));
  await trainFor(page, 60); // the whole backward pass (T = 60)
  const v = (await view(page))!;
  expect(v.revealedFrom).toBe(0);
  const expected = lqr(linearSystem('double-integrator', 60, 0.1).problem);
  v.K!.forEach((K, t) => K.forEach((x, j) => expect(x).toBeCloseTo(expected.K[t][0][j], 10)));
  await demo.getByRole('button', { name: 'Details' }).click();
  const K1 = expected.K[0][0].map((x) => String(Number(x.toPrecision(4))).replace('-', '−')).join(', ');
  const k1 = String(Number(expected.k[0][0].toPrecision(4))).replace('-', '−');
  await expect(demo.getByRole('row', { name: /K_1, k_1/ })).toContainText(`[${K1}], ${k1}`);
  await expect(demo.getByRole('group', { name: /\\mathbf\{K\}_\{1\} = -\\mathbf\{Q\}_\{a,a\}\^\{-1\}/ })).toBeVisible();
  await trainFor(page, 60);
  expect((await view(page))!.phase).toBe('done');

  await demo.getByLabel(/^Part/).selectOption('ilqr');
  await ready(page, 'ilqr');
  await trainFor(page, 200);
  const il = (await view(page))!;
  expect(il.converged).toBe(true);
  for (let i = 1; i < il.costs!.length; i++) expect(il.costs![i]).toBeLessThanOrEqual(il.costs![i - 1]);
  await expect(demo.getByTestId('demo-status')).toContainText('converged');
  expect(errors).toEqual([]);
});

test('bad input (elites > samples, horizon 0, NaN noise, no action penalty) gives a message and keeps the state', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await trainFor(page, 3);
  const before = await storeState(page);
  await demo.getByRole('button', { name: 'More settings' }).click();
  const form = demo.getByRole('region', { name: 'More settings' });
  const alert = demo.getByRole('alert');

  await form.getByLabel('Elites M', { exact: true }).fill('500');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toContainText('The elites must be fewer than the samples (M < N), but M = 500 and N = 200');
  await expect(alert).toContainText('Nothing was changed');

  await form.getByLabel('Elites M', { exact: true }).fill('20');
  await form.getByLabel('Horizon', { exact: true }).fill('0');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toContainText('The horizon must be a whole number from 1 to 100 steps (got 0)');

  await form.getByLabel('Horizon', { exact: true }).fill('12');
  await form.getByLabel('Dynamics noise σ', { exact: true }).fill('abc');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toContainText('Dynamics noise σ: this is not a number');

  const after = await storeState(page);
  expect(after.config).toEqual(before.config);
  expect(after.iteration).toBe(before.iteration);
  expect((await view(page))!.rounds!.length).toBe(3);
  expect(new URL(page.url()).searchParams.get('cem.elites')).not.toBe('500');

  // a good value clears the message and applies
  await form.getByLabel('Dynamics noise σ', { exact: true }).fill('0.1');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(async () => (await storeState(page)).config.dynamicsNoise).toBe(0.1);

  // LQR without an action penalty: Q_aa is singular
  await demo.getByLabel(/^Part/).selectOption('lqr');
  await ready(page, 'lqr');
  await form.getByLabel('Action penalty r', { exact: true }).fill('0');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(alert).toContainText('is not positive definite');
  expect((await storeState(page)).config.actionPenalty).toBe(0.1);
  expect(errors).toEqual([]);
});

test('no horizontal overflow at 375 px wide (PLANNING_SHOTS=1 saves screenshots of the three parts)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const demo = await openDemo(page);
  await trainFor(page, 2);
  if (process.env.PLANNING_SHOTS) await demo.locator('.pl-demo').screenshot({ path: 'test-results/planning-cem.png' });
  await page.setViewportSize({ width: 375, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  if (process.env.PLANNING_SHOTS) {
    await demo.locator('.pl-demo').screenshot({ path: 'test-results/planning-phone.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await demo.getByLabel(/^Part/).selectOption('lqr');
    await ready(page, 'lqr');
    await trainFor(page, 80);
    await demo.locator('.pl-demo').screenshot({ path: 'test-results/planning-lqr.png' });
    await demo.getByLabel(/^Part/).selectOption('ilqr');
    await ready(page, 'ilqr');
    await trainFor(page, 8);
    await demo.locator('.pl-demo').screenshot({ path: 'test-results/planning-ilqr.png' });
  }
});
