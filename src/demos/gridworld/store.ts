/**
 * One store per demo instance: the grid, the settings, the state of the running algorithm, and the
 * run controls (play, run to the end, speed), so the component and a DemoController drive the
 * same state. Every step is synchronous and cheap (grids are at most 32 x 32); long runs are
 * chunked (advance) so the main thread never blocks for more than a few ms.
 */
import { createStore } from 'zustand/vanilla';
import {
  ACTIONS, bellmanSweep, cellLabel, createQLearner, evaluatePolicy, formatGrid, greedyPolicy, improvePolicy, initialPolicy, paintCell,
  parseGrid, PRESETS, Q_TOLERANCE_FRACTION, qErrorDetail, qFromValues, qScale, reachableFromStart, softBellmanSweep, softPolicy,
  softQFromValues, stepRewards, validateProblem, valueIteration,
  type Brush, type GridMdp, type QErrorDetail, type QLearner, type QStep,
} from '../../algorithms/gridworld';
import type { GridParams, Mode } from './url';

/** Sweeps stop when ‖V_k − V_{k−1}‖∞ falls to this (the grid prints three decimals). */
export const UI_TOLERANCE = 1e-6;
export const MAX_UI_SWEEPS = 5000;
/** A run of Q-learning stops here (about a second of work in a browser). */
export const MAX_Q_STEPS = 2_000_000;
/** ‖Q − Q*‖ is measured every this many steps. */
export const Q_ERROR_EVERY = 250;
export const MIN_SPEED = 1;
export const MAX_SPEED = 30;

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
  /** Q-learning stopped at MAX_Q_STEPS without reaching Q ≈ Q*; `capReason` says why. */
  capped: boolean;
  capReason: string | null;
  /** Policy iteration: changes per round. */
  policyChanges: number[];
  learner: QLearner | null;
  lastStep: QStep | null;
  /** Q-learning: ‖Q − Q*‖∞ over the reachable cells every Q_ERROR_EVERY steps. */
  qErrors: { step: number; error: number }[];
  /** The latest error with its worst pair. */
  qWorst: QErrorDetail | null;
  qStar: Float64Array | null;
  /** Cells the Q-learner can reach from the start (1) — the error is measured there. */
  reach: Uint8Array | null;
  /** "Q ≈ Q*" when ‖Q − Q*‖∞ ≤ this (Q_TOLERANCE_FRACTION of the largest |Q*| there). */
  qTolerance: number;
  error: string | null;
  /** Cell with the keyboard cursor. */
  cursor: number;
  /** Cell under the mouse, or −1. */
  hover: number;
  version: number;
  /** Play: one sweep (or speed × 10 Q-learning steps) per tick at `speed`. */
  playing: boolean;
  /** Run: as fast as possible to convergence (or the step limit). */
  running: boolean;
  /** Sweeps per second, or tens of Q-learning steps per second, while playing. */
  speed: number;
  /** Play as fast as possible (Play then runs like Run, to the end). */
  fastest: boolean;

  set(patch: Partial<GridParams>): void;
  setBrush(brush: BrushKind, reward?: number): void;
  paint(cell: number): void;
  applyPreset(id: string): void;
  /** Loads the preset `delta` places after the current one (wrapping). */
  shiftPreset(delta: number): void;
  setCursor(cell: number): void;
  setHover(cell: number): void;
  /** Stops play and run and clears the algorithm's state for the current grid and settings. */
  reset(): void;
  /** One sweep / policy-iteration round, or `count` Q-learning steps. */
  step(count?: number): void;
  /** Advances up to `budgetMs` of work; returns true when finished (converged, capped or error). */
  advance(budgetMs: number): boolean;
  play(): void;
  pause(): void;
  /** Runs to the end in chunks; `stopRun` interrupts. */
  run(): void;
  stopRun(): void;
  setSpeed(speed: number): void;
  setFastest(fastest: boolean): void;
  /** Stops timers (the component unmounts). */
  dispose(): void;
}

type AlgorithmState = Pick<
  GridStore,
  | 'values' | 'q' | 'policy' | 'pi' | 'sweeps' | 'residuals' | 'converged' | 'capped' | 'capReason' | 'policyChanges' | 'learner'
  | 'lastStep' | 'qErrors' | 'qWorst' | 'qStar' | 'reach' | 'qTolerance' | 'error' | 'version'
>;

