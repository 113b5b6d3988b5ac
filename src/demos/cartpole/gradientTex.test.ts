import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { katexMacros, KATEX_LIMITS } from '../../components/math/macros';
import { defaults } from '../../components/url/params';
import { cartpoleParamTable, type CartpoleParams } from './params';
import { gradientTex } from './gradientTex';

const base = defaults(cartpoleParamTable(undefined)) as CartpoleParams;
const variants: Partial<CartpoleParams>[] = [
  { algorithm: 'reinforce', returnKind: 'reward-to-go', baseline: 'none' },
  { algorithm: 'reinforce', returnKind: 'trajectory', baseline: 'mean' },
  { algorithm: 'reinforce', returnKind: 'reward-to-go', baseline: 'value' },
  { algorithm: 'actor-critic', advantage: 'gae', lambda: 0.9 },
  { algorithm: 'actor-critic', advantage: 'nstep', nSteps: 3 },
];

describe('the live gradient formula', () => {
  for (const variant of variants) {
    it(`typesets and names the advantage for ${JSON.stringify(variant)}`, () => {
      const params = { ...base, ...variant } as CartpoleParams;
      const { estimator, advantage } = gradientTex(params);
      for (const tex of [estimator, advantage]) {
        expect(() => katex.renderToString(tex, { ...KATEX_LIMITS, macros: katexMacros(), throwOnError: true })).not.toThrow();
      }
      if (params.algorithm === 'actor-critic' && params.advantage === 'gae') expect(advantage).toContain(`(${params.gamma} \\cdot 0.9)^k`);
      if (params.algorithm === 'actor-critic' && params.advantage !== 'gae') expect(advantage).toContain(`^{3}\\, \\hat V_\\phi(s_{i,t+3})`);
      if (params.algorithm === 'reinforce') {
        expect(advantage.includes("t'=t")).toBe(params.returnKind === 'reward-to-go');
        expect(advantage.includes('\\hat V_\\phi')).toBe(params.baseline === 'value');
      }
    });
  }
});
