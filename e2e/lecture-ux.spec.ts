import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { LECTURES } from '../src/lectures/catalog';
import { extractLecture } from '../scripts/mdx/lecture-index-plugin.mjs';
import { watchErrors } from './watchErrors';

interface Extracted {
  headings: { text: string }[];
  sections: { id: string; text: string }[];
}

/** Every lecture's headings and body text, read from the MDX the way the build reads it. */
function lectureSources(): Extracted[] {
  const dir = new URL('../src/lectures/', import.meta.url);
  return readdirSync(dir)
    .filter((slug) => existsSync(new URL(`${slug}/index.mdx`, dir)))
    .map((slug) => extractLecture(readFileSync(new URL(`${slug}/index.mdx`, dir), 'utf8')) as Extracted);
}

/** The lecture's own chunk (0.3-1.2 MB) has arrived; the machines running the tests are slow and shared. */
const lectureLoaded = (page: Page) => expect(page.locator('.lecture .katex').first()).toBeAttached({ timeout: 60_000 });

const search = (page: Page) => page.getByRole('combobox', { name: 'Search lectures' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

test.describe('search', () => {
  test('finds a word only the body text holds, with a snippet, and goes to its section', async ({ page }) => {
    const word = 'workhorse';
    const sources = lectureSources();
    // The word must be absent from every title, summary, heading and demo name, and present in the prose.
    const titles = [
      ...LECTURES.flatMap((lecture) => [lecture.title, lecture.summary]),
      // Demo keys and names: the whole registry source (its descriptions are never searched).
      readFileSync(new URL('../src/lectures/demoRegistry.ts', import.meta.url), 'utf8'),
      ...sources.flatMap((lecture) => lecture.headings.map((heading) => heading.text)),
    ];
    expect(titles.filter((title) => title.toLowerCase().includes(word))).toEqual([]);
    const inText = sources.flatMap((lecture) => lecture.sections.filter((s) => s.text.toLowerCase().includes(word)));
    expect(inText.length).toBeGreaterThan(0);

    const errors = watchErrors(page);
    await page.goto('./');
    await search(page).fill(word);
    await expect(options(page)).toHaveCount(inText.length);
    const first = options(page).first();
    await expect(first.locator('mark')).toHaveText(new RegExp(`^${word}$`, 'i'));
    await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(
      `${inText.length} ${inText.length === 1 ? 'result' : 'results'}.`,
    );
    const label = (await first.locator('.search__label').textContent())!;
    await search(page).press('Enter');
    // A section's hit opens at its heading; a hit in the opening text opens the lecture's top.
    await expect(page).toHaveURL(/lecture\/[a-z-]+(#[a-z0-9-]+)?$/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const heading = id ? page.locator(`[id="${id}"]`) : page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(label);
    await expect(heading).toBeInViewport();
    expect(errors).toEqual([]);
  });

  test('ranks whole-word matches first: "reinforce" lists REINFORCE before "reinforcement"', async ({ page }) => {
    await page.goto('./');
    await search(page).fill('reinforce');
    await expect(options(page).first()).toBeVisible();
    await expect(options(page).filter({ has: page.locator('mark') }).first()).toBeVisible();
    const texts = await options(page).allTextContents();
    const whole = texts.map((text) => /\breinforce\b/i.test(text));
    expect(whole[0]).toBe(true);
    // Every option holding the whole word comes before every option that holds only "reinforcement".
    const lastWhole = whole.lastIndexOf(true);
    const firstPartial = whole.indexOf(false);
    if (firstPartial !== -1) expect(lastWhole).toBeLessThan(firstPartial);
    expect(texts.some((text) => /reinforcement/i.test(text) && !/\breinforce\b/i.test(text))).toBe(true);
  });

  test('finds demos by name: gridworld, cart-pole and cartpole', async ({ page }) => {
    await page.goto('./');
    for (const [query, title] of [
      ['gridworld', /^Demo: Gridworld/],
      ['cart-pole', /^Demo: Cart-pole/],
      ['cartpole', /^Demo: Cart-pole/],
    ] as const) {
      await search(page).fill(query);
      await expect(options(page).first().locator('.search__label')).toHaveText(title);
    }
    await search(page).fill('gridworld');
    // Arrow keys and Enter: the first demo hit opens its lecture at the demo's section.
    await search(page).press('ArrowDown');
    await search(page).press('ArrowUp');
    await search(page).press('Enter');
    await expect(page).toHaveURL(/lecture\/[a-z-]+#[a-z0-9-]+$/);
    await expect(page.locator('[data-demo-slot]').first()).toBeAttached({ timeout: 60_000 });
  });

  test('the body-text index is not loaded with the page, only once the search box is used', async ({ page }) => {
    const textIndexRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('lecture-text')) textIndexRequests.push(request.url());
    });
    await page.goto(`lecture/${LECTURES[1].slug}`);
    await lectureLoaded(page);
    await page.waitForLoadState('networkidle');
    expect(textIndexRequests).toEqual([]);
    await search(page).focus();
    await expect.poll(() => textIndexRequests.length).toBe(1);
  });
});

test.describe('wide equations on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('every wide numbered equation keeps its number in view, shows that it scrolls and takes focus', async ({ page }) => {
    test.slow(); // visits every numbered equation of a long page
    const errors = watchErrors(page);
    await page.goto('lecture/policy-gradients');
    await lectureLoaded(page);
    await page.evaluate(() => document.fonts.ready);
    const displays = page.locator('.lecture .katex-display:has(.tag)');
    const count = await displays.count();
    let wide = 0;
    for (let i = 0; i < count; i++) {
      const display = displays.nth(i);
      await display.scrollIntoViewIfNeeded();
      const scrollable = await display.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      if (!scrollable) continue;
      wide += 1;
      // Marked for keyboard and screen-reader users, and drawn with edge shadows.
      await expect(display).toHaveAttribute('tabindex', '0');
      await expect(display).toHaveAttribute('aria-label', /scrolls/);
      const style = await display.evaluate((el) => {
        const css = getComputedStyle(el);
        return { overflowX: css.overflowX, background: css.backgroundImage, attachment: css.backgroundAttachment };
      });
      expect(style.overflowX).toBe('auto');
      expect(style.background).toContain('radial-gradient');
      expect(style.attachment).toContain('local');
      // The number is inside the viewport and inside the box, at the start and at the end of the scroll.
      for (const where of ['start', 'end'] as const) {
        await display.evaluate((el, to) => {
          el.scrollLeft = to === 'start' ? 0 : el.scrollWidth;
        }, where);
        const box = (await display.boundingBox())!;
        const tag = (await display.locator('.tag').boundingBox())!;
        expect(tag.width).toBeGreaterThan(10);
        expect(tag.x).toBeGreaterThanOrEqual(0);
        expect(tag.x + tag.width).toBeLessThanOrEqual(375);
        expect(tag.x + tag.width).toBeLessThanOrEqual(box.x + box.width + 1);
      }
      if (i === 0 || wide === 1) {
        await display.focus();
        await expect(display).toBeFocused();
        await display.evaluate((el) => (el.scrollLeft = 0));
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => display.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      }
    }
    expect(wide).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
  });

  test('no lecture overflows the page sideways at 375 px, even with the sidebar choice stored', async ({ page }) => {
    test.slow(); // loads every lecture
    await page.addInitScript(() => window.localStorage.setItem('rl-playground:sidebar-collapsed', '1'));
    for (const lecture of LECTURES) {
      await page.goto(`lecture/${lecture.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: lecture.title })).toBeVisible();
      await lectureLoaded(page);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lecture.slug).toBeLessThanOrEqual(375);
    }
    // The collapse control is a wide-screen one; the phone keeps its folding list.
    await expect(page.getByRole('button', { name: /lectures$/ })).toBeHidden();
    await expect(page.locator('.sidebar__details summary')).toBeVisible();
  });
});

test.describe('lecture layout on wide screens', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the sidebar collapses from the keyboard, gives the content its width and stays collapsed after reload', async ({ page }) => {
    await page.goto('lecture/policy-gradients');
    await expect(page.getByRole('heading', { level: 1, name: 'Policy gradients' })).toBeVisible();
    const main = page.locator('main');
    const sidebar = page.getByRole('navigation', { name: 'Lectures' });
    const lectureLink = sidebar.getByRole('link', { name: LECTURES[2].title });
    await expect(lectureLink).toBeVisible();
    const openWidth = (await main.boundingBox())!.width;

    await page.getByRole('button', { name: 'Hide lectures' }).focus();
    await page.keyboard.press('Enter');
    await expect(lectureLink).toBeHidden();
    const show = page.getByRole('button', { name: 'Show lectures' });
    await expect(show).toBeVisible();
    await expect(show).toBeFocused();
    expect((await sidebar.boundingBox())!.width).toBeLessThan(60);
    expect((await main.boundingBox())!.width).toBeGreaterThan(openWidth + 200);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Policy gradients' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show lectures' })).toBeVisible();
    await expect(lectureLink).toBeHidden();

    await page.getByRole('button', { name: 'Show lectures' }).press('Enter');
    await expect(lectureLink).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem('rl-playground:sidebar-collapsed'))).toBeNull();
  });

  test('a page without a demo centres a readable text column in the screen; math may be wider', async ({ page }) => {
    const lecture = LECTURES.find((l) => !readFileSync(new URL(`../src/lectures/${l.slug}/index.mdx`, import.meta.url), 'utf8').includes('<DemoSlot'));
    expect(lecture, 'a lecture without a demo').toBeDefined();
    await page.goto(`lecture/${lecture!.slug}`);
    await lectureLoaded(page);
    const main = (await page.locator('main').boundingBox())!;
    for (const collapsed of [false, true]) {
      if (collapsed) await page.getByRole('button', { name: 'Hide lectures' }).click();
      const mainNow = collapsed ? (await page.locator('main').boundingBox())! : main;
      const paragraph = (await page.locator('.lecture > p').nth(1).boundingBox())!;
      // About 70-100 characters a line at 18 px, centred in the content area (within 2 %).
      expect(paragraph.width).toBeGreaterThan(650);
      expect(paragraph.width).toBeLessThan(900);
      const centre = paragraph.x + paragraph.width / 2;
      expect(Math.abs(centre - (mainNow.x + mainNow.width / 2))).toBeLessThan(mainNow.width * 0.02);
      const math = (await page.locator('.lecture > .katex-display').first().boundingBox())!;
      expect(math.width).toBeGreaterThanOrEqual(paragraph.width);
    }
  });
});
