/**
 * The parameter table each mounted demo uses, by slot id, so page-level features (classroom links
 * that hide controls, the share dialog) can list a demo's settings without loading its manifest.
 */
import type { ParamTable } from '../../components/url/params';

const tables = new Map<string, ParamTable>();
const listeners = new Set<() => void>();

export function registerParamTable(slotId: string, table: ParamTable): () => void {
  tables.set(slotId, table);
  listeners.forEach((l) => l());
  return () => {
    if (tables.get(slotId) === table) tables.delete(slotId);
    listeners.forEach((l) => l());
  };
}

export function getParamTable(slotId: string): ParamTable | undefined {
  return tables.get(slotId);
}

export function onParamTablesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The link key that lists a slot's hidden controls: `?vi.hide=gamma,noise`. */
export const hideKey = (slotId: string) => `${slotId}.hide`;

/**
 * The controls a classroom link hides. Only names of the demo's own hideable settings count; any
 * other name is reported (never echoed into markup or styles), so a tampered link cannot inject.
 */
export function readHidden(search: URLSearchParams, slotId: string, table: ParamTable | undefined): { hidden: string[]; problems: string[] } {
  const raw = search.get(hideKey(slotId));
  if (raw === null || raw === '') return { hidden: [], problems: [] };
  if (!table) return { hidden: [], problems: [] };
  const hidden: string[] = [];
  let ignored = 0;
  for (const name of raw.split(',').slice(0, 64)) {
    const param = Object.hasOwn(table, name) ? table[name] : undefined;
    if (param && param.hideable !== false) {
      if (!hidden.includes(name)) hidden.push(name);
    } else ignored++;
  }
  const problems = ignored > 0 ? [`${hideKey(slotId)}: ${ignored} name${ignored === 1 ? '' : 's'} in the link ${ignored === 1 ? 'is' : 'are'} not a control this demo can hide; ignored`] : [];
  return { hidden, problems };
}

/** The settings a classroom link may hide, with their labels. */
export function hideableParams(table: ParamTable): { name: string; label: string }[] {
  return Object.entries(table)
    .filter(([, param]) => param.hideable !== false)
    .map(([name, param]) => ({ name, label: param.label ?? name }));
}
