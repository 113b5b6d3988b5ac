/**
 * Lays out the visible part of a UCT tree (nodes visited by the shown iteration, minus collapsed
 * subtrees) with d3-hierarchy's tidy tree, into flat typed arrays the canvas draws from.
 */
import { hierarchy, tree } from 'd3-hierarchy';
import type { UctSearch } from '../../algorithms/mcts';

export interface TreeLayout {
  /** Node ids in drawing order (parents before children). */
  ids: Int32Array;
  x: Float64Array;
  y: Float64Array;
  /** Index (into ids) of each node's parent; -1 for the root. */
  parentIndex: Int32Array;
  visits: Int32Array;
  /** Q/N for the player who moved into the node. */
  mean: Float64Array;
  /** UCT score under its parent's visits. */
  score: Float64Array;
  depth: Int32Array;
  /** True where the node has visited children hidden by a collapse. */
  folded: Uint8Array;
  count: number;
  /** id -> index, for hit tests and highlights. */
  indexOf: Map<number, number>;
  width: number;
  height: number;
  rootVisits: number;
  /** Visited nodes left out because only the MAX_DRAWN_NODES most visited are drawn. */
  omitted: number;
}

/**
 * The most nodes drawn. A long search visits far more (50,000 iterations make ~50,000 nodes),
 * and laying them all out would stall the page for a large fraction of a second while telling a
 * student nothing more. A child has at most its parent's visits, so the nodes with at least a
 * threshold of visits always form a connected tree from the root.
 */
export const MAX_DRAWN_NODES = 4000;

/** The smallest visit count a node needs to be among the `cap` most visited (1 when all fit). */
export function visitThreshold(visits: Int32Array, nodeCount: number, cap: number): { threshold: number; visited: number } {
  const counts: number[] = [];
  for (let i = 0; i < nodeCount && i < visits.length; i++) if (visits[i] > 0) counts.push(visits[i]);
  if (counts.length <= cap) return { threshold: 1, visited: counts.length };
  const sorted = Int32Array.from(counts).sort();
  // The cap-th largest; ties at the threshold may add a few nodes beyond the cap, never remove the root.
  return { threshold: Math.max(1, sorted[sorted.length - cap] + 1), visited: counts.length };
}

interface Item {
  id: number;
  children?: Item[];
}

export const NODE_DX = 16;
export const NODE_DY = 70;

export function layoutTree(search: UctSearch, visits: Int32Array, total: Float64Array, collapsed: ReadonlySet<number>, extra = -1): TreeLayout {
  const c = search.c;
  const { threshold, visited } = visitThreshold(visits, search.nodeCount, MAX_DRAWN_NODES);
  const build = (id: number): Item => {
    const item: Item = { id };
    if (collapsed.has(id)) return item;
    const first = search.firstChild[id];
    if (first < 0) return item;
    const kids: Item[] = [];
    for (let i = 0; i < search.childCount[id]; i++) {
      const child = first + i;
      if ((child < visits.length && visits[child] >= threshold) || child === extra) kids.push(build(child));
    }
    if (kids.length) item.children = kids;
    return item;
  };
  const rootItem = build(0);
  const root = hierarchy(rootItem);
  tree<Item>().nodeSize([NODE_DX, NODE_DY]).separation((a, b) => (a.parent === b.parent ? 1 : 1.4))(root);
  const nodes = root.descendants();
  const count = nodes.length;
  const out: TreeLayout = {
    ids: new Int32Array(count), x: new Float64Array(count), y: new Float64Array(count), parentIndex: new Int32Array(count),
    visits: new Int32Array(count), mean: new Float64Array(count), score: new Float64Array(count), depth: new Int32Array(count),
    folded: new Uint8Array(count), count, indexOf: new Map(), width: 0, height: 0, rootVisits: visits[0] ?? 0, omitted: 0,
  };
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  nodes.forEach((n, i) => {
    out.indexOf.set(n.data.id, i);
  });
  nodes.forEach((n, i) => {
    const id = n.data.id;
    out.ids[i] = id;
    out.x[i] = n.x ?? 0;
    out.y[i] = n.y ?? 0;
    out.parentIndex[i] = n.parent ? (out.indexOf.get(n.parent.data.id) ?? -1) : -1;
    const v = visits[id] ?? 0;
    out.visits[i] = v;
    out.mean[i] = v ? total[id] / v : NaN;
    const pv = n.parent ? visits[n.parent.data.id] : 0;
    out.score[i] = n.parent && v ? total[id] / v + 2 * c * Math.sqrt((2 * Math.log(pv)) / v) : NaN;
    out.depth[i] = n.depth;
    out.folded[i] = collapsed.has(id) && search.firstChild[id] >= 0 ? 1 : 0;
    minX = Math.min(minX, out.x[i]);
    maxX = Math.max(maxX, out.x[i]);
    maxY = Math.max(maxY, out.y[i]);
  });
  out.omitted = Math.max(0, visited - count);
  out.width = maxX - minX;
  out.height = maxY;
  return out;
}
