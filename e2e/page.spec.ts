// The light lecture page (issue 12): prerendered HTML that reads without scripts, hydration
// without errors, demos that load only near the viewport, and the widen control.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LECTURES } from '../src/lectures/catalog';
import { extractHeadings } from '../scripts/mdx/lecture-index-plugin.mjs';
import { watchErrors } from './watchErrors';

const DIST = process.env.DIST_DIR ?? 'dist';

function headingsOf(slug: string): { depth: number; text: string; id: string }[] {
  return extractHeadings(readFileSync(join('src/lectures', slug, 'index.mdx'), 'utf8'));
}

/** Built file of a source module, from the build's manifest (e.g. the gridworld demo's chunk). */
function builtChunk(source: string): string {
  const manifestFile = join(DIST, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} missing: build first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string }>;
  const entry = manifest[source];
  if (!entry) throw new Error(`${source} is not in the build manifest`);
  return entry.file.split('/').pop()!;
}

/**
 * Records every element that leaves the page outside demo slots. Hydration that matches the
 * prerendered HTML keeps every node; a mismatch makes React throw the server's markup away.
 */
async function recordRemovals(page: Page) {
  await page.addInitScript(() => {
    const removed: string[] = [];
    (window as unknown as { __removed: string[] }).__removed = removed;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target as Element;
        if (target.closest?.('[data-demo-slot]')) continue;
        mutation.removedNodes.forEach((node) => {
          if (node.nodeType === Node.ELEMENT_NODE) removed.push(`${(node as Element).tagName}.${(node as Element).className}`);
        });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __removed: string[] }).__removed);
}

test('with JavaScript disabled every lecture shows its headings, text and typeset math', async ({ browser, baseURL }) => {
  test.setTimeout(300_000); // every lecture, on shared CPUs
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  for (const lecture of LECTURES) {
    const response = await page.goto(`lecture/${lecture.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${lecture.title} · RL Playground`);
    await expect(page.getByRole('heading', { level: 1, name: lecture.title })).toBeVisible();
    const headings = headingsOf(lecture.slug);
    expect(headings.length).toBeGreaterThan(2);
    for (const heading of headings) {
      await expect(page.locator(`[id="${heading.id}"]`), `${lecture.slug}#${heading.id}`).toHaveText(heading.text);
    }
    // Nothing is left hidden for a script to reveal.
    await expect(page.locator('#root script, #root template, #root [hidden]')).toHaveCount(0);
    await expect(page.locator(`[id="${headings[0].id}"]`)).toBeVisible();
    const firstParagraph = page.locator('main .lecture p:not(.lecture__kicker)').first();
    await expect(firstParagraph).toBeVisible();
    expect((await firstParagraph.textContent())!.length).toBeGreaterThan(80);
    // KaTeX's HTML (with the CSS and fonts, no script) is on screen, its MathML beside it.
    const display = page.locator('.lecture .katex-display .katex-html').first();
    await expect(display).toBeVisible();
    expect((await display.boundingBox())!.height).toBeGreaterThan(15);
    expect(await page.locator('.lecture .katex').count()).toBeGreaterThan(10);
    await expect(page.locator('.lecture .katex-mathml math').first()).toBeAttached();
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // The syllabus links are real links.
    await expect(page.getByRole('navigation', { name: 'Lectures' }).locator('a')).not.toHaveCount(0);
  }
  // A demo slot shows what will be there.
  await page.goto('lecture/value-functions');
  const slot = page.locator('[data-demo-slot="vi"]');
  await expect(slot.locator('.demo-placeholder__title')).toHaveText(/Gridworld/);
  // (Playwright turns scripts off without the parser's "scripting disabled" flag, so it keeps
  // <noscript> as raw text; a browser with JavaScript off shows it.)
  expect(await slot.locator('.demo-placeholder noscript').innerHTML()).toContain('needs JavaScript');
  await context.close();
});

test('the home page is prerendered too, and unknown paths still get the app', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.syllabus li')).toHaveCount(LECTURES.length);
  const missing = await page.goto('no/such/page');
  expect(missing?.status()).toBe(404);
  expect(await page.locator('#root').innerHTML()).toBe('');
  await context.close();
});

