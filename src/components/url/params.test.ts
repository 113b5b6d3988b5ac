import { describe, expect, it } from 'vitest';
import { bool, choice, num, readParams, text, writeParams } from './params';

const table = {
  gamma: num(0.9, 0, 1),
  sweeps: num(10, 1, 1000, true),
  mode: choice('vi', ['vi', 'pi'] as const),
  inPlace: bool(false),
  layout: text('. .', 50, (value) => (value.includes('!') ? 'no ! allowed' : null)),
};

describe('URL parameter table', () => {
  it('round-trips values and records every setting, defaults included (old links survive new defaults)', () => {
    const search = writeParams(table, { gamma: 0.95, sweeps: 10, mode: 'pi', inPlace: true, layout: '. .' }, new URLSearchParams(), 'g');
    expect(search.toString()).toBe('g.gamma=0.95&g.sweeps=10&g.mode=pi&g.inPlace=1&g.layout=.+.');
    // the same link read against a table whose defaults changed still means the same settings
    const changed = { ...table, sweeps: num(99, 1, 1000, true), layout: text('#', 50) };
    expect(readParams(changed, search, 'g').values).toMatchObject({ sweeps: 10, layout: '. .' });
    expect(readParams(table, search, 'g')).toEqual({
      values: { gamma: 0.95, sweeps: 10, mode: 'pi', inPlace: true, layout: '. .' },
      problems: [],
    });
  });

  it('falls back to defaults with a readable problem for malformed or out-of-range values', () => {
    const search = new URLSearchParams('g.gamma=7&g.sweeps=abc&g.mode=zz&g.inPlace=maybe&g.layout=!&other.gamma=0.1');
    const { values, problems } = readParams(table, search, 'g');
    expect(values).toEqual({ gamma: 0.9, sweeps: 10, mode: 'vi', inPlace: false, layout: '. .' });
    expect(problems).toEqual([
      'g.gamma: 7 is outside [0, 1]; using 0.9',
      'g.sweeps: "abc" is not a number; using 10',
      'g.mode: "zz" is not one of vi, pi; using vi',
      'g.inPlace: "maybe" is not 1 or 0; using false',
      'g.layout: no ! allowed; using . .',
    ]);
  });

  it('rounds integer parameters and rejects blank numbers', () => {
    expect(readParams(table, new URLSearchParams('g.sweeps=4.6'), 'g').values.sweeps).toBe(5);
    expect(readParams(table, new URLSearchParams('g.gamma='), 'g').problems).toHaveLength(1);
  });
});
