/**
 * The large-grid worker, on the shared session runtime: the same TrainerClient (run ids, stop,
 * progress at ≤ 20 Hz, crash handling) as every other demo. Created on first use, terminated by
 * dispose().
 */
import type { LargeGridConfig as SessionConfig, LargeGridView } from '../../algorithms/gridworld/largeGridSession';
import type { RuntimeError, RuntimeEvent } from '../../algorithms/runtime/protocol';
import type { GridBenchQueries } from '../../../workers/gridworld.worker';
import { TrainerClient } from '../runtime/client';

/** The grid and its dynamics; the tolerance is given to run(). */
export type LargeGridConfig = Omit<SessionConfig, 'tolerance'>;

export interface LargeGridProgress extends LargeGridView {
  runId: number;
  /** Mean time of the sweeps since the last report, in ms. */
  msPerSweep: number;
  done: boolean;
}

const createWorker = () => new Worker(new URL('../../../workers/gridworld.worker.ts', import.meta.url), { type: 'module' });

export class LargeGridClient {
  private readonly client: TrainerClient<SessionConfig, LargeGridView, GridBenchQueries>;
  private starting: Promise<unknown> | null = null;
  private runId = 0;
  private running: Promise<unknown> | null = null;
  private config: SessionConfig | null = null;
  private listener: ((progress: LargeGridProgress) => void) | null = null;
  private lastStepMs = 0;
  /** Set when the worker crashed; the next call starts a fresh one. */
  crash: RuntimeError | null = null;

  constructor() {
    this.client = new TrainerClient(createWorker, (event) => this.onEvent(event), (error) => {
      this.crash = error;
      this.starting = null;
    });
  }

  private onEvent(event: RuntimeEvent<LargeGridView>): void {
    if (event.type !== 'progress' || event.runId !== this.runId || !event.view) return;
    this.lastStepMs = event.stepMs;
    this.listener?.({ ...event.view, runId: event.runId, msPerSweep: event.stepMs, done: false });
  }

  private ensureStarted(): Promise<unknown> {
    if (!this.client.alive || !this.starting) {
      this.crash = null;
      this.starting = this.client.start({ preference: 'auto' });
    }
    return this.starting;
  }

  private async halt(): Promise<void> {
    this.runId++;
    if (this.running) {
      void this.client.call((api) => api.stop()).catch(() => {});
      await this.running.catch(() => {});
    }
  }

  private async create(config: SessionConfig): Promise<LargeGridProgress> {
    await this.ensureStarted();
    await this.halt();
    const view = await this.client.call((api) => api.create(config, config.seed, true));
    this.config = config;
    if (!view) throw new Error('The large grid has no view.');
    return { ...view, runId: this.runId, msPerSweep: 0, done: false };
  }

  /** Builds the grid and resets the values; rejects with a readable message for bad settings. */
  load(config: LargeGridConfig): Promise<LargeGridProgress> {
    return this.create({ ...config, tolerance: this.config?.tolerance ?? 1e-6 });
  }

  /** Sweeps until the largest change is ≤ tolerance, maxSweeps, or stop(); null when superseded. */
  async run(tolerance: number, maxSweeps: number, onProgress: (progress: LargeGridProgress) => void): Promise<LargeGridProgress | null> {
    if (!this.config) throw new Error('Load a grid first.');
    if (this.config.tolerance !== tolerance) await this.create({ ...this.config, tolerance });
    await this.halt();
    const runId = ++this.runId;
    this.listener = onProgress;
    const run = this.client.call((api) => api.run(runId, { delayMs: 0, checkpointEvery: 0, maxIterations: maxSweeps, withView: true, progressHz: 10 }));
    this.running = run;
    const end = await run.finally(() => {
      if (this.running === run) this.running = null;
    });
    if (runId !== this.runId) return null;
    if (end.reason === 'error') throw new Error(end.error.message);
    if (end.reason === 'nonFinite') throw new Error('The values became non-finite: lower γ.');
    const view = await this.client.call((api) => api.view());
    if (!view) return null;
    return { ...view, runId, msPerSweep: this.lastStepMs, done: true };
  }

  stop(): Promise<void> {
    return this.halt();
  }

  private async benchReady(): Promise<void> {
    if (!this.config) await this.load({ side: 8, seed: 1, layout: 'open', gamma: 0.9, noise: 0.2, livingReward: -0.01, inPlace: false, precision: 'float64' });
  }

  /** Bench helper (test builds only): ms per sweep of a side x side open grid. */
  async benchSweep(side: number, repeats: number, warmup: number, precision: 'float32' | 'float64'): Promise<number[]> {
    await this.benchReady();
    return this.client.call((api) => api.query('benchSweep', { side, repeats, warmup, precision }));
  }

  /** Bench helper (test builds only): sweeps per second on the 4x3 grid. */
  async benchSmall(ms: number): Promise<number> {
    await this.benchReady();
    return this.client.call((api) => api.query('benchSmall', { ms }));
  }

  dispose(): void {
    this.runId++;
    this.client.terminate('closed');
    this.starting = null;
    this.config = null;
  }
}
