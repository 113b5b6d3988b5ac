import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceTrainer, type ReferenceConfig } from '../../src/algorithms/runtime/referenceModel';
import type { RuntimeEvent } from '../../src/algorithms/runtime/protocol';
import { createTrainerHost, type BackendServices } from './host';

const tiny: ReferenceConfig = { inputs: 3, hidden: [8], batch: 16, learningRate: 0.05, datasetSize: 64 };

/** The cpu backend only, with device loss simulated through the same callback. */
function cpuServices(): BackendServices {
  return {
    choose: async () => {
      await tf.setBackend('cpu');
      return { backend: 'cpu', source: 'forced', reason: 'test', candidates: [] };
    },
    watchDeviceLoss: () => {},
    simulateDeviceLoss: (fallback) => fallback('simulated'),
    memory: () => {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
  };
}

async function makeHost(config = tiny, seed = 7) {
  const host = createTrainerHost(referenceTrainer, cpuServices());
  const events: RuntimeEvent[] = [];
  host.connect((e) => events.push(e));
  await host.init({ preference: 'cpu' });
  await host.create(config, seed);
  return { host, events };
}

const losses = (events: RuntimeEvent[]) =>
  events.flatMap((e) => (e.type === 'progress' ? e.records.map((r) => r.metrics.loss) : []));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainer host', () => {
  it('reproduces a run exactly with the same seed on cpu, and differs with another seed', async () => {
    const a = await makeHost(tiny, 7);
    await a.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 30, progressHz: 1000 });
    const b = await makeHost(tiny, 7);
    await b.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 30, progressHz: 1000 });
    const c = await makeHost(tiny, 8);
    await c.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 30, progressHz: 1000 });
    expect(losses(a.events)).toHaveLength(30);
    expect(losses(a.events)).toEqual(losses(b.events));
    expect(losses(a.events)).not.toEqual(losses(c.events));
    // it learns: the mean loss of the last 10 steps is below that of the first 10
    const l = losses(a.events);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(l.slice(-10))).toBeLessThan(mean(l.slice(0, 10)));
  });

  it('keeps numTensors flat over 200 iterations', async () => {
    const { host } = await makeHost();
    await host.run(1, { delayMs: 0, checkpointEvery: 50, maxIterations: 10 });
    const before = tf.memory().numTensors;
    await host.run(2, { delayMs: 0, checkpointEvery: 50, maxIterations: 200 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops cooperatively between steps and reports a stopped run', async () => {
    const { host } = await makeHost();
    const running = host.run(1, { delayMs: 5, checkpointEvery: 0 });
    await new Promise((r) => setTimeout(r, 50));
    host.stop();
    const end = await running;
    expect(end.reason).toBe('stopped');
    expect(end.iteration).toBeGreaterThan(0);
    expect(host.iteration()).toBe(end.iteration);
  });

  it('pauses on a NaN loss and names the metric', async () => {
    const { host } = await makeHost({ ...tiny, nanAt: 4 });
    const end = await host.run(1, { delayMs: 0, checkpointEvery: 0 });
    expect(end).toMatchObject({ reason: 'nonFinite', metric: 'loss', iteration: 5 });
  });

  it('turns a crashing step into a plain {kind, message}', async () => {
    const { host } = await makeHost({ ...tiny, crashAt: 3 });
    const end = await host.run(1, { delayMs: 0, checkpointEvery: 0 });
    expect(end.reason).toBe('error');
    if (end.reason === 'error') {
      expect(end.error.kind).toBe('trainer');
      expect(end.error.message).toMatch(/crashed on purpose at iteration 3/);
      expect(Object.getPrototypeOf(end.error)).toBe(Object.prototype);
    }
  });

  it('rejects an invalid config as a plain config error and keeps the old trainer', async () => {
    const { host } = await makeHost();
    await expect(host.create({ ...tiny, learningRate: -1 }, 1)).rejects.toMatchObject({ kind: 'config', message: expect.stringMatching(/Learning rate/) });
    const outcome = await host.step(1);
    expect(outcome.reason).toBe('stepped');
  });

  it('sends checkpoints that restore the exact weights and iteration', async () => {
    const { host, events } = await makeHost();
    await host.run(1, { delayMs: 0, checkpointEvery: 10, checkpointMinMs: 0, maxIterations: 25 });
    const checkpoints = events.filter((e) => e.type === 'checkpoint');
    expect(checkpoints.map((e) => e.iteration)).toEqual([10, 20, 25]); // every 10, and one at the end
    // with the default 1 s minimum spacing a fast run sends only the first
    const spaced = await makeHost();
    await spaced.host.run(1, { delayMs: 0, checkpointEvery: 10, maxIterations: 25 });
    expect(spaced.events.filter((e) => e.type === 'checkpoint').map((e) => e.iteration)).toEqual([10, 25]);
    const last = checkpoints[1];
    if (last.type !== 'checkpoint') throw new Error('unreachable');
    const fresh = await makeHost(tiny, 99);
    await fresh.host.restore(last.checkpoint, last.iteration);
    expect(fresh.host.iteration()).toBe(20);
    const restored = await fresh.host.getWeights();
    const saved = last.checkpoint.kind === 'weights' ? last.checkpoint.snapshot.tensors : last.checkpoint.state.tensors;
    const byName = new Map(saved.map((t) => [t.name, Array.from(t.values)]));
    for (const tensor of restored.tensors) expect(Array.from(tensor.values)).toEqual(byName.get(tensor.name));
  });

  it('rejects weights of another architecture with a readable message', async () => {
    const { host } = await makeHost();
    const other = await makeHost({ ...tiny, hidden: [9] });
    const weights = await other.host.getWeights();
    await expect(host.setWeights(weights)).rejects.toMatchObject({ kind: 'weights', message: expect.stringMatching(/reference-mlp\/3-9-1/) });
  });

  it('reports a simulated device loss and ends the run', async () => {
    const { host, events } = await makeHost();
    const running = host.run(1, { delayMs: 1, checkpointEvery: 0 });
    await new Promise((r) => setTimeout(r, 30));
    await host.simulateDeviceLoss();
    const end = await running;
    expect(end.reason).toBe('deviceLost');
    expect(events.some((e) => e.type === 'deviceLost')).toBe(true);
  });

  it('throttles progress to about the requested rate', async () => {
    const { host, events } = await makeHost();
    await host.run(1, { delayMs: 2, checkpointEvery: 0, maxIterations: 60, progressHz: 10 });
    const progress = events.filter((e) => e.type === 'progress');
    const records = progress.flatMap((e) => (e.type === 'progress' ? e.records : []));
    expect(records.map((r) => r.iteration)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(progress.length).toBeLessThan(30);
  });
});
