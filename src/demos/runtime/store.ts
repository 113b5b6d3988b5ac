/**
 * One zustand store per demo instance: the uniform training state machine on the main thread.
 *
 *   idle → starting → ready ⇄ running → (stopping) → paused | stopped
 *                       ↘ error (readable message + retry)   recovering (device lost) ↗
 *
 * It owns the worker client, drops late messages of old runs (run ids), keeps the latest
 * checkpoint, restarts on the next backend after a device loss, and saves/loads weights.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Checkpoint, Metrics, NoQueries, QueryMap } from '../../algorithms/runtime/trainer';
import { appendHistory } from '../../algorithms/runtime/progress';
import {
  toRuntimeError,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
  type IterationRecord,
  type MemoryInfo,
  type RunEnd,
  type RuntimeError,
  type RuntimeEvent,
} from '../../algorithms/runtime/protocol';
import { decodeWeightFile, encodeWeightFile } from '../../algorithms/runtime/weightFile';
import { settleWithin, TrainerClient, type WorkerFactory } from './client';
import { LatestOnly } from './latest';
import { MAX_SEED } from '../../components/url/params';
import {
  loadWeights,
  readBackendPreference,
  readRememberedBackend,
  saveWeights,
  writeBackendPreference,
  writeRememberedBackend,
} from './storage';

export type TrainerStatus = 'idle' | 'starting' | 'ready' | 'running' | 'stopping' | 'paused' | 'stopped' | 'recovering' | 'error';

export interface Notice {
  tone: 'info' | 'warn' | 'error';
  text: string;
  /** Offer a Retry button (worker crash, trainer error). */
  retry?: boolean;
}

export type ProgressEvent<View = unknown> = Extract<RuntimeEvent<View>, { type: 'progress' }>;

export { MAX_SEED };

export interface TrainerStoreOptions<Config, View = unknown> {
  /** The TrainerDefinition's id: IndexedDB key and remembered-backend key. */
  trainerId: string;
  /** `() => new Worker(new URL('../../../workers/x.worker.ts', import.meta.url), { type: 'module' })` */
  createWorker: WorkerFactory;
  config: Config;
  seed?: number;
  /** Delay between steps in ms (0 = max speed). */
  delayMs?: number;
  /** Checkpoint every this many iterations (default 20). */
  checkpointEvery?: number;
  /** How many bins `history` keeps (default 1000); when full, neighbouring bins merge (see progress.ts). */
  historyLimit?: number;
  /**
   * Ask for trainer.snapshotForView() with every progress message, and with every new model: a
   * created, reset, reconfigured, reseeded or restored session has its view before any step.
   */
  withView?: boolean;
  /** How long a stop waits for the step to yield before terminating the worker (default 1000 ms). */
  stopTimeoutMs?: number;
  /** Run the measured backend probe with `config` (default true). */
  probe?: boolean;
  /** Called for every progress message, e.g. to draw on a canvas without re-rendering React. */
  onProgress?: (event: ProgressEvent<View>) => void;
}

export interface TrainerState<Config, View = unknown, Queries extends QueryMap = NoQueries> {
  trainerId: string;
  status: TrainerStatus;
  backend: BackendChoice | null;
  preference: BackendPreference;
  config: Config;
  seed: number;
  delayMs: number;
  /** Iterations done by the current model. */
  iteration: number;
  /** Metrics of the latest iteration. */
  latest: Metrics | null;
  /** The whole run, oldest first, in at most historyLimit bins (mean, min, max per bin). */
  history: IterationRecord[];
  /** Mean ms per step over the latest progress message. */
  stepMs: number | null;
  /**
   * Latest trainer.snapshotForView() when withView is on: from the newest progress message, or from
   * the model itself when it was built, reset, reconfigured, reseeded or restored (iteration 0 has one).
   */
  view: View | null;
  /** Iteration of the latest checkpoint kept on the main thread, null when none yet. */
  checkpointIteration: number | null;
  /** Progress messages received since the store was created (the bench checks the ≤ 20/s cap). */
  progressMessages: number;
  notice: Notice | null;

