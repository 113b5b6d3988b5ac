/**
 * Classroom features on every built demo: the keyboard shortcuts and their `?` list, presenter
 * mode, share links that reproduce a demo, classroom links that hide controls, tampered links,
 * demos that rest when scrolled away, reduced motion, and a keyboard-only walk.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './watchErrors';

interface Status { playing: boolean; summary: string; speedLabel: string; presetId: string | null; busy?: string | null }
type Hooks = { __rl?: { controllers: Record<string, { status(): Status; play(): void; pause(): void }> } };

/**
 * Where presenter mode's thick lines show: a canvas that records the line scale its last drawing
 * used (data-line-scale), and an SVG line whose stroke width CSS doubles.
 */
interface Lines { canvas?: string; svg?: string }

/**
 * Where the theme shows on a demo's canvases: `paper`, a canvas whose pixel (3, 3) is its own opaque
 * background; `ink`, a transparent overlay canvas whose drawn pixels are all in the ink colour.
 */
interface Themed { paper: string; ink?: string }

/** Every demo built so far: its lecture, slot, a setting a share link must carry, and its lines. */
const DEMOS: readonly { lecture: string; slot: string; setting: { key: string; value: string; label: string }; lines: Lines; themed?: Themed }[] = [
  { lecture: 'actor-critic', slot: 'td', setting: { key: 'alpha', value: '0.05', label: 'Step size α' }, lines: { svg: '.rw-truth' } },
  { lecture: 'value-functions', slot: 'vi', setting: { key: 'gamma', value: '0.8', label: 'Discount γ' }, lines: {} },
  { lecture: 'policy-gradients', slot: 'pg', setting: { key: 'learningRate', value: '0.003', label: 'Learning rate' }, lines: { canvas: '.cartpole-view__canvas' } },
  { lecture: 'exploration', slot: 'bandits', setting: { key: 'policy', value: 'thompson', label: 'Policy' }, lines: { svg: '.bd-posterior' } },
  { lecture: 'optimal-control', slot: 'mcts', setting: { key: 'c', value: '0.7', label: 'C' }, lines: { canvas: '[data-testid="mcts-tree"]' }, themed: { paper: '[data-testid="mcts-tree"]' } },
  { lecture: 'optimal-control', slot: 'cem', setting: { key: 'samples', value: '500', label: 'Samples' }, lines: { canvas: '.pl-room', svg: '.pl-line' }, themed: { paper: '.pl-room' } },
  { lecture: 'variational-inference', slot: 'vae', setting: { key: 'beta', value: '4', label: 'β on the KL term' }, lines: { canvas: '[data-testid="vae-plane"]' }, themed: { paper: '.vae-plane canvas:first-child', ink: '[data-testid="vae-plane"]' } },
  { lecture: 'inverse-rl', slot: 'irl', setting: { key: 'demonstrations', value: '20', label: 'Demonstrations' }, lines: { svg: '.irl-map polyline' } },
];

/**
 * What the demo's lines look like now: the scale its canvas last drew with, the stroke width of
 * its SVG line, and (for a canvas) how many of its pixels are drawn on (alpha over a half).
 */
function readLines(page: Page, slot: string, lines: Lines) {
  return page.locator(`[data-demo-slot="${slot}"]`).evaluate((section, sel) => {
    const canvas = sel.canvas ? section.querySelector<HTMLCanvasElement>(sel.canvas) : null;
    const svg = sel.svg ? section.querySelector(sel.svg) : null;
    let inked = 0;
    if (canvas) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 128) inked++;
    }
    return { scale: canvas?.dataset.lineScale ?? null, stroke: svg ? parseFloat(getComputedStyle(svg).strokeWidth) : null, inked };
  }, lines);
}

/**
 * The luminance (0 black, 1 white) of the `paper` canvas's pixel (3, 3) (NaN unless opaque) and the
 * mean luminance of the pixels drawn on the `ink` canvas (NaN if none).
 */
