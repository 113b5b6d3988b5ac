/**
 * A small typed test API: `window.__rl.trainers[name]` is the trainer store of a live demo.
 * Installed only under automation (navigator.webdriver) or with `?test` in the URL.
 */
import type { TrainerStore } from './store';

export interface RuntimeTestApi {
  trainers: Record<string, TrainerStore<unknown>>;
  /** Page-specific helpers for tests (e.g. the Backends page's reference runs). */
  tools: Record<string, (...args: never[]) => Promise<unknown>>;
}

declare global {
  interface Window {
    __rl?: RuntimeTestApi;
  }
}

export function testMode(): boolean {
  if (typeof window === 'undefined') return false;
  return navigator.webdriver === true || new URLSearchParams(window.location.search).has('test');
}

export function registerForTests(name: string, store: TrainerStore<unknown>): () => void {
  if (!testMode()) return () => {};
  window.__rl ??= { trainers: {}, tools: {} };
  window.__rl.trainers[name] = store;
  return () => {
    if (window.__rl?.trainers[name] === store) delete window.__rl.trainers[name];
  };
}

/** Makes `fn` callable from tests as `window.__rl.tools[name]` (only in test mode). */
export function registerTestTool(name: string, fn: (...args: never[]) => Promise<unknown>): () => void {
  if (!testMode()) return () => {};
  window.__rl ??= { trainers: {}, tools: {} };
  window.__rl.tools[name] = fn;
  return () => {
    if (window.__rl?.tools[name] === fn) delete window.__rl.tools[name];
  };
}
