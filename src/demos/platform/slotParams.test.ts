import { describe, expect, it } from 'vitest';
import { bool, num, seedParam } from '../../components/url/params';
import { hideableParams, readHidden } from './slotParams';

const table = { alpha: { ...num(0.1, 0, 1), label: 'Step size α' }, seed: seedParam(), layout: { ...bool(true), hideable: false } };

describe('classroom links', () => {
  it('hides only the demo’s own hideable controls', () => {
    const search = new URLSearchParams('td.hide=alpha,seed,alpha');
    expect(readHidden(search, 'td', table)).toEqual({ hidden: ['alpha', 'seed'], problems: [] });
  });
  it('reports names it ignores without repeating them (a tampered link cannot inject markup)', () => {
    const search = new URLSearchParams({ 'td.hide': 'alpha,layout,"]{}</style><script>,constructor' });
    const { hidden, problems } = readHidden(search, 'td', table);
    expect(hidden).toEqual(['alpha']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/3 names .* ignored/);
    expect(problems[0]).not.toMatch(/script|constructor/);
  });
  it('lists the hideable settings with their labels', () => {
    expect(hideableParams(table)).toEqual([
      { name: 'alpha', label: 'Step size α' },
      { name: 'seed', label: 'seed' },
    ]);
  });
  it('an absent or empty list hides nothing', () => {
    expect(readHidden(new URLSearchParams(''), 'td', table)).toEqual({ hidden: [], problems: [] });
    expect(readHidden(new URLSearchParams('td.hide='), 'td', table)).toEqual({ hidden: [], problems: [] });
  });
});
