import { useEffect, useRef, useState } from 'react';
import { REFERENCE_SIZES, type ReferenceSize } from '../../algorithms/runtime/referenceConfig';
import { BACKENDS, toRuntimeError } from '../../algorithms/runtime/protocol';
import { registerTestTool } from '../runtime/testHook';
import { benchmarkBackend, runReferenceSteps, type BenchmarkRow } from './referenceRuns';
import { ReferenceTrainingPanel } from './ReferenceTrainingPanel';
import '../runtime/runtime.css';
import './backends.css';

const SIZE_LABELS: Record<ReferenceSize, string> = {
  tiny: 'Tiny policy net: 4-32-32-1, batch 32',
  medium: 'Medium: 16-128-128-1, batch 256',
  large: 'Large batch: 32-256-256-1, batch 512',
};

/** The "Backends" page: ms per training step for a few model sizes on every backend here. */
export default function BackendsPage() {
  const [rows, setRows] = useState<BenchmarkRow[]>([]);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    cancelled.current = false;
    const unregister = [
      registerTestTool('runReferenceSteps', runReferenceSteps as (...args: never[]) => Promise<unknown>),
      registerTestTool('benchmarkBackend', benchmarkBackend as (...args: never[]) => Promise<unknown>),
    ];
    return () => {
      cancelled.current = true;
      unregister.forEach((u) => u());
    };
  }, []);

  async function runBenchmark() {
    setError(null);
    setRows(BACKENDS.map((backend) => ({ backend, msPerStep: {} })));
    for (const backend of BACKENDS) {
      if (cancelled.current) return;
      setRunning(backend);
      try {
        const row = await benchmarkBackend(backend, REFERENCE_SIZES, { warmup: 2, steps: 8 }, (size, ms) =>
          setRows((old) => old.map((r) => (r.backend === backend ? { ...r, msPerStep: { ...r.msPerStep, [size]: ms } } : r))),
        );
        setRows((old) => old.map((r) => (r.backend === backend ? row : r)));
      } catch (e) {
        const message = toRuntimeError(e, 'backend').message;
        setRows((old) => old.map((r) => (r.backend === backend ? { ...r, unavailable: `failed: ${message}` } : r)));
      }
    }
    setRunning(null);
  }

  const best = (size: string) => {
    const times = rows.flatMap((r) => (r.msPerStep[size] !== undefined ? [r.msPerStep[size]] : []));
    return times.length ? Math.min(...times) : null;
  };

  return (
    <article className="page backends-page">
      <h1>Tensor backends on this device</h1>
      <p className="lead">
        Every demo trains in a Web Worker on one TensorFlow.js backend: WebGPU on a real graphics adapter, else WebGL,
        else WebAssembly (SIMD), else plain JavaScript on the CPU. Which is fastest depends on the model: a tiny policy
        net spends most of its time launching kernels, so WASM usually wins; a large batch keeps a GPU busy.
      </p>
      <h2>Benchmark</h2>
      <p>
        Times one training step (forward pass, backward pass, SGD update) of the reference network, an MLP regressing a
        smooth function, after two warm-up steps (the first GPU steps compile shaders), averaged over eight steps. Each
        backend runs in its own fresh worker; the whole table takes from a few seconds to a minute. A software GPU
        (no graphics hardware, as on many servers) is slower than WASM at every size.
      </p>
      <button type="button" onClick={() => void runBenchmark()} disabled={running !== null}>
        {running ? `Benchmarking ${running}…` : 'Run benchmark'}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {rows.length > 0 ? (
        <div className="backends-table-wrap">
          <table className="backends-table">
            <caption>Milliseconds per training step (lower is faster; the fastest per model is marked ★)</caption>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                {Object.keys(REFERENCE_SIZES).map((size) => (
                  <th scope="col" key={size}>{SIZE_LABELS[size as ReferenceSize]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.backend} data-backend={row.backend}>
                  <th scope="row">{row.backend}</th>
                  {row.unavailable ? (
                    <td colSpan={Object.keys(REFERENCE_SIZES).length}>Not available: {row.unavailable}</td>
                  ) : (
                    Object.keys(REFERENCE_SIZES).map((size) => {
                      const ms = row.msPerStep[size];
                      return (
                        <td key={size}>
                          {ms === undefined ? (running === row.backend ? '…' : '') : `${ms.toFixed(2)} ms${ms === best(size) ? ' ★' : ''}`}
                        </td>
                      );
                    })
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>Train the reference model live</h2>
      <p>
        The same controls every demo uses. The badge says which backend was chosen and why; open the backend settings to
        force another one and watch the time per step change.
      </p>
      <ReferenceTrainingPanel />
    </article>
  );
}
