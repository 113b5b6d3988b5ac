/**
 * The session's view before its first iteration: the runtime sends a view only with progress, so
 * a fresh (or reset, or reconfigured) session would draw nothing until it is stepped. Asks the
 * session's `snapshot` query whenever the store is ready at iteration 0.
 */
import { useEffect, useState } from 'react';
import type { QueryMap } from '../../algorithms/runtime/trainer';
import type { TrainerStore } from '../runtime';
import { isAbortError } from '../runtime/latest';
import { useTrainer } from '../runtime/useTrainerStore';

export function useInitialView<C, V, Q extends QueryMap & { snapshot(args: null): V }>(store: TrainerStore<C, V, Q>): V | null {
  const status = useTrainer(store, (s) => s.status);
  const iteration = useTrainer(store, (s) => s.iteration);
  const config = useTrainer(store, (s) => s.config);
  const seed = useTrainer(store, (s) => s.seed);
  const [view, setView] = useState<V | null>(null);
  useEffect(() => {
    if (status !== 'ready' || iteration !== 0) return;
    const abort = new AbortController();
    store.getState().query('snapshot', null as Parameters<Q['snapshot']>[0], abort.signal)
      .then((v) => setView(v as V))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setView(null);
      });
    return () => abort.abort();
  }, [status, iteration, config, seed, store]);
  return view;
}