const settingsOf = (s: GridParams) => ({ gamma: s.gamma, noise: s.noise, livingReward: s.living });

const normalised = (layout: string) => {
  try {
    return formatGrid(parseGrid(layout));
  } catch {
    return null;
  }
};
const PRESET_LAYOUTS = PRESETS.map((p) => normalised(p.layout));

/** The preset whose grid is loaded, or null for an edited grid. */
export function presetOf(mdp: GridMdp): string | null {
  const index = PRESET_LAYOUTS.indexOf(formatGrid(mdp));
  return index >= 0 ? PRESETS[index].id : null;
}

/** "1 sweep", "2 sweeps". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Why a Q-learning run stopped at the step limit, from the settings and the worst pair. */
export function capExplanation(s: Pick<GridStore, 'mdp' | 'schedule' | 'noise' | 'lr' | 'gamma' | 'exploration' | 'epsilon' | 'tau' | 'learner' | 'reach'>, worst: QErrorDetail): string {
  const where = `${cellLabel(s.mdp, worst.state)}, action ${ACTIONS[worst.action] ?? '?'}`;
  const limit = `Stopped at ${(s.learner?.steps ?? 0).toLocaleString('en-US')} steps with the largest error ${worst.error.toPrecision(3)} at ${where}`;
  if (s.schedule === 'constant' && s.noise > 0) {
    return `${limit}: with slip noise ${s.noise} every target is random, and a constant step η = ${s.lr} keeps Q jumping around Q*. Choose the decaying step size.`;
  }
  const visits = s.learner?.visits;
  if (visits && s.reach) {
    let total = 0;
    let pairs = 0;
    for (const cell of s.mdp.active) if (s.reach[cell]) { for (let a = 0; a < 4; a++) total += visits[4 * cell + a]; pairs += 4; }
    const n = visits[4 * worst.state + worst.action];
    if (pairs > 0 && n < 0.05 * (total / pairs)) {
      const knob = s.exploration === 'epsilon' ? `raise ε (now ${s.epsilon})` : `raise the temperature τ (now ${s.tau})`;
      return `${limit}: that pair was updated only ${n} times, because exploration rarely takes it there; ${knob}.`;
    }
  }
  if (s.schedule === 'constant') return `${limit}: a constant step size η = ${s.lr} may be too small to get there in time; try the decaying step size.`;
  return `${limit}: the values are still travelling back from the terminals (γ = ${s.gamma}); press Run again to continue.`;
}

