/**
 * The bandit demo (exploration lecture, slot "bandits") in a real browser: it loads, pulls, fills
 * the regret chart with numbers computed in its worker (checked against the Lai–Robbins formula
 * and the order theory predicts), runs the chain, and refuses bad input with a message while
 * keeping the previous state.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';
import { bringIntoView, expectOnScreen } from './onScreen';

type Hooks = {
  __rl?: {
    trainers: Record<string, { getState(): { status: string; iteration: number; progressMessages: number; config: { means: number[] }; view: { counts: number[]; pulls: number } | null } }>;
  };
};

async function openDemo(page: Page, query = '') {
  await page.goto(`lecture/exploration${query}`);
  const demo = page.locator('[data-demo-slot="bandits"]');
  await demo.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__rl?.trainers.bandits?.getState().status), { timeout: 30_000 }).toBe('ready');
  return demo;
}

const live = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as Hooks).__rl!.trainers.bandits.getState();
  return { iteration: s.iteration, means: s.config.means, counts: s.view?.counts ?? [], pulls: s.view?.pulls ?? 0, status: s.status };
});

/** KL(p‖q) of Bernoulli arms, and the Lai–Robbins slope Σ Δ/KL, computed here independently. */
function laiRobbins(means: number[], t: number): number {
  const best = Math.max(...means);
  const kl = (p: number, q: number) => p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
  return means.filter((m) => m < best).reduce((s, m) => s + (best - m) / kl(m, best), 0) * Math.log(t);
}

test('pulls, fills the regret chart from the worker, and orders the policies as theory says', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page, '?bandits.runs=40&bandits.horizon=10000');
  const chart = demo.locator('svg.bd-chart');
  await expect(chart).toHaveAttribute('data-runs-done', '40', { timeout: 90_000 });
  const label = (await chart.getAttribute('aria-label')) ?? '';
  expect(label).toContain('after 10,000 pulls over 40 runs');
  const value = (name: string) => Number(new RegExp(`(?:: |, |; )${name} ([0-9.]+)`).exec(label)?.[1]);
  const [eps, ucb, ts, bound] = [value('ε-greedy'), value('UCB1'), value('Thompson sampling'), value('Lai–Robbins bound')];
  [eps, ucb, ts, bound].forEach((v) => expect(Number.isFinite(v) && v > 0).toBe(true));
  expect(eps).toBeGreaterThan(ucb);
  expect(ucb).toBeGreaterThan(ts);
  expect(bound).toBeCloseTo(laiRobbins([0.9, 0.7, 0.6, 0.4, 0.2], 10000), 1);

  // one pull, then a thousand at once
  await demo.getByRole('button', { name: 'Step', exact: true }).click(); // Step is one pull
  await expect.poll(async () => (await live(page)).pulls).toBe(1);
  await demo.getByRole('button', { name: '+1,000' }).click();
  await expect.poll(async () => (await live(page)).pulls, { timeout: 30_000 }).toBe(1001);
  const state = await live(page);
  expect(state.counts.reduce((a, b) => a + b, 0)).toBe(1001);
  await expect(demo.locator('svg.bd-arms')).toHaveAttribute('aria-label', /^1001 pulls; arm 1: \d+ pulls, estimate 0\.\d{3}/);
  expect(errors).toEqual([]);
});

