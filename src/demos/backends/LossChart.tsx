import { memo } from 'react';

const WIDTH = 600;
const HEIGHT = 160;

/** Mean training loss per bin on a log scale (see LossBins); redrawn at the ~10 Hz progress rate. */
export const LossChart = memo(function LossChart({ points }: { points: { iteration: number; mean: number }[] }) {
  if (points.length < 2) return <p className="loss-chart__empty">The loss curve appears here once training runs.</p>;
  const logs = points.map((p) => Math.log10(p.mean));
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  const first = points[0].iteration;
  const last = points[points.length - 1];
  const span = Math.max(1, last.iteration - first);
  const path = points
    .map((p, i) => `${(((p.iteration - first) / span) * WIDTH).toFixed(1)},${(4 + (HEIGHT - 8) * (1 - (logs[i] - lo) / Math.max(hi - lo, 1e-9))).toFixed(1)}`)
    .join(' ');
  const fmt = (log: number) => (10 ** log).toPrecision(2);
  return (
    <figure className="loss-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Mean loss fell from ${fmt(logs[0])} to ${fmt(logs[logs.length - 1])} by iteration ${last.iteration}`} preserveAspectRatio="none">
        <polyline points={path} fill="none" stroke="#0b5cad" strokeWidth="2.5" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>
        Training loss (mean squared error, averaged per bin, log scale from {fmt(lo)} to {fmt(hi)}), iterations {first}–{last.iteration}
      </figcaption>
    </figure>
  );
});
