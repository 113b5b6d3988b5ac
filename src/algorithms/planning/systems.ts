/**
 * Linear systems for the LQR part, written as the lecture's F, f, C, c:
 * a double integrator (position and velocity, force as action) and the cart-pole linearised
 * about the upright pole. Both ask the regulator to move to a target position, so k_t ≠ 0.
 */
import type { LqrProblem } from './lqr';
import type { Vector } from './linalg';

export type LinearSystemId = 'double-integrator' | 'cartpole';

export interface LinearSystem {
  id: LinearSystemId;
  problem: LqrProblem;
  /** s_1. */
  start: Vector;
  stateNames: string[];
  actionName: string;
  dt: number;
}

/** s = (position, velocity), a = force on a unit mass: p' = p + Δt v, v' = v + Δt a. */
export function doubleIntegrator(T: number, actionPenalty: number, target = 1, dt = 0.1): LinearSystem {
  const qp = 1;
  const qv = 0.1;
  return {
    id: 'double-integrator',
    dt,
    problem: {
      T,
      F: [[1, dt, 0], [0, 1, dt]],
      f: [0, 0],
      // c(s, a) = ½ q_p (p − p*)² + ½ q_v v² + ½ r a², dropping the constant ½ q_p p*²
      C: [[qp, 0, 0], [0, qv, 0], [0, 0, actionPenalty]],
      c: [-qp * target, 0, 0],
    },
    start: [0, 0],
    stateNames: ['position', 'velocity'],
    actionName: 'force',
  };
}

/** Cart-pole constants (the classic control task): cart 1 kg, pole 0.1 kg, half-length 0.5 m. */
export const CARTPOLE = { cartMass: 1, poleMass: 0.1, halfLength: 0.5, gravity: 9.8 } as const;

/**
 * The cart-pole's equations of motion linearised about θ = 0 (upright), θ̇ = 0, then Euler-stepped:
 *   θ̈ ≈ (g θ − u / M) / (l (4/3 − m_p / M)),   ẍ ≈ u / M − (m_p l / M) θ̈,   M = m_c + m_p.
 * s = (x, ẋ, θ, θ̇), a = u (the force on the cart).
 */
export function linearCartpole(T: number, actionPenalty: number, target = 1, dt = 0.05): LinearSystem {
  const { cartMass, poleMass, halfLength: l, gravity: g } = CARTPOLE;
  const M = cartMass + poleMass;
  const denom = l * (4 / 3 - poleMass / M);
  const thetaFromTheta = g / denom;
  const thetaFromU = -1 / (M * denom);
  const xFromTheta = -(poleMass * l / M) * thetaFromTheta;
  const xFromU = 1 / M - (poleMass * l / M) * thetaFromU;
  const weights = [1, 0.1, 10, 0.1];
  return {
    id: 'cartpole',
    dt,
    problem: {
      T,
      F: [
        [1, dt, 0, 0, 0],
        [0, 1, dt * xFromTheta, 0, dt * xFromU],
        [0, 0, 1, dt, 0],
        [0, 0, dt * thetaFromTheta, 1, dt * thetaFromU],
      ],
      f: [0, 0, 0, 0],
      C: [
        [weights[0], 0, 0, 0, 0],
        [0, weights[1], 0, 0, 0],
        [0, 0, weights[2], 0, 0],
        [0, 0, 0, weights[3], 0],
        [0, 0, 0, 0, actionPenalty],
      ],
      c: [-weights[0] * target, 0, 0, 0, 0],
    },
    start: [0, 0, 0.2, 0],
    stateNames: ['cart position', 'cart velocity', 'pole angle', 'pole angular velocity'],
    actionName: 'force',
  };
}

export function linearSystem(id: LinearSystemId, T: number, actionPenalty: number): LinearSystem {
  return id === 'cartpole' ? linearCartpole(T, actionPenalty) : doubleIntegrator(T, actionPenalty);
}
