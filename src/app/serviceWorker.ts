/**
 * Registers the service worker (scripts/sw/) that keeps the whole course for offline use, and
 * tells the page when a newer build is waiting, so it can offer to update.
 * Test builds register it only when a test asks (localStorage `rl-playground.sw` = 'on'): every
 * other browser test would otherwise spend its first seconds downloading the whole site.
 */
import { useSyncExternalStore } from 'react';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();
const announce = (worker: ServiceWorker) => {
  waiting = worker;
  listeners.forEach((l) => l());
};

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (import.meta.env.VITE_TEST_HOOKS === '1' && localStorage.getItem('rl-playground.sw') !== 'on') return;
  const start = () => {
    const base = import.meta.env.BASE_URL;
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base })
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            // Installed beside a page already served by the old one: an update, not the first install.
            if (installing.state === 'installed' && navigator.serviceWorker.controller) announce(installing);
          });
        });
      })
      .catch(() => {
        // No offline copy (private mode, an old browser): the site still works online.
      });
  };
  // After the page has loaded: caching the course must not compete with the first paint.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/** Lets the waiting worker take over; the page reloads once it controls the page. */
export function applyUpdate(): void {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  waiting.postMessage('skip-waiting');
}

export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
    () => false,
  );
}
