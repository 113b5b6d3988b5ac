/**
 * The worker-side session host: runs any TrainerDefinition, with or without tfjs. It owns the step
 * loop (time-sliced, cooperative yields so stop, speed changes and queries get through), progress
 * aggregated into bins at ≤ 20 messages a second, non-finite checks, full-state checkpoints,
 * queries beside the loop, device-loss reporting and benchmarks.
 *
 * It imports no tfjs and no comlink: tfjs sessions get backend services from tfjs.ts, pure-JS
 * sessions from plain.ts, and unit tests call the host directly.
 */
import type { Checkpoint, NoQueries, QueryMap, Trainer, TrainerDefinition, WeightSnapshot } from '../../src/algorithms/runtime/trainer';
import { MAX_PROGRESS_HZ, ProgressAggregator, singleRecord, type IterationRecord } from '../../src/algorithms/runtime/progress';
import {
  toRuntimeError,
  type BackendChoice,
  type InitOptions,
  type MemoryInfo,
  type RunEnd,
  type RuntimeBackend,
  type RuntimeErrorKind,
  type RuntimeEvent,
  type TrainerWorkerApi,
} from '../../src/algorithms/runtime/protocol';
import type { Probe } from './backend';

/** What the host needs from a backend layer (tfjs: tfjs.ts; plain JS: plain.ts). */
export interface BackendServices {
  choose(options: InitOptions, probe: Probe | null): Promise<BackendChoice>;
  watchDeviceLoss(onLost: (message: string) => void): void;
  /** Fault injection for tests; absent in production builds. */
  simulateDeviceLoss?(fallback: (message: string) => void): void;
  memory(): MemoryInfo;
}

const PROBE_WARMUP = 2;
const PROBE_STEPS = 5;
/** At full speed, steps run back to back for this long before the loop yields to messages. */
const SLICE_MS = 8;

/** Yields to the worker's event loop so comlink messages (stop, setDelay, queries) get handled. */
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

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | null)?.then === 'function';
}