function readThemed(page: Page, slot: string, themed: Themed) {
  return page.locator(`[data-demo-slot="${slot}"]`).evaluate((section, sel) => {
    const lum = (d: ArrayLike<number>, i: number) => (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
    const corner = section.querySelector<HTMLCanvasElement>(sel.paper)!.getContext('2d')!.getImageData(3, 3, 1, 1).data;
    const paper = corner[3] === 255 ? lum(corner, 0) : NaN;
    let ink = NaN;
    if (sel.ink) {
      const canvas = section.querySelector<HTMLCanvasElement>(sel.ink)!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 128) {
          sum += lum(data, i);
          n++;
        }
      }
      ink = n ? sum / n : NaN;
    }
    return { paper, ink };
  }, themed);
}

async function openDemo(page: Page, lecture: string, slot: string, query = '') {
  await page.addInitScript(() => localStorage.setItem('rl-playground.backend.force', 'wasm'));
  await page.goto(`lecture/${lecture}${query}`);
  const section = page.locator(`[data-demo-slot="${slot}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate((id) => {
    const c = (window as unknown as Hooks).__rl?.controllers[id];
    return Boolean(c) && !c!.status().busy;
  }, slot), { timeout: 45_000 }).toBe(true);
  return section;
}

const status = (page: Page, slot: string) => page.evaluate((id) => (window as unknown as Hooks).__rl!.controllers[id].status(), slot);

for (const demo of DEMOS) {
  test(`${demo.slot}: every shortcut works, ? lists them, presenter mode fills the screen`, async ({ page }) => {
    const errors = watchErrors(page);
    const section = await openDemo(page, demo.lecture, demo.slot);
    const region = section.getByRole('region', { name: /Live demo/ });
    // Focus inside the demo the way a student does: click a quiet spot in it.
    await section.getByTestId('demo-status').click();
    const start = await status(page, demo.slot);
    expect(start.playing).toBe(false);

    await page.keyboard.press('s');
    await expect.poll(async () => (await status(page, demo.slot)).summary, { timeout: 20_000 }).not.toBe(start.summary);
    await page.keyboard.press('k');
    await expect.poll(async () => (await status(page, demo.slot)).playing).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(async () => (await status(page, demo.slot)).playing).toBe(false);
    await page.keyboard.press('r');
    await expect.poll(async () => (await status(page, demo.slot)).summary, { timeout: 20_000 }).toBe(start.summary);

    // Slower then faster (a demo may open at its fastest, or at its slowest).
    const [first, back] = start.speedLabel.startsWith('Fastest') ? ['-', '+'] : ['+', '-'];
    await page.keyboard.press(first);
    await expect.poll(async () => (await status(page, demo.slot)).speedLabel).not.toBe(start.speedLabel);
    await page.keyboard.press(back);
    await expect.poll(async () => (await status(page, demo.slot)).speedLabel).toBe(start.speedLabel);

    await page.keyboard.press('n');
    await expect.poll(async () => (await status(page, demo.slot)).presetId).not.toBe(start.presetId);
    const next = (await status(page, demo.slot)).presetId;
    await page.keyboard.press('n');
    await expect.poll(async () => (await status(page, demo.slot)).presetId).not.toBe(next);
    await page.keyboard.press('p');
    await expect.poll(async () => (await status(page, demo.slot)).presetId).toBe(next);

    await section.getByTestId('demo-status').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const words of ['Play / pause', 'One step', 'Reset', 'Faster', 'Slower', 'Next preset', 'Previous preset', 'Presenter mode', 'Leave presenter mode']) {
      await expect(help).toContainText(words);
    }
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Thin lines before presenter mode (the canvas has drawn, the SVG line is there: some plots
    // appear with the first step).
    if (demo.lines.svg && (await section.locator(demo.lines.svg).count()) === 0) {
      await section.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(section.locator(demo.lines.svg).first()).toBeAttached({ timeout: 20_000 });
    }
    if (demo.lines.canvas) await expect.poll(async () => (await readLines(page, demo.slot, demo.lines)).scale).toBe('1');
    const thin = await readLines(page, demo.slot, demo.lines);
    if (demo.lines.svg) expect(thin.stroke, `${demo.lines.svg} in the page`).toBeGreaterThan(0);

    await section.getByTestId('demo-status').click();
    await page.keyboard.press('f');
    await expect(section).toHaveAttribute('data-presenter', 'true');
    // Twice as thick: the canvas drew again with its lines scaled, the SVG line's stroke doubled.
    if (demo.lines.canvas) await expect.poll(async () => (await readLines(page, demo.slot, demo.lines)).scale).toBe('2');
    if (demo.lines.svg) expect((await readLines(page, demo.slot, demo.lines)).stroke).toBeGreaterThanOrEqual(2 * thin.stroke!);
    // The latent plane keeps its size (480 x 480) and only its crosshair is drawn on: thicker
    // lines cover more of it.
    if (demo.slot === 'vae') expect((await readLines(page, demo.slot, demo.lines)).inked).toBeGreaterThan(2 * thin.inked);
    const box = await section.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.x).toBeLessThanOrEqual(1);
    expect(box!.y).toBeLessThanOrEqual(1);
    expect(box!.width).toBeGreaterThanOrEqual(viewport.width - 2);
    expect(box!.height).toBeGreaterThanOrEqual(viewport.height - 2);
    // Large type, and the lecture's equation kept beside the demo.
    const size = await region.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await expect(section.locator('.with-demo__text .katex').first()).toBeVisible();
    await page.screenshot({ path: `test-results/presenter-${demo.slot}.png` });
    // Shortcuts work from anywhere in presenter mode; Esc leaves it.
    await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('k');
    await expect.poll(async () => (await status(page, demo.slot)).playing).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(async () => (await status(page, demo.slot)).playing).toBe(false);
    await page.keyboard.press('Escape');
    await expect(section).not.toHaveAttribute('data-presenter', 'true');
    if (demo.lines.canvas) await expect.poll(async () => (await readLines(page, demo.slot, demo.lines)).scale).toBe('1');
    if (demo.lines.svg) expect((await readLines(page, demo.slot, demo.lines)).stroke).toBe(thin.stroke);
    // The button does the same.
    await section.getByRole('button', { name: /^Demo tools/ }).click();
    await section.getByRole('button', { name: /^Presenter mode/ }).click();
    await expect(section).toHaveAttribute('data-presenter', 'true');
    await section.getByRole('button', { name: 'Leave presenter mode' }).click();
    await expect(section).not.toHaveAttribute('data-presenter', 'true');

    // The canvases follow the theme (the page opens light): the reader picks Dark, and the
    // background turns dark and the lines light, without a reload.
    if (demo.themed) {
      const light = await readThemed(page, demo.slot, demo.themed);
      expect(light.paper, `${demo.themed.paper} is opaque and light`).toBeGreaterThan(0.8);
      if (demo.themed.ink) expect(light.ink, `${demo.themed.ink} draws dark lines`).toBeLessThan(0.3);
      await page.getByLabel('Theme').selectOption('dark');
      await expect.poll(async () => (await readThemed(page, demo.slot, demo.themed!)).paper, { message: `${demo.themed.paper} turns dark` }).toBeLessThan(0.2);
      if (demo.themed.ink) await expect.poll(async () => (await readThemed(page, demo.slot, demo.themed!)).ink, { message: `${demo.themed.ink} draws light lines` }).toBeGreaterThan(0.7);
    }
    expect(errors).toEqual([]);
  });

  test(`${demo.slot}: a share link reproduces the demo (settings, seed, first steps)`, async ({ page, browser }) => {
    const errors = watchErrors(page);
    const query = `?${demo.slot}.${demo.setting.key}=${demo.setting.value}&${demo.slot}.seed=7`;
    const section = await openDemo(page, demo.lecture, demo.slot, query);
    await section.getByRole('button', { name: /^Demo tools/ }).click();
    await section.getByRole('button', { name: 'Share a link…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Share/ });
    await expect(dialog).toBeVisible();
    const link = await dialog.getByLabel('Link').inputValue();
    const url = new URL(link);
    expect(url.searchParams.get(`${demo.slot}.${demo.setting.key}`)).toBe(demo.setting.value);
    expect(url.searchParams.get(`${demo.slot}.seed`)).toBe('7');
    expect(url.hash).toBe(`#demo-${demo.slot}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Three steps here, three steps in a fresh page opened from the link: the same words.
    for (let i = 0; i < 3; i++) {
      const before = (await status(page, demo.slot)).summary;
      await section.getByRole('button', { name: 'Step' }).click();
      await expect.poll(async () => (await status(page, demo.slot)).summary, { timeout: 20_000 }).not.toBe(before);
    }
    const here = (await status(page, demo.slot)).summary;
    const other = await browser.newPage();
    await other.addInitScript(() => localStorage.setItem('rl-playground.backend.force', 'wasm'));
    await other.goto(link);
    const otherSection = other.locator(`[data-demo-slot="${demo.slot}"]`);
    await expect.poll(() => other.evaluate((id) => Boolean((window as unknown as Hooks).__rl?.controllers[id]) && !(window as unknown as Hooks).__rl!.controllers[id].status().busy, demo.slot), { timeout: 45_000 }).toBe(true);
    await expect(otherSection.locator(`[data-param="${demo.setting.key}"]`).first()).toContainText(demo.setting.label);
    for (let i = 0; i < 3; i++) {
      const before = (await status(other, demo.slot)).summary;
      await otherSection.getByRole('button', { name: 'Step' }).click();
      await expect.poll(async () => (await status(other, demo.slot)).summary, { timeout: 20_000 }).not.toBe(before);
    }
    const there = (await status(other, demo.slot)).summary;
    // Elapsed seconds differ between runs; everything else must match.
    const words = (s: string) => s.replace(/\d+(\.\d+)? s\b/g, '').trim();
    expect(words(there)).toBe(words(here));
    await other.close();
    expect(errors).toEqual([]);
  });
}

