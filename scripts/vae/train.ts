// Trains the shipped 2-D VAE in Node: npm run train:vae [-- --hidden 256 --epochs 60 …]
// tfjs (union package) on the WASM backend (falls back to cpu), fixed seed, Adam with the learning
// rate halved when the held-out −ELBO stalls, early stopping on the held-out −ELBO (best epoch
// kept), then the weights rounded to float16 and written to public/models/vae/vae-2d.bin. Prints
// the settings and the held-out figures of the rounded model.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'; // also registers the backend
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRng } from '../../src/algorithms/common/rng';
import { DIGIT_PIXELS, digitBatch, parseDigits } from '../../src/algorithms/vae/digits';
import { TfVae, normals, shuffledIndices, type LossParts } from '../../src/algorithms/vae/model';
import { initVae, type VaeWeights } from '../../src/algorithms/vae/plain';
import { decodeVaeWeights, encodeVaeWeights, type WeightsMeta } from '../../src/algorithms/vae/weightsFile';

const round2 = (x: number) => Math.round(x * 100) / 100;

const root = process.cwd();

function parseArgs(args: string[]) {
  const settings = { latent: 2, hidden: 256, batch: 64, lr: 1e-3, epochs: 60, patience: 8, plateau: 3, seed: 1, out: 'public/models/vae/vae-2d.bin', backend: 'wasm' };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, '') as keyof typeof settings;
    if (!(key in settings)) throw new Error(`unknown option ${args[i]}`);
    const value = args[i + 1];
    (settings as Record<string, string | number>)[key] = typeof settings[key] === 'number' ? Number(value) : value;
  }
  return settings;
}

const fmt = (p: LossParts) => `−ELBO ${p.negElbo.toFixed(2)} (recon ${p.recon.toFixed(2)} + KL ${p.kl.toFixed(2)})`;

export default async function train(args: string[]) {
  const s = parseArgs(args);
  if (s.backend === 'wasm') {
    setWasmPaths(resolve(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  }
  if (!(await tf.setBackend(s.backend))) {
    console.log(`backend ${s.backend} unavailable; using cpu`);
    await tf.setBackend('cpu');
  }
  await tf.ready();
  const data = parseDigits(new Uint8Array(readFileSync(resolve(root, 'public/data/mnist-10k.bin'))));
  console.log(`settings: ${JSON.stringify(s)}; backend ${tf.getBackend()}; ${data.train.count} training / ${data.heldOut.count} held-out digits`);

  const started = Date.now();
  const rng = createRng(s.seed);
  const vae = new TfVae(initVae({ latent: s.latent, hidden: s.hidden }, rng));
  let lr = s.lr;
  const optimizer = tf.train.adam(lr);
  let best = { epoch: 0, negElbo: Infinity, weights: await vae.read() };
  const out = resolve(root, s.out);
  mkdirSync(dirname(out), { recursive: true });
  const save = (weights: VaeWeights, meta: WeightsMeta) => writeFileSync(out, encodeVaeWeights(weights, meta));
  const baseMeta = () => ({ seed: s.seed, batch: s.batch, lr: s.lr, backend: tf.getBackend(), trainSeconds: Math.round((Date.now() - started) / 1000) });
  let sinceBest = 0;
  let sinceLr = 0;
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    const t0 = Date.now();
    const order = shuffledIndices(rng, data.train.count);
    let sum = { recon: 0, kl: 0, negElbo: 0 };
    let seen = 0;
    for (let start = 0; start + s.batch <= order.length; start += s.batch) {
      const x = tf.tensor2d(digitBatch(data.train, order.subarray(start, start + s.batch)), [s.batch, DIGIT_PIXELS]);
      const eps = tf.tensor2d(normals(rng, s.batch * s.latent), [s.batch, s.latent]);
      const parts = await vae.trainStep(optimizer, x, eps, 1);
      tf.dispose([x, eps]);
      sum = { recon: sum.recon + parts.recon * s.batch, kl: sum.kl + parts.kl * s.batch, negElbo: sum.negElbo + parts.negElbo * s.batch };
      seen += s.batch;
    }
    const trainParts = { recon: sum.recon / seen, kl: sum.kl / seen, negElbo: sum.negElbo / seen };
    const held = await vae.evaluate(data.heldOut, createRng(12345));
    const improved = held.negElbo < best.negElbo;
    if (improved) {
      best = { epoch, negElbo: held.negElbo, weights: await vae.read() };
      // Written at every improvement, so an interrupted run still leaves the best model so far.
      save(best.weights, { ...baseMeta(), bestEpoch: epoch, heldOutNegElboOnePass: round2(held.negElbo) });
      sinceBest = 0;
      sinceLr = 0;
    } else {
      sinceBest++;
      sinceLr++;
    }
    console.log(`epoch ${epoch}: train ${fmt(trainParts)} | held-out ${fmt(held)}${improved ? ' *' : ''} | lr ${lr.toExponential(1)} | ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (sinceBest >= s.patience) {
      console.log(`early stop: no held-out improvement for ${s.patience} epochs`);
      break;
    }
    if (sinceLr >= s.plateau) {
      lr /= 2;
      // tfjs's Adam reads its learning rate at every step; the field is protected in the types.
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
      sinceLr = 0;
    }
  }
  optimizer.dispose();

  // Round to float16, then measure what ships: −ELBO averaged over 10 passes of fresh ε.
  const meta = { ...baseMeta(), bestEpoch: best.epoch };
  const bytes = encodeVaeWeights(best.weights, meta);
  const shipped = decodeVaeWeights(bytes).weights;
  vae.assign(shipped);
  const evalRng = createRng(777);
  const passes: LossParts[] = [];
  for (let k = 0; k < 10; k++) passes.push(await vae.evaluate(data.heldOut, evalRng));
  const mean = (f: (p: LossParts) => number) => passes.reduce((a, p) => a + f(p), 0) / passes.length;
  const result = { negElbo: mean((p) => p.negElbo), recon: mean((p) => p.recon), kl: mean((p) => p.kl) };
  save(best.weights, { ...meta, heldOutNegElbo: round2(result.negElbo) });
  console.log(`best epoch ${best.epoch}; shipped float16 model, held-out (2,000 digits, 10 passes): ${fmt(result)} nats per image`);
  console.log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB) after ${meta.trainSeconds} s of training`);
  vae.dispose();
}
