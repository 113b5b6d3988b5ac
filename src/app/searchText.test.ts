import { describe, expect, it } from 'vitest';
import { findWord, prepare, search, snippetAround, WHOLE, type SearchEntry } from './searchText';

const entry = (kind: SearchEntry['kind'], title: string, body?: string, to = `/${title}`): SearchEntry => ({
  to,
  label: title,
  lecture: 'Lecture 1',
  kind,
  title,
  body,
});

describe('findWord', () => {
  it('grades whole words over word starts over fragments and counts every occurrence', () => {
    expect(findWord('the reinforce algorithm', 'reinforce')).toEqual({ quality: WHOLE, index: 4, count: 1 });
    expect(findWord('reinforcement learning', 'reinforce')).toEqual({ quality: 2, index: 0, count: 1 });
    expect(findWord('unreinforced', 'reinforce')).toEqual({ quality: 1, index: 2, count: 1 });
    // The whole-word occurrence is chosen even when a weaker one comes first.
    expect(findWord('reinforcement, then reinforce', 'reinforce')).toEqual({ quality: WHOLE, index: 20, count: 2 });
    expect(findWord('actor-critic', 'critic').quality).toBe(WHOLE);
    expect(findWord('nothing here', 'policy')).toEqual({ quality: 0, index: -1, count: 0 });
  });
});

describe('snippetAround', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve';
  it('cuts at spaces, marks the cut ends and keeps the match apart', () => {
    const index = text.indexOf('six');
    expect(snippetAround(text, index, 3, 10, 8)).toEqual({ before: '…four five ', match: 'six', after: ' seven…' });
  });
  it('leaves the ends unmarked at the start and end of the text', () => {
    expect(snippetAround(text, 0, 3, 10, 500)).toEqual({ before: '', match: 'one', after: text.slice(3) });
  });
});

describe('search', () => {
  const index = prepare([
    entry('lecture', 'Introduction to reinforcement learning'),
    entry('heading', 'Baselines', 'Subtracting a baseline keeps the REINFORCE estimator unbiased.'),
    entry('demo', 'Cart-pole: REINFORCE and actor-critic cartpole demo'),
    entry('heading', 'Summary', 'We met reinforcement learning and REINFORCE twice: REINFORCE.'),
  ]);

  it('ranks whole-word matches first, then by kind, then by how often the word occurs', () => {
    const { hits, total } = search(index, 'reinforce');
    expect(total).toBe(4);
    expect(hits.map((hit) => hit.label)).toEqual(['Cart-pole: REINFORCE and actor-critic cartpole demo', 'Summary', 'Baselines', 'Introduction to reinforcement learning']);
    expect(hits[1].kind).toBe('text');
  });

  it('shows the body text around the best match', () => {
    const [hit] = search(index, 'unbiased').hits;
    expect(hit.label).toBe('Baselines');
    expect(hit.snippet).toEqual({ before: 'Subtracting a baseline keeps the REINFORCE estimator ', match: 'unbiased', after: '.' });
  });

  it('needs every word, in the title or the body', () => {
    expect(search(index, 'baseline unbiased').hits.map((hit) => hit.label)).toEqual(['Baselines']);
    expect(search(index, 'baseline cartpole').total).toBe(0);
    expect(search(index, '   ').total).toBe(0);
  });

  it('shows a lecture summary when the match lies there', () => {
    const withSummary = prepare([{ ...entry('lecture', 'Policy gradients'), summary: 'The likelihood ratio and REINFORCE.' }]);
    const [hit] = search(withSummary, 'reinforce').hits;
    expect(hit.kind).toBe('lecture');
    expect(hit.snippet).toEqual({ before: 'The likelihood ratio and ', match: 'REINFORCE', after: '.' });
    expect(search(withSummary, 'policy').hits[0].snippet).toBeUndefined();
  });

  it('cuts the list at the limit but reports the full count', () => {
    const result = search(index, 'e', 2);
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(4);
  });
});
