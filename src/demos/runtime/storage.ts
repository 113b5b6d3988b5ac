/**
 * Where the runtime keeps things on the main thread: weights in IndexedDB (idb-keyval, one
 * record per trainer id), the remembered backend choice and a forced backend in localStorage.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { WeightSnapshot } from '../../algorithms/runtime/trainer';
import { isBackendName, type BackendName, type BackendPreference } from '../../algorithms/runtime/protocol';

export interface SavedWeights {
  iteration: number;
  savedAt: string;
  snapshot: WeightSnapshot;
}

let db: UseStore | null = null;
const weightsDb = () => (db ??= createStore('rl-playground', 'weights'));

export async function saveWeights(trainerId: string, record: SavedWeights): Promise<void> {
  await set(trainerId, record, weightsDb());
}

/** The saved record, null when nothing is saved; throws a readable Error when the record is damaged. */
export async function loadWeights(trainerId: string): Promise<SavedWeights | null> {
  const record: unknown = await get(trainerId, weightsDb());
  if (record === undefined) return null;
  const r = record as Partial<SavedWeights>;
  const ok =
    typeof r === 'object' && r !== null && typeof r.iteration === 'number' && typeof r.savedAt === 'string' &&
    typeof r.snapshot?.modelId === 'string' && Array.isArray(r.snapshot.tensors) &&
    r.snapshot.tensors.every((t) => t && typeof t.name === 'string' && Array.isArray(t.shape) && t.values instanceof Float32Array);
  if (!ok) throw new Error('The weights saved in this browser are damaged; save again to replace them.');
  return r as SavedWeights;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy mode)
  }
}

const FORCE_KEY = 'rl-playground.backend.force';
const rememberKey = (trainerId: string) => `rl-playground.backend.probe.${trainerId}`;

/** The backend the user forced in settings (applies to every demo), or 'auto'. */
export function readBackendPreference(): BackendPreference {
  const value = storage()?.getItem(FORCE_KEY);
  return isBackendName(value) ? value : 'auto';
}
export function writeBackendPreference(preference: BackendPreference): void {
  if (preference === 'auto') storage()?.removeItem(FORCE_KEY);
  else storage()?.setItem(FORCE_KEY, preference);
}

/** The probe's winner for this trainer on this device. */
export function readRememberedBackend(trainerId: string): BackendName | undefined {
  const value = storage()?.getItem(rememberKey(trainerId));
  return isBackendName(value) ? value : undefined;
}
export function writeRememberedBackend(trainerId: string, backend: BackendName | null): void {
  if (backend === null) storage()?.removeItem(rememberKey(trainerId));
  else storage()?.setItem(rememberKey(trainerId), backend);
}
