import { useEffect, useId, useRef, useState } from 'react';
import type { DemoProps } from '../types';
import { parseParam } from '../../components/url/params';
import { validateConfig, type CartpoleConfig } from '../../algorithms/cartpole/config';
import { mlpFromSnapshot, type MlpWeights } from '../../algorithms/common/mlp';
import type { CartpoleViewData } from '../../algorithms/cartpole/trainer';
import { decodeWeightFile } from '../../algorithms/runtime/weightFile';
import { BackendBadge, BackendSettings, registerTestTool, TrainerNotice, useTrainerStore, WeightsPanel } from '../runtime';
import { VecCartPole } from '../../algorithms/cartpole/env';
import { createRng } from '../../algorithms/common/rng';
import { DemoFrame } from '../frame';
import { CartpoleView, type ViewPolicy } from './CartpoleView';
import { CompareMode, createCartpoleWorker } from './CompareMode';
import { TEACHING_DELAY_MS, useCartpoleController } from './controller';
import { CARTPOLE_PRESETS, cartpoleManifest, matchingPreset, withPreset } from './manifest';
import { CartpoleDetails, FormulaAndCharts, MainSettings, ReturnChart } from './Panels';
import { useDemoParams, useSeedInLink } from '../platform/useDemoParams';
import { configOf, type CartpoleParams } from './params';
import { SettingsForm } from './SettingsForm';
import './cartpole.css';

const PRETRAINED_URL = `${import.meta.env.BASE_URL}models/cartpole/policy.json`;
const PRETRAINED_LABEL = 'pre-trained policy';

