import { useCallback, useSyncExternalStore } from 'react';

// Which demos the reader widened, remembered per page for as long as the tab stays open
// (sessionStorage, keyed by the page's path and the slot id).

const listeners = new Set<() => void>();

function storageKey(slotId: string): string {
  return `rl-playground:wide-demo:${window.location.pathname}#${slotId}`;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function readWide(slotId: string): boolean {
  try {
    return window.sessionStorage.getItem(storageKey(slotId)) === '1';
  } catch {
    return false; // storage blocked: the choice lasts until the page is left
  }
}

function writeWide(slotId: string, wide: boolean) {
  try {
    if (wide) window.sessionStorage.setItem(storageKey(slotId), '1');
    else window.sessionStorage.removeItem(storageKey(slotId));
  } catch {
    memory.set(storageKey(slotId), wide);
  }
  listeners.forEach((listener) => listener());
}

/** Fallback when sessionStorage throws (some privacy modes). */
const memory = new Map<string, boolean>();

/**
 * Whether the demo in a slot is widened to the full content width, and a setter. The
 * prerendered page (and hydration) always shows it beside the text; a remembered choice
 * applies right after.
 */
export function useWideDemo(slotId: string): [boolean, (wide: boolean) => void] {
  const wide = useSyncExternalStore(
    subscribe,
    () => memory.get(storageKey(slotId)) ?? readWide(slotId),
    () => false,
  );
  const setWide = useCallback((value: boolean) => writeWide(slotId, value), [slotId]);
  return [wide, setWide];
}
