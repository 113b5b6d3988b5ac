/**
 * Exposes a pure-JS session (no tfjs at all: MCTS, bandits, CEM, the large gridworld) over
 * comlink. Import this file, not ./index, so the worker bundle carries no tfjs.
 */
import * as Comlink from 'comlink';
import type { QueryMap, TrainerDefinition } from '../../src/algorithms/runtime/trainer';
import { createTrainerHost } from './host';

export function exposeSession<Config, View, Queries extends QueryMap>(definition: TrainerDefinition<Config, View, Queries>): void {
  const host = createTrainerHost(definition, {
    choose: async () => ({ backend: 'js', source: 'order', reason: 'plain JavaScript: this demo needs no tfjs backend', candidates: [] }),
    watchDeviceLoss: () => {},
    // A plain-JS session has no device to lose; tests take the same recovery path through this.
    simulateDeviceLoss: import.meta.env.VITE_TEST_HOOKS === '1' ? (fallback) => fallback('simulated worker loss') : undefined,
    memory: () => ({ numTensors: 0, numBytes: 0 }),
  });
  Comlink.expose(host);
}
