/**
 * The gridworld's controller: play, pause, step, reset, speed and the presets, driving the store
 * that the demo's own buttons drive, so keyboard shortcuts, presenter mode, the demo frame and
 * tests see exactly what a student sees. A FrameController (a DemoController plus a speed menu).
 */
import type { FrameController, FrameStatus, SpeedOption } from '../frame/controller';
import { MAX_SPEED, MIN_SPEED, presetOf, statusSummary, type GridStoreApi } from './store';

/** Speeds the menu and the faster/slower buttons step through (sweeps per second, or ×10 Q-learning steps). */
const SPEEDS = [1, 2, 4, 8, 15, 30] as const;
export const TEACHING_SPEED = 4;

export function speedLabel(mode: string, speed: number): string {
  return mode === 'q' ? `${speed * 10} steps/s` : `${speed} ${speed === 1 ? 'sweep' : 'sweeps'}/s`;
}

export function createGridController(store: GridStoreApi): FrameController {
  const shiftSpeed = (direction: 1 | -1) => {
    const { speed, setSpeed, setFastest, fastest } = store.getState();
    if (fastest) { if (direction < 0) setFastest(false); return; }
    const next = direction > 0 ? SPEEDS.find((v) => v > speed) : [...SPEEDS].reverse().find((v) => v < speed);
    if (next === undefined && direction > 0) setFastest(true);
    else setSpeed(next ?? MIN_SPEED);
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
    status(): FrameStatus {
      const s = store.getState();
      const busy = s.playing || s.running;
      return {
        playing: busy,
        summary: statusSummary(s),
        speedLabel: s.fastest ? 'as fast as possible' : speedLabel(s.mode, s.speed),
        presetId: presetOf(s.mdp),
        canPlay: !s.error && !(s.converged && s.mode !== 'q'),
        canStep: !busy && !s.error && !(s.converged && s.mode !== 'q'),
      };
    },
    subscribe: (listener) => store.subscribe(() => listener()),
    speed: {
      get options(): SpeedOption[] {
        const mode = store.getState().mode;
        return [
          ...SPEEDS.map((v) => ({ id: String(v), label: v === TEACHING_SPEED ? `${speedLabel(mode, v)} (teaching pace)` : speedLabel(mode, v) })),
          { id: 'fastest', label: 'As fast as possible' },
        ];
      },
      teachingId: String(TEACHING_SPEED),
      fastestId: 'fastest',
      current: () => (store.getState().fastest ? 'fastest' : String(store.getState().speed)),
      choose: (id) => {
        const s = store.getState();
        if (id === 'fastest') return s.setFastest(true);
        if (s.fastest) s.setFastest(false);
        store.getState().setSpeed(Math.max(MIN_SPEED, Math.min(MAX_SPEED, Number(id))));
      },
    },
  };
}
