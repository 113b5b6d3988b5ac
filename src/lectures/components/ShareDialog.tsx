import { useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { getParamTable, hideableParams, hideKey, onParamTablesChange } from '../../demos/platform/slotParams';
import { useModal } from './ShortcutsDialog';

/**
 * The link to this demo with its settings (the demo writes them into the page's address as they
 * change), and a classroom link that also hides chosen controls. Only this demo's own keys go in.
 */
export function shareLink(slotId: string, hidden: readonly string[] = []): string {
  const here = new URLSearchParams(window.location.search);
  const out = new URLSearchParams();
  for (const [key, value] of here) if (key.startsWith(`${slotId}.`) && key !== hideKey(slotId)) out.set(key, value);
  if (hidden.length > 0) out.set(hideKey(slotId), hidden.join(','));
  const query = out.toString();
  return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ''}#demo-${slotId}`;
}

export function ShareDialog({ open, onClose, slotId, title }: { open: boolean; onClose: () => void; slotId: string; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useModal(dialog, open);
  const id = useId();
  const table = useSyncExternalStore(onParamTablesChange, () => getParamTable(slotId), () => undefined);
  const choices = useMemo(() => (table ? hideableParams(table) : []), [table]);
  const [hidden, setHidden] = useState<string[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // Re-read on each render while open: the settings may have changed since it opened.
  const link = open ? shareLink(slotId, hidden) : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(hidden.length ? 'Classroom link copied.' : 'Link copied.');
    } catch {
      field.current?.select();
      setCopied('Copying was refused here: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };
  return (
    <dialog ref={dialog} className="slot-dialog" aria-labelledby={`${id}-title`} onClose={() => { setCopied(null); onClose(); }}>
      <h2 id={`${id}-title`} className="slot-dialog__title">Share {title}</h2>
      <p className="slot-dialog__note">The link opens this demo with the same settings and seed, so it starts the same way on every screen.</p>
      <label htmlFor={`${id}-link`} className="slot-dialog__label">Link</label>
      <input id={`${id}-link`} ref={field} className="slot-dialog__link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      {choices.length > 0 ? (
        <fieldset className="slot-dialog__hide">
          <legend>Classroom link: hide these controls</legend>
          {choices.map((c) => (
            <label key={c.name}>
              <input type="checkbox" checked={hidden.includes(c.name)}
                onChange={(e) => setHidden(e.target.checked ? [...hidden, c.name] : hidden.filter((n) => n !== c.name))} />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="slot-dialog__status" role="status">{copied}</p>
      <div className="slot-dialog__actions">
        <button type="button" onClick={() => void copy()}>{hidden.length ? 'Copy classroom link' : 'Copy link'}</button>
        <form method="dialog"><button type="submit" className="secondary">Close</button></form>
      </div>
    </dialog>
  );
}
