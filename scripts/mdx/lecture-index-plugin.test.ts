import { describe, expect, it } from 'vitest';
import { extractLecture, proseText, texToText } from './lecture-index-plugin.mjs';

describe('lecture text index', () => {
  it('reads inline TeX roughly and drops markup', () => {
    expect(texToText('\\pi_\\theta(a_t \\mid s_t)')).toBe('πθ(at | st)');
    expect(texToText('\\{\\tau_i\\}_{i=1}^N')).toBe('{τi}i=1N');
    expect(proseText('The **log-derivative trick**, with `x` and [a link](https://e.org), $\\gamma < 1$.')).toBe(
      'The log-derivative trick, with x and a link, γ < 1.',
    );
  });

  it('splits the text by heading with rehype-slug ids, skips display math and code, and places demos', () => {
    const source = [
      'Opening words.',
      '',
      '## The first part',
      '',
      'Text with $x_1$ inline',
      'that wraps.',
      '',
      '$$',
      'y = \\text{secretformula}',
      '$$',
      '',
      '```js',
      'const hiddenCode = 1;',
      '```',
      '',
      '<DemoSlot demo="gridworld" id="vi">',
      '- a list item',
      '</DemoSlot>',
      '',
      '## The first part',
      '',
      '<Algorithm title="Value iteration">',
      '1. Repeat.',
      '</Algorithm>',
    ].join('\n');
    const lecture = extractLecture(source);
    expect(lecture.headings).toEqual([
      { depth: 2, text: 'The first part', id: 'the-first-part' },
      { depth: 2, text: 'The first part', id: 'the-first-part-1' },
    ]);
    expect(lecture.sections).toEqual([
      { id: '', text: 'Opening words.' },
      { id: 'the-first-part', text: 'Text with x1 inline that wraps. … a list item' },
      { id: 'the-first-part-1', text: 'Value iteration. Repeat.' },
    ]);
    expect(lecture.demos).toEqual([{ demo: 'gridworld', section: 'the-first-part' }]);
  });
});
