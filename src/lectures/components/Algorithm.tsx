import type { ReactNode } from 'react';

/** A boxed, titled algorithm: its children are the numbered steps (an ordered list in MDX). */
export function Algorithm({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="algorithm" aria-label={`Algorithm: ${title}`}>
      <figcaption className="algorithm__title">
        <span className="algorithm__label">Algorithm</span> {title}
      </figcaption>
      <div className="algorithm__body">{children}</div>
    </figure>
  );
}
