/** Canvas pieces of the VAE demo: a digit, a strip of digits, the latent plane. */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DIGIT_PIXELS, DIGIT_SIDE } from '../../algorithms/vae/digits';
import { markLineScale, useLineScale } from '../../components/presenter';
import { rgbOf, useCanvasColours, type CanvasPalette } from '../../components/theme';

/** Okabe–Ito and Tableau colours, distinct for the ten labels. */
export const LABEL_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** The plane shows z₁, z₂ ∈ [−EXTENT, EXTENT] (a trained 2-D model puts almost all means inside ±3). */
export const EXTENT = 3;

/** A digit's two tones, [r, g, b] each: the paper (intensity 0) and the ink (intensity 1). */
export interface DigitTones { paper: [number, number, number]; ink: [number, number, number] }

/** Black ink on white paper. */
export const PLAIN_TONES: DigitTones = { paper: [255, 255, 255], ink: [0, 0, 0] };

/** The theme's tones: its ink on its paper (light strokes on dark paper in the dark theme). */
export function digitTones(colours: CanvasPalette): DigitTones {
  return { paper: rgbOf(colours.paper), ink: rgbOf(colours.ink) };
}

/** Writes intensities in [0, 1] (from paper to ink) into an ImageData at (x0, y0). */
export function paintDigit(image: ImageData, pixels: ArrayLike<number>, x0 = 0, y0 = 0, tones: DigitTones = PLAIN_TONES): void {
  const { paper, ink } = tones;
  for (let r = 0; r < DIGIT_SIDE; r++) {
    for (let c = 0; c < DIGIT_SIDE; c++) {
      const t = Math.min(1, Math.max(0, pixels[r * DIGIT_SIDE + c]));
      const o = 4 * ((y0 + r) * image.width + x0 + c);
      image.data[o] = Math.round(paper[0] + (ink[0] - paper[0]) * t);
      image.data[o + 1] = Math.round(paper[1] + (ink[1] - paper[1]) * t);
      image.data[o + 2] = Math.round(paper[2] + (ink[2] - paper[2]) * t);
      image.data[o + 3] = 255;
    }
  }
}

/** Several digits side by side (or in a grid of `columns`), drawn at 28 px each and scaled by CSS. */
export function DigitStrip({ digits, columns, label, className }: { digits: Float32Array[]; columns?: number; label: string; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cols = Math.max(1, columns ?? digits.length);
  const rows = Math.max(1, Math.ceil(digits.length / cols));
  const colours = useCanvasColours(ref);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const tones = digitTones(colours);
    const image = ctx.createImageData(cols * DIGIT_SIDE, rows * DIGIT_SIDE);
    for (let o = 0; o < image.data.length; o += 4) image.data.set([...tones.paper, 255], o);
    digits.forEach((d, k) => paintDigit(image, d, (k % cols) * DIGIT_SIDE, Math.floor(k / cols) * DIGIT_SIDE, tones));
    ctx.putImageData(image, 0, 0);
  }, [digits, cols, rows, colours]);
  return <canvas ref={ref} className={className ?? 'vae-strip'} width={cols * DIGIT_SIDE} height={rows * DIGIT_SIDE} role="img" aria-label={label} style={{ aspectRatio: `${cols} / ${rows}` }} />;
}

/**
 * One digit drawn by an imperative handle (the explorer redraws it on every pointer move, without
 * React), in the tones `tones()` gives at each call.
 */
export function createDigitPainter(canvas: HTMLCanvasElement, tones: () => DigitTones = () => PLAIN_TONES) {
  const ctx = canvas.getContext('2d');
  const image = ctx ? ctx.createImageData(DIGIT_SIDE, DIGIT_SIDE) : null;
  return (pixels: ArrayLike<number>) => {
    if (!ctx || !image) return;
    paintDigit(image, pixels, 0, 0, tones());
    ctx.putImageData(image, 0, 0);
  };
}

export interface PlaneOverlay {
  /** Reparameterisation: μ, σ (first two dims), the drawn z's. */
  ellipse?: { mu: [number, number]; sigma: [number, number]; zs: [number, number][] };
  /** Interpolation endpoints. */
  path?: { a: [number, number]; b: [number, number] };
}

interface PlaneProps {
  /** Held-out means, [n × L] (only the first two dims are drawn). */
  mu: Float32Array | null;
  latent: number;
  labels: Uint8Array | null;
  cursor: [number, number];
  overlay: PlaneOverlay;
  /** The new point and the input event's time stamp (performance.now() clock). */
  onCursor: (z: [number, number], at: number) => void;
  label: string;
}

const SIZE = 480;
const toPx = (v: number) => ((v + EXTENT) / (2 * EXTENT)) * SIZE;

/**
 * The latent plane: a scatter of held-out means under a cursor and overlays, on two stacked
 * canvases. Presenter mode's line scale thickens the lines, the dots and the labels; both redraw
 * in the theme's colours when it changes (the label colours stay: they are the legend's).
 */
