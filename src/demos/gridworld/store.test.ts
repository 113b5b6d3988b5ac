import { describe, expect, it } from 'vitest';
import { defaults } from '../../components/url/params';
import { parseGrid, valueIteration } from '../../algorithms/gridworld';
import { createGridStore } from './store';
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
});
