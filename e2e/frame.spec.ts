import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';
import { bringIntoView, expectOnScreen } from './onScreen';

/**
 * The demo frame on the cart-pole demo: one screen at 1366 × 768 and 1920 × 1080 (stage, main
 * chart and primary controls inside the viewport together), a phone without horizontal overflow
 * whose push buttons work by touch, a status line in words, and Reset that resets the driver.
 */
interface ViewState { x: number; xDot: number; driver: string; held: number | null }
interface StoreLike { getState(): { status: string; iteration: number; delayMs: number } }
type TestWindow = Window & { __rl?: { trainers: Record<string, unknown>; tools: Record<string, () => Promise<unknown>> } };

const view = (page: Page) => page.evaluate(async () => (await (window as TestWindow).__rl!.tools['cartpole-view:pg']()) as ViewState);
const trainer = (page: Page) =>
  page.evaluate(() => {
    const s = ((window as TestWindow).__rl!.trainers.pg as StoreLike).getState();
    return { status: s.status, iteration: s.iteration, delayMs: s.delayMs };
  });

async function openDemo(page: Page): Promise<Locator> {
  // WASM: what a CPU-only test machine trains on fastest; skips the measured probe.
  await page.addInitScript(() => localStorage.setItem('rl-playground.backend.force', 'wasm'));
  await page.goto('lecture/policy-gradients');
  // The demo mounts when its slot nears the viewport: scroll to the placeholder first.
  await page.locator('[data-demo-slot="pg"]').scrollIntoViewIfNeeded();
  const frame = page.locator('[data-demo-slot="pg"] .demo-frame');
  await frame.scrollIntoViewIfNeeded();
  await expect(frame.locator('canvas')).toBeVisible();
  await expect.poll(() => page.evaluate(() => Boolean((window as TestWindow).__rl?.trainers.pg && (window as TestWindow).__rl?.tools['cartpole-view:pg']))).toBe(true);
  await expect.poll(async () => (await trainer(page)).status, { timeout: 30_000 }).toBe('ready');
  return frame;
}


for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`${size.width} × ${size.height}: stage, main chart and primary controls are on screen together`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    const frame = await openDemo(page);
    await bringIntoView(frame);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/review/cartpole-frame-${size.width}x${size.height}.png` });
    const parts = {
      stage: frame.locator('.demo-frame__stage canvas'),
      'push buttons': frame.getByRole('button', { name: 'Push right' }),
      'status line': frame.getByTestId('demo-status'),
      'main chart': frame.getByRole('img', { name: /Episode return/ }),
      'Play button': frame.getByRole('button', { name: 'Play', exact: true }),
      'Reset button': frame.getByRole('button', { name: 'Reset' }),
      'speed menu': frame.getByLabel('Speed'),
      'algorithm setting': frame.getByLabel('Algorithm'),
      'learning-rate setting': frame.getByLabel('Learning rate'),
    };
    await expectOnScreen(page, frame, parts);
    // Chart tick labels are at least 13 px on screen.
    const tickSizes = await frame.locator('.demo-frame__chart .cp-chart__tick').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(tickSizes.length).toBeGreaterThan(3);
    const fontPx = await frame.locator('.demo-frame__chart .cp-chart__tick').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(13);
    // Round y ticks on the return axis.
    const ticks = await frame.locator('.demo-frame__chart .cp-chart__tick').allTextContents();
    expect(ticks).toEqual(expect.arrayContaining(['0', '100', '200', '300', '400', '500']));
    expect(errors).toEqual([]);
  });
}

test('the status line says in words what happens and changes when training; the default pace is the teaching pace', async ({ page }) => {
  const frame = await openDemo(page);
  const status = frame.getByTestId('demo-status');
  await expect(status).toHaveText(/^Ready · iteration 0 · press Play to train/);
  expect((await trainer(page)).delayMs).toBe(600);
  await expect(frame.getByLabel('Speed')).toHaveValue('teaching');
  await frame.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(status).toHaveText(/^Training · iteration [1-9]\d* · mean return over the last \d+ episodes \d+ of 500 · [\d.]+ s of training$/, { timeout: 30_000 });
  const first = await status.textContent();
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe(first);
  // "As fast as possible" is one click away and toggles back.
  const fastest = frame.getByRole('button', { name: 'Fastest' });
  await fastest.click();
  await expect(fastest).toHaveAttribute('aria-pressed', 'true');
  expect((await trainer(page)).delayMs).toBe(0);
  await fastest.click();
  expect((await trainer(page)).delayMs).toBe(600);
  // Pause keeps the model and the iteration count; Play goes on from there.
  await frame.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toHaveText(/^Paused · iteration \d+/);
  const pausedAt = (await trainer(page)).iteration;
  await page.waitForTimeout(600);
  expect((await trainer(page)).iteration).toBe(pausedAt);
  await expect(frame.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  expect(await frame.getByRole('button', { name: 'Reset' }).getAttribute('title')).toBe('Reset: new model from the current settings, iteration 0');
  await frame.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await trainer(page)).iteration, { timeout: 20_000 }).toBeGreaterThan(pausedAt);
});

test('Reset hands the cart back to the pre-trained policy and the label says so', async ({ page }) => {
  const frame = await openDemo(page);
  const driver = frame.getByTestId('cartpole-driver');
  await expect(driver).toContainText('Driver: pre-trained policy');
  await frame.getByRole('button', { name: 'Fastest' }).click();
  await frame.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(driver).toContainText(/Driver: training policy, iteration \d+/, { timeout: 30_000 });
  await frame.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await trainer(page)).iteration, { timeout: 10_000 }).toBe(0);
  await expect(driver).toContainText('Driver: pre-trained policy');
  await expect(frame.getByTestId('demo-status')).toHaveText(/^Ready · iteration 0/);
  await page.waitForTimeout(1500); // no late message of the old run brings the old label back
  expect((await view(page)).driver).toBe('pre-trained policy');
});

test.describe('phone, 375 × 812, touch', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('no horizontal overflow; touch-sized controls; press and hold a push button drives the cart', async ({ page }) => {
    const errors = watchErrors(page);
    const frame = await openDemo(page);
    await bringIntoView(frame);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const right = frame.getByRole('button', { name: 'Push right' });
    await expect(right).toBeInViewport();
    for (const name of ['Push left', 'Push right', 'Play', 'Step', 'Reset']) {
      const box = (await frame.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
    }
    // A tap takes control.
    await right.tap();
    await expect.poll(async () => (await view(page)).driver).toBe('you (by hand)');
    // Press and hold (a real touch sequence): the held push is right while the finger is down.
    const box = (await right.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await expect.poll(async () => (await view(page)).held).toBe(1);
    await page.waitForTimeout(300);
    const during = await view(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(during.xDot).toBeGreaterThan(0); // pushed right for 0.3 s
    await expect.poll(async () => (await view(page)).held).toBeNull();
    const manual = frame.getByRole('button', { name: 'Drive by hand' });
    await expect(manual).toHaveAttribute('aria-pressed', 'true');
    await manual.tap();
    await expect(manual).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await view(page)).driver).not.toBe('you (by hand)');
    await page.screenshot({ path: 'docs/review/cartpole-frame-375x812.png' });
    expect(errors).toEqual([]);
  });
});
