import { describe, expect, it } from 'vitest';
import { decodeWeightFile, encodeWeightFile } from './weightFile';
import type { WeightSnapshot } from './trainer';

const snapshot: WeightSnapshot = {
  modelId: 'm/2-1',
  tensors: [
    { name: 'w', shape: [2, 1], values: new Float32Array([0.5, -1.25]) },
    { name: 'b', shape: [1], values: new Float32Array([3e-8]) },
  ],
};

describe('weights file', () => {
  it('round-trips values bit for bit', () => {
    const text = encodeWeightFile({ trainerId: 't', iteration: 12, snapshot });
    const back = decodeWeightFile(text, 't');
    expect(back.iteration).toBe(12);
    expect(back.snapshot.modelId).toBe('m/2-1');
    expect(back.snapshot.tensors.map((t) => Array.from(t.values))).toEqual([[0.5, -1.25], [Math.fround(3e-8)]]);
  });

  it('stores little-endian float32 in base64 (hand-checked bytes)', () => {
    const text = encodeWeightFile({ trainerId: 't', iteration: 0, snapshot: { modelId: 'x', tensors: [{ name: 'one', shape: [1], values: new Float32Array([1]) }] } });
    // 1.0f = 0x3f800000 → bytes 00 00 80 3f → base64 "AACAPw=="
    expect(JSON.parse(text).tensors[0].data).toBe('AACAPw==');
  });

  it.each([
    ['not json', /not JSON/],
    [JSON.stringify({ format: 'other' }), /not an RL Playground weights file/],
    [JSON.stringify({ format: 'rl-playground-weights', version: 9 }), /version 9/],
    [JSON.stringify({ format: 'rl-playground-weights', version: 1, trainerId: 'cartpole' }), /belong to the "cartpole" demo/],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => decodeWeightFile(text, 't')).toThrow(message);
  });

  it('rejects damaged tensors', () => {
    const good = JSON.parse(encodeWeightFile({ trainerId: 't', iteration: 1, snapshot }));
    const wrongShape = { ...good, tensors: [{ ...good.tensors[0], shape: [3, 1] }, good.tensors[1]] };
    expect(() => decodeWeightFile(JSON.stringify(wrongShape), 't')).toThrow(/needs 3/);
    const badBase64 = { ...good, tensors: [{ ...good.tensors[0], data: '###' }, good.tensors[1]] };
    expect(() => decodeWeightFile(JSON.stringify(badBase64), 't')).toThrow(/base64|bytes/);
  });
});