export function createGridStore(initial: GridParams) {
  return createStore<GridStore>()((set, get) => {
    /** Fresh algorithm state for the current grid and settings (or a readable error). */
    let version = 0;
    let playTimer: ReturnType<typeof setInterval> | undefined;
    let runTimer: ReturnType<typeof setTimeout> | undefined;
    /** Q-learning: the step count at which the current Run stops. */
    let runLimit = MAX_Q_STEPS;

    const fresh = (state: GridParams & { mdp: GridMdp }): AlgorithmState => {
      const n = state.mdp.end;
      const base: AlgorithmState = {
        values: new Float64Array(n + 1), q: new Float64Array(4 * n), policy: new Int8Array(n).fill(-1), pi: null,
        sweeps: 0, residuals: [], converged: false, capped: false, capReason: null, policyChanges: [], learner: null, lastStep: null,
        qErrors: [], qWorst: null, qStar: null, reach: null, qTolerance: 0, error: null, version: ++version,
      };
      try {
        const dynamics = settingsOf(state);
        validateProblem(state.mdp, dynamics);
        if (state.mode === 'soft' && state.gamma >= 1) throw new Error('Soft value iteration needs γ < 1: lower the discount.');
        if (state.mode === 'pi') base.policy = initialPolicy(state.mdp, state.gamma);
        if (state.mode === 'soft') {
          base.q = softQFromValues(state.mdp, base.values, dynamics, state.alpha, state.softBackup);
          base.pi = softPolicy(state.mdp, base.q, state.alpha);
        }
        if (state.mode === 'q') {
          base.learner = createQLearner(state.mdp, {
            ...dynamics, learningRate: state.lr, schedule: state.schedule, decay: state.decay,
            exploration: state.exploration, epsilon: state.epsilon, temperature: state.tau, seed: state.seed,
          });
          const vi = valueIteration(state.mdp, { ...dynamics, tolerance: 1e-10, maxSweeps: 20_000 });
          base.qStar = vi.q;
          base.reach = reachableFromStart(state.mdp);
          base.qTolerance = Q_TOLERANCE_FRACTION * qScale(state.mdp, vi.q, base.reach);
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
      // In place: read and write the same (copied) array so later cells see new values.
      const residual = s.mode === 'soft'
        ? softBellmanSweep(s.mdp, reward, s.inPlace ? to : from, to, s.gamma, s.noise, s.alpha, s.softBackup)
        : bellmanSweep(s.mdp, reward, s.inPlace ? to : from, to, s.gamma, s.noise);
      const q = s.mode === 'soft' ? softQFromValues(s.mdp, to, dynamics, s.alpha, s.softBackup) : qFromValues(s.mdp, to, dynamics);
      const pi = s.mode === 'soft' ? softPolicy(s.mdp, q, s.alpha) : null;
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

    const learn = (steps: number, limit: number): Partial<GridStore> => {
      const s = get();
      const learner = s.learner!;
      let last: QStep | null = null;
      const qErrors = s.qErrors.slice();
      let worst = s.qWorst;
      let converged = s.converged;
      for (let k = 0; k < steps && learner.steps < limit; k++) {
        last = learner.step();
        if (learner.steps % Q_ERROR_EVERY === 0) {
          worst = qErrorDetail(s.mdp, learner.q, s.qStar!, s.reach!);
          qErrors.push({ step: learner.steps, error: worst.error });
          converged = worst.error <= s.qTolerance;
          if (converged && s.running) break;
        }
      }
      const q = learner.q.slice();
      const values = new Float64Array(s.mdp.end + 1);
      for (const cell of s.mdp.active) values[cell] = Math.max(q[4 * cell], q[4 * cell + 1], q[4 * cell + 2], q[4 * cell + 3]);
      const capped = !converged && learner.steps >= limit;
      return {
        q, values, policy: greedyPolicy(s.mdp, q), lastStep: last ?? s.lastStep, qErrors, qWorst: worst, sweeps: learner.steps, converged, capped,
        capReason: capped && worst ? capExplanation(s, worst) : null,
      };
    };

    const stepMode = (qSteps: number, limit = Infinity) => {
      const s = get();
      if (s.error) return;
      try {
        const patch: Partial<GridStore> = s.mode === 'pi' ? policyRound() : s.mode === 'q' ? learn(qSteps, limit) : sweepOnce();
        if (!s.converged || s.mode === 'q') set({ ...patch, version: ++version });
        const residuals = patch.residuals;
        if (residuals && !Number.isFinite(residuals[residuals.length - 1])) {
          set({ error: 'The values became non-finite: lower γ or check the rewards.' });
        }
      } catch (error) {
        set({ error: (error as Error).message });
      }
    };

    const finished = (s: GridStore) => Boolean(s.error || s.converged || s.capped || (s.mode !== 'q' && s.sweeps >= MAX_UI_SWEEPS));

    const stopTimers = () => {
      clearInterval(playTimer);
      clearTimeout(runTimer);
      playTimer = undefined;
      runTimer = undefined;
    };

    const startPlayTimer = () => {
      clearInterval(playTimer);
      const { mode, speed } = get();
      // Q-learning: speed × 10 steps per second in 20 ticks; sweeps: `speed` per second.
      playTimer = setInterval(() => {
        const state = get();
        if (state.error || (state.mode !== 'q' && finished(state))) { get().pause(); return; }
        state.step(state.mode === 'q' ? Math.max(1, Math.round(state.speed / 2)) : 1);
      }, mode === 'q' ? 50 : 1000 / speed);
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
      playing: false,
      running: false,
      speed: 4,
      fastest: false,
      ...fresh(start),
      ...(problem ? { error: problem } : {}),

      set(patch) {
        if (Object.keys(patch).every((key) => key === 'showQ')) return set(patch);
        const next = { ...get(), ...patch };
        set({ ...patch, ...fresh(next) });
        if (get().playing) startPlayTimer();
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
          if (layout === formatGrid(s.mdp)) return set({ cursor: cell });
          set({ mdp: painted, layout, cursor: cell, ...fresh({ ...s, mdp: painted, layout }) });
        } catch (error) {
          set({ error: (error as Error).message });
        }
      },
      applyPreset(id) {
        const preset = PRESETS.find((p) => p.id === id);
        if (!preset) return;
        const painted = parseGrid(preset.layout);
        const patch = { layout: formatGrid(painted), gamma: preset.dynamics.gamma, noise: preset.dynamics.noise, living: preset.dynamics.livingReward };
        if (get().mode === 'soft' && patch.gamma >= 1) patch.gamma = 0.99;
        set({ ...patch, mdp: painted, cursor: Math.max(0, painted.start), ...fresh({ ...get(), ...patch, mdp: painted }) });
        if (get().playing) startPlayTimer();
      },
      shiftPreset(delta) {
        const index = PRESETS.findIndex((p) => p.id === presetOf(get().mdp));
        const from = index < 0 ? (delta > 0 ? -1 : 0) : index;
        get().applyPreset(PRESETS[(((from + delta) % PRESETS.length) + PRESETS.length) % PRESETS.length].id);
      },
      setCursor(cell) {
        set({ cursor: cell });
      },
      setHover(cell) {
        set({ hover: cell });
      },
      reset() {
        stopTimers();
        set({ playing: false, running: false, ...fresh(get()) });
      },
      step(count = 1) {
        stepMode(count);
      },
      advance(budgetMs) {
        const t0 = performance.now();
        do {
          const s = get();
          if (finished(s)) return true;
          stepMode(s.mode === 'q' ? 2000 : 1, runLimit);
        } while (performance.now() - t0 < budgetMs);
        return finished(get());
      },
      play() {
        const s = get();
        if (s.error || s.playing || s.running) return;
        if (s.fastest) return s.run();
        clearTimeout(runTimer);
        set({ playing: true, running: false });
        startPlayTimer();
      },
      pause() {
        stopTimers();
        set({ playing: false, running: false });
      },
      run() {
        const s = get();
        if (s.error || s.running) return;
        clearInterval(playTimer);
        // Q-learning continues from where it is for up to MAX_Q_STEPS more steps.
        if (s.mode === 'q' && s.learner) {
          runLimit = s.learner.steps + MAX_Q_STEPS;
          if (s.capped) set({ capped: false, capReason: null });
        }
        set({ running: true, playing: false });
        const tick = () => {
          if (!get().running) return;
          if (get().advance(8)) {
            set({ running: false });
            runTimer = undefined;
          } else runTimer = setTimeout(tick, 0);
        };
        runTimer = setTimeout(tick, 0);
      },
      stopRun() {
        clearTimeout(runTimer);
        runTimer = undefined;
        set({ running: false });
      },
      setSpeed(speed) {
        const clamped = Math.max(MIN_SPEED, Math.min(MAX_SPEED, Math.round(speed)));
        set({ speed: clamped });
        if (get().playing) startPlayTimer();
      },
      setFastest(fastest) {
        const s = get();
        const busy = s.playing || s.running;
        if (busy) s.pause();
        set({ fastest });
        if (busy) get().play();
      },
      dispose() {
        stopTimers();
        set({ playing: false, running: false });
      },
    };
  });
}

/** One plain-words line for the status bar and the controller: "Sweep 12 · largest change 3.1e-4 · converged". */
export function statusSummary(s: GridStore): string {
  if (s.error) return `Stopped: ${s.error}`;
  const parts: string[] = [];
  if (s.mode === 'q') {
    parts.push(`Step ${s.sweeps.toLocaleString('en-US')}`);
    const last = s.qErrors[s.qErrors.length - 1];
    if (last) parts.push(`largest error in Q ${last.error.toPrecision(2)} (target ${s.qTolerance.toPrecision(2)})`);
    parts.push(plural(s.learner?.episodes ?? 0, 'episode'));
    if (s.converged) parts.push('Q ≈ Q*');
    else if (s.capped) parts.push('stopped at the step limit');
  } else {
    parts.push(`${s.mode === 'pi' ? 'Round' : 'Sweep'} ${s.sweeps}`);
    const last = s.residuals[s.residuals.length - 1];
    if (last !== undefined) parts.push(`largest change ${last.toExponential(1)}`);
    if (s.mode === 'pi' && s.policyChanges.length) parts.push(plural(s.policyChanges[s.policyChanges.length - 1], 'policy change'));
    if (s.converged) parts.push('converged');
    else if (s.sweeps >= MAX_UI_SWEEPS) parts.push('stopped at the sweep limit');
  }
  if (s.playing) parts.push('playing');
  else if (s.running) parts.push('running');
  return parts.join(' · ');
}

export type GridStoreApi = ReturnType<typeof createGridStore>;
export type { Mode };
