/**
 * The latent explorer: the plane of held-out means, a cursor (pointer, finger or arrow keys)
 * whose point is decoded at once on the page, and "sample from the prior".
 */
import { useEffect, useRef, useState } from 'react';
import { createRng } from '../../algorithms/common/rng';
import type { PlainVae } from '../../algorithms/vae/plain';
import { DIGIT_PIXELS } from '../../algorithms/vae/digits';
import { LABEL_COLOURS, LatentPlane, createDigitPainter, digitTones, type PlaneOverlay } from './canvas';
import { useCanvasColours } from '../../components/theme';

export interface ExplorerStats {
  decodes: number;
  /** ms from the pointer event to the painted digit, latest first (up to 200). */
  decodeMs: number[];
  lastZ: number[];
  lastInk: number;
}

interface Props {
  vae: PlainVae | null;
  mu: Float32Array | null;
  labels: Uint8Array | null;
  overlay: PlaneOverlay;
  modelLabel: string;
  stats: ExplorerStats;
}

export function Explorer({ vae, mu, labels, overlay, modelLabel, stats }: Props) {
  const latent = vae?.latent ?? 2;
  const [z, setZ] = useState<{ values: number[]; at: number; prior: boolean }>({ values: [0, 0], at: 0, prior: false });
  const digitRef = useRef<HTMLCanvasElement>(null);
  const painter = useRef<((p: ArrayLike<number>) => void) | null>(null);
  const pixels = useRef(new Float32Array(DIGIT_PIXELS));
  const rng = useRef(createRng(2024));
  // The decoded digit in the theme's ink and paper: a theme change repaints the last decoding.
  const colours = useCanvasColours(digitRef);
  const tones = useRef(digitTones(colours));
  useEffect(() => {
    tones.current = digitTones(colours);
    painter.current?.(pixels.current);
  }, [colours]);

  // Decode and paint at once, inside the input event (no wait for React's render).
  const zRef = useRef(z.values);
  const paint = (values: number[], at: number) => {
    zRef.current = values;
    if (!vae || !digitRef.current) return;
    painter.current ??= createDigitPainter(digitRef.current, () => tones.current);
    const full = new Float64Array(vae.latent);
    values.slice(0, vae.latent).forEach((v, j) => (full[j] = v));
    vae.decode(full, pixels.current);
    painter.current(pixels.current);
    if (at > 0) {
      stats.decodeMs.unshift(performance.now() - at); // from the input event's time stamp to the painted digit
      stats.decodeMs.length = Math.min(stats.decodeMs.length, 200);
    }
    stats.decodes++;
    stats.lastZ = Array.from(full);
    stats.lastInk = pixels.current.reduce((a, b) => a + b, 0);
  };
  const moveTo = (values: number[], prior: boolean, at: number) => {
    paint(values, at);
    setZ({ values, at, prior });
  };
  // A new model repaints the current point.
  useEffect(() => {
    paint(zRef.current, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- repaint only when the model changes
  }, [vae]);

  const cursor: [number, number] = [z.values[0] ?? 0, z.values[1] ?? 0];
  const fmt = (v: number) => v.toFixed(2);
  const sliceNote = latent > 2 ? ` The plane is a 2-D slice of the ${latent}-D latent space: z₁ and z₂ vary, z₃…z${latent === 3 ? '₃' : `_${latent}`} are held at 0 (prior samples use every dimension).` : '';

  return (
    <div className="vae-explorer">
      <LatentPlane
        mu={mu}
        latent={latent}
        labels={labels}
        cursor={cursor}
        overlay={overlay}
        onCursor={(p, at) => moveTo(p, false, at)}
        label={`Latent plane of the ${modelLabel}: held-out digits' means coloured by label; the cursor is at z₁ = ${fmt(cursor[0])}, z₂ = ${fmt(cursor[1])}. Move the pointer or use the arrow keys (Shift for bigger steps) to decode other points.`}
      />
      <div className="vae-explorer__side">
        <canvas ref={digitRef} className="vae-digit" width={28} height={28} role="img" data-testid="vae-decoded"
          aria-label={`Decoded digit at z = (${z.values.slice(0, Math.min(latent, 4)).map(fmt).join(', ')}${latent > 4 ? ', …' : ''})`} />
        <p className="vae-note" aria-live="polite">
          {z.prior ? 'Prior sample' : 'Cursor'} z = ({z.values.slice(0, Math.min(latent, 3)).map(fmt).join(', ')}{latent > 3 ? ', …' : ''})
        </p>
        <button type="button" className="secondary" disabled={!vae}
          onClick={() => {
            const values = Array.from({ length: latent }, () => rng.current.normal());
            moveTo(values, true, performance.now());
          }}>
          Sample from the prior
        </button>
        <ul className="vae-labels" aria-label="Colour of each digit label">
          {LABEL_COLOURS.map((c, d) => (
            <li key={d}><i style={{ background: c }} />{d}</li>
          ))}
        </ul>
      </div>
      <p className="vae-note vae-explorer__caption">
        {mu ? `Dots: the means μ(x) of the 2,000 held-out digits under the ${modelLabel}.` : 'Encoding the held-out digits…'}{sliceNote}
      </p>
    </div>
  );
}
