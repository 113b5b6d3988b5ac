/**
 * The tfjs side of an MLP (see mlp.ts): one variable per weight matrix and bias, forward pass,
 * copies to and from plain weights. Shapes: input [N, sizes[0]] → output [N, sizes.at(-1)].
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation, MlpWeights } from './mlp';

let nextId = 0;

export class TfMlp {
  readonly sizes: number[];
  readonly activation: Activation;
  /** w0, b0, w1, b1, … with names unique in this tfjs engine. */
  readonly vars: tf.Variable[];

  constructor(weights: MlpWeights, prefix: string, activation: Activation = 'tanh') {
    this.sizes = [...weights.sizes];
    this.activation = activation;
    const id = nextId++;
    // tf.variable shares the initial tensor's data; disposing the initial handle keeps the count flat.
    const variable = (init: tf.Tensor, name: string) => {
      const v = tf.variable(init, true, name);
      init.dispose();
      return v;
    };
    this.vars = weights.layers.flatMap((layer, l) => [
      variable(tf.tensor2d(layer.w, [weights.sizes[l], weights.sizes[l + 1]]), `${prefix}${id}/w${l}`),
      variable(tf.tensor1d(layer.b), `${prefix}${id}/b${l}`),
    ]);
  }

  /** [N, in] → [N, out]: h ← act(h W_l + b_l) on hidden layers, linear output. */
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      const layers = this.vars.length / 2;
      for (let l = 0; l < layers; l++) {
        h = tf.add(tf.matMul(h, this.vars[2 * l] as tf.Tensor2D), this.vars[2 * l + 1]);
        if (l < layers - 1) h = this.activation === 'tanh' ? tf.tanh(h) : tf.relu(h);
      }
      return h;
    });
  }

  /** A plain copy of the current weights. */
  async read(): Promise<MlpWeights> {
    const values = await Promise.all(this.vars.map((v) => v.data() as Promise<Float32Array>));
    const layers = [];
    for (let l = 0; l < values.length / 2; l++) layers.push({ w: Float32Array.from(values[2 * l]), b: Float32Array.from(values[2 * l + 1]) });
    return { sizes: [...this.sizes], layers };
  }

  /** Overwrites the variables (the caller checks the shapes fit). */
  assign(weights: MlpWeights): void {
    weights.layers.forEach((layer, l) => {
      tf.tidy(() => {
        this.vars[2 * l].assign(tf.tensor2d(layer.w, [weights.sizes[l], weights.sizes[l + 1]]));
        this.vars[2 * l + 1].assign(tf.tensor1d(layer.b));
      });
    });
  }

  /** Total number of parameters. */
  get size(): number {
    return this.vars.reduce((sum, v) => sum + v.size, 0);
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
  }
}
