/**
 * The page's own copy of the model, in plain JS (no tfjs on the page): the shipped weights and
 * the digits are fetched once; held-out means are computed in slices that yield to the browser,
 * so the explorer never blocks a frame; decoding one point is a small MLP pass (< 1 ms).
 */
import { parseDigits, DIGIT_PIXELS, digitIntensities, type DigitData } from '../../algorithms/vae/digits';
import { PlainVae, type VaeWeights } from '../../algorithms/vae/plain';
import { decodeVaeWeights, type WeightsMeta } from '../../algorithms/vae/weightsFile';

export const DIGITS_URL = `${import.meta.env.BASE_URL}data/mnist-10k.bin`;
export const SHIPPED_URL = `${import.meta.env.BASE_URL}models/vae/vae-2d.bin`;

export interface PageAssets {
  data: DigitData;
  shipped: VaeWeights;
  meta: WeightsMeta;
}

let assets: Promise<PageAssets> | null = null;

async function bytes(url: string, what: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The digits and the shipped weights (fetched once per page). */
export function loadPageAssets(): Promise<PageAssets> {
  assets ??= Promise.all([bytes(DIGITS_URL, 'the digits'), bytes(SHIPPED_URL, 'the shipped weights')]).then(([d, w]) => {
    const { weights, meta } = decodeVaeWeights(w);
    return { data: parseDigits(d), shipped: weights, meta };
  });
  assets.catch(() => {
    assets = null;
  });
  return assets;
}

/**
 * True when every weight is finite and a held-out digit encodes and decodes to finite numbers
 * (a diverged run's weights are not shown).
 */
export function weightsUsable(w: VaeWeights, data: DigitData): boolean {
  if (![w.encoder, w.decoder].every((net) => net.layers.every((l) => l.w.every(Number.isFinite) && l.b.every(Number.isFinite)))) return false;
  const vae = new PlainVae(w);
  const { mu, logVar } = vae.encode(digitIntensities(data.heldOut, 0));
  return mu.every(Number.isFinite) && logVar.every(Number.isFinite) && vae.decode(mu).every(Number.isFinite);
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * μ(x) and log σ²(x) of every held-out digit, [n × L] each, computed in slices of ~8 ms.
 * `signal` aborts it (a newer model replaces this one).
 */
export async function encodeAll(vae: PlainVae, data: DigitData, signal: AbortSignal): Promise<{ mu: Float32Array; logVar: Float32Array }> {
  const set = data.heldOut;
  const L = vae.latent;
  const mu = new Float32Array(set.count * L);
  const logVar = new Float32Array(set.count * L);
  const x = new Float32Array(DIGIT_PIXELS);
  let i = 0;
  while (i < set.count) {
    const until = performance.now() + 8;
    while (i < set.count && performance.now() < until) {
      const e = vae.encode(digitIntensities(set, i, x));
      mu.set(e.mu, i * L);
      logVar.set(e.logVar, i * L);
      i++;
    }
    await nextTask();
    if (signal.aborted) throw new DOMException('superseded', 'AbortError');
  }
  return { mu, logVar };
}
