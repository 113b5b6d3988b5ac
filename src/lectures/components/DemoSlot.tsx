import { Suspense, type ReactNode } from 'react';
import { DEMOS } from '../demoRegistry';
import { DemoErrorBoundary } from './DemoErrorBoundary';

interface DemoSlotProps {
  /** Key in the demo registry. */
  demo: string;
  /** Unique on the page; namespaces the demo's URL state. Defaults to the demo key. */
  id?: string;
  variant?: string;
  /** The lecture text the demo sits beside (on wide screens) or above (on narrow ones). */
  children?: ReactNode;
}

/**
 * A place in a lecture where a live demo sits. Until the demo is built the slot says so plainly.
 * Wide screens: text on the left, demo on the right, sticky while the text scrolls.
 */
export function DemoSlot({ demo, id, variant, children }: DemoSlotProps) {
  const entry = DEMOS[demo];
  if (!entry) throw new Error(`Unknown demo "${demo}" in a lecture slot`);
  const slotId = id ?? demo;
  const Demo = entry.component;
  return (
    <section className={children ? 'with-demo' : 'with-demo with-demo--alone'} data-demo-slot={slotId}>
      {children ? <div className="with-demo__text">{children}</div> : null}
      <div className="with-demo__demo" role="region" aria-label={`Live demo: ${entry.title}`}>
        {Demo ? (
          <DemoErrorBoundary title={entry.title}>
            <Suspense fallback={<p className="demo-loading">Loading the demo…</p>}>
              <Demo slotId={slotId} variant={variant} />
            </Suspense>
          </DemoErrorBoundary>
        ) : (
          <div className="demo-coming">
            <p className="demo-coming__label">Demo coming</p>
            <p className="demo-coming__title">{entry.title}</p>
            <p>{entry.description}</p>
          </div>
        )}
      </div>
    </section>
  );
}