test('a classroom link hides the chosen controls and says so; a tampered one is refused with a note', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchErrors(page);
  const section = await openDemo(page, 'actor-critic', 'td');
  await section.getByRole('button', { name: /^Demo tools/ }).click();
  await section.getByRole('button', { name: 'Share a link…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Share/ });
  await dialog.getByRole('checkbox', { name: 'Step size α' }).check();
  await dialog.getByRole('button', { name: 'Copy classroom link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Classroom link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('td.hide')).toBe('alpha');
  await page.goto(link);
  const hidden = page.locator('[data-demo-slot="td"]');
  await hidden.scrollIntoViewIfNeeded();
  await expect(hidden.getByText('This classroom link hides 1 control.')).toBeVisible();
  const frame = hidden.locator('.demo-frame');
  await expect(frame.getByLabel('Step size α')).toBeHidden();
  await expect(frame.getByLabel('States in the walk (odd)')).toBeVisible();
  await hidden.getByRole('button', { name: 'Show all controls' }).click();
  await expect(frame.getByLabel('Step size α')).toBeVisible();

  // Tampered: a value out of range, a bad name and markup in the hide list.
  const tampered = `?td.alpha=7&td.hide=${encodeURIComponent('alpha,"]{}</style><img src=x onerror="window.__pwned=1">,__proto__')}`;
  const again = await openDemo(page, 'actor-critic', 'td', tampered);
  await expect(again.getByRole('alert').first()).toContainText('td.alpha: 7 is outside');
  await expect(again.getByText(/2 names in the link are not a control this demo can hide; ignored/)).toBeVisible();
  await expect(again.locator('.demo-frame').getByLabel('Step size α')).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a demo scrolled out of view pauses, and says so when you come back', async ({ page }) => {
  const errors = watchErrors(page);
  const section = await openDemo(page, 'value-functions', 'vi');
  await section.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await status(page, 'vi')).playing).toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(async () => (await status(page, 'vi')).playing).toBe(false);
  await expect(section).toHaveAttribute('data-resting', 'true');
  const summary = (await status(page, 'vi')).summary;
  await page.waitForTimeout(1000);
  expect((await status(page, 'vi')).summary).toBe(summary);
  await section.scrollIntoViewIfNeeded();
  const note = section.getByText('Paused while it was out of view');
  await expect(note).toBeVisible();
  await section.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => (await status(page, 'vi')).playing).toBe(true);
  await expect(note).toBeHidden();
  expect(errors).toEqual([]);
});

