/**
 * KaTeX macros shared by the build-time lecture renderer and the run-time live formulas.
 * Always pass a fresh copy (`katexMacros()`): KaTeX writes into the table it is given.
 */
const MACROS: Readonly<Record<string, string>> = {
  '\\E': '\\mathbb{E}',
  '\\R': '\\mathbb{R}',
  '\\KL': 'D_{\\mathrm{KL}}',
  '\\abs': '\\left\\lvert #1 \\right\\rvert',
  '\\norm': '\\left\\lVert #1 \\right\\rVert',
  '\\Var': '\\operatorname{Var}',
  '\\softmax': '\\operatorname{softmax}',
  '\\logsumexp': '\\operatorname{log\\,sum\\,exp}',
  '\\Normal': '\\mathcal{N}',
  '\\given': '\\mid',
};

export function katexMacros(): Record<string, string> {
  return { ...MACROS };
}

/** Options every KaTeX render in the project uses (build time and run time). */
export const KATEX_LIMITS = {
  trust: false,
  maxSize: 20,
  maxExpand: 500,
  strict: 'ignore' as const,
};
