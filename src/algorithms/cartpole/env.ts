/**
 * CartPole-v1 exactly as Gymnasium defines it (classic_control/cartpole.py, euler integrator).
 * State s = (x, ẋ, θ, θ̇); θ = 0 is upright and positive θ leans the pole to the right.
 * Action 0 pushes the cart left (F = −10 N), action 1 pushes it right (F = +10 N).
 */
import type { Rng, RngState } from '../common/rng';

export const GRAVITY = 9.8;
export const CART_MASS = 1.0;
export const POLE_MASS = 0.1;
export const TOTAL_MASS = CART_MASS + POLE_MASS;
/** Half the pole's length (Gymnasium's `length`). */
export const POLE_HALF_LENGTH = 0.5;
export const POLE_MASS_LENGTH = POLE_MASS * POLE_HALF_LENGTH;
export const FORCE_MAG = 10;
export const TAU = 0.02;
export const X_THRESHOLD = 2.4;
/** 12 degrees in radians. */
export const THETA_THRESHOLD = (12 * 2 * Math.PI) / 360;
export const MAX_EPISODE_STEPS = 500;
export const OBS_SIZE = 4;
export const N_ACTIONS = 2;

export type Action = 0 | 1;

/**
 * What a VecCartPole carries from one step to the next: observations, steps into each episode
 * and its RNG (for the resets). `terminated`, `truncated` and `finalObs` describe only the last
 * step and are rewritten by the next, so they are not part of it.
 */
export type VecCartPoleState = { obs: Float64Array; episodeSteps: Int32Array; rng: RngState };

export interface CartPoleState {
  x: number;
  xDot: number;
  theta: number;
  thetaDot: number;
}

export interface StepResult {
  state: CartPoleState;
  /** The pole fell past 12° or the cart left the track: the episode ends (reward 1 is still paid). */
  terminated: boolean;
}

/** |x| > 2.4 or |θ| > 12°. */
export function isTerminal(x: number, theta: number): boolean {
  return x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
}

/** One Gymnasium step: accelerations from the old state, then explicit Euler (x uses the old ẋ). */
export function stepCartPole(state: CartPoleState, action: Action): StepResult {
  const { x, xDot, theta, thetaDot } = state;
  const force = action === 1 ? FORCE_MAG : -FORCE_MAG;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
  const thetaAcc = (GRAVITY * sin - cos * temp) / (POLE_HALF_LENGTH * (4 / 3 - (POLE_MASS * cos * cos) / TOTAL_MASS));
  const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
  const next = {
    x: x + TAU * xDot,
    xDot: xDot + TAU * xAcc,
    theta: theta + TAU * thetaDot,
    thetaDot: thetaDot + TAU * thetaAcc,
  };
  return { state: next, terminated: isTerminal(next.x, next.theta) };
}

/** Start state: each component uniform in [−0.05, 0.05). */
export function initialState(rng: Rng): CartPoleState {
  return { x: rng.uniform(-0.05, 0.05), xDot: rng.uniform(-0.05, 0.05), theta: rng.uniform(-0.05, 0.05), thetaDot: rng.uniform(-0.05, 0.05) };
}

/**
 * Many cart-poles stepped together on typed arrays. `obs` is [n × 4] row-major (x, ẋ, θ, θ̇).
 * Finished copies reset themselves; `step` reports which ones finished and how.
 */
export class VecCartPole {
  readonly n: number;
  readonly obs: Float64Array;
  /** Steps taken in each copy's current episode. */
  readonly episodeSteps: Int32Array;
  /** Per copy after the last step: 1 when the pole fell or the cart left the track. */
  readonly terminated: Uint8Array;
  /** Per copy after the last step: 1 when the episode hit the 500-step limit without terminating. */
  readonly truncated: Uint8Array;
  /** The observation reached by the last step before any reset (what a critic bootstraps from). */
  readonly finalObs: Float64Array;
  private readonly rng: Rng;

  constructor(n: number, rng: Rng) {
    this.n = n;
    this.rng = rng;
    this.obs = new Float64Array(n * OBS_SIZE);
    this.finalObs = new Float64Array(n * OBS_SIZE);
    this.episodeSteps = new Int32Array(n);
    this.terminated = new Uint8Array(n);
    this.truncated = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.resetOne(i);
  }

  /** A copy of the state that the next steps depend on. */
  getState(): VecCartPoleState {
    return { obs: Float64Array.from(this.obs), episodeSteps: Int32Array.from(this.episodeSteps), rng: this.rng.getState() };
  }

  /** Puts a `getState` copy back (throws a readable Error when it is for another number of copies). */
  setState(state: VecCartPoleState): void {
    if (state.obs.length !== this.obs.length || state.episodeSteps.length !== this.n) {
      throw new Error(`This environment state is for ${state.episodeSteps.length} cart-poles; there are ${this.n}.`);
    }
    if (state.episodeSteps.some((steps) => !(steps >= 0 && steps < MAX_EPISODE_STEPS))) {
      throw new Error(`Every cart-pole's step count must be from 0 to ${MAX_EPISODE_STEPS - 1}.`);
    }
    this.rng.setState(state.rng);
    this.obs.set(state.obs);
    this.episodeSteps.set(state.episodeSteps);
  }

  resetOne(i: number): void {
    for (let k = 0; k < OBS_SIZE; k++) this.obs[i * OBS_SIZE + k] = this.rng.uniform(-0.05, 0.05);
    this.episodeSteps[i] = 0;
  }

  /**
   * Steps every copy with its action (0 or 1). Every step pays reward 1. Copies that finish are
   * reset when `autoReset` is true (their pre-reset observation stays in `finalObs`). Copies whose
   * `active` entry is 0 are left untouched.
   */
  step(actions: ArrayLike<number>, autoReset = true, active?: Uint8Array): void {
    const s = this.obs;
    for (let i = 0; i < this.n; i++) {
      if (active && active[i] === 0) continue;
      const o = i * OBS_SIZE;
      const xDot = s[o + 1];
      const theta = s[o + 2];
      const thetaDot = s[o + 3];
      const force = actions[i] === 1 ? FORCE_MAG : -FORCE_MAG;
      const cos = Math.cos(theta);
      const sin = Math.sin(theta);
      const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
      const thetaAcc = (GRAVITY * sin - cos * temp) / (POLE_HALF_LENGTH * (4 / 3 - (POLE_MASS * cos * cos) / TOTAL_MASS));
      const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
      const x = s[o] + TAU * xDot;
      const nextTheta = theta + TAU * thetaDot;
      s[o] = x;
      s[o + 1] = xDot + TAU * xAcc;
      s[o + 2] = nextTheta;
      s[o + 3] = thetaDot + TAU * thetaAcc;
      const steps = ++this.episodeSteps[i];
      const term = isTerminal(x, nextTheta);
      this.terminated[i] = term ? 1 : 0;
      this.truncated[i] = !term && steps >= MAX_EPISODE_STEPS ? 1 : 0;
      for (let k = 0; k < OBS_SIZE; k++) this.finalObs[o + k] = s[o + k];
      if (autoReset && (term || steps >= MAX_EPISODE_STEPS)) this.resetOne(i);
    }
  }
}
