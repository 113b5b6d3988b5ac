/**
 * "Fits one screen" checks for the demo frame: scroll a frame's top to just below the sticky site
 * header, as a student scrolling to it would, and check that named parts lie between the header and
 * the bottom of what can be seen (the window, or the demo column when it scrolls on its own).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export async function bringIntoView(frame: Locator): Promise<void> {
  await frame.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    const header = document.querySelector('.site-header');
    const bottom = header && getComputedStyle(header).position !== 'static' ? header.getBoundingClientRect().bottom : 0;
    window.scrollBy(0, -bottom - 8);
  });
}

export async function expectOnScreen(page: Page, frame: Locator, parts: Record<string, Locator>, what = ''): Promise<void> {
  const viewport = page.viewportSize()!;
  const header = await page.locator('.site-header').boundingBox();
  const top = header ? header.y + header.height : 0;
  const column = await frame.evaluate((el) => {
    let node: HTMLElement | null = el.parentElement;
    while (node && !['auto', 'scroll'].includes(getComputedStyle(node).overflowY)) node = node.parentElement;
    return node ? node.getBoundingClientRect().bottom : window.innerHeight;
  });
  const bottom = Math.min(viewport.height, column);
  for (const [name, locator] of Object.entries(parts)) {
    const box = await locator.boundingBox();
    const label = `${what}${name}`;
    expect(box, label).not.toBeNull();
    expect(box!.y, `${label} top`).toBeGreaterThanOrEqual(top - 1);
    expect(box!.y + box!.height, `${label} bottom`).toBeLessThanOrEqual(bottom + 1);
    expect(box!.x, `${label} left`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${label} right`).toBeLessThanOrEqual(viewport.width + 1);
  }
}
