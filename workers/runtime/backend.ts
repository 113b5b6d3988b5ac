/**
 * Backend setup inside a worker: health checks, the WebGPU adapter check, WASM paths, a measured
 * probe with the demo's real model, and the final explicit tf.setBackend.
 *
 * Order of preference: webgpu (real adapter only) → webgl → wasm (SIMD, no threads) → cpu.
 * A software WebGPU adapter (SwiftShader, or any flagged isFallbackAdapter) is never chosen
 * automatically; it runs only when forced.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { BACKENDS, type BackendChoice, type BackendName, type InitOptions } from '../../src/algorithms/runtime/protocol';

type Candidate = BackendChoice['candidates'][number];

let wasmPathsSet = false;
function prepareWasm(): void {
  if (wasmPathsSet) return;
  // Without cross-origin isolation there are no threads; the threaded name maps to SIMD so the
  // threaded binary is never bundled.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
  });
  wasmPathsSet = true;
}

export interface AdapterCheck {
  /** A hardware adapter usable by default. */
  hardware: boolean;
  /** Any adapter at all (a software one may still be forced). */
  present: boolean;
  description: string;
}

/** Asks for a WebGPU adapter and classifies it; never throws. */
export async function checkWebGpuAdapter(): Promise<AdapterCheck> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { hardware: false, present: false, description: 'this browser has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { hardware: false, present: false, description: 'no WebGPU adapter' };
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    const software = info?.isFallbackAdapter === true || info?.architecture === 'swiftshader';
    return { hardware: !software, present: true, description: software ? `${name} (software fallback)` : name };
  } catch (error) {
    return { hardware: false, present: false, description: `adapter request failed: ${String(error)}` };
  }
}

/**
 * Asks WebGL who renders. Without a GPU, Chromium falls back to SwiftShader (or Mesa's llvmpipe):
 * software GL that is far slower than WASM for tensor work, so like a software WebGPU adapter it
 * is never the automatic choice (it may still be forced). Never throws.
 */
export function checkWebGlRenderer(): { software: boolean; description: string } {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { software: false, description: 'unknown renderer' };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return { software: false, description: 'no WebGL context' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { software: /swiftshader|llvmpipe|software/i.test(renderer), description: renderer };
  } catch (error) {
    return { software: false, description: `renderer query failed: ${String(error)}` };
  }
}

/** Switches to `name` and checks a small computation; returns null when healthy, else why not. */
export async function tryBackend(name: BackendName): Promise<string | null> {
  if (!tf.findBackendFactory(name)) return 'not available in this browser';
  try {
    if (name === 'wasm') prepareWasm();
    const ok = await tf.setBackend(name);
    if (!ok || tf.getBackend() !== name) return 'failed to initialise';
    // [[1,2],[3,4]] · [1,1]ᵀ = [3,7]
    const product = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [1]])));
    const values = await product.data();
    product.dispose();
    if (Math.abs(values[0] - 3) > 1e-4 || Math.abs(values[1] - 7) > 1e-4) return `wrong results (${Array.from(values)})`;
    return null;
  } catch (error) {
    return `crashed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Times a few steps of the real model on the current backend; ms per step. */
export type Probe = () => Promise<number>;

export async function chooseBackend(options: InitOptions, probe: Probe | null): Promise<BackendChoice> {
  const exclude = new Set(options.exclude ?? []);
  const adapter = await checkWebGpuAdapter();
  const candidates: Candidate[] = [];

  if (options.preference !== 'auto' && !exclude.has(options.preference)) {
    const forced = options.preference;
    const problem = forced === 'webgpu' && !adapter.present ? adapter.description : await tryBackend(forced);
    if (problem === null) {
      return { backend: forced, source: 'forced', reason: `forced in settings${forced === 'webgpu' ? ` (${adapter.description})` : ''}`, candidates: [{ backend: forced, ok: true, note: 'forced' }], adapter: adapter.description };
    }
    candidates.push({ backend: forced, ok: false, note: problem });
    exclude.add(forced);
  }

  const healthy: BackendName[] = [];
  for (const name of BACKENDS) {
    if (exclude.has(name)) {
      if (!candidates.some((c) => c.backend === name)) candidates.push({ backend: name, ok: false, note: 'excluded (failed earlier)' });
      continue;
    }
    if (name === 'webgpu' && !adapter.hardware) {
      candidates.push({ backend: name, ok: false, note: adapter.present ? `${adapter.description}: never the default` : adapter.description });
      continue;
    }
    if (name === 'webgl' && tf.findBackendFactory('webgl')) {
      const renderer = checkWebGlRenderer();
      if (renderer.software) {
        candidates.push({ backend: name, ok: false, note: `software renderer (${renderer.description}): never the default` });
        continue;
      }
    }
    const problem = await tryBackend(name);
    candidates.push({ backend: name, ok: problem === null, note: problem ?? 'healthy' });
    if (problem === null) healthy.push(name);
  }
  if (healthy.length === 0) throw { kind: 'backend', message: `No tensor backend works here: ${candidates.map((c) => `${c.backend}: ${c.note}`).join('; ')}` };

  const forcedNote = options.preference !== 'auto' && candidates[0]?.backend === options.preference && !candidates[0].ok
    ? `${options.preference} was forced but ${candidates[0].note}; ` : '';
  let backend = healthy[0];
  let reason: string;
  let source: BackendChoice['source'] = 'order';
  if (options.remembered && healthy.includes(options.remembered)) {
    backend = options.remembered;
    source = 'remembered';
    reason = `${forcedNote}remembered from an earlier probe on this device`;
  } else if (probe && healthy.length > 1) {
    const timings: { name: BackendName; ms: number }[] = [];
    for (const name of healthy) {
      await tf.setBackend(name);
      try {
        const ms = await probe();
        timings.push({ name, ms });
        const candidate = candidates.find((c) => c.backend === name);
        if (candidate) candidate.msPerStep = ms;
      } catch (error) {
        const candidate = candidates.find((c) => c.backend === name);
        if (candidate) Object.assign(candidate, { ok: false, note: `probe failed: ${String(error instanceof Error ? error.message : error)}` });
      }
    }
    if (timings.length === 0) throw { kind: 'backend', message: 'Every backend failed the probe with this model.' };
    timings.sort((a, b) => a.ms - b.ms);
    backend = timings[0].name;
    source = 'probe';
    reason = `${forcedNote}fastest in a short probe (${timings.map((t) => `${t.name} ${t.ms.toFixed(2)} ms`).join(', ')} per step)`;
  } else {
    reason = `${forcedNote}${healthy.length === 1 ? 'the only healthy backend' : 'first healthy backend in order webgpu, webgl, wasm, cpu'}`;
  }
  if (!(await tf.setBackend(backend))) throw { kind: 'backend', message: `Could not switch back to ${backend}.` };
  return { backend, source, reason, candidates, adapter: adapter.description };
}
