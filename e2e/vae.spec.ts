/**
 * The VAE demo (variational-inference lecture, slot "vae") in a real browser: the shipped model
 * is explored at once (pointer, keyboard, prior samples, panels), live training changes the
 * numbers and the explorer's model, and bad input leaves a clear message with the shipped model
 * still usable.
 */
import { test, expect, type Page } from '@playwright/test';
import { encodeWeightFile } from '../src/algorithms/runtime/weightFile';
import { watchErrors } from './watchErrors';
import { stalls, watchLongTasks } from './longTasks';

interface ExplorerState { model: string | null; latent: number | null; encoded: boolean; decodes: number; lastZ: number[]; lastInk: number; decodeMs: number[] }
type Hooks = {
  __rl?: {
    trainers: Record<string, { getState(): { status: string; iteration: number; latest: Record<string, number> | null; notice: { text: string } | null; config: { latent: number } } }>;
    controllers: Record<string, { play(): void; pause(): void }>;
    tools: Record<string, () => Promise<unknown>>;
  };
};

const explorer = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__rl!.tools['vae.state:vae']() as Promise<ExplorerState>);
const trainer = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as Hooks).__rl!.trainers.vae.getState();
  return { status: s.status, iteration: s.iteration, latest: s.latest, notice: s.notice?.text ?? null, latent: s.config.latent };
});

async function openDemo(page: Page) {
  await page.goto('lecture/variational-inference');
  const demo = page.locator('[data-demo-slot="vae"]');
  await demo.scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as Hooks).__rl?.tools['vae.state:vae'])), { timeout: 60_000 }).toBe(true);
  await expect.poll(async () => (await explorer(page)).encoded, { timeout: 60_000 }).toBe(true);
  return demo;
}

test('the page opens with the shipped model: the explorer decodes on pointer move, keys and prior samples', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  const longTasks = await watchLongTasks(page);
  expect((await explorer(page)).model).toBe('shipped model');
  const plane = demo.getByTestId('vae-plane');
  const box = (await plane.boundingBox())!;
  const before = await explorer(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await expect.poll(async () => (await explorer(page)).decodes).toBeGreaterThan(before.decodes);
  const first = await explorer(page);
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.75, { steps: 5 });
  await expect.poll(async () => (await explorer(page)).lastZ[0]).toBeGreaterThan(first.lastZ[0] + 1);
  const second = await explorer(page);
  expect(second.lastZ[1]).toBeLessThan(first.lastZ[1] - 1);
  expect(second.lastInk).not.toBeCloseTo(first.lastInk, 0); // a different image was drawn
  expect(second.lastInk).toBeGreaterThan(20); // and it has ink (a digit, not a blank)

  await plane.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await explorer(page)).lastZ[0]).toBeCloseTo(second.lastZ[0] + 0.1, 1);
  const decodes = (await explorer(page)).decodes;
  await demo.getByRole('button', { name: 'Sample from the prior' }).click();
  await expect.poll(async () => (await explorer(page)).decodes).toBeGreaterThan(decodes);
  await expect(demo.getByText(/^Prior sample z = /)).toBeVisible();
  // Exploring (pointer, keys, prior) never stalls the page: decoding is a small plain-JS pass.
  expect(stalls(await longTasks())).toEqual([]);

  // the panels work with the shipped model
  await demo.getByRole('button', { name: 'Reparameterisation' }).click();
  const reparam = demo.getByTestId('vae-reparam');
  await expect(reparam).toContainText('KL');
  const formula = await reparam.locator('.vae-equations').innerText();
  await reparam.getByRole('button', { name: 'Redraw ε' }).click();
  await expect.poll(() => reparam.locator('.vae-equations').innerText()).not.toBe(formula);
  await demo.getByRole('button', { name: 'Decoding grid' }).click();
  await expect(demo.getByTestId('vae-grid').getByRole('img')).toBeVisible();
  await demo.getByRole('button', { name: 'Interpolation' }).click();
  await expect(demo.getByTestId('vae-interp').getByRole('img')).toBeVisible();
  expect(errors).toEqual([]);
});

test('training runs for real: steps, changing numbers, and the explorer switches to the live model', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await expect.poll(async () => (await trainer(page)).status, { timeout: 60_000 }).toBe('ready');
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.vae.play());
  await expect.poll(async () => (await trainer(page)).iteration, { timeout: 120_000 }).toBeGreaterThan(10);
  const a = (await trainer(page)).latest!;
  expect(Number.isFinite(a.negElbo)).toBe(true);
  expect(a.negElbo).toBeCloseTo(a.recon + a.kl, 6);
  expect(a.negElbo).toBeGreaterThan(50);
  expect(a.negElbo).toBeLessThan(400);
  await expect.poll(async () => (await trainer(page)).latest!.negElbo, { timeout: 60_000 }).not.toBe(a.negElbo);
  // every 50 steps the page takes the worker's weights
  await expect.poll(async () => (await explorer(page)).model, { timeout: 180_000 }).toMatch(/^live model/);
  await expect(demo.getByText(/^Training · epoch \d+ \(step \d+\/125\)/)).toBeVisible();
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.vae.pause());
  await expect.poll(async () => (await trainer(page)).status).toBe('paused');
  expect(errors).toEqual([]);
});

