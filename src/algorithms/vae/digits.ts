/**
 * The digit asset (public/data/mnist-10k.bin), written by scripts/vae/pack-digits.mjs from the
 * `mnist` package's 10,000 real 28 × 28 grey digits. Layout, little-endian:
 *
 *   bytes 0-7    magic "MNVAE1\0\0"
 *   4 × uint32   count, trainCount, width, height
 *   count bytes  labels (0-9): the training digits first, then the held-out ones
 *   the rest     pixels (uint8, 0 = paper, 255 = ink), zero-run coded: a byte b ≠ 0 is one pixel;
 *                a 0 is followed by a byte r ∈ [1, 255] meaning r zero pixels
 *
 * Most of a digit is blank paper, so the zero runs shrink 7.8 MB to about 1.7 MB.
 */
export const DIGITS_MAGIC = 'MNVAE1\0\0';
export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;

export interface DigitSet {
  /** Row-major uint8 pixels, image i at [i·784, (i+1)·784). */
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface DigitData {
  train: DigitSet;
  heldOut: DigitSet;
}

const HEADER_BYTES = 8 + 16;

/** Zero-run coding of a pixel stream (see the file comment). */
export function encodeZeroRuns(pixels: Uint8Array): Uint8Array {
  const out = new Uint8Array(pixels.length * 2 + 2);
  let n = 0;
  for (let i = 0; i < pixels.length; ) {
    if (pixels[i] !== 0) {
      out[n++] = pixels[i++];
      continue;
    }
    let run = 0;
    while (i < pixels.length && pixels[i] === 0 && run < 255) {
      run++;
      i++;
    }
    out[n++] = 0;
    out[n++] = run;
  }
  return out.slice(0, n);
}

/** Inverse of `encodeZeroRuns`; `length` is the number of pixels expected. */
export function decodeZeroRuns(coded: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let n = 0;
  for (let i = 0; i < coded.length; i++) {
    const b = coded[i];
    if (b !== 0) {
      if (n >= length) throw new Error('The digit file holds more pixels than its header says.');
      out[n++] = b;
    } else {
      const run = coded[++i];
      if (run === undefined || run === 0 || n + run > length) throw new Error('The digit file has a broken run of blank pixels.');
      n += run; // already zero
    }
  }
  if (n !== length) throw new Error(`The digit file holds ${n} pixels; its header promises ${length}.`);
  return out;
}

/** The whole file from labels and pixels in order (training digits first). */
export function packDigits(labels: Uint8Array, pixels: Uint8Array, trainCount: number): Uint8Array {
  const count = labels.length;
  if (pixels.length !== count * DIGIT_PIXELS) throw new Error('pixels and labels disagree on the number of digits');
  const coded = encodeZeroRuns(pixels);
  const out = new Uint8Array(HEADER_BYTES + count + coded.length);
  for (let i = 0; i < 8; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(8, count, true);
  view.setUint32(12, trainCount, true);
  view.setUint32(16, DIGIT_SIDE, true);
  view.setUint32(20, DIGIT_SIDE, true);
  out.set(labels, HEADER_BYTES);
  out.set(coded, HEADER_BYTES + count);
  return out;
}

/** Parses the file; throws a readable Error for anything that is not one. */
export function parseDigits(bytes: Uint8Array): DigitData {
  if (bytes.length < HEADER_BYTES) throw new Error('The digit file is too short to be one.');
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== DIGITS_MAGIC.charCodeAt(i)) throw new Error('This is not a digit file (its first bytes are wrong).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const trainCount = view.getUint32(12, true);
  const width = view.getUint32(16, true);
  const height = view.getUint32(20, true);
  if (width !== DIGIT_SIDE || height !== DIGIT_SIDE) throw new Error(`The digit file holds ${width} × ${height} images; 28 × 28 expected.`);
  if (trainCount > count || bytes.length < HEADER_BYTES + count) throw new Error('The digit file header is inconsistent.');
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  for (const l of labels) if (l > 9) throw new Error(`The digit file has a label ${l}; labels are 0-9.`);
  const pixels = decodeZeroRuns(bytes.subarray(HEADER_BYTES + count), count * DIGIT_PIXELS);
  const set = (from: number, to: number): DigitSet => ({
    pixels: pixels.slice(from * DIGIT_PIXELS, to * DIGIT_PIXELS),
    labels: labels.slice(from, to),
    count: to - from,
  });
  return { train: set(0, trainCount), heldOut: set(trainCount, count) };
}

/** Image i of a set as grey intensities in [0, 1] (the Bernoulli targets). */
export function digitIntensities(set: DigitSet, i: number, out = new Float32Array(DIGIT_PIXELS)): Float32Array {
  const base = i * DIGIT_PIXELS;
  for (let p = 0; p < DIGIT_PIXELS; p++) out[p] = set.pixels[base + p] / 255;
  return out;
}

/** Images `indices` as one [n × 784] Float32Array of intensities in [0, 1]. */
export function digitBatch(set: DigitSet, indices: ArrayLike<number>, out = new Float32Array(indices.length * DIGIT_PIXELS)): Float32Array {
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * DIGIT_PIXELS;
    const o = k * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) out[o + p] = set.pixels[base + p] / 255;
  }
  return out;
}
