/**
 * A DemoController for any demo that runs on a trainer store (a worker session): play, pause,
 * step, reset and speed map onto the store's actions, presets onto the demo's URL-state hook.
 */
import type { NoQueries, QueryMap } from '../../algorithms/runtime/trainer';
import type { TrainerState, TrainerStore } from '../runtime/store';
import type { DemoController } from './manifest';

/** Delays between iterations, slowest first; 0 is "as fast as possible". */
export const PACES_MS = [1000, 500, 250, 100, 50, 20, 0] as const;

export function paceLabel(delayMs: number): string {
  if (delayMs <= 0) return 'as fast as possible';
  return delayMs >= 1000 ? `one step every ${(delayMs / 1000).toFixed(delayMs % 1000 ? 1 : 0)} s` : `one step every ${delayMs} ms`;
}

export interface TrainerControllerOptions<Config, View, Queries extends QueryMap> {
  store: TrainerStore<Config, View, Queries>;
  /** One plain-words line about the run, e.g. "Iteration 42 · mean return 312". */
  summary(state: TrainerState<Config, View, Queries>): string;
  /** Moves to the next (+1) or previous (−1) preset. */
  cyclePreset(delta: number): void;
  presetId(): string | null;
}

export function createTrainerController<Config, View = unknown, Queries extends QueryMap = NoQueries>(
  options: TrainerControllerOptions<Config, View, Queries>,
): DemoController {
  const { store } = options;
  const setPace = (delta: number) => {
    const current = store.getState().delayMs;
    // the index of the nearest pace, then one step faster (+1) or slower (−1)
    let index = 0;
    PACES_MS.forEach((pace, i) => {
      if (Math.abs(pace - current) < Math.abs(PACES_MS[index] - current)) index = i;
    });
    const next = PACES_MS[Math.min(PACES_MS.length - 1, Math.max(0, index + delta))];
    store.getState().setSpeed(next);
  };
  return {
    play() {
      const s = store.getState();
      if (s.status === 'ready') void s.train();
      else if (s.status === 'paused' || s.status === 'stopped') void s.resume();
    },
    pause() {
      void store.getState().pause();
    },
    step() {
      void store.getState().step();
    },
    reset() {
      void store.getState().reset();
    },
    faster: () => setPace(1),
    slower: () => setPace(-1),
    nextPreset: () => options.cyclePreset(1),
    previousPreset: () => options.cyclePreset(-1),
    status() {
      const s = store.getState();
      return {
        playing: s.status === 'running' || s.status === 'starting' || s.status === 'recovering',
        summary: options.summary(s),
        speedLabel: paceLabel(s.delayMs),
        presetId: options.presetId(),
      };
    },
    subscribe(listener) {
      return store.subscribe(listener);
    },
  };
}
