/**
 * The MaxEnt IRL demo (inverse-RL lecture, slot "irl") in a real browser: it loads, learns (the
 * demonstrations' log-likelihood rises, the gradient shrinks, the recovered reward puts the goal
 * above the lava), and refuses bad input with a message while keeping the previous state.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';

type Hooks = {
  __rl?: {
    trainers: Record<string, {
      getState(): {
        status: string; iteration: number; progressMessages: number; config: { demonstrations: number; trueReward: number[] };
        history: { iteration: number; metrics: Record<string, number> }[];
        view: { reward: number[]; iteration: number } | null;
      };
    }>;
    controllers: Record<string, { play(): void; pause(): void }>;
  };
};

async function openDemo(page: Page, query = '') {
  await page.goto(`lecture/inverse-rl${query}`);
  const demo = page.locator('[data-demo-slot="irl"]');
  await demo.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__rl?.trainers.irl?.getState().status), { timeout: 30_000 }).toBe('ready');
  return demo;
}

const state = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as Hooks).__rl!.trainers.irl.getState();
  return { iteration: s.iteration, demonstrations: s.config.demonstrations, trueReward: s.config.trueReward, history: s.history.map((h) => ({ i: h.iteration, ll: h.metrics.logLikelihood, g: h.metrics.gradientNorm })), reward: s.view?.reward ?? [] };
});

test('learns a reward: the likelihood rises, the gradient shrinks, the goal ends above the lava', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page, '?irl.demonstrations=200');
  await demo.getByRole('button', { name: 'Fastest' }).click();
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.irl.play());
  await expect.poll(async () => (await state(page)).iteration, { timeout: 90_000 }).toBeGreaterThan(150);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.irl.pause());
  await expect.poll(async () => (await state(page)).reward.length).toBe(64);
  const s = await state(page);
  const first = s.history[0];
  const last = s.history[s.history.length - 1];
  expect(last.ll).toBeGreaterThan(first.ll);
  expect(last.g).toBeLessThan(first.g / 3);
  // lava preset on 8 × 8: goal at row 8, column 5; lava along row 5
  expect(s.reward[7 * 8 + 4]).toBeGreaterThan(s.reward[4 * 8 + 3]);
  await expect(demo.locator('svg.irl-chart')).toHaveAttribute('aria-label', /Log-likelihood per demonstration −?-?\d+\.\d{3} at iteration \d+/);
  const recovered = (await demo.locator('[data-map="recovered"] svg').getAttribute('data-values'))!.split(',').map(Number);
  expect(recovered.every(Number.isFinite)).toBe(true);
  expect(Math.max(...recovered) - Math.min(...recovered)).toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
});

test('no demonstrations or a non-number reward: a clear message, the previous state kept', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  const before = await state(page);
  expect(before.demonstrations).toBe(50);

  await demo.getByRole('button', { name: 'More settings' }).click();
  const field = demo.getByLabel('Demonstrations', { exact: true }).last();
  await field.fill('0');
  await field.press('Enter');
  await expect(demo.getByRole('alert').first()).toContainText('There are no demonstrations');
  expect((await state(page)).demonstrations).toBe(50);

  await demo.getByLabel('Paint value').fill('lots');
  await demo.locator('[data-map="true"] rect').nth(10).click();
  await expect(demo.getByRole('alert').first()).toContainText('"lots" is not a number');
  expect((await state(page)).trueReward).toEqual(before.trueReward);

  // a number paints the cell
  await demo.getByLabel('Paint value').fill('2');
  await demo.locator('[data-map="true"] rect').nth(10).click();
  await expect.poll(async () => (await state(page)).trueReward[10]).toBe(2);
  expect(errors).toEqual([]);
});

test('a link without demonstrations starts from the defaults and says why', async ({ page }) => {
  const demo = await openDemo(page, '?irl.demonstrations=0');
  await expect(demo.getByRole('alert').first()).toContainText('There are no demonstrations');
  expect((await state(page)).demonstrations).toBe(50);
});

test('the reward maps are drawn before the first iteration, also for a new grid, with no step', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  const recovered = demo.locator('[data-map="recovered"] svg');
  const messages = () => page.evaluate(() => (window as unknown as Hooks).__rl!.trainers.irl.getState().progressMessages);
  await expect(recovered).toHaveAttribute('aria-label', /^Recovered reward ψ, iteration 0:/);
  await expect(demo.locator('[data-map="true"] svg rect')).toHaveCount(64);
  expect(await messages()).toBe(0);
  await demo.getByRole('combobox', { name: /^Grid side/ }).selectOption('6');
  await expect(demo.locator('[data-map="true"] svg rect')).toHaveCount(36);
  await expect(recovered).toHaveAttribute('aria-label', /^Recovered reward ψ, iteration 0:/);
  expect((await state(page)).iteration).toBe(0);
  expect((await state(page)).reward).toHaveLength(36);
  expect(await messages()).toBe(0);
  expect(errors).toEqual([]);
});
