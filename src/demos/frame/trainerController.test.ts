import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { TrainerState, TrainerStore } from '../runtime/store';
import { createTrainerController, formatSeconds } from './trainerController';

/** Just the parts of a trainer store the controller touches, with spies for the actions. */
function fakeStore(status: TrainerState<unknown>['status'], delayMs = 400) {
  const calls: string[] = [];
  const action = (name: string) => vi.fn(async () => void calls.push(name));
  const store = createStore<TrainerState<unknown>>()((set) => ({
    status,
    delayMs,
    iteration: 0,
    train: action('train'),
    resume: action('resume'),
    pause: action('pause'),
    step: action('step'),
    reset: action('reset'),
    setSpeed: (ms: number) => set({ delayMs: ms }),
  }) as unknown as TrainerState<unknown>);
  return { store: store as TrainerStore<unknown>, calls };
}

const summary = (s: TrainerState<unknown>) => `${s.status} · iteration ${s.iteration}`;

describe('createTrainerController', () => {
  it('Play trains from ready and resumes from paused; Pause, Step and Reset call the store', () => {
    const ready = fakeStore('ready');
    const c = createTrainerController(ready.store, { summary });
    c.play();
    c.step();
    c.reset();
    expect(ready.calls).toEqual(['train', 'step', 'reset']);
    const paused = fakeStore('paused');
    const p = createTrainerController(paused.store, { summary });
    p.play();
    expect(paused.calls).toEqual(['resume']);
    const running = fakeStore('running');
    const r = createTrainerController(running.store, { summary });
    r.play(); // already playing: nothing
    r.pause();
    expect(running.calls).toEqual(['pause']);
    expect(r.status()).toMatchObject({ playing: true, canStep: false, busy: null });
  });

  it('reports busy words while starting or pausing, and the summary in words', () => {
    const { store } = fakeStore('starting');
    const c = createTrainerController(store, { summary });
    expect(c.status()).toMatchObject({ playing: false, busy: 'Starting…', canReset: false, summary: 'starting · iteration 0' });
    store.setState({ status: 'stopping' });
    expect(c.status()).toMatchObject({ playing: true, busy: 'Pausing…' });
  });

  it('speed: the menu maps to delays, Fastest is 0 ms, faster/slower move one place and stop at the ends', () => {
    const { store } = fakeStore('ready', 400);
    const c = createTrainerController(store, { summary });
    expect(c.speed!.current()).toBe('teaching');
    c.speed!.choose(c.speed!.fastestId);
    expect(store.getState().delayMs).toBe(0);
    c.faster();
    expect(store.getState().delayMs).toBe(0);
    c.slower();
    expect(store.getState().delayMs).toBe(100);
    c.slower();
    c.slower();
    c.slower();
    expect(store.getState().delayMs).toBe(1000);
    expect(c.status().speedLabel).toMatch(/^Slow/);
  });

  it('counts training time while running and clears it when the model is reset', () => {
    vi.useFakeTimers();
    const { store } = fakeStore('ready');
    const seen: number[] = [];
    const c = createTrainerController(store, { summary: (_s, seconds) => (seen.push(seconds), '') });
    const stop = c.track();
    store.setState({ status: 'running', iteration: 1 });
    vi.advanceTimersByTime(2500);
    store.setState({ status: 'paused', iteration: 5 });
    vi.advanceTimersByTime(5000); // paused: not counted
    c.status();
    expect(seen.at(-1)).toBeCloseTo(2.5, 1);
    store.setState({ status: 'ready', iteration: 0 });
    c.status();
    expect(seen.at(-1)).toBe(0);
    stop();
    vi.useRealTimers();
  });

  it('formats seconds for a status line', () => {
    expect(formatSeconds(1.94)).toBe('1.9 s');
    expect(formatSeconds(18.4)).toBe('18 s');
    expect(formatSeconds(65)).toBe('1 min 05 s');
  });
});
