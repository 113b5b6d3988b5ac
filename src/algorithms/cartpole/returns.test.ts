import { describe, expect, it } from 'vitest';
import { gae, nStepAdvantage, normalize, rewardToGo, trajectoryReturn, type Segment } from './returns';

const close = (a: ArrayLike<number>, b: number[], digits = 12) => Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));

describe('returns', () => {
  it('reward-to-go and trajectory return by hand (γ = 0.5)', () => {
    const r = [1, 2, 4];
    // G_2 = 4, G_1 = 2 + 0.5·4 = 4, G_0 = 1 + 0.5·4 = 3.
    close(rewardToGo(r, 0.5), [3, 4, 4]);
    expect(trajectoryReturn(r, 0.5)).toBeCloseTo(3, 12);
    // CartPole pays 1 per step: G_t = (1 − γ^{L−t}) / (1 − γ).
    const ones = new Array(200).fill(1);
    const g = rewardToGo(ones, 0.99);
    for (const t of [0, 57, 199]) expect(g[t]).toBeCloseTo((1 - 0.99 ** (200 - t)) / (1 - 0.99), 9);
  });

  // One segment: an episode that terminates after step 1, then a new one cut by the segment end.
  const seg: Segment = {
    rewards: [1, 1, 1, 1],
    values: [0.5, 0.2, 0.4, 0.8],
    nextValues: [0.2, 9 /* terminal: ignored */, 0.8, 0.6],
    terminated: [0, 1, 0, 0],
    ended: [0, 1, 0, 0],
  };
  const gamma = 0.9;

  it('GAE by hand, and λ = 0 is the TD error, λ = 1 the bootstrapped Monte-Carlo advantage', () => {
    const lambda = 0.5;
    const d = [1 + 0.9 * 0.2 - 0.5, 1 - 0.2, 1 + 0.9 * 0.8 - 0.4, 1 + 0.9 * 0.6 - 0.8];
    const a3 = d[3];
    const a2 = d[2] + gamma * lambda * a3;
    const a1 = d[1];
    const a0 = d[0] + gamma * lambda * a1;
    close(gae(seg, gamma, lambda), [a0, a1, a2, a3]);
    close(gae(seg, gamma, 0), d);
    const mc = [1 + 0.9 * 1 - 0.5, 1 - 0.2, 1 + 0.9 * 1 + 0.81 * 0.6 - 0.4, 1 + 0.9 * 0.6 - 0.8];
    close(gae(seg, gamma, 1), mc);
  });

  it('n-step advantages stop at episode and segment ends; n = 1 equals GAE(0), large n equals GAE(1)', () => {
    close(nStepAdvantage(seg, gamma, 1), Array.from(gae(seg, gamma, 0)));
    close(nStepAdvantage(seg, gamma, 50), Array.from(gae(seg, gamma, 1)));
    // Two steps from t = 2: r_2 + γ r_3 + γ² V(s_4) − V(s_2).
    expect(nStepAdvantage(seg, gamma, 2)[2]).toBeCloseTo(1 + 0.9 + 0.81 * 0.6 - 0.4, 12);
  });

  it('normalises to zero mean and unit standard deviation', () => {
    const a = Float64Array.from([1, 2, 3, 6]);
    const [mean, std] = normalize(a);
    expect(mean).toBe(3);
    expect(std).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    expect(a.reduce((s, v) => s + v * v, 0) / 4).toBeCloseTo(1, 6);
  });
});
