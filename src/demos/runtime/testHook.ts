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

/** Puts `value` at `window.__rl[section][name]` in test builds; returns the removal. */
function registerIn<K extends keyof RuntimeTestApi>(section: K, name: string, value: RuntimeTestApi[K][string]): () => void {
  if (!testMode()) return () => {};
  const w = testWindow();
  w.__rl ??= { trainers: {}, tools: {}, controllers: {} };
  const table = w.__rl[section] as Record<string, unknown>;
  table[name] = value;
  return () => {
    const current = w.__rl?.[section] as Record<string, unknown> | undefined;
    if (current?.[name] === value) delete current[name];
  };
}

export function registerForTests(name: string, store: TrainerStore<unknown>): () => void {
  return registerIn('trainers', name, store);
}

/** Makes `fn` callable from tests as `window.__rl.tools[name]` (only in test mode). */
export function registerTestTool(name: string, fn: (...args: never[]) => Promise<unknown>): () => void {
  return registerIn('tools', name, fn);
}

export function registerTestController(slotId: string, controller: DemoController): () => void {
  return registerIn('controllers', slotId, controller);
}
