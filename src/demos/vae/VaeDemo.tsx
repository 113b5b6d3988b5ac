/**
 * The VAE demo: a shipped 2-D model explored at once on the page (plain-JS decoder, no tfjs on
 * the page), the reparameterisation trick with live numbers, and live training in a tfjs worker
 * whose weights flow back to the page's explorer.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VaeConfig } from '../../algorithms/vae/config';
import { validateVaeConfig, SHIPPED_SHAPE } from '../../algorithms/vae/config';
import type { VaeQueries, VaeView } from '../../algorithms/vae/trainer';
import { PlainVae, type VaeWeights } from '../../algorithms/vae/plain';
import { DIGIT_PIXELS, digitIntensities } from '../../algorithms/vae/digits';
import { createRng } from '../../algorithms/common/rng';
import type { ParamValues } from '../../components/url/params';
import { BackendBadge, BackendSettings, registerTestTool, TrainerNotice, WeightsPanel } from '../runtime';
import { isAbortError } from '../runtime/latest';
import { useTrainer, useTrainerStore } from '../runtime/useTrainerStore';
import { DemoFrame, DetailsTable, formatDiagnostic, formatSeconds, PrimarySetting, useTrainerController } from '../frame';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import type { DemoProps } from '../types';
import { vaeManifest, type VaeParams } from './manifest';
import { encodeAll, loadPageAssets, weightsUsable, type PageAssets } from './pageModel';
import { Explorer, type ExplorerStats } from './Explorer';
import { EpochChart } from './EpochChart';
import { GridPanel, InterpolationPanel, ReconstructionsPanel, ReparamPanel } from './Panels';
import { gridPoints, type PlaneOverlay } from './canvas';
import './vae.css';

const createWorker = () => new Worker(new URL('../../../workers/vae.worker.ts', import.meta.url), { type: 'module' });

function configOf(v: ParamValues<VaeParams>): VaeConfig {
  return { latent: v.latent, hidden: v.hidden, beta: v.beta, learningRate: v.learningRate, batchSize: v.batchSize, start: v.start };
}

interface PageModel {
  vae: PlainVae;
  label: string;
  mu: Float32Array | null;
}

const BETAS = ['0', '0.5', '1', '2', '4', '8'];
const LRS = ['0.0001', '0.0003', '0.001', '0.003'];
const LATENTS = ['2', '3', '4', '8', '16'];

/** The settings form: typed values are checked when applied (a rejected value keeps the old model). */
function MoreSettings({ values, onApply }: { values: ParamValues<VaeParams>; onApply: (patch: Partial<ParamValues<VaeParams>>) => void }) {
  const [text, setText] = useState({ latent: String(values.latent), hidden: String(values.hidden), batchSize: String(values.batchSize), beta: String(values.beta), learningRate: String(values.learningRate), seed: String(values.seed) });
  useEffect(() => {
    setText({ latent: String(values.latent), hidden: String(values.hidden), batchSize: String(values.batchSize), beta: String(values.beta), learningRate: String(values.learningRate), seed: String(values.seed) });
  }, [values]);
  const field = (key: keyof typeof text, label: string) => (
    <label className="vae-field">
      {label}
      <input type="text" inputMode="decimal" value={text[key]} onChange={(e) => setText({ ...text, [key]: e.target.value })} name={key} />
    </label>
  );
  return (
    <form className="vae-more" onSubmit={(e) => {
      e.preventDefault();
      const patch: Partial<ParamValues<VaeParams>> = {};
      for (const key of Object.keys(text) as (keyof typeof text)[]) {
        const v = text[key].trim() === '' ? NaN : Number(text[key]);
        (patch as Record<string, number>)[key] = v;
      }
      onApply(patch);
    }}>
      {field('latent', 'Latent dimension (2–16)')}
      {field('hidden', 'Hidden units per layer (16–1024)')}
      {field('batchSize', 'Batch size (8–512)')}
      {field('beta', 'β on the KL term (0–20)')}
      {field('learningRate', 'Learning rate')}
      {field('seed', 'Seed')}
      <label className="vae-field">
        Start from
        <select value={values.start} onChange={(e) => onApply({ start: e.target.value as 'shipped' | 'scratch' })}>
          <option value="shipped">the shipped 2-D model (latent 2, hidden 256)</option>
          <option value="scratch">random weights (from scratch)</option>
        </select>
      </label>
      <button type="submit">Apply (starts a new model)</button>
    </form>
  );
}

