/**
 * One URL-state hook for every demo: reads the demo's settings from the link (namespaced by the
 * slot id), lists every problem of a malformed or out-of-range link and falls back for those
 * values, and writes every setting back (defaults and the seed included) whenever one changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseParam, readParams, writeParams, type ParamTable, type ParamValues } from '../../components/url/params';
import { presetAfter, type DemoManifest } from './manifest';
import { registerParamTable } from './slotParams';

export interface DemoParams<T extends ParamTable> {
  table: T;
  values: ParamValues<T>;
  /** Problems of the link the page opened with, one readable line each. */
  linkProblems: string[];
  /** Problems of the latest update(); the offending values were not applied. */
  updateProblems: string[];
  /** Applies the values that pass their parameter's checks; reports the rest. Returns the new values. */
  update(patch: Partial<ParamValues<T>>): ParamValues<T>;
  presetId: string | null;
  applyPreset(id: string): ParamValues<T>;
  /** The next (+1) or previous (−1) preset, wrapping around. */
  cyclePreset(delta: number): ParamValues<T>;
}

function currentSearch(): URLSearchParams {
  return new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
}

/** The demo's settings from the page's link; `problems` lists what was ignored and why. */
export function readLink<T extends ParamTable>(table: T, slotId: string) {
  return readParams(table, currentSearch(), slotId);
}

/** Writes every setting of the demo (defaults and seed included) into the page's link. */
export function writeLink<T extends ParamTable>(table: T, values: ParamValues<T>, slotId: string): void {
  const search = writeParams(table, values, currentSearch(), slotId);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${search.toString()}${window.location.hash}`);
}

/**
 * For a demo whose settings live in its own store (gridworld: the edited grid is a setting):
 * writes the link whenever one of the table's values changes in the store.
 */
export function useStoreInLink<T extends ParamTable, S extends ParamValues<T>>(
  store: { subscribe(listener: (state: S, previous: S) => void): () => void },
  table: T,
  slotId: string,
): void {
  useEffect(() => registerParamTable(slotId, table), [slotId, table]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (!Object.keys(table).some((key) => state[key] !== previous[key])) return;
      clearTimeout(timer);
      timer = setTimeout(() => writeLink(table, state, slotId), 200);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, table, slotId]);
}

/** Checks each patched value against the table; returns the accepted patch and the problems. */
export function checkPatch<T extends ParamTable>(table: T, patch: Partial<ParamValues<T>>): { accepted: Partial<ParamValues<T>>; problems: string[] } {
  const accepted: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const param = table[key];
    if (!param) {
      problems.push(`${key}: not a setting of this demo`);
      continue;
    }
    const raw = param.kind === 'boolean' ? (value ? '1' : '0') : String(value);
    const parsed = parseParam(param, raw);
    if ('error' in parsed) problems.push(`${key}: ${parsed.error}`);
    else accepted[key] = parsed.value;
  }
  return { accepted: accepted as Partial<ParamValues<T>>, problems };
}

export function useDemoParams<T extends ParamTable>(manifest: DemoManifest<T>, slotId: string, variant?: string): DemoParams<T> {
  const table = useMemo(() => manifest.params(variant), [manifest, variant]);
  const [initial] = useState(() => readLink(table, slotId));
  const [values, setValues] = useState(initial.values);
  const [updateProblems, setUpdateProblems] = useState<string[]>([]);
  const [presetId, setPresetId] = useState<string | null>(null);
  const latest = useRef(values);
  const dirty = useRef(false);
  useEffect(() => registerParamTable(slotId, table), [slotId, table]);

  // Write the link after the user changed something (a fresh page keeps its clean URL).
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => writeLink(table, values, slotId), 200);
    return () => clearTimeout(timer);
  }, [table, values, slotId]);

  const update = useCallback(
    (patch: Partial<ParamValues<T>>) => {
      const { accepted, problems } = checkPatch(table, patch);
      setUpdateProblems(problems);
      const next = { ...latest.current, ...accepted };
      latest.current = next;
      dirty.current = true;
      setValues(next);
      return next;
    },
    [table],
  );

  const applyPreset = useCallback(
    (id: string) => {
      const preset = manifest.presets.find((p) => p.id === id);
      if (!preset) {
        setUpdateProblems([`There is no preset "${id}".`]);
        return latest.current;
      }
      setPresetId(id);
      return update(preset.values);
    },
    [manifest, update],
  );

  const cyclePreset = useCallback(
    (delta: number) => {
      const preset = presetAfter(manifest.presets, presetId, delta);
      return preset ? applyPreset(preset.id) : latest.current;
    },
    [manifest, presetId, applyPreset],
  );

  return { table, values, linkProblems: initial.problems, updateProblems, update, presetId, applyPreset, cyclePreset };
}

/** A store with a seed (any trainer store): the part the link keeps in step with. */
interface SeededStore {
  getState(): { seed: number };
  subscribe(listener: (state: { seed: number }, previous: { seed: number }) => void): () => void;
}

/**
 * Keeps the link's seed and the runtime's own seed box in step: a seed set in the runtime
 * (its seed box, a reset with a new seed) is written into the demo's settings and so the link.
 */
export function useSeedInLink<T extends ParamTable & { seed: ParamTable[string] }>(store: SeededStore, params: DemoParams<T>): void {
  const { update } = params;
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.seed !== previous.seed) update({ seed: state.seed } as Partial<ParamValues<T>>);
      }),
    [store, update],
  );
}
