/**
 * Round tick values for chart axes ("nice numbers"): steps of 1, 2, 2.5 or 5 times a power of ten,
 * so an axis reads 0, 50k, 100k rather than 250, 50250. Pure functions, used by every demo chart.
 */

/** The nice step (1, 2, 2.5, 5 × 10^k) closest above span / count. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away the float noise of k · step (0.1 · 3 = 0.30000000000000004). */
const clean = (value: number) => (value === 0 ? 0 : Number(value.toPrecision(12)));

export interface NiceScale {
  /** Domain widened outwards to whole steps. */
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * About `count` intervals of a nice step covering [min, max], the domain widened to whole steps.
 * A zero-width or non-finite range gets a unit-wide domain around its value.
 */
export function niceTicks(min: number, max: number, count = 5): NiceScale {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : lo + 1;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks };
}

const SUFFIXES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Decimal places needed to write multiples of `step` exactly (0.25 → 2, 50 → 0). */
function decimalsFor(step: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 10;
}

/**
 * A tick label: thousands as k, millions as M (50k, 1.25M), decimals only as many as the step
 * needs, a true minus sign, and powers of ten below 0.001 as 1e-4.
 */
export function formatTick(value: number, step = value === 0 ? 1 : Math.abs(value)): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0 || Math.abs(value) < step * 1e-9) return '0';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  for (const [unit, suffix] of SUFFIXES) {
    if (abs >= unit && step >= unit / 10) return `${sign}${trim(abs / unit, decimalsFor(step / unit))}${suffix}`;
  }
  if (abs < 1e-3) {
    const exponent = Math.floor(Math.log10(abs) + 1e-9);
    const mantissa = abs / 10 ** exponent;
    return `${sign}${trim(mantissa, decimalsFor(Math.min(1, step / 10 ** exponent)))}e${exponent}`;
  }
  return `${sign}${trim(abs, decimalsFor(step))}`;
}

const trim = (value: number, decimals: number) => String(Number(value.toFixed(Math.min(decimals, 10))));

/**
 * Ticks for a log axis: the powers of ten from below min to above max, thinned to at most
 * `maxTicks` (every second, third, … power).
 */
export function logTicks(min: number, max: number, maxTicks = 6): number[] {
  const lo = min > 0 && Number.isFinite(min) ? Math.floor(Math.log10(min) + 1e-9) : 0;
  const hi = max > 0 && Number.isFinite(max) ? Math.ceil(Math.log10(max) - 1e-9) : lo + 1;
  const top = Math.max(hi, lo + 1);
  const every = Math.max(1, Math.ceil((top - lo + 1) / maxTicks));
  const ticks: number[] = [];
  for (let e = lo; e <= top; e += every) ticks.push(Number(`1e${e}`));
  if (ticks[ticks.length - 1] < Number(`1e${top}`)) ticks.push(Number(`1e${lo + every * ticks.length}`));
  return ticks;
}

/** A log-axis label: plain numbers from 0.001 to 100k, else 1e-5, 1e6. */
export function formatLogTick(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return String(value);
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value - 10 ** exponent) > 1e-9 * value) return formatTick(value);
  if (exponent >= -3 && exponent <= 3) return formatTick(value, value);
  if (exponent > 3 && exponent < 6) return formatTick(value, value);
  return `1e${exponent}`;
}
