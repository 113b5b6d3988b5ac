/** Placeholder until the training runtime lands (issue 3): it explains what the page will do. */
export default function BackendsPage() {
  return (
    <article className="page">
      <h1>Tensor backends on this device</h1>
      <p>
        This page will time a training step of small and large networks on every TensorFlow.js backend your browser
        offers (WebGPU, WebGL, WASM and plain CPU). It is not built yet.
      </p>
    </article>
  );
}
