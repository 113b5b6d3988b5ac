import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from './slotKeys';

/** The `?` help: every shortcut a demo answers to, in a modal dialog (Esc or the button closes it). */
export function ShortcutsDialog({ open, onClose, title }: { open: boolean; onClose: () => void; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useModal(dialog, open);
  return (
    <dialog ref={dialog} className="slot-dialog" aria-labelledby={id} onClose={onClose}>
      <h2 id={id} className="slot-dialog__title">Keyboard shortcuts</h2>
      <p className="slot-dialog__note">They work while the focus is inside {title} (click it or Tab into it), and anywhere in presenter mode.</p>
      <table className="slot-dialog__keys">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">Does</th></tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}><td><kbd>{s.label}</kbd></td><td>{s.does}</td></tr>
          ))}
        </tbody>
      </table>
      <form method="dialog"><button type="submit" autoFocus>Close</button></form>
    </dialog>
  );
}

/** Shows the dialog as a modal while `open` (focus moves in, the page behind is inert). */
export function useModal(dialog: React.RefObject<HTMLDialogElement | null>, open: boolean) {
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [dialog, open]);
}
