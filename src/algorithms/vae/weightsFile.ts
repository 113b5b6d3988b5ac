/**
 * The shipped weights (public/models/vae/vae-2d.bin): float16 values behind a JSON header.
 *
 *   bytes 0-7   magic "VAEW16\0\0"
 *   uint32      header length h (bytes of UTF-8 JSON)
 *   h bytes     { latent, hidden, tensors: [{ name, shape }], meta }
 *   padding     to a multiple of 2
 *   the rest    every tensor's values as IEEE float16, little-endian, in header order
 *
 * float16 keeps about three significant digits, plenty for these weights (the held-out ELBO of
 * the rounded model is what the training script reports and the bench checks).
 */
import type { MlpWeights } from '../common/mlp';
import { decoderSizes, encoderSizes, type VaeShape, type VaeWeights } from './plain';

export const WEIGHTS_MAGIC = 'VAEW16\0\0';

export interface WeightsMeta {
  [key: string]: string | number | boolean | null;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Round-to-nearest-even float32 → float16 bits. */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow → Inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow → ±0
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

/** float16 bits → number. */
export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

interface TensorEntry {
  name: string;
  shape: number[];
}

const layout = (shape: VaeShape): TensorEntry[] => {
  const entries: TensorEntry[] = [];
  const add = (prefix: string, sizes: number[]) => {
    for (let l = 0; l + 1 < sizes.length; l++) {
      entries.push({ name: `${prefix}/w${l}`, shape: [sizes[l], sizes[l + 1]] }, { name: `${prefix}/b${l}`, shape: [sizes[l + 1]] });
    }
  };
  add('encoder', encoderSizes(shape));
  add('decoder', decoderSizes(shape));
  return entries;
};

const flat = (w: VaeWeights): Float32Array[] => [w.encoder, w.decoder].flatMap((net) => net.layers.flatMap((l) => [l.w, l.b]));

export function encodeVaeWeights(weights: VaeWeights, meta: WeightsMeta = {}): Uint8Array {
  const entries = layout(weights);
  const header = new TextEncoder().encode(JSON.stringify({ latent: weights.latent, hidden: weights.hidden, tensors: entries, meta }));
  const start = 8 + 4 + header.length + ((8 + 4 + header.length) % 2);
  const arrays = flat(weights);
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const out = new Uint8Array(start + 2 * total);
  for (let i = 0; i < 8; i++) out[i] = WEIGHTS_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  let offset = start;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++, offset += 2) view.setUint16(offset, toHalf(a[i]), true);
  }
  return out;
}

/** Parses a weights file; throws a readable Error when it is not one or does not fit `expect`. */
export function decodeVaeWeights(bytes: Uint8Array, expect?: Partial<VaeShape>): { weights: VaeWeights; meta: WeightsMeta } {
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== WEIGHTS_MAGIC.charCodeAt(i)) throw new Error('This is not a VAE weights file (its first bytes are wrong).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error('The weights file is cut short.');
  let header: { latent?: unknown; hidden?: unknown; tensors?: unknown; meta?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    throw new Error('The weights file has an unreadable header.');
  }
  const { latent, hidden } = header;
  if (typeof latent !== 'number' || typeof hidden !== 'number' || !Number.isInteger(latent) || !Number.isInteger(hidden) || latent < 1 || hidden < 1) {
    throw new Error('The weights file does not say its latent dimension and hidden size.');
  }
  if (expect?.latent !== undefined && expect.latent !== latent) throw new Error(`The weights file is for a ${latent}-dimensional latent space; this model has ${expect.latent}.`);
  if (expect?.hidden !== undefined && expect.hidden !== hidden) throw new Error(`The weights file has hidden layers of ${hidden} units; this model has ${expect.hidden}.`);
  const entries = layout({ latent, hidden });
  if (JSON.stringify(header.tensors) !== JSON.stringify(entries)) throw new Error('The weights file lists tensors this VAE does not have.');
  const start = 12 + headerLength + ((12 + headerLength) % 2);
  const total = entries.reduce((s, e) => s + e.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.length !== start + 2 * total) throw new Error(`The weights file holds ${Math.floor((bytes.length - start) / 2)} values; ${total} expected.`);
  let offset = start;
  const arrays = entries.map((e) => {
    const a = new Float32Array(e.shape.reduce((x, y) => x * y, 1));
    for (let i = 0; i < a.length; i++, offset += 2) {
      a[i] = fromHalf(view.getUint16(offset, true));
      if (!Number.isFinite(a[i])) throw new Error(`The weights file has a non-finite value in ${e.name}.`);
    }
    return a;
  });
  const shape = { latent, hidden };
  const net = (sizes: number[], from: number): MlpWeights => ({
    sizes,
    layers: sizes.slice(1).map((_, l) => ({ w: arrays[from + 2 * l], b: arrays[from + 2 * l + 1] })),
  });
  const enc = encoderSizes(shape);
  const weights = { ...shape, encoder: net(enc, 0), decoder: net(decoderSizes(shape), 2 * (enc.length - 1)) };
  const meta = (typeof header.meta === 'object' && header.meta !== null ? header.meta : {}) as WeightsMeta;
  return { weights, meta };
}