test('with reduced motion asked for, the cart-pole waits to be started', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const section = await openDemo(page, 'policy-gradients', 'pg');
  const steps = () => page.evaluate(async () => ((await (window as unknown as { __rl: { tools: Record<string, () => Promise<{ steps: number; episodes: number }>> } }).__rl.tools['cartpole-view:pg']()) as { steps: number }).steps);
  await page.waitForTimeout(1500);
  expect(await steps()).toBe(0);
  await section.getByRole('button', { name: /Animate/ }).click();
  await expect.poll(steps, { timeout: 10_000 }).toBeGreaterThan(10);
});

test('keyboard only: Tab reaches the demo with a visible focus ring, Enter plays, K pauses', async ({ page }) => {
  await openDemo(page, 'actor-critic', 'td');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let inDemo = false;
  for (let i = 0; i < 200 && !inDemo; i++) {
    await page.keyboard.press('Tab');
    inDemo = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-demo-slot="td"] .run-controls')));
  }
  expect(inDemo).toBe(true);
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  // Tab to Play (the first run control) and press it.
  const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(name).toMatch(/Play/);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await status(page, 'td')).playing).toBe(true);
  await page.keyboard.press('k');
  await expect.poll(async () => (await status(page, 'td')).playing).toBe(false);
});

// The other demos' canvases (the MCTS tree, the CEM room, the latent plane) are checked in dark
// mode at the end of their presenter tests above, in the page those already load.
test('the theme follows the system, can be switched, persists, and charts and canvases follow it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const section = await openDemo(page, 'policy-gradients', 'pg');
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
  const pageBackground = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const tickFill = () => section.locator('svg text').first().evaluate((el) => getComputedStyle(el).fill);
  const canvasCorner = () => section.locator('canvas').first().evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const [r, g, b] = c.getContext('2d')!.getImageData(2, 2, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });
  expect(luminance(await pageBackground())).toBeGreaterThan(0.9);
  // The system turns dark: the page follows (no choice made).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => luminance(await pageBackground())).toBeLessThan(0.15);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => luminance(await pageBackground())).toBeGreaterThan(0.9);
  // The reader picks Dark: page, chart text and the canvas follow; a reload keeps it.
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => luminance(await pageBackground())).toBeLessThan(0.15);
  await expect.poll(async () => luminance(await tickFill())).toBeGreaterThan(0.7);
  await expect.poll(async () => luminance(await canvasCorner()), { timeout: 5000 }).toBeLessThan(0.15);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await background())).toBeLessThan(0.15);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect.poll(async () => luminance(await pageBackground())).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});