/** CartPole-v1 trained live with REINFORCE or actor-critic (lectures: policy gradients, actor-critic). */
export default function CartpoleDemo({ slotId, variant }: DemoProps) {
  // One URL-state hook for every demo: the link's problems are listed, every setting is written back.
  const link = useDemoParams(cartpoleManifest, slotId, variant);
  const params = link.values;
  const [initial] = useState(() => link.values);
  const paramsRef = useRef(params);
  const [formError, setFormError] = useState<string | null>(null);
  const store = useTrainerStore<CartpoleConfig, CartpoleViewData>(
    { trainerId: 'cartpole', createWorker: createCartpoleWorker, config: configOf(initial), seed: initial.seed, withView: true, delayMs: TEACHING_DELAY_MS },
    slotId,
  );
  useSeedInLink(store, link);
  const policyRef = useRef<ViewPolicy | null>(null);
  const pretrainedNet = useRef<MlpWeights | null>(null);
  const [pretrained, setPretrained] = useState<{ text: string; error: string | null } | null>(null);

  // The shipped policy drives the cart the moment the page opens.
  useEffect(() => {
    let cancelled = false;
    fetch(PRETRAINED_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => {
        if (cancelled) return;
        const file = decodeWeightFile(text, 'cartpole');
        pretrainedNet.current = mlpFromSnapshot(file.snapshot);
        if (!policyRef.current) policyRef.current = { net: pretrainedNet.current, label: PRETRAINED_LABEL };
        setPretrained({ text, error: null });
      })
      .catch((error: unknown) => !cancelled && setPretrained({ text: '', error: `The pre-trained policy could not be loaded (${String(error)}).` }));
    return () => {
      cancelled = true;
    };
  }, []);

  // Once training has produced a policy, it drives the cart (read per frame, no React render).
  // A reset or a new model (iteration back to 0) hands the cart back to the pre-trained policy.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.iteration === 0 && (previous.iteration !== 0 || state.view !== previous.view)) {
          policyRef.current = pretrainedNet.current ? { net: pretrainedNet.current, label: PRETRAINED_LABEL } : null;
          return;
        }
        if (state.view === previous.view || !state.view || state.iteration === 0) return;
        policyRef.current = { net: mlpFromSnapshot(state.view.policy), label: `training policy, iteration ${state.iteration}` };
      }),
    [store],
  );

  const apply = async (next: CartpoleParams) => {
    const config = configOf(next);
    try {
      validateConfig(config);
    } catch (error) {
      setFormError((error as Error).message);
      return;
    }
    setFormError(null);
    paramsRef.current = link.update(next);
    await store.getState().setConfig(config);
    if (next.seed !== store.getState().seed) await store.getState().setSeed(next.seed);
  };

  const controller = useCartpoleController(store, slotId, { params: () => paramsRef.current, apply: (next) => void apply(next) });

  const loadPretrained = async () => {
    if (!pretrained?.text) return;
    await store.getState().uploadWeights(Object.assign(new Blob([pretrained.text], { type: 'application/json' }), { name: 'the pre-trained policy' }));
  };

  // Bench hook (test builds only; the public bundle drops it): vectorised environment steps per second on this page's thread.
  useEffect(
    () =>
      import.meta.env.VITE_TEST_HOOKS !== '1' ? undefined : registerTestTool('cartpole-env-steps-per-s', async () => {
        const env = new VecCartPole(64, createRng(1));
        const actions = new Uint8Array(64).map((_, i) => i % 2);
        const started = performance.now();
        let steps = 0;
        while (performance.now() - started < 500) {
          for (let k = 0; k < 100; k++) env.step(actions);
          steps += 6400;
        }
        return steps / ((performance.now() - started) / 1000);
      }),
    [],
  );

  const primaryKeys: (keyof CartpoleParams)[] = ['algorithm', params.algorithm === 'actor-critic' ? 'advantage' : 'baseline', 'learningRate'];
  const notices = (
    <>
      {link.linkProblems.length > 0 ? (
        <div role="alert" className="cp-problems">
          <p>Some settings in the link were ignored:</p>
          <ul>{link.linkProblems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {pretrained?.error ? <p role="alert" className="cp-problems">{pretrained.error}</p> : null}
      <TrainerNotice store={store} />
    </>
  );

  return (
    <div className="cartpole-demo">
      <DemoFrame
        label="Cart-pole"
        controller={controller}
        stage={<CartpoleView policyRef={policyRef} slotId={slotId} />}
        chart={<ReturnChart store={store} />}
        settings={<MainSettings params={params} onChange={(next) => void apply(next)} />}
        notices={notices}
        panels={[
          {
            id: 'settings',
            label: 'More settings',
            content: (
              <>
                <PresetPicker params={params} onChoose={(next) => void apply(next)} />
                <SettingsForm key={JSON.stringify(params)} params={params} variant={variant} error={formError} onApply={(next) => void apply(next)} parse={parseParam} hide={primaryKeys} />
              </>
            ),
          },
          { id: 'charts', label: 'Formula & charts', content: <FormulaAndCharts store={store} params={params} /> },
          { id: 'details', label: 'Details', content: <CartpoleDetails store={store} params={params} /> },
          { id: 'compare', label: 'Compare seeds', content: <CompareMode /> },
          {
            id: 'weights',
            label: 'Weights & backend',
            content: (
              <>
                <BackendBadge store={store} />
                <div className="cp-row">
                  <button type="button" className="secondary" disabled={!pretrained?.text} onClick={() => void loadPretrained()}>
                    Load the pre-trained policy into the trainer
                  </button>
                </div>
                <WeightsPanel store={store} />
                <BackendSettings store={store} />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The presets as one menu; "Custom" when the settings match none. */
function PresetPicker({ params, onChoose }: { params: CartpoleParams; onChoose: (next: CartpoleParams) => void }) {
  const id = useId();
  const current = matchingPreset(params)?.id ?? '';
  return (
    <p className="cp-row">
      <label htmlFor={id}><strong>Preset</strong></label>
      <select
        id={id}
        className="cp-preset"
        value={current}
        onChange={(e) => {
          const preset = CARTPOLE_PRESETS.find((p) => p.id === e.target.value);
          if (preset) onChoose(withPreset(params, preset));
        }}
      >
        {current === '' ? <option value="">Custom settings</option> : null}
        {CARTPOLE_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>{p.label}</option>
        ))}
      </select>
    </p>
  );
}
