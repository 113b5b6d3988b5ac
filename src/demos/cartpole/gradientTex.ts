import type { CartpoleParams } from './params';

/** Lines joined in an aligned block (each line has one `&` before its relation). */
function aligned(lines: string[]): string {
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

/** The estimator the current settings compute, in the lecture's notation, with their numbers. */
export function gradientTex(params: CartpoleParams): { estimator: string; advantage: string } {
  const estimator =
    '\\nabla_\\theta J(\\theta) \\approx \\frac{1}{N}\\sum_{i=1}^{N}\\sum_{t} \\nabla_\\theta \\log \\pi_\\theta(a_{i,t} \\mid s_{i,t})\\,\\hat A_{i,t}';
  const g = params.gamma;
  if (params.algorithm === 'actor-critic') {
    if (params.advantage === 'gae') {
      return {
        estimator,
        advantage: aligned([`\\hat A_{i,t} &= \\sum_{k\\ge 0} (${g} \\cdot ${params.lambda})^k\\, \\delta_{i,t+k}`, `\\delta_{i,t} &= r_{i,t} + ${g}\\, \\hat V_\\phi(s_{i,t+1}) - \\hat V_\\phi(s_{i,t})`]),
      };
    }
    const n = params.nSteps;
    return {
      estimator,
      advantage: aligned([`\\hat A_{i,t} &= \\sum_{k=0}^{${n - 1}} ${g}^{k}\\, r_{i,t+k}`, `&\\quad + ${g}^{${n}}\\, \\hat V_\\phi(s_{i,t+${n}}) - \\hat V_\\phi(s_{i,t})`]),
    };
  }
  const psi =
    params.returnKind === 'reward-to-go'
      ? `\\sum_{t'=t}^{T} ${g}^{\\,t'-t}\\, r_{i,t'}`
      : `\\sum_{t'=1}^{T} ${g}^{\\,t'-1}\\, r_{i,t'}`;
  const lines =
    params.baseline === 'none'
      ? ['\\hat A_{i,t} &= \\psi_{i,t}']
      : params.baseline === 'mean'
        ? ['\\hat A_{i,t} &= \\psi_{i,t} - b', 'b &= \\text{mean of } \\psi \\text{ over the batch}']
        : ['\\hat A_{i,t} &= \\psi_{i,t} - \\hat V_\\phi(s_{i,t})'];
  return { estimator, advantage: aligned([...lines, `\\psi_{i,t} &= ${psi}`]) };
}