test('bad input: out-of-range settings, mismatched weights and a diverging run give a message; the shipped model stays usable', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await expect.poll(async () => (await trainer(page)).status, { timeout: 60_000 }).toBe('ready');
  await demo.getByRole('button', { name: 'More settings' }).click();
  const settings = demo.locator('form.vae-more');
  for (const [field, value, message] of [
    ['Latent dimension (2–16)', '40', /latent dimension must be a whole number from 2 to 16; it is 40/],
    ['Hidden units per layer (16–1024)', '4', /hidden size must be a whole number from 16 to 1024; it is 4/],
    ['Batch size (8–512)', '0', /batch size must be a whole number from 8 to 512; it is 0/],
    ['Batch size (8–512)', 'abc', /Batch size must be a number/],
  ] as const) {
    await settings.getByLabel(field).fill(value);
    await settings.getByRole('button', { name: /Apply/ }).click();
    await expect(demo.getByTestId('vae-problems')).toContainText(message);
    await settings.getByLabel(field).fill(field.startsWith('Latent') ? '2' : field.startsWith('Hidden') ? '256' : '64');
  }
  expect((await trainer(page)).latent).toBe(2);

  // weights of another shape
  const shape = (rows: number, cols?: number) => (cols ? [rows, cols] : [rows]);
  const sizes = { encoder: [784, 32, 32, 8], decoder: [4, 32, 32, 784] };
  const tensors = Object.entries(sizes).flatMap(([net, s]) => s.slice(1).flatMap((out, l) => [
    { name: `${net}/w${l}`, shape: shape(s[l], out), values: new Float32Array(s[l] * out) },
    { name: `${net}/b${l}`, shape: shape(out), values: new Float32Array(out) },
  ]));
  const other = encodeWeightFile({ trainerId: 'vae', iteration: 5, snapshot: { modelId: 'vae/4-32', tensors } });
  await demo.getByLabel('Upload weights').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await expect(demo.getByRole('alert').filter({ hasText: /These weights are for "vae\/4-32" but this VAE is "vae\/2-256"/ })).toBeVisible();

  // weights that fit but blow up: the run meets a non-finite loss and pauses with a message
  const big = Object.entries({ encoder: [784, 256, 256, 4], decoder: [2, 256, 256, 784] }).flatMap(([net, s]) => s.slice(1).flatMap((out, l) => [
    { name: `${net}/w${l}`, shape: [s[l], out], values: new Float32Array(s[l] * out).fill(1e30) },
    { name: `${net}/b${l}`, shape: [out], values: new Float32Array(out) },
  ]));
  const huge = encodeWeightFile({ trainerId: 'vae', iteration: 1, snapshot: { modelId: 'vae/2-256', tensors: big } });
  await demo.getByLabel('Upload weights').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(huge) });
  await expect.poll(async () => (await trainer(page)).notice ?? '', { timeout: 30_000 }).toMatch(/Loaded "huge.json"/);
  await page.evaluate(() => (window as unknown as Hooks).__rl!.controllers.vae.play());
  await expect.poll(async () => (await trainer(page)).notice ?? '', { timeout: 60_000 }).toMatch(/NaN|non-finite|Infinity/i);
  expect((await trainer(page)).status).toBe('paused');

  // the explorer still shows and decodes the shipped model
  expect((await explorer(page)).model).toBe('shipped model');
  const plane = demo.getByTestId('vae-plane');
  const box = (await plane.boundingBox())!;
  const before = (await explorer(page)).decodes;
  await plane.hover({ position: { x: box.width * 0.6, y: box.height * 0.4 } });
  await expect.poll(async () => (await explorer(page)).decodes).toBeGreaterThan(before);
  expect((await explorer(page)).lastInk).toBeGreaterThan(20);
  expect(errors.filter((e) => !/NaN|non-finite/i.test(e))).toEqual([]);
});

test('a latent space of more than two dimensions: the plane says it shows a 2-D slice', async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await openDemo(page);
  await expect.poll(async () => (await trainer(page)).status, { timeout: 60_000 }).toBe('ready');
  await demo.getByRole('combobox', { name: /^Latent dimension/ }).selectOption('8');
  await expect.poll(async () => (await trainer(page)).latent, { timeout: 60_000 }).toBe(8);
  await expect.poll(async () => (await explorer(page)).latent, { timeout: 60_000 }).toBe(8);
  expect((await explorer(page)).model).toBe('untrained model');
  await expect(demo.getByText(/2-D slice of the 8-D latent space/)).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('vae.start')).toBe('scratch');
  expect(errors).toEqual([]);
});
