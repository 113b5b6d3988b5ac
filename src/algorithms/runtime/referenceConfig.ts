/**
 * Configuration of the runtime's reference trainer (see referenceModel.ts). No tfjs here, so the
 * page can import the sizes and the validation without pulling tfjs into the main bundle.
 */
export interface ReferenceConfig {
  /** Input dimension d. */
  inputs: number;
  /** Hidden layer widths. */
  hidden: number[];
  /** Minibatch size per step. */
  batch: number;
  learningRate: number;
  /** Number of synthetic samples drawn once at creation. */
  datasetSize: number;
  /** Test hook: step() throws at this iteration (a crashing trainer). */
  crashAt?: number;
  /** Test hook: every step busy-waits this long without yielding (a step that will not stop). */
  stallMs?: number;
  /** Test hook: from this iteration on, one input of the batch is NaN (corrupt data → NaN loss). */
  nanAt?: number;
}

export const REFERENCE_SIZES = {
  tiny: { inputs: 4, hidden: [32, 32], batch: 32, learningRate: 0.05, datasetSize: 1024 },
  medium: { inputs: 16, hidden: [128, 128], batch: 256, learningRate: 0.02, datasetSize: 4096 },
  large: { inputs: 32, hidden: [256, 256], batch: 512, learningRate: 0.01, datasetSize: 4096 },
} satisfies Record<string, ReferenceConfig>;
export type ReferenceSize = keyof typeof REFERENCE_SIZES;

export function referenceModelId(config: ReferenceConfig): string {
  return `reference-mlp/${[config.inputs, ...config.hidden, 1].join('-')}`;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export function validateReferenceConfig(config: ReferenceConfig): void {
  const int = (v: number) => Number.isInteger(v);
  check(int(config.inputs) && config.inputs >= 1 && config.inputs <= 256, `Inputs must be a whole number from 1 to 256 (got ${config.inputs}).`);
  check(Array.isArray(config.hidden) && config.hidden.length >= 1 && config.hidden.length <= 4, 'Use between 1 and 4 hidden layers.');
  config.hidden.forEach((width, i) =>
    check(int(width) && width >= 1 && width <= 2048, `Hidden layer ${i + 1} must have 1 to 2048 units (got ${width}).`),
  );
  check(int(config.batch) && config.batch >= 1 && config.batch <= 8192, `Batch size must be 1 to 8192 (got ${config.batch}).`);
  check(int(config.datasetSize) && config.datasetSize >= config.batch && config.datasetSize <= 65536, `Dataset size must be at least the batch size and at most 65536 (got ${config.datasetSize}).`);
  check(Number.isFinite(config.learningRate) && config.learningRate > 0 && config.learningRate <= 10, `Learning rate must be in (0, 10] (got ${config.learningRate}).`);
}

