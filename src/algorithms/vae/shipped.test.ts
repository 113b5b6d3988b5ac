import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng } from '../common/rng';
import { DIGIT_PIXELS, digitBatch, parseDigits } from './digits';
import { PlainVae } from './plain';
import { decodeVaeWeights } from './weightsFile';
import { SHIPPED_SHAPE } from './config';

const data = parseDigits(new Uint8Array(readFileSync(new URL('../../../public/data/mnist-10k.bin', import.meta.url))));
const shipped = decodeVaeWeights(new Uint8Array(readFileSync(new URL('../../../public/models/vae/vae-2d.bin', import.meta.url))));

describe('the shipped 2-D model (public/models/vae/vae-2d.bin, npm run train:vae)', () => {
  it('has the shape the demo expects and reaches a held-out −ELBO of at most 155 nats per image', () => {
    expect({ latent: shipped.weights.latent, hidden: shipped.weights.hidden }).toEqual(SHIPPED_SHAPE);
    const vae = new PlainVae(shipped.weights);
    const xs = digitBatch(data.heldOut, Array.from({ length: data.heldOut.count }, (_, i) => i));
    const rng = createRng(3);
    let negElbo = 0;
    for (let i = 0; i < data.heldOut.count; i++) negElbo -= vae.elbo(xs, i * DIGIT_PIXELS, rng, 2).elbo;
    negElbo /= data.heldOut.count;
    expect(negElbo).toBeLessThanOrEqual(155);
    // and the figure the training script wrote into the file agrees (within Monte Carlo noise)
    if (typeof shipped.meta.heldOutNegElbo === 'number') expect(Math.abs(negElbo - shipped.meta.heldOutNegElbo)).toBeLessThan(0.5);
  });
});
