/**
 * Reading a checkpoint (RunState, see runtime/trainer.ts) back, one piece at a time. Every read
 * checks what it returns (presence, shape, length, finiteness, range) and throws an Error that
 * names the first piece that does not fit. A trainer reads everything before it changes
 * anything, so a refused checkpoint leaves the trainer as it was.
 */
import type { PlainData, RunState } from '../runtime/trainer';
import { mlpToTensors, type MlpWeights } from './mlp';
import { assertRngState, type RngState } from './rng';

type Data = { [key: string]: PlainData };
type Tensor = RunState['tensors'][number];

interface NumberCheck {
  integer?: boolean;
  min?: number;
  max?: number;
}

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

const show = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

export class RunStateReader {
  private constructor(
    private readonly tensors: ReadonlyMap<string, Tensor>,
    private readonly data: Data,
    /** Prefix of keys in messages, e.g. "env." inside section "env". */
    private readonly path: string,
  ) {}

  /** Checks the envelope and that the checkpoint is of `modelId` (algorithm and architecture). */
  static open(state: RunState, modelId: string): RunStateReader {
    if (!isObject(state) || !Array.isArray(state.tensors) || !isObject(state.data)) {
      throw new Error('This is not a checkpoint: it needs a model id, a list of tensors and a data record.');
    }
    if (state.modelId !== modelId) throw new Error(`This checkpoint is of "${String(state.modelId)}", but this trainer is "${modelId}".`);
    const tensors = new Map<string, Tensor>();
    for (const tensor of state.tensors) {
      if (tensors.has(tensor.name)) throw new Error(`The checkpoint holds tensor "${tensor.name}" twice.`);
      tensors.set(tensor.name, tensor);
    }
    return new RunStateReader(tensors, state.data, '');
  }

  private raw(key: string): PlainData {
    if (!(key in this.data)) throw new Error(`The checkpoint has no "${this.path}${key}".`);
    return this.data[key];
  }

  /** A nested record, read with the same checks; messages name it as "key.inner". */
  section(key: string): RunStateReader {
    const value = this.raw(key);
    if (!isObject(value)) throw new Error(`The checkpoint's "${this.path}${key}" should be a record.`);
    return new RunStateReader(this.tensors, value, `${this.path}${key}.`);
  }

  /** The tensor's values, after checking its shape, length and that every value is finite. */
  tensor(name: string, shape: readonly number[]): Float32Array {
    const tensor = this.tensors.get(name);
    if (!tensor) throw new Error(`The checkpoint has no tensor "${name}".`);
    if (!Array.isArray(tensor.shape) || tensor.shape.join('x') !== shape.join('x')) {
      throw new Error(`Tensor "${name}" should have shape [${shape.join(', ')}]; the checkpoint has [${String(tensor.shape)}].`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (!(tensor.values instanceof Float32Array) || tensor.values.length !== size) {
      throw new Error(`Tensor "${name}" should hold ${size} float32 values; the checkpoint's are damaged.`);
    }
    if (tensor.values.some((v) => !Number.isFinite(v))) throw new Error(`Tensor "${name}" holds non-finite values (NaN or ±Infinity).`);
    return tensor.values;
  }

  /**
   * The checkpoint's "config" record must equal `expected` in every key: a run continues exactly
   * only under the settings it was made with.
   */
  config(expected: { [key: string]: PlainData }): void {
    const given = this.raw('config');
    if (!isObject(given)) throw new Error('The checkpoint\'s settings ("config") are missing.');
    for (const key of Object.keys(expected)) {
      if (JSON.stringify(given[key]) !== JSON.stringify(expected[key])) {
        throw new Error(`This checkpoint was made with ${key} = ${show(given[key])}; this trainer has ${key} = ${show(expected[key])}.`);
      }
    }
  }

  number(key: string, check: NumberCheck = {}): number {
    const value = this.raw(key);
    const name = `"${this.path}${key}"`;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`The checkpoint's ${name} should be a finite number; it is ${show(value)}.`);
    if (check.integer && !Number.isInteger(value)) throw new Error(`The checkpoint's ${name} should be a whole number; it is ${value}.`);
    if (check.min !== undefined && value < check.min) throw new Error(`The checkpoint's ${name} should be at least ${check.min}; it is ${value}.`);
    if (check.max !== undefined && value > check.max) throw new Error(`The checkpoint's ${name} should be at most ${check.max}; it is ${value}.`);
    return value;
  }

  /** A list of finite numbers (plain array or typed array) of at most `maxLength` entries. */
  numbers(key: string, maxLength = Infinity): number[] {
    const value = this.raw(key);
    const name = `"${this.path}${key}"`;
    const list = Array.isArray(value) ? value : ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<number>) : null;
    if (!list) throw new Error(`The checkpoint's ${name} should be a list of numbers.`);
    if (list.length > maxLength) throw new Error(`The checkpoint's ${name} should hold at most ${maxLength} numbers; it has ${list.length}.`);
    if (list.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`The checkpoint's ${name} holds an entry that is not a finite number.`);
    return list as number[];
  }

  /** A copy of a typed array of exactly `length` finite entries. */
  typed<T extends Float64Array | Int32Array>(key: string, type: { new (source: ArrayLike<number>): T; name: string }, length: number): T {
    const value = this.raw(key);
    const name = `"${this.path}${key}"`;
    if (!(value instanceof type)) throw new Error(`The checkpoint's ${name} should be of type ${type.name}.`);
    if (value.length !== length) throw new Error(`The checkpoint's ${name} should hold ${length} numbers; it has ${value.length}.`);
    if (value.some((v) => !Number.isFinite(v))) throw new Error(`The checkpoint's ${name} holds non-finite values.`);
    return new type(value);
  }

  rng(key: string): RngState {
    const value = this.raw(key);
    assertRngState(value, `checkpoint's RNG state "${this.path}${key}"`);
    return { counter: value.counter, spareNormal: value.spareNormal };
  }

  isNull(key: string): boolean {
    return this.raw(key) === null;
  }
}

/** An MLP stored under `prefix` (tensors `<prefix>w0`, `<prefix>b0`, …), checked against `sizes`. */
export function readMlp(reader: RunStateReader, prefix: string, sizes: readonly number[]): MlpWeights {
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    layers.push({
      w: Float32Array.from(reader.tensor(`${prefix}w${l}`, [sizes[l], sizes[l + 1]])),
      b: Float32Array.from(reader.tensor(`${prefix}b${l}`, [sizes[l + 1]])),
    });
  }
  return { sizes: [...sizes], layers };
}

/** The tensors `readMlp` reads back. */
export function mlpRunStateTensors(net: MlpWeights, prefix: string): Tensor[] {
  return mlpToTensors(net, (l) => [`${prefix}w${l}`, `${prefix}b${l}`]);
}