  /** Starts the worker, chooses the backend and builds the model (the hook calls it on mount). */
  start(): Promise<void>;
  train(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  step(): Promise<void>;
  stop(): Promise<void>;
  reset(): Promise<void>;
  setSpeed(delayMs: number): void;
  setSeed(seed: number): Promise<void>;
  setConfig(config: Config): Promise<void>;
  forceBackend(preference: BackendPreference): Promise<void>;
  retry(): Promise<void>;
  dismissNotice(): void;
  saveToBrowser(): Promise<void>;
  loadFromBrowser(): Promise<void>;
  /** The weights as the downloadable file's text (see weightFile.ts). */
  exportWeights(): Promise<string>;
  /** Offers the weights as a file download. */
  downloadWeights(): Promise<void>;
  uploadWeights(file: Blob & { name?: string }): Promise<void>;
  /** Train exactly n iterations (tests, bench); resolves with how the run ended. */
  trainFor(n: number): Promise<RunEnd | null>;
  memory(): Promise<MemoryInfo | null>;
  /** Test hook: lose the GPU device (or take the same recovery path on other backends). */
  simulateDeviceLoss(): Promise<void>;
  /**
   * Asks the worker one of the session's queries, while it trains or idles. A newer call of the
   * same kind supersedes an older one (it rejects with an AbortError), so calls never queue.
   */
  query<K extends keyof Queries & string>(kind: K, args: Parameters<Queries[K]>[0], signal?: AbortSignal): Promise<Awaited<ReturnType<Queries[K]>>>;
  /** Terminates the worker; start() brings it back. */
  dispose(): void;
}

export type TrainerStore<Config, View = unknown, Queries extends QueryMap = NoQueries> = StoreApi<TrainerState<Config, View, Queries>>;

export function createTrainerStore<Config, View = unknown, Queries extends QueryMap = NoQueries>(
  options: TrainerStoreOptions<Config, View>,
): TrainerStore<Config, View, Queries> {
  const checkpointEvery = options.checkpointEvery ?? 20;
  const historyLimit = options.historyLimit ?? 1000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 1000;
  let runCounter = 0;
  let currentRunId = -1;
  /** Runs and steps with an id up to this one belong to a model that has since been replaced. */
  let staleUpTo = 0;
  let runPromise: Promise<RunEnd> | null = null;
  let haltIntent: 'paused' | 'stopped' = 'paused';
  let checkpoint: { iteration: number; checkpoint: Checkpoint } | null = null;
  const queries = new LatestOnly();
  let booting: Promise<boolean> | null = null;
  let recovering = false;
  let stepping = false;
  /** The worker call of a Step in flight: a rebuild waits for it (the worker refuses to rebuild mid-step). */
  let stepCall: Promise<unknown> | null = null;
  /** A rebuild (reset, new config or seed) under way: Play and Step wait for the new model. */
  let rebuilding: Promise<boolean> | null = null;
  const withView = options.withView === true;
  /** Bumped by dispose(): work begun before it must not touch the state afterwards. */
  let epoch = 0;
  const excluded = new Set<BackendName>();

  return createStore<TrainerState<Config, View, Queries>>()((set, get) => {
    const client = new TrainerClient<Config, View, Queries>(options.createWorker, onEvent, (error) => {
      currentRunId = -1;
      fail(error);
    });

    function fail(error: unknown, kind: RuntimeError['kind'] = 'worker') {
      const { message } = toRuntimeError(error, kind);
      set({ status: 'error', notice: { tone: 'error', text: message, retry: true } });
    }

    function onEvent(event: RuntimeEvent<View>) {
      if (event.type === 'deviceLost') {
        void recover(event.backend, event.message);
        return;
      }
      // a late message of an older run, or of a run of a model that has since been replaced
      if (event.runId !== currentRunId || event.runId <= staleUpTo) return;
      if (event.type === 'checkpoint') {
        checkpoint = { iteration: event.iteration, checkpoint: event.checkpoint };
        set({ checkpointIteration: event.iteration });
        return;
      }
      set({
        progressMessages: get().progressMessages + 1,
        iteration: event.iteration,
        latest: event.records[event.records.length - 1]?.last ?? get().latest,
        history: appendHistory(get().history, event.records, historyLimit),
        stepMs: event.stepMs,
        view: event.view ?? get().view,
      });
      options.onProgress?.(event);
    }

    /** Fresh worker, backend, model; optionally restores a checkpoint. */
    function boot(restore: { iteration: number; checkpoint: Checkpoint } | null): Promise<boolean> {
      if (booting) return booting;
      const myEpoch = epoch;
      let attempt: Promise<boolean> | null = null;
      attempt = (async () => {
        set({ status: 'starting' });
        const { preference, config, seed, trainerId } = get();
        try {
          const choice = await client.start({
            preference,
            exclude: [...excluded],
            probeConfig: options.probe === false ? undefined : config,
            remembered: preference === 'auto' && excluded.size === 0 ? readRememberedBackend(trainerId) : undefined,
          });
          if (choice.source === 'probe' && choice.backend !== 'js') writeRememberedBackend(trainerId, choice.backend);
          // The new model's view comes with the reply, so it is drawn before any step.
          let view = await client.call((api) => api.create(config, seed, withView));
          if (restore) view = await client.call((api) => api.restore(restore.checkpoint, restore.iteration, withView));
          if (myEpoch !== epoch) return false;
          set({
            backend: choice, status: restore && restore.iteration > 0 ? 'paused' : 'ready', iteration: restore?.iteration ?? 0,
            ...(withView ? { view } : {}),
          });
          return true;
        } catch (error) {
          if (myEpoch !== epoch) return false; // disposed while starting (e.g. StrictMode's extra unmount)
          client.terminate('start failed');
          fail(error, 'backend');
          return false;
        } finally {
          if (booting === attempt) booting = null;
        }
      })();
      booting = attempt;
      return attempt;
    }

    async function recover(lost: BackendName, message: string) {
      if (recovering) return;
      recovering = true;
      const wasRunning = get().status === 'running';
      currentRunId = -1;
      client.terminate('device lost');
      excluded.add(lost);
      set({ status: 'recovering', notice: { tone: 'warn', text: `${message}. Restarting on another backend…` } });
      const from = checkpoint;
      const ok = await boot(from);
      recovering = false;
      if (!ok) return;
      set({
        notice: {
          tone: 'warn',
          text: `${message}. Training moved to ${get().backend?.backend} and continues from ${from ? `the checkpoint at iteration ${from.iteration}` : 'the start (no checkpoint yet)'}.`,
        },
      });
      if (wasRunning) void get().train();
    }

    function handleEnd(end: RunEnd) {
      switch (end.reason) {
        case 'stopped':
          set({ status: haltIntent });
          break;
        case 'finished':
          set({ status: 'paused' });
          break;
        case 'nonFinite':
          set({
            status: 'paused',
            notice: {
              tone: 'warn',
              text: `Training paused at iteration ${end.iteration}: ${end.metric} became ${end.value}. Lower the learning rate, load saved weights or reset.`,
            },
          });
          break;
        case 'error':
          set({ status: 'error', notice: { tone: 'error', text: `Training stopped: ${end.error.message}`, retry: true } });
          break;
        case 'deviceLost':
          break; // the deviceLost event drives recovery
      }
    }

    async function run(maxIterations?: number): Promise<RunEnd | null> {
      while (rebuilding) await rebuilding.catch(() => false); // train the new model, from its fresh state
      const { status } = get();
      if (status !== 'ready' && status !== 'paused' && status !== 'stopped') return null;
      const runId = ++runCounter;
      currentRunId = runId;
      haltIntent = 'paused';
      set({ status: 'running', notice: get().notice?.tone === 'error' ? null : get().notice });
      const promise = client.call((api) =>
        api.run(runId, { delayMs: get().delayMs, checkpointEvery, withView: options.withView, maxIterations }),
      );
      runPromise = promise;
      try {
        const end = await promise;
        if (runId === currentRunId) handleEnd(end);
        return end;
      } catch (error) {
        if (runId === currentRunId) fail(error);
        return null;
      }
    }

    /** Cooperative stop; terminate and restart from the checkpoint when the step will not yield. */
    async function halt(intent: 'paused' | 'stopped') {
      if (get().status !== 'running' || !runPromise) return;
      haltIntent = intent;
      set({ status: 'stopping' });
      void client.call((api) => api.stop()).catch(() => {});
      const settled = await settleWithin(runPromise, stopTimeoutMs);
      if (settled !== 'timeout') return;
      currentRunId = -1;
      client.terminate(`a step did not yield within ${stopTimeoutMs} ms`);
      const from = checkpoint;
      if (await boot(from)) {
        set({
          status: intent,
          notice: {
            tone: 'info',
            text: `A training step did not yield within ${(stopTimeoutMs / 1000).toFixed(1)} s, so its worker was restarted; the model is back at ${from ? `the checkpoint of iteration ${from.iteration}` : 'its initial weights'}.`,
          },
        });
      }
    }

    /** A new model from the current config and seed; Play and Step pressed meanwhile wait for it. */
    function rebuild(): Promise<boolean> {
      const attempt = rebuildNow().finally(() => {
        if (rebuilding === attempt) rebuilding = null;
      });
      rebuilding = attempt;
      return attempt;
    }

    async function rebuildNow(): Promise<boolean> {
      await halt('stopped');
      if (stepCall) await stepCall.catch(() => {});
      if (!client.alive) return boot(null);
      const { config, seed } = get();
      // Runs and steps up to this id belong to the old model (later ones wait for this rebuild).
      const lastOld = runCounter;
      let view: View | null;
      try {
        view = await client.call((api) => api.create(config, seed, withView));
      } catch (error) {
        const e = toRuntimeError(error, 'config');
        if (e.kind === 'config') {
          set({ notice: { tone: 'error', text: e.message } });
          return false;
        }
        fail(e);
        return false;
      }
      // Late progress of the old model's last run or step (events travel on their own port, so
      // one may still arrive after this reply) must not draw over the new model.
      staleUpTo = Math.max(staleUpTo, lastOld);
      checkpoint = null;
      // The view switches with the model, in the same update: no blank frame, no stale picture.
      set({ status: 'ready', iteration: 0, latest: null, history: [], stepMs: null, view, checkpointIteration: null });
      return true;
    }

    /** Pauses a run (the weights stay) so weights can be read or replaced. */
    async function quiesce() {
      if (get().status === 'running') await halt('paused');
    }

    return {
      trainerId: options.trainerId,
      status: 'idle',
      backend: null,
      preference: readBackendPreference(),
      config: options.config,
      seed: options.seed ?? 1,
      delayMs: options.delayMs ?? 0,
      iteration: 0,
      latest: null,
      history: [],
      stepMs: null,
      view: null,
      checkpointIteration: null,
      progressMessages: 0,
      notice: null,

      async start() {
        if (booting) await booting; // already starting: resolve when it is up
        else if (get().status === 'idle') await boot(null);
      },
      async train() {
        await run();
      },
      pause: () => halt('paused'),
      async resume() {
        await run();
      },
      async step() {
        while (rebuilding) await rebuilding.catch(() => false);
        const { status } = get();
        if (stepping || (status !== 'ready' && status !== 'paused' && status !== 'stopped')) return;
        stepping = true;
        const runId = ++runCounter;
        currentRunId = runId;
        const call = client.call((api) => api.step(runId));
        stepCall = call;
        try {
          const outcome = await call;
          if (runId !== currentRunId) return;
          if (outcome.reason === 'stepped') set({ status: 'paused' });
          else handleEnd(outcome);
        } catch (error) {
          if (runId === currentRunId) fail(error, 'trainer');
        } finally {
          stepping = false;
          if (stepCall === call) stepCall = null;
        }
      },
      stop: () => halt('stopped'),
      async reset() {
        if (get().status === 'error') {
          checkpoint = null;
          client.terminate('reset');
          const ok = await boot(null);
          // boot() set the new model's view; keep it
          set({ history: [], latest: null, stepMs: null, ...(ok && withView ? {} : { view: null }), checkpointIteration: null, notice: null });
          return;
        }
        if (await rebuild()) set({ notice: null });
      },
      setSpeed(delayMs) {
        const value = Number.isFinite(delayMs) ? Math.min(Math.max(0, delayMs), 10_000) : 0;
        set({ delayMs: value });
        if (get().status === 'running') void client.call((api) => api.setDelay(value)).catch(() => {});
      },
      async setSeed(seed) {
        if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
          set({ notice: { tone: 'error', text: `The seed must be a whole number from 0 to ${MAX_SEED} (got ${seed}).` } });
          return;
        }
        set({ seed });
        if (await rebuild()) set({ notice: { tone: 'info', text: `Rebuilt the model with seed ${seed}.` } });
      },
      async setConfig(config) {
        const previous = get().config;
        set({ config });
        if (!(await rebuild()) && get().status !== 'error') set({ config: previous });
      },
      async forceBackend(preference) {
        writeBackendPreference(preference);
        await quiesce();
        // Carry the whole run over to the new backend (the last checkpoint if it cannot be read now).
        let snapshot = checkpoint;
        if (client.alive && get().iteration > 0) {
          const iteration = get().iteration;
          const now = await client.call((api) => api.checkpoint()).catch(() => null);
          if (now) snapshot = { iteration, checkpoint: now };
        }
        excluded.clear();
        if (preference === 'auto') writeRememberedBackend(get().trainerId, null);
        set({ preference });
        currentRunId = -1;
        if (await boot(snapshot)) {
          set({ notice: { tone: 'info', text: `Now on ${get().backend?.backend}${snapshot ? `, continuing from iteration ${snapshot.iteration}` : ''}.` } });
        }
      },
      async retry() {
        currentRunId = -1;
        client.terminate('retry');
        const from = checkpoint;
        if (await boot(from)) {
          set({ notice: { tone: 'info', text: from ? `Restarted from the checkpoint at iteration ${from.iteration}.` : 'Restarted from the initial weights.' } });
        }
      },
      dismissNotice() {
        set({ notice: null });
      },
      async saveToBrowser() {
        try {
          const snapshot = await client.call((api) => api.getWeights());
          const iteration = get().iteration;
          await saveWeights(get().trainerId, { iteration, savedAt: new Date().toISOString(), snapshot });
          set({ notice: { tone: 'info', text: `Saved the weights of iteration ${iteration} in this browser.` } });
        } catch (error) {
          set({ notice: { tone: 'error', text: `Could not save: ${toRuntimeError(error, 'weights').message}` } });
        }
      },
      async loadFromBrowser() {
        try {
          const saved = await loadWeights(get().trainerId);
          if (!saved) {
            set({ notice: { tone: 'warn', text: 'Nothing is saved in this browser for this demo yet.' } });
            return;
          }
          await quiesce();
          await client.call((api) => api.setWeights(saved.snapshot, saved.iteration));
          checkpoint = { iteration: saved.iteration, checkpoint: await client.call((api) => api.checkpoint()) };
          set({ status: 'paused', iteration: saved.iteration, checkpointIteration: saved.iteration, notice: { tone: 'info', text: `Loaded the weights saved at iteration ${saved.iteration}.` } });
        } catch (error) {
          set({ notice: { tone: 'error', text: `Could not load the saved weights: ${toRuntimeError(error, 'weights').message}` } });
        }
      },
      async exportWeights() {
        const snapshot = await client.call((api) => api.getWeights());
        return encodeWeightFile({ trainerId: get().trainerId, iteration: get().iteration, snapshot });
      },
      async downloadWeights() {
        try {
          const text = await get().exportWeights();
          const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
          const link = document.createElement('a');
          link.href = url;
          link.download = `${get().trainerId}-iteration-${get().iteration}.weights.json`;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (error) {
          set({ notice: { tone: 'error', text: `Could not download: ${toRuntimeError(error, 'weights').message}` } });
        }
      },
      async uploadWeights(file) {
        const label = file.name ? `"${file.name}"` : 'the file';
        try {
          if (file.size > 256 * 1024 * 1024) throw new Error('It is larger than 256 MB.');
          const parsed = decodeWeightFile(await file.text(), get().trainerId);
          await quiesce();
          await client.call((api) => api.setWeights(parsed.snapshot, parsed.iteration));
          checkpoint = { iteration: parsed.iteration, checkpoint: await client.call((api) => api.checkpoint()) };
          set({ status: 'paused', iteration: parsed.iteration, checkpointIteration: parsed.iteration, notice: { tone: 'info', text: `Loaded ${label} (iteration ${parsed.iteration}).` } });
        } catch (error) {
          set({ notice: { tone: 'error', text: `Could not load ${label}: ${toRuntimeError(error, 'weights').message}` } });
        }
      },
      trainFor: (n) => run(n),
      async memory() {
        return client.alive ? client.call((api) => api.memory()) : null;
      },
      async simulateDeviceLoss() {
        await client.call((api) => api.simulateDeviceLoss());
      },
      query(kind, args, signal) {
        return queries.run(kind, () => client.call((api) => api.query(kind, args)), signal);
      },
      dispose() {
        epoch++;
        booting = null;
        currentRunId = -1;
        client.terminate('closed');
        set({ status: 'idle' });
      },
    };
  });
}
