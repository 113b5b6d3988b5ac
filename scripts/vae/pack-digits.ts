// Packs the `mnist` package's 10,000 grey digits into public/data/mnist-10k.bin (format in
// src/algorithms/vae/digits.ts): a fixed, stratified split of 8,000 training and 2,000 held-out
// digits (20 % of each class held out, largest remainders settle the rounding), each set shuffled
// with a fixed seed. Run: npm run data:vae (Node runs it through scripts/vae/run-ts.mjs)
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packDigits, DIGIT_PIXELS } from '../../src/algorithms/vae/digits';
import { createRng } from '../../src/algorithms/common/rng';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(root, 'public/data/mnist-10k.bin');
const HELD_OUT = 2000;
const SEED = 20261130;

const classes: Uint8Array[][] = [];
for (let d = 0; d < 10; d++) {
  const raw: number[] = require(`mnist/src/digits/${d}.json`).data;
  const n = raw.length / DIGIT_PIXELS;
  const images: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const img = new Uint8Array(DIGIT_PIXELS);
    for (let p = 0; p < DIGIT_PIXELS; p++) img[p] = Math.round(raw[i * DIGIT_PIXELS + p] * 255);
    images.push(img);
  }
  classes.push(images);
}
const total = classes.reduce((s, c) => s + c.length, 0);

// Held-out count per class: floor of its share, then one more for the largest remainders.
const shares = classes.map((c, d) => ({ d, exact: (c.length * HELD_OUT) / total }));
const quota = shares.map((s) => Math.floor(s.exact));
let left = HELD_OUT - quota.reduce((a, b) => a + b, 0);
for (const s of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.d - b.d)) {
  if (left-- <= 0) break;
  quota[s.d]++;
}

const rng = createRng(SEED);
const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};
type Digit = { label: number; img: Uint8Array };
const train: Digit[] = [];
const heldOut: Digit[] = [];
classes.forEach((images, d) => {
  const order = shuffle(images.map((_, i) => i));
  order.forEach((i, k) => (k < quota[d] ? heldOut : train).push({ label: d, img: images[i] }));
});
const all = [...shuffle(train), ...shuffle(heldOut)];
const labels = Uint8Array.from(all.map((x) => x.label));
const pixels = new Uint8Array(all.length * DIGIT_PIXELS);
all.forEach((x, i) => pixels.set(x.img, i * DIGIT_PIXELS));

const bytes = packDigits(labels, pixels, train.length);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${train.length} training + ${heldOut.length} held-out digits, ${(bytes.length / 1e6).toFixed(2)} MB (raw pixels ${(pixels.length / 1e6).toFixed(2)} MB)`);
console.log(`held out per class: ${quota.join(' ')}`);
