/**
 * Cart-pole swing-up for iLQR: the full nonlinear cart-pole (the classic equations, θ = 0 upright),
 * starting at rest with the pole hanging down (θ = π), Euler-stepped with Δt:
 *   tmp = (u + m_p l θ̇² sin θ) / M,   θ̈ = (g sin θ − cos θ · tmp) / (l (4/3 − m_p cos²θ / M)),
 *   ẍ = tmp − m_p l θ̈ cos θ / M,   M = m_c + m_p.
 * s = (x, ẋ, θ, θ̇), a = u (force on the cart). Cost per step c_t = ½ sᵀ W s + ½ r u², with W
 * multiplied by `finalWeight` at the last step so the pole must end upright over x = 0.
 * Derivatives come from finite differences (the iLQR library's fallback).
 */
import type { NonlinearProblem } from './ilqr';
import type { Vector } from './linalg';
import { CARTPOLE } from './systems';

export interface CartpoleSwingUpParams {
  T: number;
  dt: number;
  actionPenalty: number;
  /** Diagonal of W on (x, ẋ, θ, θ̇). */
  weights: [number, number, number, number];
  finalWeight: number;
}

export const DEFAULT_CARTPOLE_SWING_UP: CartpoleSwingUpParams = {
  T: 100,
  dt: 0.05,
  actionPenalty: 0.05,
  weights: [0.1, 0.01, 0.1, 0.01],
  finalWeight: 100,
};

/** One Euler step of the nonlinear cart-pole. */
export function cartpoleStep(s: ArrayLike<number>, u: number, dt: number): Vector {
  const { cartMass, poleMass, halfLength: l, gravity: g } = CARTPOLE;
  const M = cartMass + poleMass;
  const [x, xDot, theta, thetaDot] = [s[0], s[1], s[2], s[3]];
  const sin = Math.sin(theta);
  const cos = Math.cos(theta);
  const tmp = (u + poleMass * l * thetaDot * thetaDot * sin) / M;
  const thetaAcc = (g * sin - cos * tmp) / (l * (4 / 3 - (poleMass * cos * cos) / M));
  const xAcc = tmp - (poleMass * l * thetaAcc * cos) / M;
  return [x + dt * xDot, xDot + dt * xAcc, theta + dt * thetaDot, thetaDot + dt * thetaAcc];
}

export function cartpoleSwingUpProblem(params: CartpoleSwingUpParams = DEFAULT_CARTPOLE_SWING_UP): NonlinearProblem {
  const { T, dt, actionPenalty: r, weights, finalWeight } = params;
  return {
    stateDim: 4,
    actionDim: 1,
    T,
    start: [0, 0, Math.PI, 0],
    dynamics: (s, a) => cartpoleStep(s, a[0], dt),
    cost(s, a, t) {
      const scale = t === T - 1 ? finalWeight : 1;
      let c = 0.5 * r * a[0] * a[0];
      for (let i = 0; i < 4; i++) c += 0.5 * scale * weights[i] * s[i] * s[i];
      return c;
    },
  };
}
