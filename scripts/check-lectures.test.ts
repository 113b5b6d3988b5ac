import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { mdxOptions } from './mdx/options.mjs';
import { extractHeadings } from './mdx/lecture-index-plugin.mjs';
import { katexMacros, KATEX_LIMITS } from '../src/components/math/macros';

const options = mdxOptions({ macros: katexMacros, limits: KATEX_LIMITS });
const lecturesDir = join(__dirname, '..', 'src', 'lectures');
const slugs = readdirSync(lecturesDir).filter((slug) => existsSync(join(lecturesDir, slug, 'index.mdx')));

describe('lecture MDX pipeline', () => {
  it('rejects a malformed formula with its line number', async () => {
    await expect(compile({ value: 'Intro\n\n$\\frac{a}{$\n', path: 'bad.mdx' }, options)).rejects.toThrow(/bad\.mdx:3.*KaTeX/);
  });

  it('rejects math in a heading', async () => {
    await expect(compile({ value: '## The $Q$ function\n', path: 'h.mdx' }, options)).rejects.toThrow(/no math in headings/);
  });

  it('numbers display equations in order and leaves \\notag ones alone', async () => {
    const out = String(await compile('$$\na=1\n$$\n\n$$\nb=2 \\notag\n$$\n\n$$\nc=3\n$$\n', options));
    expect(out).toContain('(1)');
    expect(out).toContain('(2)');
    expect(out).not.toContain('(3)');
  });

  it('gives headings the ids the search index expects', () => {
    expect(extractHeadings('## Value iteration\n\n### The `max` step\n\n## Value iteration\n')).toEqual([
      { depth: 2, text: 'Value iteration', id: 'value-iteration' },
      { depth: 3, text: 'The max step', id: 'the-max-step' },
      { depth: 2, text: 'Value iteration', id: 'value-iteration-1' },
    ]);
  });

  for (const slug of slugs) {
    it(`compiles lecture ${slug} with every formula valid`, async () => {
      const path = join(lecturesDir, slug, 'index.mdx');
      const out = String(await compile({ value: readFileSync(path, 'utf8'), path }, options));
      expect(out).toContain('katex');
    });
  }
});
