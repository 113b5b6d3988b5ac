/**
 * A DemoController over a runtime trainer store (src/demos/runtime): Play trains or resumes, Pause
 * keeps the model, Step runs one iteration, Reset rebuilds the model from the current settings,
 * speed is the pause between iterations. Any trainer demo gets the frame's buttons from this.
 */
import type { TrainerState, TrainerStore } from '../runtime/store';
import type { FrameController, FrameStatus, SpeedOption } from './controller';

export interface TrainerSpeed extends SpeedOption {
  /** Pause between iterations, ms (0 = as fast as the backend goes). */
  delayMs: number;
}

/** The default menu: a teaching pace a class can follow, and "as fast as possible" one click away. */
export const TRAINER_SPEEDS: readonly TrainerSpeed[] = [
  { id: 'slow', label: 'Slow: 1 s between iterations', delayMs: 1000 },
  { id: 'teaching', label: 'Teaching pace: 0.4 s between iterations', delayMs: 400 },
  { id: 'quick', label: 'Quick: 0.1 s between iterations', delayMs: 100 },
  { id: 'fastest', label: 'As fast as possible', delayMs: 0 },
];

export interface TrainerControllerOptions<Config> {
  speeds?: readonly TrainerSpeed[];
  teachingId?: string;
  fastestId?: string;
  /** The status line in words; `trainingSeconds` is the wall time this model has spent training. */
  summary(state: TrainerState<Config>, trainingSeconds: number): string;
  /** Preset navigation, when the demo has presets. */
  presets?: { move(delta: 1 | -1): void; currentId(): string | null };
}

const BUSY: Partial<Record<TrainerState<unknown>['status'], string>> = {
  idle: 'Starting…',
  starting: 'Starting…',
  stopping: 'Pausing…',
  recovering: 'Recovering…',
};

export function createTrainerController<Config>(
  store: TrainerStore<Config>,
  options: TrainerControllerOptions<Config>,
): FrameController & { track(): () => void } {
  const speeds = options.speeds ?? TRAINER_SPEEDS;
  const teachingId = options.teachingId ?? 'teaching';
  const fastestId = options.fastestId ?? speeds.reduce((a, b) => (b.delayMs < a.delayMs ? b : a)).id;
  // Wall time spent running by the current model: summed over runs, cleared when iteration returns to 0.
  let trainedMs = 0;
  let runningSince: number | null = null;
  const onState = (state: TrainerState<Config>, previous: TrainerState<Config>) => {
    const now = performance.now();
    if (state.iteration === 0 && previous.iteration !== 0) trainedMs = 0;
    if (state.status === 'running' && runningSince === null) runningSince = now;
    if (state.status !== 'running' && runningSince !== null) {
      trainedMs += now - runningSince;
      runningSince = null;
    }
  };
  const seconds = () => (trainedMs + (runningSince === null ? 0 : performance.now() - runningSince)) / 1000;

  const speedId = () => {
    const delay = store.getState().delayMs;
    return speeds.reduce((a, b) => (Math.abs(b.delayMs - delay) < Math.abs(a.delayMs - delay) ? b : a)).id;
  };
  const moveSpeed = (delta: number) => {
    const ordered = [...speeds].sort((a, b) => b.delayMs - a.delayMs); // slowest first
    const index = ordered.findIndex((s) => s.id === speedId());
    const next = ordered[Math.min(ordered.length - 1, Math.max(0, index + delta))];
    store.getState().setSpeed(next.delayMs);
  };

  return {
    play() {
      const { status } = store.getState();
      if (status === 'paused') void store.getState().resume();
      else if (status === 'ready' || status === 'stopped') void store.getState().train();
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
    faster: () => moveSpeed(1),
    slower: () => moveSpeed(-1),
    nextPreset: () => options.presets?.move(1),
    previousPreset: () => options.presets?.move(-1),
    status(): FrameStatus {
      const state = store.getState();
      const playing = state.status === 'running' || state.status === 'stopping';
      const idle = state.status === 'ready' || state.status === 'paused' || state.status === 'stopped';
      return {
        playing,
        summary: options.summary(state, seconds()),
        speedLabel: speeds.find((s) => s.id === speedId())?.label ?? '',
        presetId: options.presets?.currentId() ?? null,
        busy: BUSY[state.status] ?? null,
        canPlay: idle || playing,
        canStep: idle,
        canReset: state.status !== 'starting' && state.status !== 'recovering' && state.status !== 'idle',
      };
    },
    subscribe: (listener) => store.subscribe(() => listener()),
    speed: {
      options: speeds,
      teachingId,
      fastestId,
      current: speedId,
      choose(id) {
        const chosen = speeds.find((s) => s.id === id);
        if (chosen) store.getState().setSpeed(chosen.delayMs);
      },
    },
    /** Starts timing the training (call on mount; returns the stop, for unmount). */
    track: () => store.subscribe(onState),
  };
}

/** "12 s", "1 min 05 s": wall time for a status line. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${String(Math.round(seconds - 60 * m)).padStart(2, '0')} s`;
}
