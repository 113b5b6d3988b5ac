import { describe, expect, it, vi } from 'vitest';
import { defaults } from '../../components/url/params';
import { parseGrid, PRESETS, valueIteration } from '../../algorithms/gridworld';
import { createGridController } from './controller';
import { capExplanation, createGridStore, plural, presetOf, statusSummary } from './store';
import { gridParamTable } from './url';

const classic = { ...defaults(gridParamTable()), gamma: 1, noise: 0.2, living: -0.04 };

describe('gridworld store', () => {
  it('sweeps like valueIteration and runs to the textbook 0.705', () => {
    const store = createGridStore(classic);
    store.getState().step();
    store.getState().step();
    const reference = valueIteration(parseGrid(classic.layout), { gamma: 1, noise: 0.2, livingReward: -0.04, maxSweeps: 2, tolerance: 0 });
    expect(Array.from(store.getState().values)).toEqual(Array.from(reference.values));
    expect(store.getState().residuals).toEqual(reference.residuals);
    while (!store.getState().advance(50));
    expect(store.getState().converged).toBe(true);
    expect(store.getState().values[8].toFixed(3)).toBe('0.705');
  });

  it('policy iteration mode ends with a round of zero changes at the same values', () => {
    const store = createGridStore({ ...classic, mode: 'pi' });
    while (!store.getState().advance(50));
    const { policyChanges, values } = store.getState();
    expect(policyChanges[policyChanges.length - 1]).toBe(0);
    expect(values[8]).toBeCloseTo(0.70530, 4);
  });

  it('editing resets the run; bad settings give a message, not a throw', () => {
    const store = createGridStore(classic);
    store.getState().step();
    store.getState().setBrush('wall');
    store.getState().paint(1);
    expect(store.getState().layout.split('\n')[0]).toBe('. # . +1');
    expect(store.getState().sweeps).toBe(0);
    store.getState().set({ living: 0.5 });
    expect(store.getState().error).toMatch(/diverge/);
    store.getState().step();
    expect(store.getState().sweeps).toBe(0);
    store.getState().set({ living: -0.04, mode: 'q' });
    expect(store.getState().error).toBeNull();
    store.getState().step(500);
    expect(store.getState().learner?.steps).toBe(500);
    expect(store.getState().qErrors.length).toBe(2);
  });

  it('runs Q-learning to Q ≈ Q* on every preset with the default settings, and remembers the preset', () => {
    for (const preset of PRESETS) {
      const store = createGridStore({ ...defaults(gridParamTable()), mode: 'q' });
      store.getState().applyPreset(preset.id);
      expect(presetOf(store.getState().mdp)).toBe(preset.id);
      while (!store.getState().advance(1000));
      const s = store.getState();
      expect({ preset: preset.id, converged: s.converged, capped: s.capped }).toEqual({ preset: preset.id, converged: true, capped: false });
      expect(statusSummary(s)).toMatch(/Q ≈ Q\*/);
    }
  }, 60_000);

  it('names the real cause when a run stops at the step limit', () => {
    const base = { ...defaults(gridParamTable()), mode: 'q' as const };
    const store = createGridStore(base);
    store.getState().applyPreset('bridge');
    const worst = { error: 3, state: store.getState().mdp.start, action: 1 };
    const s = store.getState();
    expect(capExplanation({ ...s, schedule: 'constant', noise: 0.2, lr: 0.5 }, worst)).toMatch(/constant step η = 0.5 keeps Q jumping/);
    // No noise: never blame the noise.
    expect(capExplanation({ ...s, schedule: 'constant', noise: 0, lr: 0.5 }, worst)).not.toMatch(/noise/);
    expect(capExplanation({ ...s, noise: 0 }, worst)).not.toMatch(/noise/);
  });

  it('plays, pauses, steps and changes preset through the controller', () => {
    vi.useFakeTimers();
    try {
      const store = createGridStore(classic);
      const controller = createGridController(store);
      controller.play();
      vi.advanceTimersByTime(1000);
      expect(store.getState().sweeps).toBe(4);
      expect(controller.status()).toMatchObject({ playing: true, speedLabel: '4 sweeps/s', presetId: 'classic' });
      controller.faster();
      expect(store.getState().speed).toBe(8);
      vi.advanceTimersByTime(500);
      expect(store.getState().sweeps).toBe(8);
      controller.pause();
      vi.advanceTimersByTime(1000);
      expect(store.getState().sweeps).toBe(8);
      controller.step();
      expect(controller.status().summary).toMatch(/^Sweep 9 · largest change \d\.\de-\d+$/);
      controller.nextPreset();
      expect(controller.status().presetId).toBe('bridge');
      controller.previousPreset();
      controller.previousPreset();
      expect(controller.status().presetId).toBe('maze');
      controller.reset();
      expect(store.getState().sweeps).toBe(0);
      store.getState().setBrush('wall');
      store.getState().paint(0);
      expect(controller.status().presetId).toBeNull();
      expect(plural(1, 'sweep')).toBe('1 sweep');
      expect(plural(2, 'sweep')).toBe('2 sweeps');
    } finally {
      vi.useRealTimers();
    }
  });
});
