/**
 * The arms, one column each, on a shared value axis: the estimate μ̂ as a bar, UCB1's upper bound
 * μ̂ + √(2 ln T / N) as a whisker, Thompson's posterior as a density drawn sideways (it narrows as
 * the arm is pulled), the true mean as a tick when shown, and the pull count underneath.
 */
import { betaDensity } from '../../algorithms/bandits/sampling';
import type { BanditView } from '../../algorithms/bandits/session';
import { useWidth } from '../../components/useWidth';

const HEIGHT = 140;
const TOP = 12;
const BOTTOM = 44;
const LEFT = 34;

function normalDensity(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

export function ArmsView({ view, showMeans }: { view: BanditView | null; showMeans: boolean }) {
  const [ref, WIDTH] = useWidth<HTMLDivElement>(480, 240);
  return <div ref={ref} className="bd-measure">{view ? <Arms view={view} showMeans={showMeans} width={WIDTH} /> : <p className="bd-note">Starting the worker…</p>}</div>;
}

function Arms({ view, showMeans, width: WIDTH }: { view: BanditView; showMeans: boolean; width: number }) {
  const k = view.means.length;
  const gaussian = view.armType === 'gaussian';
  const spread = gaussian ? Math.max(...view.posterior.map((p) => p.sd)) : 0;
  const lo = gaussian ? Math.min(0, ...view.means) - 0.5 : 0;
  const hi = gaussian ? Math.max(1, ...view.means) + 0.5 : 1.2;
  const y = (v: number) => TOP + (1 - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (HEIGHT - TOP - BOTTOM);
  const cell = (WIDTH - LEFT) / k;
  const samples = 60;
  const label = view.means
    .map((m, a) => `arm ${a + 1}: ${view.counts[a]} pulls, estimate ${Number.isNaN(view.estimates[a]) ? 'none' : view.estimates[a].toFixed(3)}${showMeans ? `, true mean ${m}` : ''}`)
    .join('; ');
  return (
    <svg className="bd-arms" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${view.pulls} pulls; ${label}`}>
      {[lo, (lo + Math.min(hi, 1)) / 2, Math.min(hi, 1)].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={WIDTH} y1={y(v)} y2={y(v)} className="bd-grid" />
          <text x={LEFT - 4} y={y(v) + 5} className="bd-tick" textAnchor="end">{v.toFixed(1)}</text>
        </g>
      ))}
      {view.means.map((mean, a) => {
        const x0 = LEFT + a * cell;
        const mid = x0 + cell / 2;
        const n = view.counts[a];
        const est = view.estimates[a];
        const post = view.posterior[a];
        // posterior density drawn sideways, scaled to its own peak
        const xs = Array.from({ length: samples }, (_, i) => lo + ((i + 0.5) / samples) * (hi - lo));
        const dens = xs.map((v) => (gaussian ? normalDensity(v, post.mean, post.sd || spread) : betaDensity(v, post.alpha, post.beta)));
        const peak = Math.max(...dens, 1e-12);
        const half = cell * 0.42;
        const path = xs.map((v, i) => `${i ? 'L' : 'M'}${(mid + (dens[i] / peak) * half).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
        const upper = view.upper[a];
        return (
          <g key={a} className={view.lastArm === a ? 'bd-arm bd-arm--last' : 'bd-arm'}>
            {view.lastArm === a ? <rect x={x0 + 2} y={TOP} width={cell - 4} height={HEIGHT - TOP - BOTTOM} className="bd-last" /> : null}
            <path d={`M${mid},${y(lo)} ${path.slice(1)} L${mid},${y(hi)}`} className="bd-posterior" />
            {n > 0 ? <rect x={mid - cell * 0.14} width={cell * 0.28} y={Math.min(y(est), y(Math.max(lo, 0)))} height={Math.abs(y(Math.max(lo, 0)) - y(est))} className="bd-bar" /> : null}
            {n > 0 ? (
              <line x1={mid} x2={mid} y1={y(est)} y2={Number.isFinite(upper) ? y(upper) : y(hi)} className="bd-ucb" />
            ) : null}
            {n > 0 && Number.isFinite(upper) && upper <= hi ? <line x1={mid - cell * 0.2} x2={mid + cell * 0.2} y1={y(upper)} y2={y(upper)} className="bd-ucb" /> : null}
            {showMeans ? <line x1={x0 + cell * 0.12} x2={x0 + cell * 0.88} y1={y(mean)} y2={y(mean)} className="bd-truth" /> : null}
            <text x={mid} y={HEIGHT - 26} className="bd-label">{cell > 44 ? `arm ${a + 1}` : a + 1}</text>
            <text x={mid} y={HEIGHT - 8} className="bd-label bd-count">{cell > 44 ? `${n.toLocaleString('en')}×` : n >= 1000 ? `${Math.round(n / 1000)}k` : n}</text>
          </g>
        );
      })}
    </svg>
  );
}
