// Remark plugin: validates every formula with KaTeX (a malformed one fails the build with its
// file and line), numbers display equations (\tag{n}, unless the block says \notag or \tag),
// and forbids math inside headings (heading ids and the search index are built from plain text).
import katex from 'katex';
import { visit } from 'unist-util-visit';

/** @param {{ macros: () => Record<string,string>, limits: object }} options */
export default function remarkStrictMath(options) {
  return (tree, file) => {
    let equation = 0;
    const where = (node) =>
      `${file.path ?? 'mdx'}:${node.position?.start.line ?? '?'}:${node.position?.start.column ?? '?'}`;
    visit(tree, (node) => {
      if (node.type === 'heading') {
        visit(node, 'inlineMath', (inner) => {
          throw new Error(`${where(inner)}: no math in headings (write it in words): ${inner.value}`);
        });
        return;
      }
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const display = node.type === 'math';
      let value = node.value;
      if (display && !/\\(notag|nonumber|tag)\b/.test(value)) {
        equation += 1;
        value = `${value}\n\\tag{${equation}}`;
      } else if (display) {
        value = value.replace(/\\(notag|nonumber)\b/g, '');
      }
      try {
        katex.renderToString(value, {
          ...options.limits,
          displayMode: display,
          throwOnError: true,
          macros: options.macros(),
        });
      } catch (error) {
        throw new Error(`${where(node)}: KaTeX cannot render ${JSON.stringify(node.value)}: ${error.message}`);
      }
      if (value !== node.value) {
        node.value = value;
        node.data = {
          hName: 'pre',
          hChildren: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-display'] },
              children: [{ type: 'text', value }],
            },
          ],
        };
      }
    });
  };
}
