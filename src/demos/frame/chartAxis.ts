/**
 * Axis and legend settings for recharts that every demo chart shares: round ticks (0, 50k, 100k),
 * tick labels of 14 px, and the legend above the plot so it never meets an axis title below.
 * Plain objects (no recharts import here): spread them onto <XAxis>, <YAxis>, <Legend>.
 */
import { formatLogTick, formatTick, logTicks, niceTicks } from './ticks';

/** At least 13 px, as the issue asks; 14 reads from the back of a room. */
export const TICK_FONT_PX = 14;
export const TICK_STYLE = { fontSize: TICK_FONT_PX, fill: 'var(--ink)' } as const;

function finite(values: Iterable<number>, positive = false): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v) && (!positive || v > 0)) out.push(v);
  return out;
}

/** A linear number axis with nice ticks covering `values` (and `include`, e.g. 0). */
export function linearAxis(values: Iterable<number>, options: { count?: number; include?: number[]; min?: number; max?: number } = {}) {
  const data = finite(values).concat(options.include ?? []);
  const lo = options.min ?? (data.length ? Math.min(...data) : 0);
  const hi = options.max ?? (data.length ? Math.max(...data) : 1);
  const scale = niceTicks(lo, hi, options.count ?? 5);
  return {
    type: 'number' as const,
    domain: [scale.min, scale.max] as [number, number],
    ticks: scale.ticks,
    interval: 0 as const,
    allowDataOverflow: true,
    tick: TICK_STYLE,
    tickFormatter: (v: number) => formatTick(v, scale.step),
  };
}

/** A log axis: powers of ten around the positive values. */
export function logAxis(values: Iterable<number>, maxTicks = 6) {
  const data = finite(values, true);
  const ticks = logTicks(data.length ? Math.min(...data) : 1, data.length ? Math.max(...data) : 10, maxTicks);
  return {
    type: 'number' as const,
    scale: 'log' as const,
    domain: [ticks[0], ticks[ticks.length - 1]] as [number, number],
    ticks,
    interval: 0 as const,
    allowDataOverflow: true,
    tick: TICK_STYLE,
    tickFormatter: formatLogTick,
  };
}

/** The legend above the plot, left-aligned: axis titles sit below and beside, so they never meet. */
export const LEGEND_ABOVE = {
  verticalAlign: 'top' as const,
  align: 'left' as const,
  wrapperStyle: { fontSize: TICK_FONT_PX, paddingBottom: 6, lineHeight: 1.3 },
};

/** An axis title below the x axis, inside the chart's own margin. */
export function xAxisTitle(value: string) {
  return { value, position: 'insideBottom' as const, offset: -6, fontSize: TICK_FONT_PX, fill: 'var(--ink)' };
}
