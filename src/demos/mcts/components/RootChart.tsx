import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { MctsStoreApi } from '../store';
import { rootHistory } from '../rootHistory';

const COLOURS = ['#0b5cad', '#b3261e', '#1f9d55', '#8e44ad', '#b35806', '#0f7c8c', '#6b7280', '#c2185b', '#5d4037'];
const W = 360;
const H = 110;
const PAD = { l: 34, r: 8, t: 6, b: 4 };

function Panel({ title, t, series, highlight }: { title: string; t: number[]; series: number[][]; highlight: number }) {
  const tMax = Math.max(1, t[t.length - 1] ?? 1);
  const px = (x: number) => PAD.l + (x / tMax) * (W - PAD.l - PAD.r);
  const py = (y: number) => PAD.t + (1 - y) * (H - PAD.t - PAD.b);
  const lines = (series[0] ?? []).map((_, j) => {
    let d = '';
    let pen = false;
    series.forEach((row, k) => {
      const v = row[j];
      if (!Number.isFinite(v)) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${px(t[k]).toFixed(1)},${py(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  });
  return (
    <g>
      <text x={PAD.l} y={12} fontSize={13} fontWeight={600}>{title}</text>
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={py(v)} y2={py(v)} stroke="#d5dbe1" />
          <text x={PAD.l - 4} y={py(v) + 4} fontSize={13} textAnchor="end">{v}</text>
        </g>
      ))}
      {lines.map((d, j) => <path key={j} d={d} fill="none" stroke={COLOURS[j % COLOURS.length]} strokeWidth={j === highlight ? 3.5 : 1.6} />)}
    </g>
  );
}

/** Visit share N(a)/N(root) and mean value Q/N of each root move as the search proceeds (up to the timeline's iteration). */
export function RootChart({ store }: { store: MctsStoreApi }) {
  const version = useStore(store, (s) => s.version);
  const cursor = useStore(store, (s) => s.cursor);
  const search = useStore(store, (s) => s.search);
  const game = useStore(store, (s) => s.game);
  // The search mutates in place: `version` says when.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const history = useMemo(() => rootHistory(search, cursor), [search, cursor, version]);
  const best = search.bestMove();
  const highlight = history.moves.indexOf(best);
  if (history.t.length === 0) return <p className="mcts-chart mcts-chart--empty">Run a few iterations to see the root&apos;s moves compete.</p>;
  const last = history.t.length - 1;
  return (
    <figure className="mcts-chart">
      <svg viewBox={`0 0 ${W} ${2 * H + 30}`} role="img" aria-label={`Visit share and mean value of each root move over ${history.t[last]} iterations`}>
        <Panel title="Visit share N(a)/N(root)" t={history.t} series={history.share} highlight={highlight} />
        <g transform={`translate(0 ${H + 6})`}>
          <Panel title="Mean value Q/N (for the player to move)" t={history.t} series={history.value} highlight={highlight} />
        </g>
        <text x={W - PAD.r} y={2 * H + 26} fontSize={13} textAnchor="end">iterations 0 – {history.t[last].toLocaleString('en-US')}</text>
      </svg>
      <figcaption className="mcts-legend">
        {history.moves.map((m, j) => (
          <span key={m} className="mcts-legend__item" data-best={m === best}>
            <span className="mcts-legend__swatch" style={{ background: COLOURS[j % COLOURS.length] }} aria-hidden="true" />
            {game.moveLabel(m).replace(/ \(cell \d\)/, '')}: {(history.share[last][j] * 100).toFixed(0)}%
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
