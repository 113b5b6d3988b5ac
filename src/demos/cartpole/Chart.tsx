import { memo } from 'react';
import { useWidth } from '../../components/useWidth';
import { formatLogTick, formatTick, logTicks, niceTicks } from '../frame/ticks';
import { TICK_FONT_PX } from '../frame/chartAxis';

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
  /** The x axis title. */
  xLabel?: string;
  /** The x value of each point (e.g. iteration numbers); default 1, 2, 3, … */
  x?: number[];
  /** Height of the plot in CSS px (the legend above adds its own); default: from the width, 130-240. */
  height?: number;
}

const BOTTOM = 40; // x tick labels, then the x axis title below them
const TOP = 10;
const RIGHT = 12;

/**
 * A small SVG line chart drawn at its real pixel size: round ticks (0, 100, 200 …), 14 px labels,
 * the legend above the plot and the axis title below the ticks, so nothing overlaps. No animation;
 * at most ~200 points per line.
 */
export const Chart = memo(function Chart({ title, series, log = false, yMin, yMax, xLabel = 'iteration', x: xValues, height }: Props) {
  const [ref, W] = useWidth<HTMLDivElement>(320, 160); // text is never scaled below 14 px
  const H = height ?? Math.round(Math.min(240, Math.max(130, W * 0.36)));
  const f = (v: number) => (log ? Math.log10(v) : v);
  const ok = (v: number) => Number.isFinite(v) && (!log || v > 0);
  const data = series.flatMap((s) => [...s.values, ...(s.band ? [...s.band.lower, ...s.band.upper] : [])]).filter(ok);
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const xs = (i: number) => xValues?.[i] ?? i + 1;

  // y scale: nice ticks (linear) or powers of ten (log), covering the data and any fixed bounds.
  let yTicks: number[];
  let yLabel: (v: number) => string;
  if (log) {
    yTicks = logTicks(yMin ?? (data.length ? Math.min(...data) : 1), yMax ?? (data.length ? Math.max(...data) : 10), Math.max(2, Math.floor((H - TOP - BOTTOM) / 28)));
    yLabel = formatLogTick;
  } else {
    const lo = yMin ?? (data.length ? Math.min(...data) : 0);
    const hi = yMax ?? (data.length ? Math.max(...data) : 1);
    const wanted = Math.max(3, Math.floor((H - TOP - BOTTOM) / 22));
    // Fixed bounds (0 to 500): the tick count, near the wanted one, whose nice step lands on both ends.
    const counts = [wanted, wanted + 1, wanted - 1, wanted + 2, wanted - 2].filter((c) => c >= 2);
    const exact = yMin !== undefined && yMax !== undefined ? counts.map((c) => niceTicks(lo, hi, c)).find((s) => s.min === lo && s.max === hi) : undefined;
    const scale = exact ?? niceTicks(lo, hi, wanted);
    yTicks = scale.ticks;
    yLabel = (v) => formatTick(v, scale.step);
  }
  const lo = f(yTicks[0]);
  const hi = f(yTicks[yTicks.length - 1]);
  const LEFT = 12 + Math.max(...yTicks.map((t) => yLabel(t).length)) * TICK_FONT_PX * 0.62;

  const x0 = n ? xs(0) : 0;
  const x1 = n ? xs(n - 1) : 1;
  const xScale = niceTicks(x0, Math.max(x1, x0 + 1), Math.max(2, Math.floor((W - LEFT - RIGHT) / 70)));
  const xTicks = xScale.ticks.filter((t) => t >= x0 - 1e-9 && t <= Math.max(x1, x0 + 1) + 1e-9);
  const xMin = x0;
  const xMax = Math.max(x1, x0 + 1);
  const px = (v: number) => LEFT + ((v - xMin) / (xMax - xMin)) * (W - LEFT - RIGHT);
  const py = (v: number) => TOP + (1 - (f(v) - lo) / (hi - lo || 1)) * (H - TOP - BOTTOM);
  const stride = Math.max(1, Math.ceil(n / 200));
  const path = (values: number[]) => {
    let d = '';
    for (let i = 0; i < values.length; i += stride) if (ok(values[i])) d += `${d ? 'L' : 'M'}${px(xs(i)).toFixed(1)},${py(values[i]).toFixed(1)}`;
    return d;
  };
  const bandPath = (lower: number[], upper: number[]) => {
    const points: string[] = [];
    for (let i = 0; i < upper.length; i += stride) if (ok(upper[i])) points.push(`${px(xs(i)).toFixed(1)},${py(upper[i]).toFixed(1)}`);
    for (let i = Math.floor((lower.length - 1) / stride) * stride; i >= 0; i -= stride) if (ok(lower[i])) points.push(`${px(xs(i)).toFixed(1)},${py(lower[i]).toFixed(1)}`);
    return points.length ? `M${points.join('L')}Z` : '';
  };
  const latest = (v: number | undefined) => (v === undefined || !ok(v) ? '' : `: ${Number(v.toPrecision(3))}`);
  return (
    <figure className="cp-chart">
      <figcaption>
        <strong>{title}</strong>
        {series.map((s) => (
          <span key={s.label} className="cp-chart__key">
            <svg width="22" height="10" aria-hidden="true"><line x1="0" y1="5" x2="22" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} /></svg>
            {s.label}{latest(s.values[s.values.length - 1])}
          </span>
        ))}
      </figcaption>
      <div ref={ref} className="cp-chart__plot">
        <svg width={W} height={H} role="img" aria-label={`${title} over ${n} ${xLabel === 'iteration' ? 'iterations' : xLabel}`}>
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={LEFT} x2={W - RIGHT} y1={py(t)} y2={py(t)} stroke="var(--line)" />
              <text x={LEFT - 6} y={py(t)} dy="0.35em" textAnchor="end" className="cp-chart__tick">{yLabel(t)}</text>
            </g>
          ))}
          {n > 0
            ? xTicks.map((t) => (
                <text key={`x${t}`} x={px(t)} y={H - BOTTOM + 18} textAnchor="middle" className="cp-chart__tick">{formatTick(t, xScale.step)}</text>
              ))
            : null}
          <text x={LEFT + (W - LEFT - RIGHT) / 2} y={H - 4} textAnchor="middle" className="cp-chart__axis-title">{xLabel}</text>
          <line x1={LEFT} x2={W - RIGHT} y1={H - BOTTOM} y2={H - BOTTOM} stroke="var(--ink-soft)" />
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={H - BOTTOM} stroke="var(--ink-soft)" />
          {series.map((s) => (s.band ? <path key={`${s.label}-band`} d={bandPath(s.band.lower, s.band.upper)} fill={s.color} fillOpacity={0.18} stroke="none" /> : null))}
          {series.map((s) => (
            <path key={s.label} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dash} />
          ))}
          {n === 0 ? (
            <text x={LEFT + (W - LEFT - RIGHT) / 2} y={TOP + (H - TOP - BOTTOM) / 2} textAnchor="middle" className="cp-chart__empty">
              Press Play to draw the curve.
            </text>
          ) : null}
        </svg>
      </div>
    </figure>
  );
});
