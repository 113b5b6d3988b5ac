import { useId, useMemo, useState } from 'react';
import { REFERENCE_SIZES, type ReferenceConfig, type ReferenceSize } from '../../algorithms/runtime/referenceConfig';
import { TrainerPanel } from '../runtime/components/TrainerPanel';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import { createReferenceWorker } from './referenceRuns';
import { LossChart } from './LossChart';
import { LossBins } from './lossBins';

/** Test-only settings from the URL (`?reference.crashAt=5`), so e2e can reach the failure paths. */
function testOverrides(): Partial<ReferenceConfig> {
  const params = new URLSearchParams(window.location.search);
  const out: Partial<ReferenceConfig> = {};
  for (const key of ['crashAt', 'stallMs', 'nanAt'] as const) {
    const raw = params.get(`reference.${key}`);
    const value = raw === null ? Number.NaN : Number(raw);
    if (Number.isInteger(value) && value >= 0 && value <= 60_000) out[key] = value;
  }
  return out;
}

export function ReferenceTrainingPanel() {
  const [overrides] = useState(testOverrides);
  const [bins] = useState(() => new LossBins());
  const store = useTrainerStore<ReferenceConfig>(
    {
      trainerId: 'reference-mlp',
      createWorker: createReferenceWorker,
      config: { ...REFERENCE_SIZES.tiny, ...overrides },
      seed: 1,
      historyLimit: 100,
      onProgress: (event) => bins.push(event.records),
      // A deliberately broken config would break the probe too; use the order instead.
      probe: Object.keys(overrides).length === 0,
    },
    'reference',
  );
  const config = useTrainer(store, (s) => s.config);
  // Re-render at the progress rate; the chart reads the incrementally binned curve.
  const iteration = useTrainer(store, (s) => s.iteration);
  const points = useMemo(() => (iteration === 0 ? [] : bins.points()), [bins, iteration]);
  const sizeId = useId();
  const size = (Object.keys(REFERENCE_SIZES) as ReferenceSize[]).find((k) => REFERENCE_SIZES[k].inputs === config.inputs) ?? 'tiny';
  return (
    <section className="reference-training" aria-label="Reference model training">
      <label htmlFor={sizeId}>Model size</label>{' '}
      <select
        id={sizeId}
        value={size}
        onChange={(e) => void store.getState().setConfig({ ...config, ...REFERENCE_SIZES[e.target.value as ReferenceSize] })}
      >
        {(Object.keys(REFERENCE_SIZES) as ReferenceSize[]).map((k) => (
          <option key={k} value={k}>{k}</option>
        ))}
      </select>
      <TrainerPanel store={store} />
      <LossChart points={points} />
    </section>
  );
}
