/**
 * The page's live demo controllers, by slot id. Keyboard shortcuts, presenter mode and tests find
 * a demo's controller here; a demo registers on mount and unregisters on unmount.
 */
import type { DemoController } from './manifest';
import { registerTestController } from '../runtime/testHook';

const controllers = new Map<string, DemoController>();
const listeners = new Set<() => void>();

export function registerController(slotId: string, controller: DemoController): () => void {
  controllers.set(slotId, controller);
  listeners.forEach((l) => l());
  const unregisterTest = registerTestController(slotId, controller);
  return () => {
    unregisterTest();
    if (controllers.get(slotId) === controller) controllers.delete(slotId);
    listeners.forEach((l) => l());
  };
}

export function getController(slotId: string): DemoController | undefined {
  return controllers.get(slotId);
}

export function controllerSlots(): string[] {
  return [...controllers.keys()];
}

export function onControllersChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
