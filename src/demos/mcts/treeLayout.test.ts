import { describe, expect, it } from 'vitest';
import { connectFour, runSearch, ticTacToe } from '../../algorithms/mcts';
import { rootHistory } from './rootHistory';
import { layoutTree, MAX_DRAWN_NODES, visitThreshold } from './treeLayout';
import { fitView, hitTest } from './treeRender';

describe('tree layout, timeline and root history', () => {
  const { search } = runSearch(connectFour, connectFour.initial(), { iterations: 600, c: 0.5, seed: 3 });

  it('lays out exactly the visited nodes, parents before children', () => {
    const { visits, total } = search.statsAt(600);
    const layout = layoutTree(search, visits, total, new Set());
    expect(layout.count).toBe(601); // the root and one new node per iteration (no terminal revisits this early)
    for (let i = 1; i < layout.count; i++) {
      expect(layout.parentIndex[i]).toBeLessThan(i);
      expect(layout.y[i]).toBeGreaterThan(layout.y[layout.parentIndex[i]]);
    }
    const early = search.statsAt(10);
    expect(layoutTree(search, early.visits, early.total, new Set()).count).toBe(11);
  });

  it('folds a subtree and finds nodes under the pointer', () => {
    const { visits, total } = search.statsAt(600);
    const full = layoutTree(search, visits, total, new Set());
    const child = search.firstChild[0];
    const folded = layoutTree(search, visits, total, new Set([child]));
    let below = 0;
    for (let n = 1; n < search.nodeCount; n++) {
      let a = n;
      while (a > 0 && a !== child) a = search.parent[a];
      if (a === child && n !== child && visits[n] > 0) below++;
    }
    expect(folded.count).toBe(full.count - below);
    const view = fitView(full, 800, 400);
    const i = full.indexOf.get(child)!;
    expect(hitTest(full, view, full.x[i] * view.k + view.x, full.y[i] * view.k + view.y)).toBe(child);
  });

  it('replays the root shares and values from the records', () => {
    const { search: s } = runSearch(ticTacToe, ticTacToe.initial(), { iterations: 400, c: 0.5, seed: 8 });
    const history = rootHistory(s, 400, 50);
    const last = history.t.length - 1;
    expect(history.t[last]).toBe(400);
    const children = s.rootChildren();
    children.forEach((ch, j) => {
      expect(history.share[last][j]).toBeCloseTo(ch.share, 12);
      expect(history.value[last][j]).toBeCloseTo(ch.value, 12);
    });
    expect(history.share[last].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('draws at most the most visited nodes of a long search, as one connected tree from the root', () => {
    const long = runSearch(ticTacToe, ticTacToe.initial(), { iterations: 20_000, c: 0.5, seed: 5 }).search;
    const { visits, total } = long.statsAt(20_000);
    const { threshold, visited } = visitThreshold(visits, long.nodeCount, MAX_DRAWN_NODES);
    expect(visited).toBeGreaterThan(MAX_DRAWN_NODES);
    const layout = layoutTree(long, visits, total, new Set());
    // Every drawn node has at least the threshold's visits, and every node with that many is drawn.
    let eligible = 0;
    for (let i = 0; i < long.nodeCount; i++) if (visits[i] >= threshold) eligible++;
    expect(layout.count).toBe(eligible);
    expect(layout.count).toBeLessThanOrEqual(MAX_DRAWN_NODES);
    expect(layout.count).toBeGreaterThan(MAX_DRAWN_NODES / 2);
    expect(layout.omitted).toBe(visited - layout.count);
    for (let i = 1; i < layout.count; i++) expect(layout.visits[i]).toBeGreaterThanOrEqual(threshold);
  });
});
