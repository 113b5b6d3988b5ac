/** Exposes a tfjs TrainerDefinition over comlink with the real backend layer: a worker entry is one call. */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { QueryMap, TrainerDefinition } from '../../src/algorithms/runtime/trainer';
import { chooseBackend } from './backend';
import { simulateDeviceLoss, watchDeviceLoss } from './deviceLoss';
import { createTrainerHost } from './host';

export function exposeTrainer<Config, View, Queries extends QueryMap>(definition: TrainerDefinition<Config, View, Queries>): void {
  const host = createTrainerHost(definition, {
    choose: chooseBackend,
    watchDeviceLoss,
    // Fault injection only in test builds (VITE_TEST_HOOKS=1), never reachable on the public site.
    simulateDeviceLoss: import.meta.env.VITE_TEST_HOOKS === '1' ? simulateDeviceLoss : undefined,
    memory: () => {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
  });
  Comlink.expose(host);
}
