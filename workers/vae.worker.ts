/** The VAE trainer in a worker: fetches the digit asset and the shipped weights from the site itself. */
import { createVaeDefinition } from '../src/algorithms/vae/trainer';
import { parseDigits } from '../src/algorithms/vae/digits';
import { exposeTrainer } from './runtime';

const fetchBytes = async (path: string, what: string) => {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`Could not load ${what} (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
};

exposeTrainer(
  createVaeDefinition({
    data: async () => parseDigits(await fetchBytes('data/mnist-10k.bin', 'the digits')),
    shipped: () => fetchBytes('models/vae/vae-2d.bin', 'the shipped VAE weights'),
  }),
);
