/** The VAE demo's panels: the reparameterisation trick, interpolation, the decoding grid, reconstructions. */
import { useEffect, useMemo, useState } from 'react';
import { createRng } from '../../algorithms/common/rng';
import { digitIntensities, type DigitData } from '../../algorithms/vae/digits';
import { gaussianKl, type PlainVae } from '../../algorithms/vae/plain';
import { DigitStrip, gridPoints, type PlaneOverlay } from './canvas';

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
const vec = (xs: ArrayLike<number>, n = 2) => `(${Array.from(xs).slice(0, n).map(fmt).join(', ')}${xs.length > n ? ', …' : ''})`;

/** A held-out index from a text field: a whole number in [0, n). */
function IndexField({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(value)), [value]);
  return (
    <label className="vae-field">
      {label}
      <input type="number" min={0} max={max - 1} step={1} value={text}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() === '' || !Number.isInteger(v) || v < 0 || v >= max) setError(`Choose a held-out digit from 0 to ${max - 1}.`);
          else {
            setError(null);
            onChange(v);
          }
        }} />
      {error ? <span role="alert" className="vae-error">{error}</span> : null}
    </label>
  );
}

/** First held-out index of each label, for fixed example digits. */
export function firstOfEachLabel(data: DigitData): number[] {
  return Array.from({ length: 10 }, (_, d) => data.heldOut.labels.indexOf(d));
}

