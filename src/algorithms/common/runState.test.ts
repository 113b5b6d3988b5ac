import { describe, expect, it } from 'vitest';
import type { RunState } from '../runtime/trainer';
import { RunStateReader, mlpRunStateTensors, readMlp } from './runState';
import { initMlp } from './mlp';
import { createRng } from './rng';

const net = initMlp([3, 4, 2], createRng(2));
const state: RunState = {
  modelId: 'demo/x',
  tensors: mlpRunStateTensors(net, 'pi/'),
  data: { config: { lr: 0.1, hidden: [4] }, env: { obs: new Float64Array([1, 2, 3]), steps: 4 }, rng: createRng(5).getState(), window: [1, 2] },
};

describe('RunStateReader', () => {
  it('reads every piece back', () => {
    const reader = RunStateReader.open(state, 'demo/x');
    expect(readMlp(reader, 'pi/', [3, 4, 2])).toEqual(net);
    expect(() => reader.config({ lr: 0.1, hidden: [4] })).not.toThrow();
    expect(reader.section('env').typed('obs', Float64Array, 3)).toEqual(new Float64Array([1, 2, 3]));
    expect(reader.rng('rng')).toEqual(createRng(5).getState());
    expect(reader.numbers('window', 100)).toEqual([1, 2]);
  });

  it('names the first thing that does not fit', () => {
    expect(() => RunStateReader.open(state, 'demo/y')).toThrow('This checkpoint is of "demo/x", but this trainer is "demo/y".');
    expect(() => RunStateReader.open({ modelId: 'demo/x' } as RunState, 'demo/x')).toThrow(/not a checkpoint/);
    const reader = RunStateReader.open(state, 'demo/x');
    expect(() => readMlp(reader, 'pi/', [3, 5, 2])).toThrow('Tensor "pi/w0" should have shape [3, 5]; the checkpoint has [3,4].');
    expect(() => readMlp(reader, 'v/', [3, 4, 2])).toThrow('The checkpoint has no tensor "v/w0".');
    expect(() => reader.config({ lr: 0.1, hidden: [8] })).toThrow('This checkpoint was made with hidden = [4]; this trainer has hidden = [8].');
    expect(() => reader.section('env').typed('obs', Float64Array, 4)).toThrow('The checkpoint\'s "env.obs" should hold 4 numbers; it has 3.');
    expect(() => reader.section('env').typed('obs', Int32Array, 3)).toThrow('"env.obs" should be of type Int32Array');
    expect(() => reader.section('env').number('steps', { max: 3 })).toThrow('The checkpoint\'s "env.steps" should be at most 3; it is 4.');
    expect(() => reader.section('env').number('missing')).toThrow('The checkpoint has no "env.missing".');
    expect(() => reader.numbers('window', 1)).toThrow('"window" should hold at most 1 numbers; it has 2.');
    const twice = { ...state, tensors: [...state.tensors, state.tensors[0]] };
    expect(() => RunStateReader.open(twice, 'demo/x')).toThrow('The checkpoint holds tensor "pi/w0" twice.');
  });
});
