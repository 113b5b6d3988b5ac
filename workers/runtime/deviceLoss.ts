/**
 * WebGPU device-loss watch. tfjs does not handle a lost device; the runtime reports it and the
 * client restarts training on the next backend from the last checkpoint.
 */
import * as tf from '@tensorflow/tfjs';

/** The WebGPU backend's device, when the current backend is webgpu. */
function currentDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as { device?: GPUDevice };
  return backend.device ?? null;
}

/** Calls `onLost` once when the current WebGPU device is lost (no-op on other backends). */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  const device = currentDevice();
  if (!device) return;
  void device.lost.then((info) => onLost(`GPU device lost (${info.reason}${info.message ? `: ${info.message}` : ''})`));
}

/**
 * Test hook: destroys the real WebGPU device (the watch fires as for a real loss); on other
 * backends, where there is no device, calls `fallback` to take the same recovery path.
 */
export function simulateDeviceLoss(fallback: (message: string) => void): void {
  const device = currentDevice();
  if (device) device.destroy();
  else fallback(`simulated device loss on ${tf.getBackend()}`);
}
