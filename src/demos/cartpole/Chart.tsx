import { memo } from 'react';

export interface Series {
  label: string;
  color: string;
  values: number[];
  dash?: string;
  /** A shaded band around the line (e.g. min–max or the spread across seeds). */
  band?: { lower: number[]; upper: number[] };
}

interface Props {
  title: string;
  series: Series[];
  /** Log-scale y axis (values ≤ 0 are skipped). */
  log?: boolean;
  yMin?: number;
  yMax?: number;
  xLabel?: string;
}

const W = 320;
const H = 150;
const PAD = { left: 46, right: 8, top: 8, bottom: 22 };

/** A small SVG line chart: no animation, downsampled to at most 200 points per line. */
export const Chart = memo(function Chart({ title, series, log = false, yMin, yMax, xLabel = 'iteration' }: Props) {
  const f = (v: number) => (log ? Math.log10(v) : v);
  const ok = (v: number) => Number.isFinite(v) && (!log || v > 0);
  const all = series.flatMap((s) => [...s.values, ...(s.band ? [...s.band.lower, ...s.band.upper] : [])]).filter(ok).map(f);
  const n = Math.max(1, ...series.map((s) => s.values.length));
  let lo = yMin !== undefined ? f(yMin) : Math.min(...all);
  let hi = yMax !== undefined ? f(yMax) : Math.max(...all);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - (f(v) - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const stride = Math.max(1, Math.ceil(n / 200));
  const path = (values: number[]) => {
    let d = '';
    for (let i = 0; i < values.length; i += stride) if (ok(values[i])) d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(values[i]).toFixed(1)}`;
    return d;
  };
  const bandPath = (lower: number[], upper: number[]) => {
    const points: string[] = [];
    for (let i = 0; i < upper.length; i += stride) if (ok(upper[i])) points.push(`${x(i).toFixed(1)},${y(upper[i]).toFixed(1)}`);
    for (let i = Math.floor((lower.length - 1) / stride) * stride; i >= 0; i -= stride) if (ok(lower[i])) points.push(`${x(i).toFixed(1)},${y(lower[i]).toFixed(1)}`);
    return points.length ? `M${points.join('L')}Z` : '';
  };
  const fmt = (v: number) => {
    const value = log ? 10 ** v : v;
    return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(0) : String(Number(value.toPrecision(3)));
  };
  const last = series.map((s) => s.values[s.values.length - 1]);
  return (
    <figure className="cp-chart">
      <figcaption>
        <strong>{title}</strong>
        {series.map((s, k) => (
          <span key={s.label} className="cp-chart__key">
            <svg width="22" height="10" aria-hidden="true"><line x1="0" y1="5" x2="22" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} /></svg>
            {s.label}{last[k] !== undefined && Number.isFinite(last[k]) ? `: ${fmt(f(last[k]))}` : ''}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title} over ${n} iterations`}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#3d4b5c" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#3d4b5c" />
        <text x={PAD.left - 4} y={PAD.top + 10} textAnchor="end" className="cp-chart__tick">{fmt(hi)}</text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="cp-chart__tick">{fmt(lo)}</text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="cp-chart__tick">{xLabel} {n}</text>
        {series.map((s) =>
          s.band ? (
            <path
              key={`${s.label}-band`}
              d={bandPath(s.band.lower, s.band.upper)}
              fill={s.color}
              fillOpacity={0.18}
              stroke="none"
            />
          ) : null,
        )}
        {series.map((s) => (
          <path key={s.label} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dash} />
        ))}
      </svg>
    </figure>
  );
});
