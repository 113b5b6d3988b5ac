/**
 * One store per demo instance: the grid, the settings, and the state of the running algorithm.
 * Every action is synchronous and cheap (grids are at most 32 x 32); long runs are chunked by
 * the caller (runToConvergence) so the main thread never blocks for more than a few ms.
 */
import { createStore } from 'zustand/vanilla';
import {
  bellmanSweep, createQLearner, evaluatePolicy, formatGrid, greedyPolicy, improvePolicy, initialPolicy, paintCell, parseGrid,
  PRESETS, qError, qFromValues, softBellmanSweep, softPolicy, stepRewards, validateProblem, valueIteration,
  type Brush, type GridMdp, type QLearner, type QStep,
} from '../../algorithms/gridworld';
import type { GridParams, Mode } from './url';

/** Sweeps stop when ‖V_k − V_{k−1}‖∞ falls to this (the grid prints three decimals). */
export const UI_TOLERANCE = 1e-6;
export const MAX_UI_SWEEPS = 5000;
export const MAX_Q_STEPS = 200_000;

export type BrushKind = Brush['kind'];

export interface GridStore extends GridParams {
  mdp: GridMdp;
  brush: BrushKind;
  brushReward: number;
  /** V per cell (length n + 1); in Q-learning mode max_a Q. */
  values: Float64Array;
  q: Float64Array;
  policy: Int8Array;
  /** Soft policy π(a|s) in soft mode. */
  pi: Float64Array | null;
  sweeps: number;
  residuals: number[];
  converged: boolean;
  /** Q-learning stopped at MAX_Q_STEPS without reaching ‖Q − Q*‖∞ < 1e-3. */
  capped: boolean;
  /** Policy iteration: changes per round. */
  policyChanges: number[];
  learner: QLearner | null;
  lastStep: QStep | null;
  /** Q-learning: ‖Q − Q*‖∞ every few hundred steps. */
  qErrors: { step: number; error: number }[];
  qStar: Float64Array | null;
  error: string | null;
  /** Cell with the keyboard cursor. */
  cursor: number;
  /** Cell under the mouse, or −1. */
  hover: number;
  version: number;

  set(patch: Partial<GridParams>): void;
  setBrush(brush: BrushKind, reward?: number): void;
  paint(cell: number): void;
  applyPreset(id: string): void;
  setCursor(cell: number): void;
  setHover(cell: number): void;
  reset(): void;
  /** One sweep / policy-iteration round, or `count` Q-learning steps. */
  step(count?: number): void;
  /** Advances up to `budgetMs` of work; returns true when finished (converged, capped or error). */
  advance(budgetMs: number): boolean;
}

type AlgorithmState = Pick<
  GridStore,
  'values' | 'q' | 'policy' | 'pi' | 'sweeps' | 'residuals' | 'converged' | 'capped' | 'policyChanges' | 'learner' | 'lastStep' | 'qErrors' | 'qStar' | 'error' | 'version'
>;

const settingsOf = (s: GridParams) => ({ gamma: s.gamma, noise: s.noise, livingReward: s.living });

