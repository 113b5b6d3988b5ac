/**
 * A small typed window hook for end-to-end tests and the bench (installed only in
 * test builds only, VITE_TEST_HOOKS=1): read values, and reach the large-grid worker.
 */
import { testMode } from '../runtime/testHook';
import { LargeGridClient, type LargeGridProgress } from './largeGridClient';
import { statusSummary, type GridStoreApi } from './store';

export interface GridworldTestApi {
  startValue(): number;
  values(): number[];
  sweeps(): number;
  layout(): string;
  settings(): { gamma: number; noise: number; living: number; mode: string };
  /** The plain-words status line and the run's end state. */
  status(): { summary: string; converged: boolean; capped: boolean; steps: number; qError: number | null; qTolerance: number };
  /** The large-grid worker client (created on first use, for the bench). */
  large(): LargeGridClient;
  largeProgress(): LargeGridProgress | null;
}

declare global {
  interface Window {
    /** Keyed by slot id. (Separate from the training runtime's `__rl` hook.) */
    __rlGridworld?: Record<string, GridworldTestApi>;
  }
}

export function installTestApi(
  slotId: string,
  store: GridStoreApi,
  large: { client: LargeGridClient | null; last: () => LargeGridProgress | null },
): () => void {
  if (!testMode()) return () => {};
  const demos = (window.__rlGridworld ??= {});
  demos[slotId] = {
    startValue: () => {
      const s = store.getState();
      return s.mdp.start >= 0 ? s.values[s.mdp.start] : NaN;
    },
    values: () => Array.from(store.getState().values),
    sweeps: () => store.getState().sweeps,
    layout: () => store.getState().layout,
    settings: () => {
      const s = store.getState();
      return { gamma: s.gamma, noise: s.noise, living: s.living, mode: s.mode };
    },
    status: () => {
      const s = store.getState();
      const last = s.qErrors[s.qErrors.length - 1];
      return { summary: statusSummary(s), converged: s.converged, capped: s.capped, steps: s.sweeps, qError: last ? last.error : null, qTolerance: s.qTolerance };
    },
    large: () => (large.client ??= new LargeGridClient()),
    largeProgress: () => large.last(),
  };
  return () => {
    delete demos[slotId];
  };
}
