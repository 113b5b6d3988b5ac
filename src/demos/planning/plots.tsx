/** Small SVG line plots shared by the planning demo's parts (no chart library: a few lines each). */
import type { ReactNode } from 'react';
import { useWidth } from '../../components/useWidth';
import { formatLogTick, formatTick, logTicks, niceTicks } from '../frame';

/** A log axis in log10 units: the powers of ten around [10^lo, 10^hi]. */
function powersOfTen(lo: number, hi: number) {
  const ticks = logTicks(10 ** lo, 10 ** hi, 5).map((v) => Math.round(Math.log10(v)));
  return { min: ticks[0], max: ticks[ticks.length - 1], step: 1, ticks };
}

export interface Series {
  label: string;
  /** [x, y] points; NaN y breaks the line. */
  points: [number, number][];
  className: string;
  dashed?: boolean;
  /** Faded older series (iLQR's earlier iterations). */
  opacity?: number;
  width?: number;
}

interface PlotProps {
  series: Series[];
  xLabel: string;
  yLabel: string;
  label: string;
  height?: number;
  /** Fixed y range; otherwise from the data. */
  yRange?: [number, number];
  xRange?: [number, number];
  log?: boolean;
  /** Horizontal reference lines. */
  refs?: { y: number; label: string }[];
  legend?: boolean;
  children?: (x: (v: number) => number, y: (v: number) => number) => ReactNode;
}

/** Drawing width before the figure is measured; afterwards the SVG is drawn at its real width, so text stays at its CSS size. */
const INITIAL_WIDTH = 400;
const LEFT = 58;
const RIGHT = 12;
const TOP = 10;

/** `height` is in CSS pixels; the width is the figure's. */
export function LinePlot({ series, xLabel, yLabel, label, height = 130, yRange, xRange, log = false, refs = [], legend = true, children }: PlotProps) {
  const [figure, WIDTH] = useWidth<HTMLElement>(INITIAL_WIDTH, 200);
  const bottom = xLabel ? 40 : 24; // room for the ticks, and the axis title when there is one
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y) && (!log || y > 0));
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => (log ? Math.log10(y) : y)).concat(refs.map((r) => (log ? Math.log10(r.y) : r.y)));
  const xTicks = niceTicks(xRange?.[0] ?? (xs.length ? Math.min(...xs) : 0), xRange?.[1] ?? (xs.length ? Math.max(...xs) : 1), 6);
  const yLo = ys.length ? Math.min(...ys) : 0;
  const yHi = ys.length ? Math.max(...ys) : 1;
  const yTicks = yRange ? niceTicks(yRange[0], yRange[1], 4) : log ? powersOfTen(yLo, yHi) : niceTicks(yLo, yHi, 4);
  const x = (v: number) => LEFT + ((v - xTicks.min) / (xTicks.max - xTicks.min || 1)) * (WIDTH - LEFT - RIGHT);
  const yRaw = (v: number) => TOP + (1 - (v - yTicks.min) / (yTicks.max - yTicks.min || 1)) * (height - TOP - bottom);
  const y = (v: number) => yRaw(log ? Math.log10(Math.max(v, 1e-12)) : v);
  const path = (points: [number, number][]) => {
    let d = '';
    let pen = false;
    for (const [px, py] of points) {
      if (!Number.isFinite(py) || (log && py <= 0)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  return (
    <figure className="pl-plot" ref={figure}>
      {legend ? (
        <figcaption className="pl-legend">
          {series.filter((s) => s.label).map((s) => (
            <span key={s.label}><svg width="22" height="10" aria-hidden="true"><line x1="1" x2="21" y1="5" y2="5" className={s.className} strokeDasharray={s.dashed ? '4 3' : undefined} /></svg>{s.label}</span>
          ))}
        </figcaption>
      ) : null}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} className="pl-svg">
        {yTicks.ticks.map((t) => (
          <g key={`y${t}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yRaw(t)} y2={yRaw(t)} className="pl-grid" />
            <text x={LEFT - 6} y={yRaw(t) + 5} className="pl-tick" textAnchor="end">{log ? formatLogTick(10 ** t) : formatTick(t, yTicks.step)}</text>
          </g>
        ))}
        {xTicks.ticks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={height - bottom + 18} className="pl-tick" textAnchor="middle">{formatTick(t, xTicks.step)}</text>
        ))}
        {xLabel ? <text x={(LEFT + WIDTH) / 2} y={height - 4} className="pl-tick" textAnchor="middle">{xLabel}</text> : null}
        <text x={12} y={TOP + (height - bottom) / 2} className="pl-tick" textAnchor="middle" transform={`rotate(-90 12 ${TOP + (height - bottom) / 2})`}>{yLabel}</text>
        {refs.map((r) => (
          <g key={r.label}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(r.y)} y2={y(r.y)} className="pl-ref" />
            <text x={WIDTH - RIGHT - 4} y={y(r.y) - 4} className="pl-tick" textAnchor="end">{r.label}</text>
          </g>
        ))}
        {series.map((s, i) => (
          <path key={i} d={path(s.points)} className={`pl-line ${s.className}`} strokeDasharray={s.dashed ? '6 4' : undefined} opacity={s.opacity} strokeWidth={s.width} />
        ))}
        {children?.(x, y)}
      </svg>
    </figure>
  );
}
