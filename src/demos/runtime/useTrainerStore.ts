import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { NoQueries, QueryMap } from '../../algorithms/runtime/trainer';
import { createTrainerStore, type TrainerState, type TrainerStore, type TrainerStoreOptions } from './store';
import { registerForTests } from './testHook';

/**
 * One trainer store per component instance: created once, started on mount, its worker
 * terminated on unmount (StrictMode's extra mount/unmount just restarts it).
 * `options` is read on the first render only.
 */
export function useTrainerStore<Config, View = unknown, Queries extends QueryMap = NoQueries>(
  options: TrainerStoreOptions<Config, View>,
  testName?: string,
): TrainerStore<Config, View, Queries> {
  const [store] = useState(() => createTrainerStore<Config, View, Queries>(options));
  useEffect(() => {
    void store.getState().start();
    // The test registry holds stores of every demo; tests know which one they drive.
    const unregister = registerForTests(testName ?? options.trainerId, store as unknown as TrainerStore<unknown>);
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
export function useTrainer<Config, View, Queries extends QueryMap, T>(
  store: TrainerStore<Config, View, Queries>,
  selector: (state: TrainerState<Config, View, Queries>) => T,
): T {
  return useStore(store, selector);
}
