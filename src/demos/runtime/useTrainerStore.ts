import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createTrainerStore, type TrainerState, type TrainerStore, type TrainerStoreOptions } from './store';
import { registerForTests } from './testHook';

/**
 * One trainer store per component instance: created once, started on mount, its worker
 * terminated on unmount (StrictMode's extra mount/unmount just restarts it).
 * `options` is read on the first render only.
 */
export function useTrainerStore<Config>(options: TrainerStoreOptions<Config>, testName?: string): TrainerStore<Config> {
  const [store] = useState(() => createTrainerStore(options));
  useEffect(() => {
    void store.getState().start();
    const unregister = registerForTests(testName ?? options.trainerId, store as TrainerStore<unknown>);
    return () => {
      unregister();
      store.getState().dispose();
    };
    // options are deliberately read once: a new store per changed option would restart training
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return store;
}

/** Subscribe a component to a slice of a trainer store. */
export function useTrainer<Config, T>(store: TrainerStore<Config>, selector: (state: TrainerState<Config>) => T): T {
  return useStore(store, selector);
}
