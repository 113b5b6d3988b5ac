import { useStore } from 'zustand';
import { LiveFormula } from '../../../components/math/LiveFormula';
import type { MctsStoreApi } from '../store';

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? Number(v.toFixed(digits)).toString() : '\\infty');

/** The lecture's UCT score with the selected node's numbers filled in (the path's last choice during selection). */
export function Formula({ store }: { store: MctsStoreApi }) {
  const selected = useStore(store, (s) => s.selected);
  const phase = useStore(store, (s) => s.phase);
  const search = useStore(store, (s) => s.search);
  const cursor = useStore(store, (s) => s.cursor);
  useStore(store, (s) => s.version);
  const general = String.raw`\operatorname{Score}(s_t) = \frac{Q(s_t)}{N(s_t)} + 2C\sqrt{\frac{2 \ln N(s_{t-1})}{N(s_t)}}`;
  const node = selected ?? (phase && phase.trace.path.length > 1 ? phase.trace.path[1] : null);
  let filled: string | null = null;
  let words = 'Select a node in the tree (click it, or focus the tree and use the arrow keys) to see its numbers here.';
  if (node !== null && node > 0 && node < search.nodeCount) {
    const { visits, total } = search.statsAt(cursor);
    const n = visits[node];
    const q = total[node];
    const np = visits[search.parent[node]];
    const c = search.c;
    if (n > 0 && np > 0) {
      const score = q / n + 2 * c * Math.sqrt((2 * Math.log(np)) / n);
      filled = String.raw`= \frac{${fmt(q)}}{${n}} + 2 \cdot ${fmt(c)} \sqrt{\frac{2 \ln ${np}}{${n}}} = ${fmt(q / n)} + ${fmt(score - q / n)} = ${fmt(score)}`;
      words = `Node: ${search.game.moveLabel(search.move[node])} at depth ${search.depth(node)}, after iteration ${cursor}.`;
    } else {
      filled = String.raw`= \infty \quad (N(s_t) = 0\text{: never tried, so it is expanded first})`;
      words = `Node: ${search.game.moveLabel(search.move[node])}, not visited by iteration ${cursor}.`;
    }
  } else if (node === 0) {
    words = 'The root has no parent, so no score: select one of its descendants.';
  }
  return (
    <div className="mcts-formula" data-testid="mcts-formula">
      <LiveFormula tex={general} display label="The UCT score" />
      {filled ? <LiveFormula tex={filled} display label="The score with the selected node's numbers" /> : null}
      <p className="mcts-note">{words} Q is the sum of the returns through the node, for the player who moved into it.</p>
    </div>
  );
}
