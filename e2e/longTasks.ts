import type { Page } from '@playwright/test';

/**
 * A main-thread task this long is a stall a student feels (a dropped handful of frames, a late
 * click). Browser tests run on 2 shared cores beside other work, where an ordinary 30 ms render can
 * stretch past the 50 ms long-task line, so the tests fail only on a stall three times that line;
 * the exact count of tasks over 50 ms is measured in `npm run bench` (main_thread_longtasks_*).
 */
export const STALL_MS = 150;

/** Starts recording main-thread long tasks; call the returned function to read their durations (ms). */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/** The recorded tasks that count as stalls. */
export const stalls = (durations: number[]) => durations.filter((d) => d >= STALL_MS);