test('every lecture hydrates without console errors and keeps the prerendered markup', async ({ page }) => {
  test.setTimeout(300_000); // every lecture, on shared CPUs
  const errors = watchErrors(page);
  const removals = await recordRemovals(page);
  for (const lecture of [...LECTURES.map((l) => `lecture/${l.slug}`), './']) {
    const lectureChunk = lecture.startsWith('lecture/') ? builtChunk(`src/lectures/${lecture.slice(8)}/index.mdx`) : null;
    const chunkLoaded = lectureChunk ? page.waitForResponse((r) => r.url().endsWith(lectureChunk)) : null;
    await page.goto(lecture);
    await chunkLoaded;
    // Hydrated: the layout's effects ran (the lecture list opens on a wide screen), nothing of
    // the server's markup was replaced, and the search box answers.
    await expect(page.locator('.sidebar__details')).toHaveAttribute('open', '');
    await page.waitForLoadState('networkidle');
    expect(await removals(), lecture).toEqual([]);
    await page.getByRole('combobox', { name: 'Search lectures' }).fill('gradient');
    await expect(page.getByRole('listbox')).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a demo far down the page loads nothing until the reader nears it, then mounts in the same room', async ({ page }) => {
  const errors = watchErrors(page);
  const chunk = builtChunk('src/demos/cartpole/CartpoleDemo.tsx');
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.split('/').pop()!));
  await page.goto('lecture/policy-gradients');
  await page.waitForLoadState('networkidle');
  const slot = page.locator('[data-demo-slot="pg"]');
  const box = slot.locator('.with-demo__demo');
  // Far below the first screen (the mount margin is 1500 px; keep well clear of it).
  const top = await slot.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThan(900 + 1500 + 500);
  await page.waitForTimeout(1000);
  expect(requested).not.toContain(chunk);
  expect(page.workers()).toHaveLength(0);
  await expect(slot).toHaveAttribute('data-demo-state', 'waiting');
  await expect(box.locator('.demo-placeholder__title')).toHaveText(/Cart-pole/);
  const placeholderHeight = (await box.boundingBox())!.height;

  const chunkLoaded = page.waitForRequest((request) => request.url().endsWith(chunk));
  await box.scrollIntoViewIfNeeded();
  await chunkLoaded;
  await expect(slot).toHaveAttribute('data-demo-state', 'mounted');
  await expect(box.locator('.demo-placeholder')).toHaveCount(0);
  await expect(box.getByRole('combobox', { name: /Algorithm/ })).toBeVisible();
  // Beside the text the box keeps the reserved height (the demo scrolls inside if taller).
  expect(Math.abs((await box.boundingBox())!.height - placeholderHeight)).toBeLessThanOrEqual(3);
  expect(errors).toEqual([]);
});

test('the widen control works from the keyboard and is remembered on the page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('lecture/introduction');
  const slot = page.locator('[data-demo-slot="mdp"]');
  const text = slot.locator('.with-demo__text');
  const box = slot.locator('.with-demo__demo');
  // Once the demo has mounted, its frame carries the control (in its run-controls row).
  await expect(slot).toHaveAttribute('data-demo-state', 'mounted');
  await expect(slot.locator('.demo-frame__widen')).toBeVisible();
  const widen = slot.getByRole('button', { name: 'Widen the demo' });
  await expect(widen).toHaveAttribute('aria-pressed', 'false');
  // Beside the text: the demo is to the right of the text.
  expect((await box.boundingBox())!.x).toBeGreaterThan((await text.boundingBox())!.x + 100);

  await widen.focus();
  await page.keyboard.press('Enter');
  const narrowBack = slot.getByRole('button', { name: 'Put the demo beside the text' });
  await expect(narrowBack).toHaveAttribute('aria-pressed', 'true');
  await expect(narrowBack).toBeFocused();
  const sectionBox = (await slot.boundingBox())!;
  const wideBox = (await box.boundingBox())!;
  expect(wideBox.width).toBeGreaterThan(sectionBox.width - 2);
  expect((await text.boundingBox())!.y).toBeGreaterThanOrEqual(wideBox.y + wideBox.height - 1);

  // Remembered on this page across a reload, while the tab stays open.
  await page.reload();
  await expect(slot).toHaveAttribute('data-demo-state', 'mounted');
  await expect(slot.locator('.demo-frame__widen')).toBeVisible();
  await expect(slot.getByRole('button', { name: 'Put the demo beside the text' })).toHaveAttribute('aria-pressed', 'true');

  // Space puts it back beside the text, focus stays on the control.
  await slot.getByRole('button', { name: 'Put the demo beside the text' }).focus();
  await page.keyboard.press('Space');
  await expect(widen).toHaveAttribute('aria-pressed', 'false');
  await expect(widen).toBeFocused();
  expect((await box.boundingBox())!.x).toBeGreaterThan((await text.boundingBox())!.x + 100);
  await page.reload();
  await expect(widen).toHaveAttribute('aria-pressed', 'false');
  expect(errors).toEqual([]);
});
