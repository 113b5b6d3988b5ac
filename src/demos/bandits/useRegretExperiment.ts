/**
 * Drives the many-run regret experiment in the worker: asks for one batch of runs at a time (so
 * the chart fills in with progress and the loop never blocks the page) until every run is done.
 * A new experiment (other means, runs, pulls or seed) starts over.
 */
import { useEffect, useState } from 'react';
import type { RegretExperiment, RegretSummary } from '../../algorithms/bandits/regret';
import type { BanditConfig, BanditQueries, BanditView } from '../../algorithms/bandits/session';
import type { TrainerStore } from '../runtime';
import { isAbortError } from '../runtime/latest';

export function useRegretExperiment(store: TrainerStore<BanditConfig, BanditView, BanditQueries>, experiment: RegretExperiment | null, ready: boolean, generation: number) {
  const [summary, setSummary] = useState<RegretSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = experiment ? JSON.stringify(experiment) : '';
  useEffect(() => {
    if (!ready || !experiment) return;
    const controller = new AbortController();
    setSummary(null);
    setError(null);
    setBusy(true);
    // ~10 runs × 5 policies × 10⁴ pulls per batch: a few hundred ms of worker time between answers
    const batchRuns = Math.max(1, Math.round(100_000 / experiment.steps));
    const loop = async () => {
      for (;;) {
        const answer = await store.getState().query('regretBatch', { experiment, batchRuns }, controller.signal);
        if (controller.signal.aborted) return;
        setSummary(answer);
        if (answer.runsDone >= answer.runs) break;
      }
      setBusy(false);
    };
    loop().catch((e: unknown) => {
      if (isAbortError(e) || controller.signal.aborted) return;
      setBusy(false);
      setError(e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e));
    });
    return () => controller.abort();
    // the key stands for the experiment's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready, store, generation]);
  return { summary, error, busy };
}
