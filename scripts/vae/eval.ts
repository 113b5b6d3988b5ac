// Measures a VAE weights file on the 2,000 held-out digits: npm run eval:vae [-- path]
// (default public/models/vae/vae-2d.bin). −ELBO = recon + KL in nats per image, averaged over 10
// passes of fresh ε (seed 777), as train:vae reports it; also the importance-weighted bound
// L_50 on the first 200 held-out digits (plain JS), a tighter estimate of −log p(x).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'; // also registers the backend
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRng } from '../../src/algorithms/common/rng';
import { DIGIT_PIXELS, digitBatch, parseDigits } from '../../src/algorithms/vae/digits';
import { TfVae, type LossParts } from '../../src/algorithms/vae/model';
import { PlainVae } from '../../src/algorithms/vae/plain';
import { decodeVaeWeights } from '../../src/algorithms/vae/weightsFile';

export default async function evaluate(args: string[]) {
  const root = process.cwd();
  setWasmPaths(resolve(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  const file = resolve(root, args[0] ?? 'public/models/vae/vae-2d.bin');
  const { weights, meta } = decodeVaeWeights(new Uint8Array(readFileSync(file)));
  const data = parseDigits(new Uint8Array(readFileSync(resolve(root, 'public/data/mnist-10k.bin'))));
  const vae = new TfVae(weights);
  const rng = createRng(777);
  const passes: LossParts[] = [];
  for (let k = 0; k < 10; k++) passes.push(await vae.evaluate(data.heldOut, rng));
  vae.dispose();
  const mean = (f: (p: LossParts) => number) => passes.reduce((a, p) => a + f(p), 0) / passes.length;
  console.log(`${file}: latent ${weights.latent}, hidden ${weights.hidden}; meta ${JSON.stringify(meta)}`);
  console.log(`held-out −ELBO ${mean((p) => p.negElbo).toFixed(2)} (recon ${mean((p) => p.recon).toFixed(2)} + KL ${mean((p) => p.kl).toFixed(2)}) nats per image`);
  const plain = new PlainVae(weights);
  const n = 200;
  const xs = digitBatch(data.heldOut, Array.from({ length: n }, (_, i) => i));
  let iwae = 0;
  for (let i = 0; i < n; i++) iwae += plain.iwae(xs, i * DIGIT_PIXELS, rng, 50);
  console.log(`importance-weighted bound L_50 on the first ${n} held-out digits: −L_50 = ${(-iwae / n).toFixed(2)} nats per image`);
}