export function createGridStore(initial: GridParams) {
  return createStore<GridStore>()((set, get) => {
    /** Fresh algorithm state for the current grid and settings (or a readable error). */
    let version = 0;
    const fresh = (state: GridParams & { mdp: GridMdp }): AlgorithmState => {
      const n = state.mdp.end;
      const base: AlgorithmState = {
        values: new Float64Array(n + 1), q: new Float64Array(4 * n), policy: new Int8Array(n).fill(-1), pi: null,
        sweeps: 0, residuals: [], converged: false, capped: false, policyChanges: [], learner: null, lastStep: null, qErrors: [], qStar: null,
        error: null, version: ++version,
      };
      try {
        const dynamics = settingsOf(state);
        validateProblem(state.mdp, dynamics);
        if (state.mode === 'soft' && state.gamma >= 1) throw new Error('Soft value iteration needs γ < 1: lower the discount.');
        if (state.mode === 'pi') base.policy = initialPolicy(state.mdp, state.gamma);
        if (state.mode === 'q') {
          base.learner = createQLearner(state.mdp, {
            ...dynamics, learningRate: state.lr, exploration: state.exploration, epsilon: state.epsilon, temperature: state.tau, seed: state.seed,
          });
          const vi = valueIteration(state.mdp, { ...dynamics, tolerance: 1e-10, maxSweeps: 20_000 });
          base.qStar = vi.q;
          base.policy = greedyPolicy(state.mdp, base.q);
        }
      } catch (error) {
        base.error = (error as Error).message;
      }
      return base;
    };

    const sweepOnce = () => {
      const s = get();
      const dynamics = settingsOf(s);
      const reward = stepRewards(s.mdp, s.living);
      const from = s.values;
      const to = s.inPlace ? from.slice() : new Float64Array(from.length);
      let residual: number;
      if (s.mode === 'soft') {
        // In place: read and write the same (copied) array so later cells see new values.
        residual = softBellmanSweep(s.mdp, reward, s.inPlace ? to : from, to, s.gamma, s.noise, s.alpha);
      } else {
        residual = bellmanSweep(s.mdp, reward, s.inPlace ? to : from, to, s.gamma, s.noise);
      }
      const q = qFromValues(s.mdp, to, dynamics);
      const pi = s.mode === "soft" ? softPolicy(s.mdp, q, s.alpha) : null;
      const residuals = [...s.residuals, residual];
      return { values: to, q, pi, policy: greedyPolicy(s.mdp, pi ?? q), residuals, sweeps: s.sweeps + 1, converged: residual <= UI_TOLERANCE };
    };

    const policyRound = () => {
      const s = get();
      const dynamics = settingsOf(s);
      const evaluation = evaluatePolicy(s.mdp, s.policy, { ...dynamics, tolerance: 1e-10, maxSweeps: 100_000 }, 'auto', s.values);
      const improved = improvePolicy(s.mdp, evaluation.values, s.policy, dynamics);
      let change = 0;
      for (const cell of s.mdp.active) change = Math.max(change, Math.abs(evaluation.values[cell] - s.values[cell]));
      return {
        values: evaluation.values, q: improved.q, policy: improved.policy, sweeps: s.sweeps + 1,
        residuals: [...s.residuals, change], policyChanges: [...s.policyChanges, improved.changes], converged: improved.changes === 0,
      };
    };

    const learn = (steps: number) => {
      const s = get();
      const learner = s.learner!;
      let last: QStep | null = null;
      const qErrors = s.qErrors.slice();
      for (let k = 0; k < steps && learner.steps < MAX_Q_STEPS; k++) {
        last = learner.step();
        if (learner.steps % 250 === 0) qErrors.push({ step: learner.steps, error: qError(s.mdp, learner.q, s.qStar!) });
      }
      const q = learner.q.slice();
      const values = new Float64Array(s.mdp.end + 1);
      for (const cell of s.mdp.active) values[cell] = Math.max(q[4 * cell], q[4 * cell + 1], q[4 * cell + 2], q[4 * cell + 3]);
      const error = qErrors.length ? qErrors[qErrors.length - 1].error : Infinity;
      return { q, values, policy: greedyPolicy(s.mdp, q), lastStep: last, qErrors, sweeps: learner.steps, converged: error < 1e-3, capped: learner.steps >= MAX_Q_STEPS };
    };

    const stepMode = (qSteps: number) => {
      const s = get();
      if (s.error) return;
      try {
        const patch: Partial<GridStore> = s.mode === 'pi' ? policyRound() : s.mode === 'q' ? learn(qSteps) : sweepOnce();
        if (!s.converged || s.mode === 'q') set({ ...patch, version: ++version });
        const residuals = patch.residuals;
        if (residuals && !Number.isFinite(residuals[residuals.length - 1])) {
          set({ error: 'The values became non-finite: lower γ or check the rewards.' });
        }
      } catch (error) {
        set({ error: (error as Error).message });
      }
    };

    let mdp: GridMdp;
    let problem: string | null = null;
    try {
      mdp = parseGrid(initial.layout);
    } catch (error) {
      problem = (error as Error).message;
      mdp = parseGrid(PRESETS[0].layout);
    }
    const start: GridParams & { mdp: GridMdp } = { ...initial, mdp };
    return {
      ...initial,
      mdp,
      brush: 'wall',
      brushReward: 1,
      cursor: Math.max(0, mdp.start),
      hover: -1,
      ...fresh(start),
      ...(problem ? { error: problem } : {}),

      set(patch) {
        if (Object.keys(patch).every((key) => key === 'showQ')) return set(patch);
        const next = { ...get(), ...patch };
        set({ ...patch, ...fresh(next) });
      },
      setBrush(brush, reward) {
        set({ brush, ...(reward !== undefined && Number.isFinite(reward) ? { brushReward: reward } : {}) });
      },
      paint(cell) {
        const s = get();
        const brush: Brush = s.brush === 'terminal' ? { kind: 'terminal', reward: s.brushReward } : { kind: s.brush };
        try {
          const painted = paintCell(s.mdp, cell, brush);
          const layout = formatGrid(painted);
          set({ mdp: painted, layout, cursor: cell, ...fresh({ ...s, mdp: painted, layout }) });
        } catch (error) {
          set({ error: (error as Error).message });
        }
      },
      applyPreset(id) {
        const preset = PRESETS.find((p) => p.id === id);
        if (!preset) return;
        const painted = parseGrid(preset.layout);
        const patch = { layout: preset.layout, gamma: preset.dynamics.gamma, noise: preset.dynamics.noise, living: preset.dynamics.livingReward };
        if (get().mode === 'soft' && patch.gamma >= 1) patch.gamma = 0.99;
        set({ ...patch, mdp: painted, cursor: Math.max(0, painted.start), ...fresh({ ...get(), ...patch, mdp: painted }) });
      },
      setCursor(cell) {
        set({ cursor: cell });
      },
      setHover(cell) {
        set({ hover: cell });
      },
      reset() {
        set(fresh(get()));
      },
      step(count = 1) {
        stepMode(count);
      },
      advance(budgetMs) {
        const t0 = performance.now();
        do {
          const s = get();
          if (s.error || s.converged || s.capped || s.sweeps >= (s.mode === 'q' ? MAX_Q_STEPS : MAX_UI_SWEEPS)) return true;
          stepMode(200);
        } while (performance.now() - t0 < budgetMs);
        const s = get();
        return Boolean(s.error || s.converged || s.capped);
      },
    };
  });
}

export type GridStoreApi = ReturnType<typeof createGridStore>;
export type { Mode };
