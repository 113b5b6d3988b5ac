import { useCallback, useSyncExternalStore } from 'react';

/** localStorage key of the wide-screen choice to hide the lecture sidebar ('1' hidden). */
export const SIDEBAR_COLLAPSED_KEY = 'rl-playground:sidebar-collapsed';

const listeners = new Set<() => void>();
/** The choice when localStorage refuses to keep it (blocked storage): it lasts for this page. */
let unstored: boolean | undefined;

function read(): boolean {
  try {
    return window.localStorage.getItem(SIDEBAR_COLLAPSED_KEY) === '1';
  } catch {
    return unstored ?? false;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changing the choice applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === SIDEBAR_COLLAPSED_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Whether the sidebar is collapsed, remembered across visits. Prerendered HTML and the first
 * (hydrating) render show it open; the stored choice applies right after.
 */
export function useSidebarCollapsed(): [boolean, (collapsed: boolean) => void] {
  const collapsed = useSyncExternalStore(subscribe, read, () => false);
  const setCollapsed = useCallback((next: boolean) => {
    try {
      if (next) window.localStorage.setItem(SIDEBAR_COLLAPSED_KEY, '1');
      else window.localStorage.removeItem(SIDEBAR_COLLAPSED_KEY);
    } catch {
      unstored = next;
    }
    for (const listener of listeners) listener();
  }, []);
  return [collapsed, setCollapsed];
}
