/**
 * A colour-blind-safe diverging map (ColorBrewer PuOr-like, orange for negative, white at 0,
 * blue for positive), shared by the SVG grid and the large-grid image.
 */
import { WALL, type GridMdp } from './mdp';

const NEGATIVE: readonly [number, number, number] = [179, 88, 6];
const MIDDLE: readonly [number, number, number] = [247, 247, 247];
const POSITIVE: readonly [number, number, number] = [33, 102, 172];
export const WALL_RGB: readonly [number, number, number] = [45, 50, 58];

/** RGB for a value, with |value| ≥ scale fully saturated. */
export function valueRgb(value: number, scale: number): [number, number, number] {
  const t = scale > 0 && Number.isFinite(value) ? Math.max(-1, Math.min(1, value / scale)) : 0;
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const w = Math.abs(t);
  return [0, 1, 2].map((k) => Math.round(MIDDLE[k] + (end[k] - MIDDLE[k]) * w)) as [number, number, number];
}

export function rgbCss([r, g, b]: readonly number[]): string {
  return `rgb(${r} ${g} ${b})`;
}

/** Dark or light text, whichever reads better on the background (WCAG relative luminance). */
export function textOn([r, g, b]: readonly number[]): string {
  const lin = (c: number) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.22 ? '#111111' : '#ffffff';
}

/** Largest |V| over the open cells (at least 1e-9), the natural colour scale. */
export function valueScale(mdp: GridMdp, values: ArrayLike<number>): number {
  let scale = 1e-9;
  for (let i = 0; i < mdp.active.length; i++) scale = Math.max(scale, Math.abs(values[mdp.active[i]]));
  return scale;
}

/** Decades of |V| below the scale that the large image still tells apart. */
export const IMAGE_DECADES = 3;

/**
 * Position in [−1, 1] on the image's colour ramp: sign(v) log(1 + |v|/f) / log(1 + scale/f) with
 * f = scale · 10^−IMAGE_DECADES, so values a thousand times smaller than the largest still show
 * colour (a linear ramp leaves all but the corner by the goal white when γ^distance is small).
 */
export function logRampPosition(value: number, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(value)) return 0;
  const floor = scale * 10 ** -IMAGE_DECADES;
  const t = Math.log1p(Math.abs(value) / floor) / Math.log1p(scale / floor);
  return Math.sign(value) * Math.min(1, t);
}

/**
 * Writes the value map as RGBA pixels, one per cell (rows * cols * 4 bytes), into `out`, on the
 * logarithmic ramp of logRampPosition. A 256-entry lookup table over that position keeps it to a
 * logarithm, a multiply and four stores per cell.
 */
export function renderValueImage(mdp: GridMdp, values: ArrayLike<number>, scale: number, out: Uint8ClampedArray): Uint8ClampedArray {
  const table = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const rgb = valueRgb((k - 127.5) / 127.5, 1);
    table.set(rgb, 3 * k);
  }
  const n = mdp.rows * mdp.cols;
  const floor = scale * 10 ** -IMAGE_DECADES;
  const norm = 127.5 / Math.log1p(scale / floor);
  for (let s = 0; s < n; s++) {
    const o = 4 * s;
    if (mdp.kind[s] === WALL) {
      out[o] = WALL_RGB[0]; out[o + 1] = WALL_RGB[1]; out[o + 2] = WALL_RGB[2];
    } else {
      const v = values[s];
      const t = Number.isFinite(v) ? Math.log1p((v < 0 ? -v : v) / floor) * norm : 0;
      let k = Math.round(v < 0 ? 127.5 - t : 127.5 + t);
      k = k < 0 ? 0 : k > 255 ? 255 : k;
      out[o] = table[3 * k]; out[o + 1] = table[3 * k + 1]; out[o + 2] = table[3 * k + 2];
    }
    out[o + 3] = 255;
  }
  return out;
}
