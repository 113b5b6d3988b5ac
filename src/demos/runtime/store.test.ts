/**
 * The trainer store against a real session host (the random walk, pure JS) over a MessageChannel
 * that stands in for the worker: a session with `withView` has its view before any step, when it
 * is created, reset, reconfigured, reseeded or restored, and a view of an old model never
 * replaces the new one's.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RANDOM_WALK, randomWalkSession, type RandomWalkConfig, type RandomWalkQueries, type RandomWalkView } from '../../algorithms/randomWalk/td';
import type { TrainerDefinition } from '../../algorithms/runtime/trainer';
import { createTrainerHost, type BackendServices } from '../../../workers/runtime/host';
import { createTrainerStore, type TrainerStore, type TrainerStoreOptions } from './store';

const plain: BackendServices = {
  choose: async () => ({ backend: 'js', source: 'order', reason: 'test', candidates: [] }),
  watchDeviceLoss: () => {},
  memory: () => ({ numTensors: 0, numBytes: 0 }),
};

/** Names of the worker methods the page has called, in order (comlink's APPLY messages). */
let calls: string[] = [];

/** A "worker": the session host exposed on one end of a MessageChannel, the store's client on the other. */
function fakeWorker(definition: TrainerDefinition<RandomWalkConfig, RandomWalkView, RandomWalkQueries>): Worker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createTrainerHost(definition, plain), port2);
  const post = port1.postMessage.bind(port1);
  port1.postMessage = ((message: { type?: string; path?: string[] }, transfer?: Transferable[]) => {
    if (message?.type === 'APPLY' && message.path) calls.push(message.path.join('.'));
    post(message, transfer ?? []);
  }) as MessagePort['postMessage'];
  return Object.assign(port1, {
    terminate() {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
}

/** The random walk with a step that takes `ms` (as a tfjs step would): a Step is in flight for a while. */
const slowWalk = (ms: number): TrainerDefinition<RandomWalkConfig, RandomWalkView, RandomWalkQueries> => ({
  ...randomWalkSession,
  create: async (config, seed) => {
    const trainer = await randomWalkSession.create(config, seed);
    return { ...trainer, step: () => new Promise((resolve) => setTimeout(() => resolve(trainer.step()), ms)) };
  },
});

const stores: TrainerStore<RandomWalkConfig, RandomWalkView, RandomWalkQueries>[] = [];
function makeStore(
  options: Partial<TrainerStoreOptions<RandomWalkConfig, RandomWalkView>> = {},
  definition = randomWalkSession,
) {
  const store = createTrainerStore<RandomWalkConfig, RandomWalkView, RandomWalkQueries>({
    trainerId: 'random-walk', createWorker: () => fakeWorker(definition), config: DEFAULT_RANDOM_WALK, seed: 3,
    withView: true, probe: false, checkpointEvery: 0, ...options,
  });
  stores.push(store);
  return store;
}

afterEach(() => {
  calls = [];
  for (const store of stores.splice(0)) store.getState().dispose();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The view of a walk of `states` states that has not moved: every estimate initial, walker in the middle. */
const untouched = (states: number, initialValue = DEFAULT_RANDOM_WALK.initialValue) =>
  expect.objectContaining({ values: Array(states).fill(initialValue), position: (states + 1) / 2, episodes: 0 });

describe('trainer store: the view before any step', () => {
  it('a fresh session has its view as soon as it is ready, with no progress message', async () => {
    const store = makeStore();
    await store.getState().start();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.iteration).toBe(0);
    expect(s.progressMessages).toBe(0);
    expect(s.view).toEqual(untouched(5));
  });

  it('a store without withView gets no view from the create reply', async () => {
    const store = makeStore({ withView: false });
    await store.getState().start();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().view).toBeNull();
  });

  it('reset, a new config and a new seed each bring the new model\'s view at iteration 0', async () => {
    const store = makeStore();
    await store.getState().start();
    await store.getState().trainFor(200);
    await expect.poll(() => store.getState().iteration).toBe(200); // progress travels on its own port
    expect(store.getState().view?.values).not.toEqual(Array(5).fill(0.5));

    await store.getState().reset();
    expect(store.getState()).toMatchObject({ status: 'ready', iteration: 0 });
    expect(store.getState().view).toEqual(untouched(5));

    const before = store.getState().progressMessages;
    await store.getState().setConfig({ ...DEFAULT_RANDOM_WALK, states: 7, initialValue: 0.25 });
    expect(store.getState()).toMatchObject({ status: 'ready', iteration: 0 });
    expect(store.getState().view).toEqual(untouched(7, 0.25));
    expect(store.getState().progressMessages).toBe(before); // no step, no progress: the reply carried it

    await store.getState().trainFor(50);
    await store.getState().setSeed(9);
    expect(store.getState()).toMatchObject({ status: 'ready', iteration: 0, seed: 9 });
    expect(store.getState().view).toEqual(untouched(7, 0.25));
  });

  it('a config the definition rejects keeps the old model and its view', async () => {
    const store = makeStore();
    await store.getState().start();
    await store.getState().trainFor(30);
    await expect.poll(() => store.getState().iteration).toBe(30);
    const view = store.getState().view;
    await store.getState().setConfig({ ...DEFAULT_RANDOM_WALK, states: 4 });
    expect(store.getState().notice?.text).toMatch(/odd whole number/);
    expect(store.getState().view).toBe(view);
    expect(store.getState().iteration).toBe(30);
  });

  it('reconfigured while running: the view switches with the model, never back to the old one, never blank', async () => {
    const store = makeStore({ delayMs: 0 });
    await store.getState().start();
    const seen: (number | null)[] = [];
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.view !== previous.view) seen.push(state.view ? state.view.values.length : null);
    });
    void store.getState().train();
    await sleep(150);
    expect(store.getState().status).toBe('running');
    await store.getState().setConfig({ ...DEFAULT_RANDOM_WALK, states: 9 });
    const switched = seen.length;
    await sleep(150); // any late message of the old run would land here
    unsubscribe();
    expect(store.getState()).toMatchObject({ status: 'ready', iteration: 0 });
    expect(store.getState().view).toEqual(untouched(9));
    expect(seen).not.toContain(null);
    expect(seen[switched - 1]).toBe(9);
    expect(seen.slice(switched)).toEqual([]);
  });

  it('reconfigured while a Step is in flight: waits for the step, then shows the new model', async () => {
    const store = makeStore({}, slowWalk(40));
    await store.getState().start();
    const stepping = store.getState().step();
    const rebuilding = store.getState().setConfig({ ...DEFAULT_RANDOM_WALK, states: 7 });
    await Promise.all([stepping, rebuilding]);
    await sleep(60);
    expect(store.getState().notice).toBeNull();
    expect(store.getState()).toMatchObject({ status: 'ready', iteration: 0 });
    expect(store.getState().view).toEqual(untouched(7));
  });

  it('a run begun once the new model is on its way trains the new model and keeps its progress', async () => {
    const store = makeStore();
    await store.getState().start();
    calls = [];
    const rebuilding = store.getState().setConfig({ ...DEFAULT_RANDOM_WALK, states: 9 });
    // Play pressed after the create was sent but before its reply: the store still says 'ready'
    for (let i = 0; i < 100 && !calls.includes('create'); i++) await Promise.resolve();
    expect(calls).toEqual(['create']);
    expect(store.getState().status).toBe('ready');
    await Promise.all([rebuilding, store.getState().trainFor(300)]);
    expect(calls).toEqual(['create', 'run']);
    await expect.poll(() => store.getState().iteration).toBe(300);
    expect(store.getState().status).toBe('paused');
    expect(store.getState().history.reduce((n, bin) => n + bin.count, 0)).toBe(300);
    expect(store.getState().view?.values).toHaveLength(9);
  });

  it('restored from a checkpoint in a fresh worker (Retry): the view is the restored run\'s, not the newer one', async () => {
    const store = makeStore({ checkpointEvery: 100 });
    await store.getState().start();
    await store.getState().trainFor(100);
    await expect.poll(() => store.getState().checkpointIteration).toBe(100);
    await expect.poll(() => store.getState().iteration).toBe(100);
    const atCheckpoint = store.getState().view;
    for (let i = 0; i < 3; i++) await store.getState().step(); // steps send no checkpoint
    await expect.poll(() => store.getState().iteration).toBe(103);
    expect(store.getState().view).not.toEqual(atCheckpoint);
    await store.getState().retry();
    expect(store.getState()).toMatchObject({ status: 'paused', iteration: 100 });
    expect(store.getState().view).toEqual(atCheckpoint);
  });
});