export function ReparamPanel({ vae, data, onOverlay }: { vae: PlainVae; data: DigitData; onOverlay: (o: PlaneOverlay['ellipse'] | undefined) => void }) {
  const [index, setIndex] = useState(() => firstOfEachLabel(data)[2]);
  const [draws, setDraws] = useState<number[][]>([]);
  const [rng] = useState(() => createRng(7));
  const x = useMemo(() => digitIntensities(data.heldOut, index), [data, index]);
  const { mu, logVar } = useMemo(() => vae.encode(x), [vae, x]);
  const sigma = useMemo(() => Array.from(logVar, (v) => Math.exp(0.5 * v)), [logVar]);
  const draw = () => setDraws((d) => [...d.slice(-29), Array.from({ length: vae.latent }, () => rng.normal())]);
  useEffect(() => setDraws([Array.from({ length: vae.latent }, () => rng.normal())]), [vae, index, rng]);
  const eps = draws[draws.length - 1] ?? Array.from({ length: vae.latent }, () => 0);
  const zOf = (e: number[]) => e.map((v, j) => mu[j] + sigma[j] * v);
  const z = zOf(eps);
  const decoded = useMemo(() => vae.decode(z), [vae, z]);
  const decodedMean = useMemo(() => vae.decode(mu), [vae, mu]);
  const kl = gaussianKl(mu, logVar);
  useEffect(() => {
    onOverlay({ mu: [mu[0], mu[1]], sigma: [sigma[0], sigma[1]], zs: draws.map((e) => { const zz = zOf(e); return [zz[0], zz[1]] as [number, number]; }) });
    return () => onOverlay(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- zOf is derived from mu and sigma
  }, [mu, sigma, draws, onOverlay]);
  return (
    <div className="vae-panel" data-testid="vae-reparam">
      <div className="vae-row">
        <IndexField label="Held-out digit" value={index} max={data.heldOut.count} onChange={setIndex} />
        <button type="button" className="secondary" onClick={() => setIndex(rng.int(data.heldOut.count))}>Another digit</button>
        <button type="button" onClick={draw}>Redraw ε</button>
      </div>
      <div className="vae-row">
        <figure><DigitStrip digits={[x]} label={`Held-out digit ${index}, a ${data.heldOut.labels[index]}`} className="vae-digit-small" /><figcaption>x (a {data.heldOut.labels[index]})</figcaption></figure>
        <figure><DigitStrip digits={[decodedMean]} label="Decoding of μ(x)" className="vae-digit-small" /><figcaption>decode μ</figcaption></figure>
        <figure><DigitStrip digits={[decoded]} label={`Decoding of z = μ + σ ⊙ ε = ${z.slice(0, 2).map(fmt).join(', ')}`} className="vae-digit-small" /><figcaption>decode z</figcaption></figure>
      </div>
      {/* Plain HTML math (typeset live formulas cost a long main-thread task on first use). */}
      <div className="vae-equations" aria-live="polite">
        <p><i>μ</i>(<i>x</i>) = {vec(mu)}, &nbsp; <i>σ</i>(<i>x</i>) = exp(½ log <i>σ</i>²(<i>x</i>)) = {vec(sigma)}</p>
        <p><i>ε</i> = {vec(eps)} ~ 𝒩(0, <i>I</i>), &nbsp; <i>z</i> = <i>μ</i> + <i>σ</i> ⊙ <i>ε</i> = {vec(z)}</p>
        <p>KL(<i>q</i>(<i>z</i> | <i>x</i>) ‖ <i>p</i>(<i>z</i>)) = ½ Σ<sub><i>j</i></sub> (<i>σ<sub>j</sub></i>² + <i>μ<sub>j</sub></i>² − 1 − log <i>σ<sub>j</sub></i>²) = {kl.toFixed(2)} nats</p>
      </div>
      <p className="vae-note">On the plane: the ellipses are μ ± σ and μ ± 2σ; red dots are the latest {draws.length === 1 ? 'draw' : `${draws.length} draws`} of z (the newest larger). A trained encoder is confident, so σ is small and the draws stay close to μ. The gradient reaches μ and σ through z = μ + σ ⊙ ε because ε does not depend on them.</p>
    </div>
  );
}

export function InterpolationPanel({ vae, data, onOverlay }: { vae: PlainVae; data: DigitData; onOverlay: (o: PlaneOverlay['path'] | undefined) => void }) {
  const firsts = firstOfEachLabel(data);
  const [a, setA] = useState(firsts[3]);
  const [b, setB] = useState(firsts[8]);
  const [rng] = useState(() => createRng(11));
  const { strip, muA, muB } = useMemo(() => {
    const ma = vae.encode(digitIntensities(data.heldOut, a)).mu;
    const mb = vae.encode(digitIntensities(data.heldOut, b)).mu;
    const steps = 10;
    const digits = [digitIntensities(data.heldOut, a)];
    for (let k = 0; k < steps; k++) {
      const t = k / (steps - 1);
      digits.push(vae.decode(ma.map((v, j) => (1 - t) * v + t * mb[j])));
    }
    digits.push(digitIntensities(data.heldOut, b));
    return { strip: digits, muA: ma, muB: mb };
  }, [vae, data, a, b]);
  useEffect(() => {
    onOverlay({ a: [muA[0], muA[1]], b: [muB[0], muB[1]] });
    return () => onOverlay(undefined);
  }, [muA, muB, onOverlay]);
  return (
    <div className="vae-panel" data-testid="vae-interp">
      <div className="vae-row">
        <IndexField label="Digit A" value={a} max={data.heldOut.count} onChange={setA} />
        <IndexField label="Digit B" value={b} max={data.heldOut.count} onChange={setB} />
        <button type="button" className="secondary" onClick={() => { setA(rng.int(data.heldOut.count)); setB(rng.int(data.heldOut.count)); }}>Two at random</button>
      </div>
      <DigitStrip digits={strip} label={`Digit A (a ${data.heldOut.labels[a]}), ten decodings of z = (1 − t) μ(A) + t μ(B) for t from 0 to 1, and digit B (a ${data.heldOut.labels[b]})`} className="vae-strip" />
      <p className="vae-note">Left and right: the digits themselves; between: decodings along the straight line from μ(A) to μ(B) (dashed on the plane).</p>
    </div>
  );
}

/** n × n decodings over the plane, computed in slices that yield to the browser. */
export function GridPanel({ vae, n = 20 }: { vae: PlainVae; n?: number }) {
  const [digits, setDigits] = useState<Float32Array[]>([]);
  useEffect(() => {
    let cancelled = false;
    const points = gridPoints(n);
    const out: Float32Array[] = [];
    const work = () => {
      if (cancelled) return;
      const until = performance.now() + 8;
      while (out.length < points.length && performance.now() < until) {
        const z = new Float64Array(vae.latent);
        z[0] = points[out.length][0];
        z[1] = points[out.length][1];
        out.push(vae.decode(z));
      }
      if (out.length < points.length) setTimeout(work, 0);
      else setDigits(out);
    };
    work();
    return () => {
      cancelled = true;
    };
  }, [vae, n]);
  return (
    <div className="vae-panel" data-testid="vae-grid">
      {digits.length ? (
        <DigitStrip digits={digits} columns={n} label={`A ${n} × ${n} grid of decodings, z₁ from −3 (left) to 3 (right), z₂ from 3 (top) to −3 (bottom)${vae.latent > 2 ? ', other dimensions 0' : ''}`} className="vae-grid" />
      ) : (
        <p className="vae-note">Decoding the grid…</p>
      )}
      <p className="vae-note">Each cell decodes the point at its centre of the plane above (z₁ across, z₂ up).</p>
    </div>
  );
}

export function ReconstructionsPanel({ vae, data, label }: { vae: PlainVae; data: DigitData; label: string }) {
  const indices = useMemo(() => firstOfEachLabel(data), [data]);
  const originals = useMemo(() => indices.map((i) => digitIntensities(data.heldOut, i)), [data, indices]);
  const recon = useMemo(() => originals.map((x) => vae.decode(vae.encode(x).mu)), [vae, originals]);
  return (
    <div className="vae-panel" data-testid="vae-recon">
      <DigitStrip digits={[...originals, ...recon]} columns={10} label={`Top: ten held-out digits 0 to 9; bottom: their reconstructions decode(μ(x)) by the ${label}`} className="vae-strip" />
      <p className="vae-note">Top: held-out digits (never trained on). Bottom: the decoding of each one's mean μ(x) under the {label}; they refresh as it trains.</p>
    </div>
  );
}
