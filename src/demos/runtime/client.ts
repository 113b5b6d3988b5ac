/**
 * Main-thread handle on one trainer worker: comlink wrap, pending-call tracking, hard terminate
 * (rejecting every pending call) and recreate on next use. Comlink has no cancellation, so a
 * stop is cooperative first and a terminate() after `stopTimeoutMs`.
 */
import * as Comlink from 'comlink';
import type { BackendChoice, InitOptions, RuntimeError, RuntimeEvent, TrainerWorkerApi } from '../../algorithms/runtime/protocol';
import type { NoQueries, QueryMap } from '../../algorithms/runtime/trainer';
import { toRuntimeError } from '../../algorithms/runtime/protocol';

export type WorkerFactory = () => Worker;

/**
 * The worker API as seen from the page: every method returns a promise. (Comlink's own Remote
 * type does not distribute over union return types, so we spell the simple case out.)
 */
export type RemoteApi<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The worker API seen from the page; `query` keeps its per-kind generic signature. */
type SessionRemote<Config, View, Queries extends QueryMap> = Omit<RemoteApi<TrainerWorkerApi<Config, View, Queries>>, 'query'> &
  Pick<TrainerWorkerApi<Config, View, Queries>, 'query'>;

export class TrainerClient<Config, View = unknown, Queries extends QueryMap = NoQueries> {
  private worker: Worker | null = null;
  private api: SessionRemote<Config, View, Queries> | null = null;
  private readonly pending = new Set<(error: RuntimeError) => void>();
  /** Bumped on every new worker; events of older workers are dropped. */
  private generation = 0;

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly onEvent: (event: RuntimeEvent<View>) => void,
    /** Called when the worker dies on its own (uncaught error, failed load). */
    private readonly onCrash: (error: RuntimeError) => void,
  ) {}

  get alive(): boolean {
    return this.worker !== null;
  }

  /** Starts a fresh worker (terminating any old one) and chooses its backend. */
  async start(options: InitOptions): Promise<BackendChoice> {
    this.terminate('restarted');
    const generation = ++this.generation;
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      if (generation !== this.generation) return;
      event.preventDefault();
      const error: RuntimeError = { kind: 'worker', message: `The training worker crashed: ${event.message || 'it failed to load'}` };
      this.terminate(error.message);
      this.onCrash(error);
    });
    this.worker = worker;
    // Comlink's Remote type does not distribute over union returns; SessionRemote spells it out.
    this.api = Comlink.wrap<TrainerWorkerApi<Config, View, Queries>>(worker) as unknown as SessionRemote<Config, View, Queries>;
    await this.call((api) =>
      api.connect(Comlink.proxy((event: RuntimeEvent<View>) => {
        if (generation === this.generation) this.onEvent(event);
      })),
    );
    return this.call((api) => api.init(options));
  }

  /** Calls the worker; the promise rejects with a plain RuntimeError, also when the worker is terminated. */
  call<T>(fn: (api: SessionRemote<Config, View, Queries>) => Promise<T>): Promise<T> {
    const api = this.api;
    if (!api) return Promise.reject<T>({ kind: 'state', message: 'The training worker is not running.' } satisfies RuntimeError);
    return new Promise<T>((resolve, reject) => {
      const abort = (error: RuntimeError) => reject(error);
      this.pending.add(abort);
      fn(api).then(
        (value) => {
          this.pending.delete(abort);
          resolve(value);
        },
        (error: unknown) => {
          this.pending.delete(abort);
          reject(toRuntimeError(error, 'worker'));
        },
      );
    });
  }

  /** Kills the worker now; every pending call rejects with {kind: 'worker'}. */
  terminate(reason: string): void {
    if (!this.worker) return;
    this.generation++;
    this.worker.terminate();
    this.worker = null;
    this.api = null;
    const rejects = [...this.pending];
    this.pending.clear();
    for (const reject of rejects) reject({ kind: 'worker', message: `The training worker was stopped (${reason}).` });
  }
}

/** Resolves with the settled result of `promise`, or 'timeout' after `ms`. */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | { error: unknown } | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ error });
      },
    );
  });
}
