/** Exposes a TrainerDefinition over comlink with the real backend layer: a worker entry is one call. */
import * as Comlink from 'comlink';
import type { TrainerDefinition } from '../../src/algorithms/runtime/trainer';
import { chooseBackend } from './backend';
import { simulateDeviceLoss, watchDeviceLoss } from './deviceLoss';
import { createTrainerHost } from './host';

export function exposeTrainer<Config>(definition: TrainerDefinition<Config>): void {
  const host = createTrainerHost(definition, { choose: chooseBackend, watchDeviceLoss, simulateDeviceLoss });
  // Wrap the event callback so comlink passes it as a proxy (functions cannot be cloned).
  Comlink.expose(host);
}
