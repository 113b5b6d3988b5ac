/** Settings of a live VAE run, their ranges, and the check that names what is wrong. */
export interface VaeConfig {
  /** Latent dimension L (2 to 16). */
  latent: number;
  /** Units in each of the two hidden layers of encoder and decoder. */
  hidden: number;
  /** Weight β on the KL term of the training loss (β = 1 is the ELBO). */
  beta: number;
  learningRate: number;
  batchSize: number;
  /** Start from fresh random weights, or from the shipped 2-D model (then its shape must match). */
  start: 'scratch' | 'shipped';
}

/** The shape of the shipped model (public/models/vae/vae-2d.bin, made by npm run train:vae). */
export const SHIPPED_SHAPE = { latent: 2, hidden: 256 } as const;

export const DEFAULT_VAE_CONFIG: VaeConfig = { latent: 2, hidden: 256, beta: 1, learningRate: 1e-3, batchSize: 64, start: 'shipped' };

export const VAE_LIMITS = {
  latent: { min: 2, max: 16 },
  hidden: { min: 16, max: 1024 },
  beta: { min: 0, max: 20 },
  learningRate: { min: 1e-5, max: 0.05 },
  batchSize: { min: 8, max: 512 },
} as const;

const whole = (name: string, value: number, min: number, max: number) => {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}; it is ${value}.`);
};
const inRange = (name: string, value: number, min: number, max: number) => {
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be between ${min} and ${max}; it is ${value}.`);
};

export function validateVaeConfig(config: VaeConfig): void {
  whole('The latent dimension', config.latent, VAE_LIMITS.latent.min, VAE_LIMITS.latent.max);
  whole('The hidden size', config.hidden, VAE_LIMITS.hidden.min, VAE_LIMITS.hidden.max);
  whole('The batch size', config.batchSize, VAE_LIMITS.batchSize.min, VAE_LIMITS.batchSize.max);
  inRange('β', config.beta, VAE_LIMITS.beta.min, VAE_LIMITS.beta.max);
  inRange('The learning rate', config.learningRate, VAE_LIMITS.learningRate.min, VAE_LIMITS.learningRate.max);
  if (config.start !== 'scratch' && config.start !== 'shipped') throw new Error(`Start must be "scratch" or "shipped"; it is ${String(config.start)}.`);
  if (config.start === 'shipped' && (config.latent !== SHIPPED_SHAPE.latent || config.hidden !== SHIPPED_SHAPE.hidden)) {
    throw new Error(`The shipped model has a ${SHIPPED_SHAPE.latent}-D latent space and ${SHIPPED_SHAPE.hidden} hidden units; choose those, or start from scratch.`);
  }
}
