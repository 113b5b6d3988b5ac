/** The large-grid worker, created on first use and terminated by dispose(). */
import * as Comlink from 'comlink';
import type { GridworldWorkerApi, LargeGridConfig, LargeGridProgress } from '../../../workers/gridworld.worker';

export type { LargeGridConfig, LargeGridProgress };

export class LargeGridClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<GridworldWorkerApi> | null = null;
  private runId = 0;

  private remote(): Comlink.Remote<GridworldWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../../workers/gridworld.worker.ts', import.meta.url), { type: 'module' });
      this.api = Comlink.wrap<GridworldWorkerApi>(this.worker);
    }
    return this.api;
  }

  load(config: LargeGridConfig): Promise<LargeGridProgress> {
    this.runId++;
    return this.remote().load(config);
  }

  /** Runs sweeps; progress for a superseded run is dropped. */
  async run(tolerance: number, maxSweeps: number, onProgress: (progress: LargeGridProgress) => void): Promise<LargeGridProgress | null> {
    const runId = ++this.runId;
    const final = await this.remote().run(runId, tolerance, maxSweeps, Comlink.proxy((progress: LargeGridProgress) => {
      if (progress.runId === this.runId) onProgress(progress);
    }));
    return final.runId === this.runId ? final : null;
  }

  stop(): Promise<void> {
    this.runId++;
    return this.api ? this.api.stop() : Promise.resolve();
  }

  benchSweep(side: number, repeats: number, warmup: number, precision: 'float32' | 'float64'): Promise<number[]> {
    return this.remote().benchSweep(side, repeats, warmup, precision);
  }

  benchSmall(ms: number): Promise<number> {
    return this.remote().benchSmall(ms);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