test('an MCTS link carries the position; a position of the wrong problem is refused with a note', async ({ page }) => {
  const errors = watchErrors(page);
  const good = await openDemo(page, 'optimal-control', 'mcts', `?mcts.gameId=tictactoe&mcts.position=${encodeURIComponent('xx./oo./...')}&mcts.c=0.7`);
  await expect(good.getByTestId('mcts-c')).toHaveValue('0.7');
  await good.getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => (await status(page, 'mcts')).summary).toMatch(/1/);
  const bad = await openDemo(page, 'optimal-control', 'mcts', `?mcts.gameId=connect4&mcts.position=${encodeURIComponent('xx./oo./...')}`);
  await expect(bad.getByRole('alert').first()).toContainText('mcts.position');
  await expect(bad.getByTestId('mcts-game')).toHaveValue('connect4');
  expect(errors).toEqual([]);
});

test('at 375 px every demo fits: no horizontal scrolling of the page, touch-sized run controls', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 375, height: 812 });
  for (const demo of [...DEMOS, { lecture: 'introduction', slot: 'mdp' }]) {
    const section = await openDemo(page, demo.lecture, demo.slot);
    await section.locator('.demo-frame').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: demo.slot }).toBeLessThanOrEqual(375);
    const play = section.locator('.run-controls__play');
    const box = await play.boundingBox();
    expect(box!.height, `${demo.slot} Play button height`).toBeGreaterThanOrEqual(40);
    expect(box!.x + box!.width, `${demo.slot} Play button inside the screen`).toBeLessThanOrEqual(375);
  }
});

