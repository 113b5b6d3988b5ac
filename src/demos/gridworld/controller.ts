/**
 * The gridworld's DemoController: play, pause, step, reset, speed and the presets, driving the
 * store that the demo's own buttons drive, so keyboard shortcuts, presenter mode and tests see
 * exactly what a student sees.
 */
import type { ControllerStatus, DemoController } from '../platform/manifest';
import { MAX_SPEED, MIN_SPEED, presetOf, statusSummary, type GridStoreApi } from './store';

/** Speeds the faster/slower buttons step through (sweeps per second, or ×10 Q-learning steps). */
const SPEEDS = [1, 2, 4, 8, 15, 30] as const;

export function speedLabel(mode: string, speed: number): string {
  return mode === 'q' ? `${speed * 10} steps/s` : `${speed} ${speed === 1 ? 'sweep' : 'sweeps'}/s`;
}

export function createGridController(store: GridStoreApi): DemoController {
  const shiftSpeed = (direction: 1 | -1) => {
    const { speed, setSpeed } = store.getState();
    const next = direction > 0 ? SPEEDS.find((v) => v > speed) ?? MAX_SPEED : [...SPEEDS].reverse().find((v) => v < speed) ?? MIN_SPEED;
    setSpeed(next);
  };
  return {
    play: () => store.getState().play(),
    pause: () => store.getState().pause(),
    step: () => {
      const s = store.getState();
      if (s.playing || s.running) s.pause();
      s.step();
    },
    reset: () => store.getState().reset(),
    faster: () => shiftSpeed(1),
    slower: () => shiftSpeed(-1),
    nextPreset: () => store.getState().shiftPreset(1),
    previousPreset: () => store.getState().shiftPreset(-1),
    status(): ControllerStatus {
      const s = store.getState();
      return { playing: s.playing || s.running, summary: statusSummary(s), speedLabel: speedLabel(s.mode, s.speed), presetId: presetOf(s.mdp) };
    },
    subscribe: (listener) => store.subscribe(() => listener()),
  };
}
