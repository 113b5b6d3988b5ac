/**
 * A small typed test API: `window.__rl.trainers[name]` is the trainer store of a live demo.
 * Exists only in test builds (VITE_TEST_HOOKS=1, as `npm test` and `npm run bench` build): the
 * public site carries no test registry, bench helpers or fault injection.
 */
import type { TrainerStore } from './store';
import type { DemoController } from '../platform/manifest';

export interface RuntimeTestApi {
  trainers: Record<string, TrainerStore<unknown>>;
  /** Live demo controllers by slot id (the manifest's controller; tests drive demos through it). */
  controllers: Record<string, DemoController>;
  /** Page-specific helpers for tests (e.g. the Backends page's reference runs). */
  tools: Record<string, (...args: never[]) => Promise<unknown>>;
}

/** The window with the hook (not a global declaration, so specs can type it as they need). */
type TestWindow = Window & { __rl?: RuntimeTestApi };
const testWindow = () => window as TestWindow;

export function testMode(): boolean {
  return import.meta.env.VITE_TEST_HOOKS === '1' && typeof window !== 'undefined';
}

export function registerForTests(name: string, store: TrainerStore<unknown>): () => void {
  if (!testMode()) return () => {};
  const w = testWindow();
  w.__rl ??= { trainers: {}, tools: {}, controllers: {} };
  w.__rl.trainers[name] = store;
  return () => {
    if (w.__rl?.trainers[name] === store) delete w.__rl.trainers[name];
  };
}

/** Makes `fn` callable from tests as `window.__rl.tools[name]` (only in test mode). */
export function registerTestTool(name: string, fn: (...args: never[]) => Promise<unknown>): () => void {
  if (!testMode()) return () => {};
  const w = testWindow();
  w.__rl ??= { trainers: {}, tools: {}, controllers: {} };
  w.__rl.tools[name] = fn;
  return () => {
    if (w.__rl?.tools[name] === fn) delete w.__rl.tools[name];
  };
}

export function registerTestController(slotId: string, controller: DemoController): () => void {
  if (!testMode()) return () => {};
  const w = testWindow();
  w.__rl ??= { trainers: {}, tools: {}, controllers: {} };
  w.__rl.controllers[slotId] = controller;
  return () => {
    if (w.__rl?.controllers[slotId] === controller) delete w.__rl.controllers[slotId];
  };
}
