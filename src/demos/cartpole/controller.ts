/**
 * The cart-pole demo's controller: the frame's trainer controller on the demo's store, with the
 * status line in words and preset navigation. Registered under the slot id while mounted.
 */
import type { Metrics } from '../../algorithms/runtime/trainer';
import { presetAfter } from '../platform/manifest';
import type { TrainerState, TrainerStore } from '../runtime/store';
import type { CartpoleConfig } from '../../algorithms/cartpole/config';
import { formatSeconds, type TrainerSpeed } from '../frame/trainerController';
import { useTrainerController } from '../frame/useTrainerController';
import type { FrameController } from '../frame/controller';
import { CARTPOLE_PRESETS, matchingPreset, withPreset } from './manifest';
import type { CartpoleParams } from './params';

/**
 * Pause between iterations at the teaching pace. The default REINFORCE run needs ~25 iterations
 * for its mean return to climb from ~20 to ~450; at 0.6 s plus the compute time that is about
 * 16 s on a fast laptop and 30 s on a slow one: a class can watch it happen.
 */
export const TEACHING_DELAY_MS = 600;

/** The speed menu: pauses between iterations. */
export const CARTPOLE_SPEEDS: readonly TrainerSpeed[] = [
  { id: 'slow', label: 'Slow (1.5 s)', delayMs: 1500 },
  { id: 'teaching', label: `Teaching (${TEACHING_DELAY_MS / 1000} s)`, delayMs: TEACHING_DELAY_MS },
  { id: 'quick', label: 'Quick (0.15 s)', delayMs: 150 },
  { id: 'fastest', label: 'Fastest (0 s)', delayMs: 0 },
];

const WORD: Record<string, string> = { running: 'Training', stopping: 'Pausing', paused: 'Paused', stopped: 'Paused', ready: 'Ready' };

/** The status line: what is happening, the iteration, how well the policy does, for how long. */
export function cartpoleSummary(state: Pick<TrainerState<unknown>, 'status' | 'iteration' | 'latest'>, seconds: number): string {
  switch (state.status) {
    case 'idle':
    case 'starting':
      return 'Starting the trainer (choosing a tensor backend)…';
    case 'recovering':
      return 'Moving training to another backend…';
    case 'error':
      return `Stopped at iteration ${state.iteration} by an error (see the message above).`;
  }
  const word = WORD[state.status] ?? state.status;
  if (state.iteration === 0) return `${word} · iteration 0 · press Play to train`;
  const parts = [`${word} · iteration ${state.iteration}`];
  const episodes = returnOver(state.latest);
  if (episodes) parts.push(episodes);
  if (seconds > 0) parts.push(`${formatSeconds(seconds)} of training`);
  return parts.join(' · ');
}

function returnOver(latest: Metrics | null): string | null {
  if (!latest || !Number.isFinite(latest.return100)) return null;
  const k = Math.min(100, latest.totalEpisodes ?? 100);
  return `mean return over the last ${k === 1 ? 'episode' : `${k} episodes`} ${Math.round(latest.return100)} of 500`;
}

interface Options {
  params(): CartpoleParams;
  apply(next: CartpoleParams): void;
}

/** Play/pause/step/reset/speed on the trainer store, presets through the demo's own apply(). */
export function useCartpoleController(store: TrainerStore<CartpoleConfig>, slotId: string, options: Options): FrameController {
  return useTrainerController(store, slotId, {
    speeds: CARTPOLE_SPEEDS,
    teachingId: 'teaching',
    fastestId: 'fastest',
    summary: cartpoleSummary,
    presets: {
      currentId: () => matchingPreset(options.params())?.id ?? null,
      move(delta) {
        const next = presetAfter(CARTPOLE_PRESETS, matchingPreset(options.params())?.id ?? null, delta);
        if (next) options.apply(withPreset(options.params(), next));
      },
    },
  });
}