export default function VaeDemo({ slotId }: DemoProps) {
  const params = useDemoParams(vaeManifest, slotId);
  const [initial] = useState(() => params.values);
  const store = useTrainerStore<VaeConfig, VaeView, VaeQueries>(
    { trainerId: 'vae', createWorker, config: configOf(initial), seed: initial.seed, withView: true, delayMs: 0, checkpointEvery: 100, stopTimeoutMs: 8000, probe: false },
    slotId,
  );
  useSeedInLink(store, params);
  const view = useTrainer(store, (s) => s.view);
  const history = useTrainer(store, (s) => s.history);
  const iteration = useTrainer(store, (s) => s.iteration);
  const config = useTrainer(store, (s) => s.config);
  const latest = useTrainer(store, (s) => s.latest);
  const stepMs = useTrainer(store, (s) => s.stepMs);

  const [assets, setAssets] = useState<PageAssets | null>(null);
  const [assetError, setAssetError] = useState<string | null>(null);
  const [model, setModel] = useState<PageModel | null>(null);
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [ellipse, setEllipse] = useState<PlaneOverlay['ellipse']>();
  const [path, setPath] = useState<PlaneOverlay['path']>();
  const overlay = useMemo(() => ({ ellipse, path }), [ellipse, path]);
  const stats = useRef<ExplorerStats>({ decodes: 0, decodeMs: [], lastZ: [], lastInk: 0 }).current;

  useEffect(() => {
    loadPageAssets().then(setAssets, (e: unknown) => setAssetError(e instanceof Error ? e.message : String(e)));
  }, []);

  const showWeights = useCallback((weights: VaeWeights, label: string) => setModel({ vae: new PlainVae(weights), label, mu: null }), []);
  const showShipped = useCallback(() => assets && showWeights(assets.shipped, 'shipped model'), [assets, showWeights]);
  useEffect(() => {
    if (assets && !model) showShipped();
  }, [assets, model, showShipped]);

  // Held-out means of the model on show, in slices.
  useEffect(() => {
    if (!assets || !model || model.mu) return;
    const controller = new AbortController();
    encodeAll(model.vae, assets.data, controller.signal).then(
      ({ mu }) => setModel((m) => (m && m.vae === model.vae ? { ...m, mu } : m)),
      (e: unknown) => {
        if (!isAbortError(e)) setAssetError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => controller.abort();
  }, [assets, model]);

  // The worker's weights, whenever they change in a run (a diverged run's are not shown).
  // Version 1 is a model's first weights (the runtime sends that view on creation): only training
  // (a higher version), a rebuild — new settings, seed or a reset — and the return to iteration 0
  // count as changes. Uploaded weights are not shown until they train: broken ones must not take
  // over the explorer.
  const version = view?.weightsVersion ?? 0;
  const [rebuilds, setRebuilds] = useState(0);
  const atStart = iteration === 0;
  const [liveNote, setLiveNote] = useState<string | null>(null);
  useEffect(() => {
    if ((version <= 1 && !rebuilds) || (iteration === 0 && config.start === 'shipped')) return;
    const controller = new AbortController();
    store.getState().query('weights', {}, controller.signal).then(
      ({ weights }) => {
        const now = store.getState().config;
        if (weights.latent !== now.latent || weights.hidden !== now.hidden) return; // an older model's answer
        if (!assets || !weightsUsable(weights, assets.data)) {
          setLiveNote('The live model gives non-finite numbers (NaN or ±Infinity: the run diverged or the weights are broken); the explorer keeps the last good model.');
          return;
        }
        setLiveNote(null);
        const epoch = view?.epoch ?? 0;
        showWeights(weights, iteration === 0 ? 'untrained model' : `live model (epoch ${epoch}, step ${view?.stepInEpoch ?? 0})`);
      },
      (e: unknown) => {
        if (!isAbortError(e)) setLiveNote(`Could not read the live weights: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch only when the weights' version or the model changes
  }, [version, rebuilds, atStart, store]);

  // Back to the shipped model when the run is reset to it.
  useEffect(() => {
    if (iteration === 0 && config.start === 'shipped' && model && model.label !== 'shipped model') showShipped();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on resets
  }, [iteration, config.start]);

  const apply = (patch: Partial<ParamValues<VaeParams>>) => {
    const merged = { ...params.values, ...patch };
    // A shape the shipped model does not have starts from scratch.
    if (('latent' in patch || 'hidden' in patch) && merged.start === 'shipped' && (merged.latent !== SHIPPED_SHAPE.latent || merged.hidden !== SHIPPED_SHAPE.hidden)) patch = { ...patch, start: 'scratch' };
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        setFormProblem(`${vaeManifest.params()[key as keyof VaeParams].label} must be a number; nothing was changed.`);
        return;
      }
    }
    try {
      validateVaeConfig(configOf({ ...params.values, ...patch }));
    } catch (e) {
      setFormProblem(`${e instanceof Error ? e.message : String(e)} Nothing was changed; the current model is kept.`);
      return;
    }
    setFormProblem(null);
    const next = params.update(patch);
    void store.getState().setConfig(configOf(next)).then(async () => {
      if (next.seed !== store.getState().seed) await store.getState().setSeed(next.seed);
      setRebuilds((r) => r + 1);
    });
  };

  const controller = useTrainerController(store, slotId, {
    summary: (s, seconds) => {
      const v = s.view;
      const last = v?.records[v.records.length - 1];
      const phase = s.status === 'running' ? 'Training' : s.iteration > 0 ? 'Paused' : s.config.start === 'shipped' ? 'Shipped model' : 'Untrained model';
      if (s.iteration === 0 && s.status !== 'running') return `${phase} · not trained here yet: press Play to train in your browser`;
      return `${phase} · epoch ${v?.epoch ?? 0} (step ${v?.stepInEpoch ?? 0}/${v?.stepsPerEpoch ?? '–'}) · ${last ? `held-out −ELBO ${last.heldOut.negElbo.toFixed(1)} nats` : s.latest ? `batch −ELBO ${s.latest.negElbo.toFixed(1)} nats` : 'no steps yet'} · ${formatSeconds(seconds)}`;
    },
    presets: { move: (delta) => apply(params.cyclePreset(delta)), currentId: () => params.presetId },
  });

  // Test hooks (test builds only): read the explorer, time decoding and the grid, measure the held-out ELBO.
  const modelRef = useRef(model);
  modelRef.current = model;
  useEffect(() => {
    const tools = [
      registerTestTool(`vae.state:${slotId}`, async () => ({
        model: modelRef.current?.label ?? null,
        latent: modelRef.current?.vae.latent ?? null,
        encoded: Boolean(modelRef.current?.mu),
        decodes: stats.decodes,
        lastZ: stats.lastZ,
        lastInk: stats.lastInk,
        decodeMs: [...stats.decodeMs],
      })),
      registerTestTool(`vae.benchGrid:${slotId}`, async () => {
        const vae = modelRef.current?.vae;
        if (!vae) throw new Error('no model yet');
        const t0 = performance.now();
        const z = new Float64Array(vae.latent);
        for (const p of gridPoints(20)) {
          z[0] = p[0];
          z[1] = p[1];
          vae.decode(z);
        }
        return performance.now() - t0;
      }),
      registerTestTool(`vae.heldOut:${slotId}`, async () => {
        const vae = modelRef.current?.vae;
        if (!vae || !assets) throw new Error('no model yet');
        const set = assets.data.heldOut;
        const rng = createRng(777);
        const x = new Float32Array(DIGIT_PIXELS);
        let sum = 0;
        for (let i = 0; i < set.count; i++) {
          sum -= vae.elbo(digitIntensities(set, i, x), 0, rng, 10).elbo;
          if (i % 100 === 99) await new Promise((r) => setTimeout(r, 0));
        }
        return sum / set.count;
      }),
    ];
    return () => tools.forEach((off) => off());
  }, [slotId, stats, assets]);

  const steps = useMemo(() => {
    const per = view?.stepsPerEpoch ?? 0;
    return per ? history.map((r) => ({ epoch: r.iteration / per, value: r.metrics.negElbo })).filter((p) => Number.isFinite(p.value)) : [];
  }, [history, view?.stepsPerEpoch]);

  const problems = [...params.linkProblems, ...params.updateProblems, ...(formProblem ? [formProblem] : [])];
  const notices: ReactNode = (
    <>
      {assetError ? <p role="alert" className="vae-error">{assetError}</p> : null}
      {problems.length ? (
        <div role="alert" className="vae-error" data-testid="vae-problems">
          {problems.map((p) => <p key={p}>{p}</p>)}
        </div>
      ) : null}
      {liveNote ? <p role="status" className="vae-note">{liveNote}</p> : null}
      <TrainerNotice store={store} />
    </>
  );

  const label = model?.label ?? 'model';
  const last = view?.records[view.records.length - 1];
  const shippedFigure = assets?.meta.heldOutNegElbo;
  return (
    <div className="vae-demo" data-demo="vae" data-vae-model={label}>
      <DemoFrame
        label="Variational autoencoder on MNIST digits"
        controller={controller}
        unit="step"
        notices={notices}
        stage={
          <Explorer vae={model?.vae ?? null} mu={model?.mu ?? null} labels={assets?.data.heldOut.labels ?? null} overlay={overlay} modelLabel={label} stats={stats} />
        }
        chart={<EpochChart records={view?.records ?? []} steps={steps} />}
        settings={
          <>
            <PrimarySetting param="beta" label="β on the KL term" value={String(params.values.beta)}
              options={[...new Set([...BETAS, String(params.values.beta)])].map((v) => ({ value: v, label: v }))} onChange={(v) => apply({ beta: Number(v) })}
              description="Changing it starts a new model" />
            <PrimarySetting param="learningRate" label="Learning rate" value={String(params.values.learningRate)}
              options={[...new Set([...LRS, String(params.values.learningRate)])].map((v) => ({ value: v, label: v }))} onChange={(v) => apply({ learningRate: Number(v) })} />
            <PrimarySetting param="latent" label="Latent dimension" value={String(params.values.latent)}
              options={[...new Set([...LATENTS, String(params.values.latent)])].map((v) => ({ value: v, label: v }))} onChange={(v) => apply({ latent: Number(v) })}
              description="Other than 2 trains from scratch" />
            <PrimarySetting label="Preset" value={params.presetId ?? ''}
              options={[{ value: '', label: '(custom)' }, ...vaeManifest.presets.map((p) => ({ value: p.id, label: p.label }))]}
              onChange={(id) => id && apply(params.applyPreset(id))} />
          </>
        }
        panels={[
          { id: 'reparam', label: 'Reparameterisation', content: model && assets ? <ReparamPanel vae={model.vae} data={assets.data} onOverlay={setEllipse} /> : <p>Loading…</p> },
          { id: 'interp', label: 'Interpolation', content: model && assets ? <InterpolationPanel vae={model.vae} data={assets.data} onOverlay={setPath} /> : <p>Loading…</p> },
          { id: 'grid', label: 'Decoding grid', content: model ? <GridPanel vae={model.vae} /> : <p>Loading…</p> },
          { id: 'recon', label: 'Reconstructions', content: model && assets ? <ReconstructionsPanel vae={model.vae} data={assets.data} label={label} /> : <p>Loading…</p> },
          {
            id: 'settings', label: 'More settings',
            content: (
              <>
                <MoreSettings values={params.values} onApply={apply} />
                <div className="vae-row">
                  <button type="button" className="secondary" disabled={!assets || label === 'shipped model'} onClick={showShipped}>Show the shipped model in the explorer</button>
                </div>
                <WeightsPanel store={store} />
                <BackendSettings store={store} />
              </>
            ),
          },
          {
            id: 'details', label: 'Details',
            content: (
              <DetailsTable caption="The model and the latest step" rows={[
                { label: 'Model in the explorer', value: label },
                { label: 'Shipped model: held-out −ELBO (nats per image, from its file)', value: formatDiagnostic(typeof shippedFigure === 'number' ? shippedFigure : undefined) },
                { label: 'Live run: settings', value: `latent ${config.latent}, hidden ${config.hidden}, β ${config.beta}, learning rate ${config.learningRate}, batch ${config.batchSize}, from ${config.start}` },
                { label: 'Latest batch: −ELBO / recon / KL (nats per image)', value: latest ? `${latest.negElbo.toFixed(2)} / ${latest.recon.toFixed(2)} / ${latest.kl.toFixed(2)}` : '–' },
                { label: 'Latest epoch: held-out −ELBO / recon / KL', value: last ? `${last.heldOut.negElbo.toFixed(2)} / ${last.heldOut.recon.toFixed(2)} / ${last.heldOut.kl.toFixed(2)}` : '–' },
                { label: 'Steps taken', value: iteration.toLocaleString('en') },
                { label: 'Training images per second', value: stepMs ? Math.round((config.batchSize * 1000) / stepMs).toLocaleString('en') : '–' },
                { label: 'Backend', value: <BackendBadge store={store} /> },
              ]} />
            ),
          },
        ]}
      />
    </div>
  );
}
