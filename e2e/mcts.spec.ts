import { test, expect, type Page } from '@playwright/test';
import { stalls, watchLongTasks } from './longTasks';
import { watchErrors } from './watchErrors';

/** The demo's test hook (src/demos/mcts/testApi.ts), typed here for the spec. */
interface MctsState {
  game: string; position: string; c: number; budget: number; iterations: number; cursor: number; phase: string | null;
  error: string | null; bestMove: number; rootVisits: number; childVisitSum: number; nodes: number;
}
type HookWindow = { __rlMcts?: Record<string, { state(): MctsState }> };

async function openDemo(page: Page) {
  await page.goto('lecture/optimal-control');
  const slot = page.locator('[data-demo-slot="mcts"]');
  await slot.scrollIntoViewIfNeeded();
  const demo = page.locator('[data-mcts="mcts"]');
  await expect(demo).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as HookWindow).__rlMcts?.mcts)), { timeout: 30_000 }).toBe(true);
  return demo;
}

const state = (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__rlMcts!.mcts.state());

async function openPanel(page: Page, name: string) {
  const tab = page.locator('[data-mcts="mcts"]').getByRole('button', { name: new RegExp(`^${name}`) });
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
}

test('the four phases of one iteration, one at a time', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  const next = demo.getByTestId('mcts-next-phase');
  const text = demo.getByTestId('mcts-phase-text');
  await next.click();
  await expect(text).toContainText('Iteration 1. Selection');
  expect((await state(page)).phase).toBe('selection');
  // The root's children are all untried: selection draws one (∞ scores in the table).
  await expect(demo.locator('.mcts-table').first()).toContainText('∞');
  expect((await state(page)).cursor).toBe(0);
  await next.click();
  await expect(text).toContainText('Expansion');
  await next.click();
  await expect(text).toContainText('Rollout');
  await expect(demo.locator('.mcts-board figcaption')).toContainText('Rollout:');
  await next.click();
  await expect(text).toContainText('Backup');
  const s = await state(page);
  expect(s.cursor).toBe(1);
  expect(s.rootVisits).toBe(1);
  await next.click();
  await expect(text).toContainText('Iteration 2. Selection');
  expect(errors).toEqual([]);
});

test('steps, runs a budget in the worker, scrubs the timeline; visits add up', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await state(page)).iterations).toBe(1);
  // From the second step on (the first mounts the chart and the phase table once).
  await page.waitForTimeout(300);
  const longTasks = await watchLongTasks(page);
  await demo.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await state(page)).iterations).toBe(2);
  // Stepping a small tree never stalls the page. (Taking in a long worker search's result, whose
  // tree is drawn as its 4,000 most visited nodes, is one longer task: the bench times the drawing.)
  expect(stalls(await longTasks())).toEqual([]);
  await demo.getByTestId('mcts-budget').fill('30000');
  await demo.getByTestId('mcts-budget').press('Enter');
  await demo.getByRole('button', { name: /^Fastest/ }).click();
  await demo.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await state(page)).iterations, { timeout: 30_000 }).toBe(30000);
  const s = await state(page);
  expect(s.rootVisits).toBe(30000);
  expect(s.childVisitSum).toBe(30000);
  await expect(demo.getByTestId('mcts-news')).toContainText('in the worker');
  await expect.poll(async () => Number(await demo.getByTestId('mcts-tree').getAttribute('data-nodes'))).toBeGreaterThan(1000);
  await expect(demo.getByTestId('mcts-omitted')).toContainText('rarely visited ones not drawn');
  // Scrub back to iteration 10: the tree shrinks to what it was then.
  await demo.getByTestId('mcts-timeline').fill('10');
  await expect(demo.getByTestId('mcts-cursor')).toHaveText('10');
  await expect.poll(async () => Number(await demo.getByTestId('mcts-tree').getAttribute('data-nodes'))).toBe(11);
  expect(errors).toEqual([]);
});

test('the search finds the winning move in a known Connect Four position, and answers in play', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.getByTestId('mcts-game').selectOption('connect4');
  await openPanel(page, 'Play, position');
  await demo.getByTestId('mcts-position').fill('......./......./......./......./ooo..../xxx....');
  await demo.getByTestId('mcts-position').press('Enter');
  await expect.poll(async () => (await state(page)).position).toBe('......./......./......./......./ooo..../xxx....');
  await demo.getByTestId('mcts-budget').fill('4000');
  await demo.getByTestId('mcts-budget').press('Enter');
  await demo.getByTestId('mcts-move').click();
  // MCTS searched and played column 4 (index 3): x has four in a row.
  await expect(demo.getByTestId('mcts-news')).toContainText('MCTS played column 4', { timeout: 30_000 });
  await expect(demo.getByTestId('mcts-news')).toContainText('x won');
});

test('bad input: a clear message and the state unchanged', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await state(page)).iterations).toBe(1);
  const before = await state(page);
  const error = demo.getByTestId('mcts-error');

  await demo.getByTestId('mcts-c').fill('abc');
  await demo.getByTestId('mcts-c').press('Enter');
  await expect(error).toContainText('C must be a number');
  expect(await state(page)).toEqual({ ...before, error: expect.stringContaining('C must be a number') });

  for (const bad of ['0', '1e12', '2.5']) {
    await demo.getByTestId('mcts-budget').fill(bad);
    await demo.getByTestId('mcts-budget').press('Enter');
    await expect(error).toContainText('budget must be a whole number');
    expect((await state(page)).budget).toBe(before.budget);
  }

  await openPanel(page, 'Play, position');
  await demo.getByTestId('mcts-position').fill('xx./.../...');
  await demo.getByTestId('mcts-position').press('Enter');
  await expect(error).toContainText('x moves first');
  await demo.getByTestId('mcts-position').fill('xo/.../...');
  await demo.getByTestId('mcts-position').press('Enter');
  await expect(error).toContainText('3 characters');
  expect((await state(page)).position).toBe('.../.../...');
  expect((await state(page)).iterations).toBe(1);

  // An illegal click: play the centre, then click it again.
  await demo.locator('[data-cell="4"]').click();
  await expect.poll(async () => (await state(page)).position).toBe('.../.x./...');
  await demo.locator('[data-cell="4"]').click();
  await expect(error).toContainText('not a legal move');
  expect((await state(page)).position).toBe('.../.x./...');
});

test('keyboard: the tree, the board and the controls work without a mouse', async ({ page }) => {
  const demo = await openDemo(page);
  await demo.getByTestId('mcts-budget').fill('300');
  await demo.getByTestId('mcts-budget').press('Enter');
  await demo.getByRole('button', { name: /^Fastest/ }).press('Enter');
  await demo.getByRole('button', { name: 'Play', exact: true }).press('Enter');
  await expect.poll(async () => (await state(page)).iterations, { timeout: 30_000 }).toBe(300);
  const tree = demo.getByTestId('mcts-tree');
  await tree.focus();
  await page.keyboard.press('ArrowDown');
  // The formula now shows the selected child's numbers.
  await expect(demo.getByTestId('mcts-formula')).toContainText('depth 1');
  const nodesBefore = Number(await tree.getAttribute('data-nodes'));
  await page.keyboard.press('Enter'); // fold its subtree
  await expect.poll(async () => Number(await tree.getAttribute('data-nodes'))).toBeLessThan(nodesBefore);
  await page.keyboard.press('Enter'); // unfold
  await expect.poll(async () => Number(await tree.getAttribute('data-nodes'))).toBe(nodesBefore);
  // A board cell by keyboard: the student's move.
  await demo.locator('[data-cell="0"]').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state(page)).position).toBe('x../.../...');
});