export function createTrainerHost<Config, View = unknown, Queries extends QueryMap = NoQueries>(
  definition: TrainerDefinition<Config, View, Queries>,
  services: BackendServices,
): TrainerWorkerApi<Config, View, Queries> {
  let trainer: Trainer<View, Queries> | null = null;
  let iteration = 0;
  let running = false;
  let stopRequested = false;
  let delayMs = 0;
  let emit: (event: RuntimeEvent<View>) => void = () => {};
  let backend: RuntimeBackend | null = null;
  let lostMessage: string | null = null;
  const yieldNow = makeYielder();

  const send = (event: RuntimeEvent<View>) => {
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
    send({ type: 'deviceLost', backend: backend === 'js' || backend === null ? 'cpu' : backend, message });
  };

  const requireTrainer = (): Trainer<View, Queries> => {
    if (!trainer) throw { kind: 'state', message: 'No trainer yet: call create() first.' };
    if (lostMessage !== null) throw { kind: 'backend', message: lostMessage };
    return trainer;
  };

  /** The view of a trainer just built or restored, when asked for (a failing view is the trainer's error). */
  function viewNow(active: Trainer<View, Queries>, withView: boolean | undefined): View | null {
    if (!withView) return null;
    try {
      return active.snapshotForView?.() ?? null;
    } catch (error) {
      throw toRuntimeError(error, 'trainer');
    }
  }

  async function takeCheckpoint(active: Trainer<View, Queries>): Promise<Checkpoint> {
    if (active.checkpoint) return { kind: 'full', state: await active.checkpoint() };
    return { kind: 'weights', snapshot: await active.getWeights() };
  }

  /** One step; returns the record, or the RunEnd that stops the loop. */
  async function oneStep(active: Trainer<View, Queries>): Promise<{ record: IterationRecord; stepMs: number; done: boolean } | RunEnd> {
    const started = performance.now();
    let result;
    try {
      const maybe = active.step();
      result = isPromise(maybe) ? await maybe : maybe;
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
    for (const key of result.watch) {
      const value = result.metrics[key];
      if (!Number.isFinite(value)) return { reason: 'nonFinite', iteration, metric: key, value };
    }
    return { record: singleRecord(iteration, result.metrics), stepMs, done: result.done === true };
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

  const api: TrainerWorkerApi<Config, View, Queries> = {
    connect(onEvent) {
      emit = onEvent;
    },

    init: (options) =>
      guarded('backend', async () => {
        const probeConfig = options.probeConfig as Config | undefined;
        if (probeConfig !== undefined) definition.validate(probeConfig);
        const choice = await services.choose(options, probeConfig === undefined ? null : () => benchmarkSteps(probeConfig, PROBE_WARMUP, PROBE_STEPS));
        backend = choice.backend;
        lostMessage = null;
        services.watchDeviceLoss(onLost);
        return choice;
      }),

    create: (config, seed, withView) =>
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
        return viewNow(trainer, withView);
      }),

    run: (runId, options) =>
      guarded('trainer', async () => {
        const active = requireTrainer();
        if (running) throw { kind: 'state', message: 'Already training.' };
        running = true;
        stopRequested = false;
        delayMs = options.delayMs;
        const interval = 1000 / Math.min(options.progressHz ?? 10, MAX_PROGRESS_HZ);
        const progress = new ProgressAggregator(options.binLimit ?? 64);
        let stepMsSum = 0;
        let stepsSinceFlush = 0;
        let lastSent = performance.now();
        let done = 0;
        let lastCheckpoint = -Infinity;
        let goalReached = false;
        const flush = () => {
          if (progress.pending === 0) return;
          send({
            type: 'progress', runId, iteration, records: progress.drain(), stepMs: stepMsSum / stepsSinceFlush,
            view: options.withView ? active.snapshotForView?.() : undefined,
          });
          stepMsSum = 0;
          stepsSinceFlush = 0;
          lastSent = performance.now();
        };
        try {
          for (;;) {
            const sliceStart = performance.now();
            // Steps back to back for one slice at full speed; one step per turn with a delay.
            do {
              if (lostMessage !== null) return { reason: 'deviceLost', iteration } satisfies RunEnd;
              if (stopRequested) return { reason: 'stopped', iteration } satisfies RunEnd;
              if (options.maxIterations !== undefined && done >= options.maxIterations) return { reason: 'finished', iteration } satisfies RunEnd;
              if (goalReached) return { reason: 'finished', iteration } satisfies RunEnd;
              const outcome = await oneStep(active);
              if ('reason' in outcome) return outcome;
              done++;
              goalReached = outcome.done;
              progress.add(outcome.record.iteration, outcome.record.metrics);
              stepMsSum += outcome.stepMs;
              stepsSinceFlush++;
              if (
                options.checkpointEvery > 0 && iteration % options.checkpointEvery === 0 &&
                performance.now() - lastCheckpoint >= (options.checkpointMinMs ?? 1000)
              ) {
                lastCheckpoint = performance.now();
                send({ type: 'checkpoint', runId, iteration, checkpoint: await takeCheckpoint(active) });
              }
            } while (delayMs === 0 && performance.now() - sliceStart < SLICE_MS);
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
            send({ type: 'checkpoint', runId, iteration, checkpoint: await takeCheckpoint(trainer) });
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

    checkpoint: () => guarded('state', () => takeCheckpoint(requireTrainer())),

    restore: (checkpoint, restoredIteration, withView) =>
      guarded('state', async () => {
        if (running) throw { kind: 'state', message: 'Pause training before restoring a checkpoint.' };
        const active = requireTrainer();
        if (checkpoint.kind === 'full') {
          if (!active.restore) throw new Error('This demo cannot restore a full checkpoint.');
          await active.restore(checkpoint.state);
        } else {
          active.setWeights(checkpoint.snapshot);
        }
        iteration = restoredIteration;
        return viewNow(active, withView);
      }),

    query<K extends keyof Queries & string>(kind: K, args: Parameters<Queries[K]>[0]): Promise<Awaited<ReturnType<Queries[K]>>> {
      return guarded('trainer', async (): Promise<unknown> => {
        const handler = requireTrainer().queries?.[kind];
        if (!handler) throw new Error(`This demo has no query "${kind}".`);
        // QueryMap's parameters are `never` so any one-argument function fits; the page side is typed per kind.
        return (handler as (a: typeof args) => unknown)(args);
      }) as Promise<Awaited<ReturnType<Queries[K]>>>;
    },

    view: async () => trainer?.snapshotForView?.() ?? null,

    iteration: () => iteration,

    memory: async () => services.memory(),

    simulateDeviceLoss: async () => {
      if (!services.simulateDeviceLoss) throw { kind: 'state', message: 'Fault injection exists only in test builds.' };
      services.simulateDeviceLoss(onLost);
    },

    benchmark: (config, warmup, steps) =>
      guarded('trainer', async () => {
        if (running) throw { kind: 'state', message: 'Stop training before benchmarking.' };
        definition.validate(config);
        const msPerStep = await benchmarkSteps(config, warmup, steps);
        return { backend: backend ?? 'js', msPerStep, steps };
      }),
  };
  return api;
}
