/**
 * The planning demo (optimal-control lecture, slot "cem") in a real browser: CEM lowers the cost
 * round by round, MPC reaches the goal under dynamics noise where the open-loop plan mostly does
 * not (8 seeds), LQR's gains on the page equal the library's, iLQR converges, and bad input shows a
 * message and changes nothing.
 */
import { test, expect, type Page } from '@playwright/test';
import { lqr, linearSystem } from '../src/algorithms/planning';
import { watchErrors } from './watchErrors';
import { bringIntoView, expectOnScreen } from './onScreen';

type View = {
  part: string;
  rounds?: { eliteMeanCost: number; bestCost: number; plan: number; round: number }[];
  outcome?: string;
  costs?: number[];
  converged?: boolean;
  K?: number[][];
  revealedFrom?: number;
  phase?: string;
  angles?: number[][];
};
type Store = {
  getState(): {
    status: string; iteration: number; progressMessages: number; view: View | null; config: Record<string, unknown>; seed: number;
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
  // drawn before any step: the view comes with the new session, not with progress
  await expect(slot.locator('canvas.pl-room')).toBeVisible();
  const fresh = await page.evaluate(() => {
    const s = (window as unknown as Hooks).__rl!.trainers.cem.getState();
    return { iteration: s.iteration, progressMessages: s.progressMessages, part: s.view?.part };
  });
  expect(fresh).toEqual({ iteration: 0, progressMessages: 0, part: 'cem' });
  await expect(slot.locator('canvas.pl-room')).toHaveAttribute('aria-label', /^Robot at \(.*\) after 0 steps\.$/);
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

test('iLQR against CEM on the same swing-up: the table, the cost-against-time chart and the strobes; iLQR swings the cart-pole up', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await demo.getByLabel(/^Part/).selectOption('ilqr');
  await ready(page, 'ilqr');
  await page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.cem.getState().setSpeed(0));
  await trainFor(page, 400); // ends when iLQR has converged and CEM has had its 30 rounds
  type Compare = View & { cem: { rounds: number; costs: number[]; ms: number[] }; ms: number[]; task: string };
  const pendulum = (await view(page)) as Compare;
  expect(pendulum.converged).toBe(true);
  expect(pendulum.cem.rounds).toBe(30);
  const ilqrCost = pendulum.costs![pendulum.costs!.length - 1];
  const cemCost = pendulum.cem.costs[pendulum.cem.costs.length - 1];
  expect(ilqrCost).toBeLessThan(cemCost);
  const table = demo.getByRole('table', { name: 'iLQR against CEM on the same swing-up' });
  await expect(table.getByRole('row', { name: /^iLQR/ })).toContainText(ilqrCost.toFixed(2));
  await expect(table.getByRole('row', { name: /^iLQR/ })).toContainText('converged');
  await expect(table.getByRole('row', { name: /^CEM/ })).toContainText(`${cemCost.toFixed(2)}`);
  await expect(table.getByRole('row', { name: /^CEM/ })).toContainText('30 of 30 rounds');
  await expect(demo.getByRole('img', { name: /^Cost against computing time: iLQR/ })).toBeVisible();
  await expect(demo.getByRole('img', { name: /^iLQR, iteration \d+: the pendulum ends upright/ })).toBeVisible();

  await demo.getByLabel(/^Task/).selectOption('cartpole');
  await ready(page, 'ilqr');
  expect((await storeState(page)).config.swingUp).toBe('cartpole');
  await trainFor(page, 400);
  const cart = (await view(page)) as Compare;
  expect(cart.task).toBe('cartpole');
  expect(cart.converged).toBe(true);
  const angles = cart.angles!;
  expect(Math.abs(angles[angles.length - 1][99])).toBeLessThan(0.1); // upright at θ = 0, from θ = π
  expect(cart.costs![cart.costs!.length - 1]).toBeLessThan(cart.cem.costs[cart.cem.costs.length - 1]);
  await expect(demo.getByRole('img', { name: /^iLQR, iteration \d+: the cart-pole ends upright/ })).toBeVisible();
  await expect(demo.getByTestId('demo-status')).toContainText(/iLQR \d+ iterations, cost [\d.]+, converged · CEM 30 rounds/);
  expect(errors).toEqual([]);
});

test('1366 × 768: each part\'s picture, status, run controls, main settings and chart are on screen together', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const demo = await openDemo(page);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.cem.getState().setSpeed(0));
  const frame = demo.locator('.demo-frame');
  for (const [part, steps] of [['cem', 2], ['lqr', 70], ['ilqr', 5]] as const) {
    if (part !== 'cem') {
      await demo.getByLabel(/^Part/).selectOption(part);
      await ready(page, part);
    }
    await trainFor(page, steps);
    await expect(frame.locator('.demo-frame__chart svg[role="img"]').first()).toBeVisible();
    await bringIntoView(frame);
    const parts = {
      picture: frame.locator('.demo-frame__stage').getByRole('img').first(),
      status: demo.getByTestId('demo-status'),
      play: demo.getByRole('button', { name: 'Play', exact: true }),
      part: demo.getByLabel(/^Part/),
      'last main setting': frame.locator('.demo-frame__settings select').last(),
      chart: frame.locator('.demo-frame__chart svg[role="img"]').first(),
    };
    await expectOnScreen(page, frame, parts, `${part}: `);
    // chart text at its CSS size (13 px), not scaled down with the drawing
    const tick = await frame.locator('.demo-frame__chart .pl-tick').first().boundingBox();
    expect(tick!.height, `${part}: tick label height`).toBeGreaterThanOrEqual(11);
  }
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
