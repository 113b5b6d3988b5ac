/** The VAE demo's manifest: settings (with the trainer's ranges), presets, the settings beside the stage. */
import { choice, num, seedParam } from '../../components/url/params';
import type { DemoManifest } from '../platform/manifest';
import { DEFAULT_VAE_CONFIG as D, VAE_LIMITS as R } from '../../algorithms/vae/config';

export function vaeParams() {
  return {
    beta: { ...num(D.beta, R.beta.min, R.beta.max), label: 'β on the KL term' },
    learningRate: { ...num(D.learningRate, R.learningRate.min, R.learningRate.max), label: 'Learning rate' },
    latent: { ...num(D.latent, R.latent.min, R.latent.max, true), label: 'Latent dimension' },
    hidden: { ...num(D.hidden, R.hidden.min, R.hidden.max, true), label: 'Hidden units per layer' },
    batchSize: { ...num(D.batchSize, R.batchSize.min, R.batchSize.max, true), label: 'Batch size' },
    start: { ...choice<'shipped' | 'scratch'>(D.start, ['shipped', 'scratch']), label: 'Start from' },
    seed: { ...seedParam(1), label: 'Seed' },
  };
}

export type VaeParams = ReturnType<typeof vaeParams>;

export const vaeManifest: DemoManifest<VaeParams> = {
  id: 'vae',
  title: 'Variational autoencoder on MNIST digits',
  params: vaeParams,
  presets: [
    { id: 'shipped', label: 'Shipped 2-D model, β = 1', values: { start: 'shipped', latent: 2, hidden: 256, beta: 1 } },
    { id: 'scratch', label: 'From scratch, 2-D, β = 1', values: { start: 'scratch', latent: 2, hidden: 256, beta: 1 } },
    { id: 'high-beta', label: 'From scratch, β = 4 (more KL pressure)', values: { start: 'scratch', latent: 2, hidden: 256, beta: 4 } },
    { id: 'wide-latent', label: 'From scratch, 8-D latent', values: { start: 'scratch', latent: 8, hidden: 256, beta: 1 } },
  ],
  primary: ['beta', 'learningRate', 'latent'],
};
