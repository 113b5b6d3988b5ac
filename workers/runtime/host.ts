/**
 * The worker-side host that runs any TrainerDefinition: the step loop with cooperative yields,
 * throttled progress, non-finite checks, checkpoints, device-loss reporting and benchmarks.
 * It has no comlink in it (expose.ts adds that), so unit tests call it directly on the cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import type { Trainer, TrainerDefinition, WeightSnapshot } from '../../src/algorithms/runtime/trainer';
import {
  toRuntimeError,
  type BackendChoice,
  type BackendName,
  type InitOptions,
  type IterationRecord,
  type RunEnd,
  type RuntimeErrorKind,
  type RuntimeEvent,
  type TrainerWorkerApi,
} from '../../src/algorithms/runtime/protocol';
import type { Probe } from './backend';

/** What the host needs from the backend layer (real one in backend.ts / deviceLoss.ts). */
export interface BackendServices {
  choose(options: InitOptions, probe: Probe | null): Promise<BackendChoice>;
  watchDeviceLoss(onLost: (message: string) => void): void;
  simulateDeviceLoss(fallback: (message: string) => void): void;
}

const PROBE_WARMUP = 2;
const PROBE_STEPS = 5;

/** Yields to the worker's event loop so comlink messages (stop, setDelay) get handled. */
function makeYielder() {
  const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
  const waiting: (() => void)[] = [];
  if (channel) channel.port1.onmessage = () => waiting.shift()?.();
  let lastTimer = performance.now();
  return (delayMs: number): Promise<void> =>
    new Promise((resolve) => {
      const now = performance.now();
      // A MessageChannel turn is not clamped like nested setTimeout(0) (4 ms); a real timer every
      // 20 ms still lets every task source (incoming messages) run.
      if (delayMs > 0 || !channel || now - lastTimer > 20) {
        lastTimer = now;
        setTimeout(resolve, delayMs);
      } else {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      }
    });
}

/** Runs `fn`, turning any throw into a plain {kind, message} (custom Error fields do not survive). */
async function guarded<T>(kind: RuntimeErrorKind, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toRuntimeError(error, kind);
  }
}

