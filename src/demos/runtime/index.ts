/**
 * The training runtime's public surface for demos. See README.md for a complete example.
 *
 * Worker side (workers/<demo>.worker.ts):   exposeTrainer(myTrainerDefinition)  from workers/runtime
 * Page side (src/demos/<demo>/):            useTrainerStore({...}) + <TrainerPanel store={store} />
 */
import './runtime.css';

export { createTrainerStore } from './store';
export type { TrainerState, TrainerStatus, TrainerStore, TrainerStoreOptions, Notice, ProgressEvent } from './store';
export { useTrainerStore, useTrainer } from './useTrainerStore';
export { TrainerClient, type WorkerFactory } from './client';
export { TrainerPanel } from './components/TrainerPanel';
export { TrainerControls, SPEEDS } from './components/TrainerControls';
export { BackendBadge } from './components/BackendBadge';
export { BackendSettings } from './components/BackendSettings';
export { WeightsPanel } from './components/WeightsPanel';
export { TrainerNotice } from './components/TrainerNotice';
export { registerForTests, registerTestTool, testMode, type RuntimeTestApi } from './testHook';
export type {
  BackendChoice,
  BackendName,
  BackendPreference,
  IterationRecord,
  RunEnd,
  RuntimeError,
  RuntimeEvent,
} from '../../algorithms/runtime/protocol';
export type { Metrics, IterationResult, Trainer, TrainerDefinition, WeightSnapshot } from '../../algorithms/runtime/trainer';
