/** The session host with a pure-JS session (no tfjs): rate, progress bins, queries, exact resume. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RANDOM_WALK, randomWalkSession } from '../../src/algorithms/randomWalk/td';
import type { RuntimeEvent } from '../../src/algorithms/runtime/protocol';
import { createTrainerHost, type BackendServices } from './host';

const plain: BackendServices = {
  choose: async () => ({ backend: 'js', source: 'order', reason: 'test', candidates: [] }),
  watchDeviceLoss: () => {},
  memory: () => ({ numTensors: 0, numBytes: 0 }),
};

async function makeHost(seed = 5) {
  const host = createTrainerHost(randomWalkSession, plain);
  const events: RuntimeEvent<unknown>[] = [];
  host.connect((e) => events.push(e));
  await host.init({ preference: 'auto' });
  await host.create(DEFAULT_RANDOM_WALK, seed);
  return { host, events };
}

describe('session host with a pure-JS session', () => {
  it('steps fast but sends at most ~20 progress messages a second, with every iteration in its bins', async () => {
    const { host, events } = await makeHost();
    const running = host.run(1, { delayMs: 0, checkpointEvery: 0, progressHz: 1000 });
    const started = performance.now();
    await new Promise((r) => setTimeout(r, 1500));
    host.stop();
    const end = await running;
    const seconds = (performance.now() - started) / 1000;
    const progress = events.filter((e) => e.type === 'progress');
    expect(end.iteration).toBeGreaterThan(20_000);
    // asked for 1000 Hz, capped at 20: allow the final flush and timer slack
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(20 * seconds) + 2);
    const records = progress.flatMap((e) => (e.type === 'progress' ? e.records : []));
    expect(records.reduce((s, r) => s + r.count, 0)).toBe(end.iteration);
    expect(Math.max(...progress.map((e) => (e.type === 'progress' ? e.records.length : 0)))).toBeLessThanOrEqual(65);
  });

  it('answers queries while the loop runs', async () => {
    const { host } = await makeHost();
    const running = host.run(1, { delayMs: 0, checkpointEvery: 0 });
    await new Promise((r) => setTimeout(r, 50));
    const answer = await host.query('tdErrors', { state: 3 });
    expect(Number.isFinite(answer.left) && Number.isFinite(answer.right)).toBe(true);
    expect(host.iteration()).toBeGreaterThan(0);
    await expect(host.query('tdErrors', { state: 99 })).rejects.toMatchObject({ kind: 'trainer', message: expect.stringMatching(/not one of/) });
    host.stop();
    await running;
  });

  it('resumes a checkpointed run exactly in a fresh host, as if never interrupted', async () => {
    const a = await makeHost(11);
    await a.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 3000 });
    const b = await makeHost(11);
    await b.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 1000 });
    const checkpoint = await b.host.checkpoint();
    expect(checkpoint.kind).toBe('full');
    const c = await makeHost(11);
    await c.host.restore(checkpoint, 1000);
    await c.host.run(2, { delayMs: 0, checkpointEvery: 0, maxIterations: 2000 });
    expect(c.host.iteration()).toBe(3000);
    expect(await c.host.view()).toEqual(await a.host.view());
  });

  it('answers the new model\'s view with create and restore when asked (before any step), null otherwise', async () => {
    const host = createTrainerHost(randomWalkSession, plain);
    host.connect(() => {});
    await host.init({ preference: 'auto' });
    expect(await host.create(DEFAULT_RANDOM_WALK, 5)).toBeNull();
    expect(await host.create({ ...DEFAULT_RANDOM_WALK, states: 7 }, 5, true)).toEqual({
      values: Array(7).fill(0.5), truth: [1, 2, 3, 4, 5, 6, 7].map((s) => s / 8), position: 4, episodes: 0,
    });
    const trained = await makeHost(2);
    await trained.host.run(1, { delayMs: 0, checkpointEvery: 0, maxIterations: 500 });
    const checkpoint = await trained.host.checkpoint();
    await host.create(DEFAULT_RANDOM_WALK, 5);
    const restored = await host.restore(checkpoint, 500, true);
    expect(restored).toEqual(await trained.host.view());
    expect(restored?.episodes).toBeGreaterThan(0);
  });
});
