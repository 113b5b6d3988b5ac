import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';

/** The lecture page that holds a gridworld slot while the lectures are being written. */
const LECTURE = 'lecture/introduction';

/** The demo's test hook (src/demos/gridworld/testApi.ts), typed here for the spec. */
interface GridworldHook {
  values(): number[];
  layout(): string;
  settings(): { gamma: number; noise: number; living: number; mode: string };
  largeProgress(): { sweeps: number } | null;
}
type HookWindow = { __rlGridworld: Record<string, GridworldHook> };

/** Opens the lecture and returns the slot id of its (first) gridworld demo. */
async function openDemo(page: Page, query = ''): Promise<string> {
  await page.goto(`${LECTURE}${query}`);
  const demo = page.locator('[data-gridworld]').first();
  await expect(demo).toBeVisible();
  return (await demo.getAttribute('data-gridworld'))!;
}

const api = (page: Page, slot: string) => ({
  values: () => page.evaluate((id) => (window as unknown as HookWindow).__rlGridworld[id].values(), slot),
  layout: () => page.evaluate((id) => (window as unknown as HookWindow).__rlGridworld[id].layout(), slot),
  settings: () => page.evaluate((id) => (window as unknown as HookWindow).__rlGridworld[id].settings(), slot),
});

test('the demo renders on the lecture and one sweep changes the values', async ({ page }) => {
  const errors = watchErrors(page);
  const slot = await openDemo(page);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  expect((await api(page, slot).values()).every((v) => v === 0)).toBe(true);
  await demo.getByRole('button', { name: 'One sweep' }).click();
  await expect(demo.getByTestId('gw-status')).toContainText('1 sweeps');
  const values = await api(page, slot).values();
  expect(values.filter((v) => v !== 0).length).toBeGreaterThan(0);
  await expect(demo.locator('.gw-backup .katex')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the classic 4x3 preset converges to the textbook start value 0.705', async ({ page }) => {
  const slot = await openDemo(page);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  await demo.getByLabel('Preset').selectOption('classic');
  await demo.getByRole('button', { name: 'Run to convergence' }).click();
  await expect(demo.getByTestId('gw-status')).toContainText('(converged)');
  await expect(demo.getByTestId('gw-start-value')).toHaveText('0.705');
  expect(await api(page, slot).settings()).toMatchObject({ gamma: 1, noise: 0.2, living: -0.04 });
  // Policy iteration reaches the same start value, with the last round changing nothing.
  await demo.getByLabel('Algorithm').selectOption('pi');
  await demo.getByRole('button', { name: 'Run to convergence' }).click();
  await expect(demo.getByTestId('gw-start-value')).toHaveText('0.705');
  await expect(demo.getByText(/Policy changes per round: .*, 0$/)).toBeVisible();
});

test('cells can be edited from the keyboard and the layout goes into the URL', async ({ page }) => {
  const slot = await openDemo(page);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  const grid = demo.getByRole('application', { name: 'Gridworld editor' });
  await grid.focus();
  // The cursor starts on the start cell (row 3, column 1); go up two rows and right one.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(demo.locator('.gw-backup figcaption')).toContainText('row 1, column 2');
  await page.keyboard.press('2');
  await expect(demo.getByRole('button', { name: /^Wall/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  expect((await api(page, slot).layout()).split('\n')[0]).toBe('. # . +1');
  await expect.poll(() => new URL(page.url()).searchParams.get(`${slot}.layout`)).toBe('. # . +1\n. # . -1\nS . . .');
  // Paint a terminal worth −2 with key 3 and Enter.
  await demo.getByLabel('Terminal reward').fill('-2');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  expect((await api(page, slot).layout()).split('\n')[1]).toBe('-2 # . -1');
});

test('a shared link applies its settings; a malformed one explains and falls back', async ({ page }) => {
  const slot = await openDemo(page);
  const layout = 'S . . +1\n. # # .\n. . . -5';
  const query = new URLSearchParams({ [`${slot}.gamma`]: '0.5', [`${slot}.mode`]: 'pi', [`${slot}.layout`]: layout, [`${slot}.living`]: '-0.1' });
  await openDemo(page, `?${query}`);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  await expect(demo.getByLabel('Algorithm')).toHaveValue('pi');
  await expect(demo.getByLabel(/Discount γ/)).toHaveValue('0.5');
  expect(await api(page, slot).layout()).toBe(layout);
  expect(await api(page, slot).settings()).toMatchObject({ gamma: 0.5, living: -0.1, mode: 'pi' });
  await expect(demo.getByRole('alert')).toHaveCount(0);

  const bad = new URLSearchParams({ [`${slot}.gamma`]: '7', [`${slot}.layout`]: 'S x +1', [`${slot}.noise`]: 'NaN' });
  await openDemo(page, `?${bad}`);
  const alert = page.locator(`[data-gridworld="${slot}"]`).getByRole('alert').first();
  await expect(alert).toContainText(`${slot}.gamma: 7 is outside [0, 1]`);
  await expect(alert).toContainText('Row 1, column 2: "x" is not a cell');
  await expect(alert).toContainText(`${slot}.noise: "NaN" is not a number`);
  expect(await api(page, slot).settings()).toMatchObject({ gamma: 0.9, noise: 0.2 });
  await page.locator(`[data-gridworld="${slot}"]`).getByRole('button', { name: 'One sweep' }).click();
  await expect(page.locator(`[data-gridworld="${slot}"]`).getByTestId('gw-status')).toContainText('1 sweeps');
});

test('an impossible grid gets a clear message instead of a hang', async ({ page }) => {
  const slot = await openDemo(page);
  await openDemo(page, `?${new URLSearchParams({ [`${slot}.layout`]: 'S # +1', [`${slot}.gamma`]: '1' })}`);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  await expect(demo.getByRole('alert')).toContainText('cannot reach any terminal');
  await expect(demo.getByRole('button', { name: 'Run to convergence' })).toBeDisabled();
});

test('large-grid mode sweeps a 512 x 512 maze in a worker without long tasks', async ({ page }) => {
  const slot = await openDemo(page);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  await demo.getByText('Large-grid mode').click();
  await demo.getByLabel('Maze size').selectOption('512');
  const sweeps = () => page.evaluate((id) => (window as unknown as HookWindow).__rlGridworld[id].largeProgress()?.sweeps ?? 0, slot);
  await demo.getByRole('button', { name: 'Build maze and run' }).click();
  // Watch the main thread while the worker trains (after the click's own render and the first report).
  await expect.poll(sweeps, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const first = await sweeps();
  await expect.poll(sweeps, { timeout: 30_000 }).toBeGreaterThan(first + 30);
  await demo.getByRole('button', { name: 'Stop' }).click();
  await expect(demo.getByText(/512 x 512: \d+ sweeps/)).toBeVisible();
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
  const image = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.gw-large__canvas')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: canvas.width, colours: colours.size };
  });
  expect(image.width).toBe(512);
  expect(image.colours).toBeGreaterThan(3);
});

test('screenshots for review', async ({ page }) => {
  test.skip(!process.env.GW_SCREENSHOTS, 'set GW_SCREENSHOTS=1 to write /tmp/gw-*.png');
  const slot = await openDemo(page);
  const demo = page.locator(`[data-gridworld="${slot}"]`);
  await demo.getByLabel('Preset').selectOption('classic');
  await demo.getByRole('button', { name: 'Run to convergence' }).click();
  await expect(demo.getByTestId('gw-status')).toContainText('(converged)');
  await demo.scrollIntoViewIfNeeded();
  await page.locator(`[data-demo-slot]`).first().screenshot({ path: '/tmp/gw-wide.png' });
  await demo.getByLabel('Algorithm').selectOption('soft');
  await demo.getByLabel('Preset').selectOption('cliff');
  await demo.getByRole('button', { name: 'Run to convergence' }).click();
  await demo.locator('.gw-grid').screenshot({ path: '/tmp/gw-soft.png' });
  await demo.getByLabel('Algorithm').selectOption('q');
  await demo.getByRole('button', { name: 'Run until Q ≈ Q*' }).click();
  await page.waitForTimeout(1500);
  await demo.getByLabel('Show Q(s, a) triangles').check();
  await page.locator(`[data-demo-slot]`).first().screenshot({ path: '/tmp/gw-q.png' });
  await page.setViewportSize({ width: 375, height: 900 });
  await demo.screenshot({ path: '/tmp/gw-narrow.png' });
});
