import { describe, expect, it } from 'vitest';
import { cartpoleSummary } from './controller';
import { CARTPOLE_PRESETS, matchingPreset, withPreset } from './manifest';
import { cartpoleParamTable } from './params';
import { defaults } from '../../components/url/params';

const latest = (return100: number, totalEpisodes: number) => ({ return100, totalEpisodes });

describe('cartpoleSummary', () => {
  it('says in words what is happening, the iteration and the mean return with its window', () => {
    expect(cartpoleSummary({ status: 'running', iteration: 42, latest: latest(311.6, 800) }, 18.2)).toBe(
      'Training · iteration 42 · mean return over the last 100 episodes 312 of 500 · 18 s of training',
    );
    expect(cartpoleSummary({ status: 'paused', iteration: 3, latest: latest(21.4, 48) }, 1.94)).toBe(
      'Paused · iteration 3 · mean return over the last 48 episodes 21 of 500 · 1.9 s of training',
    );
  });
  it('at iteration 0 says how to start, and names starting and errors', () => {
    expect(cartpoleSummary({ status: 'ready', iteration: 0, latest: null }, 0)).toMatch(/^Ready · iteration 0 · press Play to train$/);
    expect(cartpoleSummary({ status: 'starting', iteration: 0, latest: null }, 0)).toMatch(/^Starting/);
    expect(cartpoleSummary({ status: 'error', iteration: 7, latest: null }, 0)).toMatch(/iteration 7 by an error/);
  });
  it('leaves out the return when loaded weights have not run an episode yet', () => {
    expect(cartpoleSummary({ status: 'paused', iteration: 30, latest: null }, 0)).toBe('Paused · iteration 30');
  });
});

describe('cart-pole presets', () => {
  const params = defaults(cartpoleParamTable());
  it('the defaults are the batch-mean preset; applying a preset is then matched back', () => {
    expect(matchingPreset(params)?.id).toBe('reinforce-mean');
    for (const preset of CARTPOLE_PRESETS) expect(matchingPreset(withPreset(params, preset))?.id).toBe(preset.id);
  });
  it('a hand-changed setting that a preset fixes is "custom"', () => {
    expect(matchingPreset({ ...params, baseline: 'none' })).toBeNull();
  });
  it('every preset value is valid for the parameter table', () => {
    const table = cartpoleParamTable() as Record<string, { kind: string; options?: readonly string[]; min?: number; max?: number }>;
    for (const preset of CARTPOLE_PRESETS)
      for (const [key, value] of Object.entries(preset.values)) {
        const param = table[key];
        if (param.kind === 'choice') expect(param.options).toContain(value);
        if (param.kind === 'number') expect(value as number).toBeGreaterThanOrEqual(param.min!);
      }
  });
});
