/**
 * The downloadable weights file: one JSON document, tensor values as base64 of little-endian
 * float32 bytes.
 *
 *   { "format": "rl-playground-weights", "version": 1, "trainerId": "reference-mlp",
 *     "modelId": "reference-mlp/4-32-32-1", "iteration": 120, "savedAt": "2025-…",
 *     "tensors": [{ "name": "dense0/kernel", "shape": [4, 32], "dtype": "float32", "data": "…" }] }
 *
 * Decoding never trusts the file: every field is checked and the error says what is wrong.
 * (Whether the weights fit the live model is checked by the trainer with assertSnapshotFits.)
 */
import type { WeightSnapshot } from './trainer';

export const WEIGHT_FILE_FORMAT = 'rl-playground-weights';
export const WEIGHT_FILE_VERSION = 1;

export interface WeightFile {
  trainerId: string;
  iteration: number;
  snapshot: WeightSnapshot;
}

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string, name: string): Float32Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new Error(`Weight "${name}" is not valid base64: the file is damaged.`);
  }
  if (binary.length % 4 !== 0) throw new Error(`Weight "${name}" has ${binary.length} bytes, not a whole number of float32 values.`);
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const values = new Float32Array(binary.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}

export function encodeWeightFile(file: WeightFile, savedAt = new Date()): string {
  return JSON.stringify({
    format: WEIGHT_FILE_FORMAT,
    version: WEIGHT_FILE_VERSION,
    trainerId: file.trainerId,
    modelId: file.snapshot.modelId,
    iteration: file.iteration,
    savedAt: savedAt.toISOString(),
    tensors: file.snapshot.tensors.map((t) => ({ name: t.name, shape: t.shape, dtype: 'float32', data: toBase64(t.values) })),
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a weights file for `trainerId`; throws an Error a student can act on. */
export function decodeWeightFile(text: string, trainerId: string): WeightFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('This is not a weights file (it is not JSON).');
  }
  if (!isRecord(parsed) || parsed.format !== WEIGHT_FILE_FORMAT) throw new Error('This is not an RL Playground weights file.');
  if (parsed.version !== WEIGHT_FILE_VERSION) throw new Error(`Weights file version ${String(parsed.version)} is not supported (expected ${WEIGHT_FILE_VERSION}).`);
  if (parsed.trainerId !== trainerId) throw new Error(`These weights belong to the "${String(parsed.trainerId)}" demo, not "${trainerId}".`);
  if (typeof parsed.modelId !== 'string') throw new Error('The weights file names no model.');
  const iteration = parsed.iteration;
  if (typeof iteration !== 'number' || !Number.isInteger(iteration) || iteration < 0) throw new Error('The weights file has no valid iteration count.');
  if (!Array.isArray(parsed.tensors) || parsed.tensors.length === 0) throw new Error('The weights file holds no tensors.');
  const tensors = parsed.tensors.map((entry: unknown, i: number) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.data !== 'string') throw new Error(`Tensor ${i + 1} in the file is malformed.`);
    const shape = entry.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`Weight "${entry.name}" has no valid shape.`);
    if (entry.dtype !== 'float32') throw new Error(`Weight "${entry.name}" is ${String(entry.dtype)}; only float32 is supported.`);
    const values = fromBase64(entry.data, entry.name);
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    if (values.length !== size) throw new Error(`Weight "${entry.name}" has ${values.length} values but shape [${shape}] needs ${size}.`);
    return { name: entry.name, shape: shape as number[], values };
  });
  return { trainerId, iteration, snapshot: { modelId: parsed.modelId, tensors } };
}