export function LatentPlane({ mu, latent, labels, cursor, overlay, onCursor, label }: PlaneProps) {
  const base = useRef<HTMLCanvasElement>(null);
  const top = useRef<HTMLCanvasElement>(null);
  const scale = useLineScale();
  const colours = useCanvasColours(top);

  useEffect(() => {
    const ctx = base.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = colours.paper;
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.strokeStyle = 'rgba(128,128,128,0.35)';
    ctx.lineWidth = scale;
    for (let v = -EXTENT; v <= EXTENT; v++) {
      ctx.beginPath();
      ctx.moveTo(toPx(v), 0);
      ctx.lineTo(toPx(v), SIZE);
      ctx.moveTo(0, toPx(v));
      ctx.lineTo(SIZE, toPx(v));
      ctx.stroke();
    }
    if (!mu || !labels) return;
    // Dots grow less than lines: 2,000 of them would merge into blots.
    const dot = 4 * Math.sqrt(scale);
    ctx.globalAlpha = 0.75;
    for (let i = 0; i < labels.length; i++) {
      ctx.fillStyle = LABEL_COLOURS[labels[i]];
      ctx.fillRect(toPx(mu[i * latent]) - dot / 2, SIZE - toPx(mu[i * latent + 1]) - dot / 2, dot, dot);
    }
    ctx.globalAlpha = 1;
  }, [mu, labels, latent, scale, colours]);

  useEffect(() => {
    const ctx = top.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    const { ellipse, path } = overlay;
    const { ink, error } = colours;
    if (path) {
      ctx.strokeStyle = ink;
      ctx.lineWidth = 2 * scale;
      ctx.setLineDash([6 * scale, 4 * scale]);
      ctx.beginPath();
      ctx.moveTo(toPx(path.a[0]), SIZE - toPx(path.a[1]));
      ctx.lineTo(toPx(path.b[0]), SIZE - toPx(path.b[1]));
      ctx.stroke();
      ctx.setLineDash([]);
      for (const [p, name] of [[path.a, 'A'], [path.b, 'B']] as const) {
        ctx.fillStyle = ink;
        ctx.font = `bold ${16 * scale}px sans-serif`;
        ctx.fillText(name, toPx(p[0]) + 6 * scale, SIZE - toPx(p[1]) - 6 * scale);
        ctx.fillRect(toPx(p[0]) - 4 * scale, SIZE - toPx(p[1]) - 4 * scale, 8 * scale, 8 * scale);
      }
    }
    if (ellipse) {
      const cx = toPx(ellipse.mu[0]);
      const cy = SIZE - toPx(ellipse.mu[1]);
      // Pixels per latent unit (not the line scale, which the widths and dots below use).
      const unit = SIZE / (2 * EXTENT);
      ctx.strokeStyle = ink;
      ctx.lineWidth = 2 * scale;
      for (const k of [1, 2]) {
        ctx.beginPath();
        ctx.ellipse(cx, cy, Math.max(1, k * ellipse.sigma[0] * unit), Math.max(1, k * ellipse.sigma[1] * unit), 0, 0, 2 * Math.PI);
        ctx.stroke();
      }
      ellipse.zs.forEach((z, k) => {
        const last = k === ellipse.zs.length - 1;
        ctx.fillStyle = error;
        ctx.globalAlpha = last ? 1 : 0.35;
        ctx.beginPath();
        ctx.arc(toPx(z[0]), SIZE - toPx(z[1]), (last ? 6 : 3) * scale, 0, 2 * Math.PI);
        ctx.fill();
      });
      ctx.globalAlpha = 1;
      ctx.fillStyle = ink;
      ctx.beginPath();
      ctx.arc(cx, cy, 4 * scale, 0, 2 * Math.PI);
      ctx.fill();
    }
    // the cursor: a crosshair
    const x = toPx(cursor[0]);
    const y = SIZE - toPx(cursor[1]);
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2 * scale;
    ctx.beginPath();
    ctx.arc(x, y, 9 * scale, 0, 2 * Math.PI);
    ctx.moveTo(x - 14 * scale, y);
    ctx.lineTo(x + 14 * scale, y);
    ctx.moveTo(x, y - 14 * scale);
    ctx.lineTo(x, y + 14 * scale);
    ctx.stroke();
    markLineScale(top.current, scale);
  }, [cursor, overlay, scale, colours]);

  const fromPointer = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    const clamp = (v: number) => Math.max(-EXTENT, Math.min(EXTENT, v));
    onCursor([clamp((fx * 2 - 1) * EXTENT), clamp((1 - fy * 2) * EXTENT)], e.timeStamp);
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = e.shiftKey ? 0.5 : 0.1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const clamp = (v: number) => Math.round(Math.max(-EXTENT, Math.min(EXTENT, v)) * 100) / 100;
    onCursor([clamp(cursor[0] + m[0]), clamp(cursor[1] + m[1])], e.timeStamp);
  };

  return (
    <div className="vae-plane">
      <canvas ref={base} width={SIZE} height={SIZE} aria-hidden="true" />
      <canvas
        ref={top}
        width={SIZE}
        height={SIZE}
        tabIndex={0}
        role="img"
        aria-label={label}
        data-testid="vae-plane"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          fromPointer(e);
        }}
        onPointerMove={(e) => {
          if (e.pointerType === 'mouse' || e.buttons) fromPointer(e);
        }}
        onKeyDown={onKey}
      />
    </div>
  );
}

/** Decodes a row-major grid of n × n points over the plane (z₂ from top to bottom), in slices. */
export function gridPoints(n: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) pts.push([-EXTENT + ((c + 0.5) * 2 * EXTENT) / n, EXTENT - ((r + 0.5) * 2 * EXTENT) / n]);
  }
  return pts;
}

export const blankDigit = () => new Float32Array(DIGIT_PIXELS);
