import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LECTURES } from '../src/lectures/catalog';
import { watchErrors } from './watchErrors';

/**
 * axe-core scan of the page as it is now; lists serious and critical violations only. `rules`
 * limits the scan: the dark theme changes colours only, so its pass runs the contrast rule.
 */
async function seriousAxeViolations(page: Page, rules?: string[]) {
  // KaTeX's visual layer (.katex-html) is aria-hidden glyph boxes in the text's own colour: its
  // MathML, which screen readers use, stays in the scan. Skipping it makes a scan 2-3 times faster.
  const builder = new AxeBuilder({ page }).exclude('.katex-html');
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

test('home page lists every lecture in course order', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const items = page.locator('.syllabus li .syllabus__title');
  await expect(items).toHaveCount(LECTURES.length);
  await expect(items.first()).toHaveText(LECTURES[0].title);
  await expect(items.last()).toHaveText(LECTURES[LECTURES.length - 1].title);
  expect(errors).toEqual([]);
});

for (const lecture of LECTURES) {
  test(`lecture ${lecture.number} (${lecture.slug}) renders its math cleanly`, async ({ page }) => {
    test.setTimeout(150_000); // two full accessibility scans (light, dark) of a long page
    const errors = watchErrors(page);
    const response = await page.goto(`lecture/${lecture.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: lecture.title })).toBeVisible();
    await expect(page.locator('.katex').first()).toBeAttached();
    await expect(page.locator('.katex-error')).toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The dark theme (the system's preference, followed by default): its colours pass too.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page, ['color-contrast']), 'dark theme').toEqual([]);
    // Readable on a phone: nothing but scrollable equations and code may be wider than 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });
}

test('a deep link under the sub-path survives a reload', async ({ page }) => {
  const slug = LECTURES[3].slug;
  await page.goto(`lecture/${slug}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: LECTURES[3].title })).toBeVisible();
});

test('an unknown route shows the in-app not-found page with a way back', async ({ page }) => {
  const response = await page.goto('no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the syllabus' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Syllabus' })).toBeVisible();
  const unknownLecture = await page.goto('lecture/not-a-lecture');
  expect(unknownLecture?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('next and previous lecture links work from the keyboard', async ({ page }) => {
  await page.goto(`lecture/${LECTURES[0].slug}`);
  const next = page.getByRole('link', { name: new RegExp(`Lecture 2: ${LECTURES[1].title}`) }).last();
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`lecture/${LECTURES[1].slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: LECTURES[1].title })).toBeVisible();
  const previous = page.getByRole('link', { name: new RegExp(`Lecture 1: ${LECTURES[0].title}`) }).last();
  await previous.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`lecture/${LECTURES[0].slug}$`));
});

test('search finds a lecture by title and opens it with the keyboard', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('combobox', { name: 'Search lectures' });
  await search.focus();
  await page.keyboard.type('inverse');
  await expect(page.getByRole('option').first()).toContainText('Inverse reinforcement learning');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/lecture\/inverse-rl/);
  await search.fill('zzzz-nothing');
  await expect(page.getByRole('option').first()).toContainText('No lecture or heading matches');
});

test('tab order reaches the skip link first and it moves focus to the content', async ({ page }) => {
  await page.goto(`lecture/${LECTURES[1].slug}`);
  // React renders after the load event: wait for the page before the first key press.
  await expect(page.getByRole('heading', { level: 1, name: LECTURES[1].title })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

for (const path of ['./', 'backends', 'no/such/page']) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page, ['color-contrast']), 'dark theme').toEqual([]);
  });
}

test('lecture text sits beside the demo on wide screens and above it on narrow ones', async ({ page }) => {
  await page.goto(`lecture/${LECTURES[0].slug}`);
  const slot = page.locator('[data-demo-slot]').first();
  const text = slot.locator('.with-demo__text');
  const demo = slot.locator('.with-demo__demo');
  const wideText = (await text.boundingBox())!;
  const wideDemo = (await demo.boundingBox())!;
  expect(wideDemo.x).toBeGreaterThan(wideText.x + wideText.width - 1);
  await page.setViewportSize({ width: 375, height: 800 });
  const narrowText = (await text.boundingBox())!;
  const narrowDemo = (await demo.boundingBox())!;
  expect(narrowDemo.y).toBeGreaterThanOrEqual(narrowText.y + narrowText.height - 1);
});

test('on a phone the lecture list starts folded, opens from the keyboard and folds after navigating', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`lecture/${LECTURES[0].slug}`);
  await expect(page.getByRole('heading', { level: 1, name: LECTURES[0].title })).toBeVisible();
  const menu = page.locator('.sidebar__details');
  const link = page.getByRole('navigation', { name: 'Lectures' }).getByRole('link', { name: LECTURES[2].title });
  await expect(link).toBeHidden();
  await menu.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: LECTURES[2].title })).toBeVisible();
  await expect(link).toBeHidden();
});
