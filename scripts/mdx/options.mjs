// The one MDX pipeline: Vite's build and the lecture checker both use these options.
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkStrictMath from './remark-strict-math.mjs';

/**
 * @param {{ macros: () => Record<string,string>, limits: object }} katex
 * @returns {import('@mdx-js/mdx').CompileOptions}
 */
export function mdxOptions(katex) {
  return {
    remarkPlugins: [remarkMath, [remarkStrictMath, katex]],
    rehypePlugins: [rehypeSlug, [rehypeKatex, { ...katex.limits, macros: katex.macros(), throwOnError: true }]],
    providerImportSource: '@mdx-js/react',
  };
}
