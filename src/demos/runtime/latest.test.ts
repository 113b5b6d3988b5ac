import { describe, expect, it } from 'vitest';
import { isAbortError, LatestOnly } from './latest';

/** A fake worker call that resolves when the test says so. */
function deferred() {
  const calls: { arg: number; resolve: (v: number) => void }[] = [];
  const send = (arg: number) => () => new Promise<number>((resolve) => calls.push({ arg, resolve }));
  return { calls, send };
}

const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

describe('LatestOnly', () => {
  it('sends the first call and only the latest of those made while it runs', async () => {
    const lanes = new LatestOnly();
    const { calls, send } = deferred();
    const results = [1, 2, 3, 4, 5].map((n) => settle(lanes.run('decode', send(n))));
    expect(calls.map((c) => c.arg)).toEqual([1]);
    calls[0].resolve(10);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.map((c) => c.arg)).toEqual([1, 5]);
    calls[1].resolve(50);
    const settled = await Promise.all(results);
    // 1's answer is stale (newer calls exist), 2-4 never went out, 5 is delivered
    expect(settled.slice(0, 4).every((r) => 'error' in r && isAbortError(r.error))).toBe(true);
    expect(settled[4]).toEqual({ value: 50 });
    expect(lanes.sent.get('decode')).toBe(2);
  });

  it('keeps kinds apart and honours an AbortSignal', async () => {
    const lanes = new LatestOnly();
    const { calls, send } = deferred();
    const a = settle(lanes.run('a', send(1)));
    const controller = new AbortController();
    const b = settle(lanes.run('b', send(2), controller.signal));
    expect(calls).toHaveLength(2);
    controller.abort();
    calls[0].resolve(1);
    calls[1].resolve(2);
    expect(await a).toEqual({ value: 1 });
    const bResult = await b;
    expect('error' in bResult && isAbortError(bResult.error)).toBe(true);
  });
});
