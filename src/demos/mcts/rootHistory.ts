/**
 * The root's action values and visit shares after each of up to `samples` evenly spaced
 * iterations, replayed from the search's per-iteration records (the leaf and the result).
 */
import type { UctSearch } from '../../algorithms/mcts';

export interface RootHistory {
  /** Iteration of each sample. */
  t: number[];
  moves: number[];
  /** share[k][j]: N(child j) / N(root) after t[k]; value[k][j]: Q/N for the root's player (NaN unvisited). */
  share: number[][];
  value: number[][];
}

export function rootHistory(search: UctSearch, upTo: number, samples = 120): RootHistory {
  const first = search.firstChild[0];
  const count = first < 0 ? 0 : search.childCount[0];
  const moves = Array.from({ length: count }, (_, j) => search.move[first + j]);
  const n = new Float64Array(count);
  const w = new Float64Array(count);
  const out: RootHistory = { t: [], moves, share: [], value: [] };
  const end = Math.min(upTo, search.iterations);
  if (count === 0 || end === 0) return out;
  const stride = Math.max(1, Math.ceil(end / samples));
  for (let i = 1; i <= end; i++) {
    let node = search.leaves[i];
    while (node > 0 && search.parent[node] !== 0) node = search.parent[node];
    if (node > 0) {
      const j = node - first;
      const v = search.values[i];
      n[j]++;
      w[j] += search.mover[node] === 0 ? v : 1 - v;
    }
    if (i % stride === 0 || i === end) {
      out.t.push(i);
      out.share.push(Array.from(n, (x) => x / i));
      out.value.push(Array.from(n, (x, j) => (x ? w[j] / x : NaN)));
    }
  }
  return out;
}