export function createTrainerHost<Config>(definition: TrainerDefinition<Config>, services: BackendServices): TrainerWorkerApi<Config> {
  let trainer: Trainer | null = null;
  let iteration = 0;
  let running = false;
  let stopRequested = false;
  let delayMs = 0;
  let emit: (event: RuntimeEvent) => void = () => {};
  let backend: BackendName | null = null;
  let lostMessage: string | null = null;
  const yieldNow = makeYielder();

  const send = (event: RuntimeEvent) => {
    try {
      // Fire and forget: a comlink proxy call returns a promise we do not wait for.
      void Promise.resolve(emit(event) as unknown).catch(() => {});
    } catch {
      // the page went away; nothing to tell
    }
  };

  const onLost = (message: string) => {
    if (lostMessage !== null) return;
    lostMessage = message;
    stopRequested = true;
    send({ type: 'deviceLost', backend: backend ?? 'cpu', message });
  };

  const requireTrainer = (): Trainer => {
    if (!trainer) throw { kind: 'state', message: 'No trainer yet: call create() first.' };
    if (lostMessage !== null) throw { kind: 'backend', message: lostMessage };
    return trainer;
  };

  /** One step; returns the record, or the RunEnd that stops the loop. */
  async function oneStep(active: Trainer): Promise<{ record: IterationRecord; stepMs: number } | RunEnd> {
    const started = performance.now();
    let result;
    try {
      result = await active.step();
    } catch (error) {
      // A step that fails on WebGPU may be the first sign of a lost device: give device.lost a
      // moment to settle so the run ends as a device loss (restart elsewhere), not as a bug.
      if (backend === 'webgpu' && lostMessage === null) await new Promise((resolve) => setTimeout(resolve, 250));
      if (lostMessage !== null) return { reason: 'deviceLost', iteration };
      return { reason: 'error', iteration, error: toRuntimeError(error, 'trainer') };
    }
    const stepMs = performance.now() - started;
    if (lostMessage !== null) return { reason: 'deviceLost', iteration };
    iteration++;
    const record: IterationRecord = { iteration, metrics: result.metrics };
    for (const key of result.watch) {
      const value = result.metrics[key];
      if (!Number.isFinite(value)) return { reason: 'nonFinite', iteration, metric: key, value };
    }
    return { record, stepMs };
  }

  async function probeWith(config: Config): Promise<number> {
    const result = await benchmarkSteps(config, PROBE_WARMUP, PROBE_STEPS);
    return result;
  }

  async function benchmarkSteps(config: Config, warmup: number, steps: number): Promise<number> {
    const probeTrainer = await definition.create(config, 1);
    try {
      for (let i = 0; i < warmup; i++) await probeTrainer.step();
      const started = performance.now();
      for (let i = 0; i < steps; i++) await probeTrainer.step();
      return (performance.now() - started) / steps;
    } finally {
      probeTrainer.dispose();
    }
  }

  const api: TrainerWorkerApi<Config> = {
    connect(onEvent) {
      emit = onEvent;
    },

    init: (options) =>
      guarded('backend', async () => {
        const probeConfig = options.probeConfig as Config | undefined;
        if (probeConfig !== undefined) definition.validate(probeConfig);
        const choice = await services.choose(options, probeConfig === undefined ? null : () => probeWith(probeConfig));
        backend = choice.backend;
        lostMessage = null;
        services.watchDeviceLoss(onLost);
        return choice;
      }),

    create: (config, seed) =>
      guarded('config', async () => {
        if (running) throw { kind: 'state', message: 'Stop training before rebuilding the model.' };
        definition.validate(config);
        trainer?.dispose();
        trainer = null;
        iteration = 0;
        try {
          trainer = await definition.create(config, seed);
        } catch (error) {
          throw toRuntimeError(error, 'trainer');
        }
      }),

    run: (runId, options) =>
      guarded('trainer', async () => {
        const active = requireTrainer();
        if (running) throw { kind: 'state', message: 'Already training.' };
        running = true;
        stopRequested = false;
        delayMs = options.delayMs;
        const interval = 1000 / (options.progressHz ?? 10);
        let records: IterationRecord[] = [];
        let stepMsSum = 0;
        let lastSent = performance.now();
        let done = 0;
        let lastCheckpoint = -Infinity;
        const flush = () => {
          if (records.length === 0) return;
          send({
            type: 'progress', runId, iteration, records, stepMs: stepMsSum / records.length,
            view: options.withView ? active.snapshotForView?.() : undefined,
          });
          records = [];
          stepMsSum = 0;
          lastSent = performance.now();
        };
        try {
          for (;;) {
            if (lostMessage !== null) return { reason: 'deviceLost', iteration } satisfies RunEnd;
            if (stopRequested) return { reason: 'stopped', iteration } satisfies RunEnd;
            if (options.maxIterations !== undefined && done >= options.maxIterations) return { reason: 'finished', iteration } satisfies RunEnd;
            const outcome = await oneStep(active);
            if ('reason' in outcome) return outcome;
            done++;
            records.push(outcome.record);
            stepMsSum += outcome.stepMs;
            if (
              options.checkpointEvery > 0 && iteration % options.checkpointEvery === 0 &&
              performance.now() - lastCheckpoint >= (options.checkpointMinMs ?? 1000)
            ) {
              lastCheckpoint = performance.now();
              send({ type: 'checkpoint', runId, iteration, snapshot: await active.getWeights() });
            }
            if (performance.now() - lastSent >= interval) flush();
            await yieldNow(delayMs);
          }
        } finally {
          flush();
          running = false;
        }
      }).then(async (end) => {
        // A fresh checkpoint when a run stops cleanly, so a later recovery loses nothing.
        if ((end.reason === 'stopped' || end.reason === 'finished') && options.checkpointEvery > 0 && trainer && lostMessage === null) {
          try {
            send({ type: 'checkpoint', runId, iteration, snapshot: await trainer.getWeights() });
          } catch {
            // the model was replaced meanwhile; its own checkpoints follow
          }
        }
        return end;
      }),

    stop() {
      stopRequested = true;
    },

    setDelay(ms) {
      delayMs = Math.max(0, ms);
    },

    step: (runId) =>
      guarded('trainer', async () => {
        const active = requireTrainer();
        if (running) throw { kind: 'state', message: 'Pause training before stepping once.' };
        running = true;
        try {
          const outcome = await oneStep(active);
          if ('record' in outcome) {
            send({ type: 'progress', runId, iteration, records: [outcome.record], stepMs: outcome.stepMs, view: active.snapshotForView?.() });
            return { reason: 'stepped' as const, ...outcome };
          }
          return outcome;
        } finally {
          running = false;
        }
      }),

    getWeights: () => guarded('weights', () => requireTrainer().getWeights()),

    setWeights: (snapshot: WeightSnapshot, restoredIteration?: number) =>
      guarded('weights', async () => {
        if (running) throw { kind: 'state', message: 'Pause training before loading weights.' };
        requireTrainer().setWeights(snapshot);
        if (restoredIteration !== undefined) iteration = restoredIteration;
      }),

    iteration: () => iteration,

    memory: async () => {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },

    simulateDeviceLoss: async () => {
      services.simulateDeviceLoss(onLost);
    },

    benchmark: (config, warmup, steps) =>
      guarded('trainer', async () => {
        if (running) throw { kind: 'state', message: 'Stop training before benchmarking.' };
        definition.validate(config);
        const msPerStep = await benchmarkSteps(config, warmup, steps);
        return { backend: (backend ?? tf.getBackend()) as BackendName, msPerStep, steps };
      }),
  };
  return api;
}