test('at 200% zoom on a 1366 × 768 screen (a 683 × 384 CSS viewport) lectures and demos stay readable', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 683, height: 384 });
  for (const demo of DEMOS) {
    const section = await openDemo(page, demo.lecture, demo.slot);
    await section.locator('.demo-frame').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: demo.slot }).toBeLessThanOrEqual(683);
    const play = section.locator('.run-controls__play');
    await play.scrollIntoViewIfNeeded();
    const box = await play.boundingBox();
    expect(box!.x + box!.width, `${demo.slot}: Play inside the screen`).toBeLessThanOrEqual(683);
    const text = await section.locator('.with-demo__text p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(text).toBeGreaterThanOrEqual(16);
  }
});

test.describe('on a 375 px touch screen', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

  interface Point { x: number; y: number }

  /**
   * A finger put down at the first point, dragged through the others (a few moves per leg) and
   * lifted: real touch input through the DevTools protocol, which Chromium turns into pointer
   * events of type "touch" (and into a scroll, where the page lets it pan).
   */
  async function fingerDrag(page: Page, points: Point[]) {
    const cdp = await page.context().newCDPSession(page);
    const touch = (p: Point) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(points[0]) });
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      for (let k = 1; k <= 6; k++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch({ x: a.x + ((b.x - a.x) * k) / 6, y: a.y + ((b.y - a.y) * k) / 6 }) });
      }
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** The drag came as touch pointer events only, and the page neither scrolled nor grew wider than 375 px. */
  function expectTouchOnly(start: { scrollX: number; scrollY: number }, end: { types: string[]; scrollX: number; scrollY: number; scrollWidth: number }) {
    expect(end.types).toContain('touch');
    expect(end.types).not.toContain('mouse');
    expect({ x: end.scrollX, y: end.scrollY }).toEqual({ x: start.scrollX, y: start.scrollY });
    expect(end.scrollWidth).toBeLessThanOrEqual(375);
  }

  /** The pointer types of the pointerdown events seen from now on, and where the page is scrolled. */
  async function watchPointers(page: Page) {
    await page.evaluate(() => {
      const w = window as unknown as { __pointerTypes: string[] };
      w.__pointerTypes = [];
      window.addEventListener('pointerdown', (e) => w.__pointerTypes.push(e.pointerType), true);
    });
    return () => page.evaluate(() => ({
      types: (window as unknown as { __pointerTypes: string[] }).__pointerTypes,
      scrollX: window.scrollX, scrollY: window.scrollY, scrollWidth: document.documentElement.scrollWidth,
    }));
  }

  test('a finger dragged across the gridworld paints walls; the page does not pan', async ({ page }) => {
    const errors = watchErrors(page);
    const section = await openDemo(page, 'value-functions', 'vi');
    const layout = () => page.evaluate(() => (window as unknown as { __rlGridworld: Record<string, { layout(): string }> }).__rlGridworld.vi.layout());
    await section.getByRole('button', { name: /^Wall/ }).click();
    const grid = section.locator('.gw-grid');
    await grid.scrollIntoViewIfNeeded();
    const before = (await layout()).split('\n').map((row) => row.split(' '));
    const cols = before[0].length;
    expect(before.length).toBeGreaterThanOrEqual(2);
    const centre = async (cell: number) => {
      const box = (await grid.locator(`g[data-cell="${cell}"] rect`).first().boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    // Along the top row from the first cell to the third, then down one row: a vertical leg
    // too, which would scroll the page if the grid let the browser pan.
    const path = [0, 2, cols + 2];
    const read = await watchPointers(page);
    const start = await read();
    await fingerDrag(page, await Promise.all(path.map(centre)));
    const touched = [0, 1, 2, cols + 2];
    const empty = touched.filter((cell) => before[Math.floor(cell / cols)][cell % cols] === '.');
    expect(empty.length, 'empty cells on the path').toBeGreaterThanOrEqual(2);
    await expect.poll(async () => {
      const after = (await layout()).split('\n').map((row) => row.split(' '));
      return empty.map((cell) => after[Math.floor(cell / cols)][cell % cols]);
    }).toEqual(empty.map(() => '#'));
    const painted = await layout();
    await expect.poll(() => new URL(page.url()).searchParams.get('vi.layout')).toBe(painted);
    expectTouchOnly(start, await read());
    expect(errors).toEqual([]);
  });

  test('a finger dragged on the VAE latent plane moves the point and decodes other digits; the page does not pan', async ({ page }) => {
    const errors = watchErrors(page);
    const section = await openDemo(page, 'variational-inference', 'vae');
    type Explorer = { encoded: boolean; decodes: number; lastZ: number[]; lastInk: number };
    const explorer = () => page.evaluate(() => (window as unknown as { __rl: { tools: Record<string, () => Promise<unknown>> } }).__rl.tools['vae.state:vae']() as Promise<Explorer>);
    await expect.poll(async () => (await explorer()).encoded, { timeout: 60_000 }).toBe(true);
    const plane = section.getByTestId('vae-plane');
    await plane.scrollIntoViewIfNeeded();
    const digit = section.getByTestId('vae-decoded');
    const first = { explorer: await explorer(), digit: await digit.getAttribute('aria-label'), words: await section.getByText(/^Cursor z = /).textContent() };
    const box = (await plane.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    const read = await watchPointers(page);
    const start = await read();
    // Up and to the left, then down and to the right: z₁ grows, z₂ falls.
    await fingerDrag(page, [
      { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 },
      { x: box.x + box.width * 0.2, y: box.y + box.height * 0.2 },
      { x: box.x + box.width * 0.75, y: box.y + box.height * 0.8 },
    ]);
    await expect.poll(async () => (await explorer()).lastZ[0]).toBeCloseTo(1.5, 0);
    const last = await explorer();
    expect(last.lastZ[1]).toBeCloseTo(-1.8, 0);
    expect(last.decodes).toBeGreaterThan(first.explorer.decodes + 5);
    expect(last.lastInk).not.toBeCloseTo(first.explorer.lastInk, 0);
    await expect(section.getByText(/^Cursor z = /)).not.toHaveText(first.words!);
    await expect(section.getByText(/^Cursor z = /)).toHaveText(/^Cursor z = \(1\.\d\d, -1\.\d\d\)/);
    expect(await digit.getAttribute('aria-label')).not.toBe(first.digit);
    expectTouchOnly(start, await read());
    expect(errors).toEqual([]);
  });
});
