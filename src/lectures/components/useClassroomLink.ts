import { useMemo, useState, useSyncExternalStore } from 'react';
import { getParamTable, onParamTablesChange, readHidden } from '../../demos/platform/slotParams';

export interface ClassroomLink {
  /** Settings the link hides (names from the demo's own table only). */
  hidden: string[];
  problems: string[];
  /** A scoped style that hides those controls, or '' (names are table keys, never link text). */
  css: string;
  showAll(): void;
}

/** Reads the slot's classroom link (`?<slot>.hide=a,b`) once the demo has registered its settings. */
export function useClassroomLink(slotId: string): ClassroomLink {
  const table = useSyncExternalStore(onParamTablesChange, () => getParamTable(slotId), () => undefined);
  const [shown, setShown] = useState(false);
  const { hidden, problems } = useMemo(
    () => (typeof window === 'undefined' ? { hidden: [], problems: [] } : readHidden(new URLSearchParams(window.location.search), slotId, table)),
    [slotId, table],
  );
  const active = shown ? [] : hidden;
  const scope = `[data-demo-slot="${cssEscape(slotId)}"]`;
  const css = active.length ? `${active.map((name) => `${scope} [data-param="${cssEscape(name)}"]`).join(',\n')} { display: none !important; }` : '';
  return { hidden: active, problems, css, showAll: () => setShown(true) };
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, '');
}
