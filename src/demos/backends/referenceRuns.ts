/**
 * Runs the reference trainer in its own worker on one forced backend: the benchmark table, the
 * cross-backend agreement test and the bench all use these.
 */
import type { ReferenceConfig } from '../../algorithms/runtime/referenceConfig';
import type { BackendChoice, BackendName, RuntimeEvent } from '../../algorithms/runtime/protocol';
import { TrainerClient } from '../runtime/client';

export const createReferenceWorker = () =>
  new Worker(new URL('../../../workers/reference.worker.ts', import.meta.url), { type: 'module' });

async function withClient<T>(fn: (client: TrainerClient<ReferenceConfig>, events: RuntimeEvent[]) => Promise<T>): Promise<T> {
  const events: RuntimeEvent[] = [];
  let crash: unknown = null;
  const client = new TrainerClient<ReferenceConfig>(createReferenceWorker, (e) => events.push(e), (e) => (crash = e));
  try {
    return await fn(client, events);
  } catch (error) {
    throw crash ?? error;
  } finally {
    client.terminate('done');
  }
}

export interface StepsResult {
  choice: BackendChoice;
  losses: number[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}

/** `steps` training steps of `config` with `seed` on `backend` (forced); losses in order. */
export function runReferenceSteps(backend: BackendName | 'auto', config: ReferenceConfig, seed: number, steps: number, warmup = 0): Promise<StepsResult> {
  return withClient(async (client, events) => {
    const choice = await client.start({ preference: backend });
    await client.call((api) => api.create(config, seed));
    if (warmup > 0) await client.call((api) => api.run(0, { delayMs: 0, checkpointEvery: 0, maxIterations: warmup }));
    const numTensorsBefore = (await client.call((api) => api.memory())).numTensors;
    // Every step's loss is compared across backends: one bin per iteration.
    const end = await client.call((api) => api.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: steps, binLimit: steps }));
    if (end.reason === 'error') throw end.error;
    const numTensorsAfter = (await client.call((api) => api.memory())).numTensors;
    const losses = events.flatMap((e) => (e.type === 'progress' && e.runId === 1 ? e.records.map((r) => r.metrics.loss) : []));
    return { choice, losses, numTensorsBefore, numTensorsAfter };
  });
}

export interface BenchmarkRow {
  backend: BackendName;
  /** Why it could not run, when it could not. */
  unavailable?: string;
  msPerStep: Record<string, number>;
}

/**
 * ms per training step for each size on `backend`, after warm-up (the first WebGL/WebGPU steps
 * compile shaders). `onCell` reports each size as it finishes.
 */
export function benchmarkBackend(
  backend: BackendName,
  sizes: Record<string, ReferenceConfig>,
  options: { warmup: number; steps: number },
  onCell?: (size: string, ms: number) => void,
): Promise<BenchmarkRow> {
  return withClient(async (client) => {
    const choice = await client.start({ preference: backend });
    if (choice.backend !== backend) {
      return { backend, unavailable: choice.candidates.find((c) => c.backend === backend)?.note ?? 'not available', msPerStep: {} };
    }
    const msPerStep: Record<string, number> = {};
    for (const [size, config] of Object.entries(sizes)) {
      const result = await client.call((api) => api.benchmark(config, options.warmup, options.steps));
      msPerStep[size] = result.msPerStep;
      onCell?.(size, result.msPerStep);
    }
    return { backend, msPerStep };
  });
}
