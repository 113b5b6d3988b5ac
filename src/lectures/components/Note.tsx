import type { ReactNode } from 'react';

/** A side remark: intuition, a warning, or a pointer to the demo. */
export function Note({ title = 'Note', children }: { title?: string; children: ReactNode }) {
  return (
    <aside className="note" aria-label={title}>
      <p className="note__title">{title}</p>
      {children}
    </aside>
  );
}
