import { lazy, Suspense } from 'react';

const BackendsPage = lazy(() => import('../demos/backends/BackendsPage'));

/** The device benchmark page; its code (and the worker it starts) loads only when visited. */
export function BackendsRoute() {
  return (
    <Suspense fallback={<p>Loading the backend benchmark…</p>}>
      <BackendsPage />
    </Suspense>
  );
}