test('bad input gives a clear message and keeps the previous state', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page, '?bandits.means=0.5,abc&bandits.runs=20&bandits.horizon=500');
  const alert = demo.getByRole('alert').first();
  await expect(alert).toContainText('bandits.means: "abc" is not a number');
  expect((await live(page)).means).toEqual([0.9, 0.7, 0.6, 0.4, 0.2]);

  await demo.getByRole('button', { name: '+100' }).click();
  await expect.poll(async () => (await live(page)).pulls, { timeout: 30_000 }).toBe(100);

  await demo.getByRole('button', { name: 'More settings' }).click();
  const means = demo.getByLabel('Arm means (comma-separated, each in [0, 1])');
  for (const [text, message] of [['0.5, 1.4', 'arm mean 1.4 is outside [0, 1]'], ['  ', 'give at least one arm mean'], ['0.2, x', '"x" is not a number']]) {
    await means.fill(text);
    await demo.getByRole('button', { name: 'Use these arms' }).click();
    await expect(demo.getByRole('alert').first()).toContainText(message);
    const s = await live(page);
    expect(s.means).toEqual([0.9, 0.7, 0.6, 0.4, 0.2]);
    expect(s.pulls).toBe(100);
  }

  const pulls = demo.getByLabel('Pulls to run');
  for (const text of ['0', '1e9', '-5', 'lots']) {
    await pulls.fill(text);
    await demo.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(demo.getByRole('alert').filter({ hasText: 'number of pulls must be a whole number from 1 to 1,000,000' })).toBeVisible();
    expect((await live(page)).pulls).toBe(100);
  }

  // a good change is applied and clears the message
  await means.fill('0.3, 0.6');
  await demo.getByRole('button', { name: 'Use these arms' }).click();
  await expect.poll(async () => (await live(page)).means).toEqual([0.3, 0.6]);
  expect(errors).toEqual([]);
});

test('the chain: ε-greedy never reaches the far end, the count bonus does', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page, '?bandits.runs=10&bandits.horizon=200');
  await demo.getByRole('button', { name: 'Deep exploration: a chain' }).click();
  const rows = demo.locator('svg.bd-chain');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  await demo.getByRole('slider', { name: 'Episode' }).fill('29');
  await expect(rows.nth(0)).toHaveAttribute('aria-label', /far end reached 0 times in 300 episodes/);
  const bonus = (await rows.nth(1).getAttribute('aria-label')) ?? '';
  const reached = Number(/far end reached (\d+) times in 300 episodes/.exec(bonus)?.[1]);
  expect(reached).toBeGreaterThan(10);
  expect(errors).toEqual([]);
});

test('1366 × 768: the arms, status, run controls, main settings and regret chart are on screen together', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const demo = await openDemo(page, '?bandits.runs=10&bandits.horizon=1000');
  const frame = demo.locator('.demo-frame');
  await expect(demo.locator('svg.bd-chart')).toBeVisible({ timeout: 60_000 });
  await bringIntoView(frame);
  const parts = {
    arms: demo.locator('svg.bd-arms'),
    status: demo.getByTestId('demo-status'),
    play: demo.getByRole('button', { name: 'Play', exact: true }),
    policy: demo.getByLabel(/^Policy/),
    'regret chart': demo.locator('svg.bd-chart'),
  };
  await expectOnScreen(page, frame, parts);
});

test('the arms are drawn before the first pull, for a new bandit and after a reset, with no pull and no query', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  const arms = demo.locator('svg.bd-arms');
  const messages = () => page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.bandits.getState().progressMessages);
  await expect(arms).toHaveAttribute('aria-label', /^0 pulls; arm 1: 0 pulls, estimate none;.*arm 5: 0 pulls, estimate none/);
  expect(await messages()).toBe(0);
  // another bandit: its ten arms are on the stage at pull 0
  await demo.getByRole('combobox', { name: /^Bandit/ }).selectOption('ten');
  await expect(arms).toHaveAttribute('aria-label', /^0 pulls; .*arm 10: 0 pulls, estimate none$/);
  expect((await live(page)).means).toHaveLength(10);
  expect(await messages()).toBe(0);
  // pull (Step is one pull), then reset: back to an untouched picture without pulling
  await demo.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(arms).toHaveAttribute('aria-label', /^1 pulls; /);
  await demo.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(arms).toHaveAttribute('aria-label', /^0 pulls; .*arm 10: 0 pulls, estimate none$/);
  expect((await live(page)).iteration).toBe(0);
  expect(errors).toEqual([]);
});
