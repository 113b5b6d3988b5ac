/**
 * Pendulum swing-up for iLQR. State s = (θ, ω) with θ = 0 hanging down and θ = π upright; action
 * a = torque u. Explicit Euler with step Δt:
 *   θ' = θ + Δt ω,   ω' = ω + Δt (−(g/l) sin θ + u / (m l²)).
 * Cost per step (lower is better): c_t(s, a) = ½ w_θ (θ − π)² + ½ w_ω ω² + ½ r u², with the state
 * weights multiplied by `finalWeight` at the last step t = T so that the swing must end upright.
 */
import type { Matrix, Vector } from './linalg';
import type { NonlinearProblem } from './ilqr';
import { asPlanningProblem, type PlanningProblem } from './shooting';

export interface PendulumParams {
  T: number;
  dt: number;
  gravity: number;
  length: number;
  mass: number;
  /** Action penalty r. */
  actionPenalty: number;
  /** w_θ, w_ω on every step. */
  angleWeight: number;
  velocityWeight: number;
  /** Multiplier of the state weights at the last step. */
  finalWeight: number;
}

export const DEFAULT_PENDULUM: PendulumParams = {
  T: 100,
  dt: 0.05,
  gravity: 9.81,
  length: 1,
  mass: 1,
  actionPenalty: 0.05,
  angleWeight: 0.1,
  velocityWeight: 0.01,
  finalWeight: 10000,
};

export function pendulumProblem(params: PendulumParams = DEFAULT_PENDULUM): NonlinearProblem {
  const { T, dt, gravity: g, length: l, mass: m, actionPenalty: r, angleWeight, velocityWeight, finalWeight } = params;
  const inertia = m * l * l;
  const weights = (t: number) => (t === T - 1 ? [angleWeight * finalWeight, velocityWeight * finalWeight] : [angleWeight, velocityWeight]);
  return {
    stateDim: 2,
    actionDim: 1,
    T,
    start: [0, 0],
    dynamics(s: Vector, a: Vector): Vector {
      return [s[0] + dt * s[1], s[1] + dt * (-(g / l) * Math.sin(s[0]) + a[0] / inertia)];
    },
    // ∇_{s,a} f = [[1, Δt, 0], [−Δt (g/l) cos θ, 1, Δt / (m l²)]]
    dynamicsJacobian(s: Vector): Matrix {
      return [
        [1, dt, 0],
        [-dt * (g / l) * Math.cos(s[0]), 1, dt / inertia],
      ];
    },
    cost(s: Vector, a: Vector, t: number): number {
      const [wt, ww] = weights(t);
      return 0.5 * wt * (s[0] - Math.PI) ** 2 + 0.5 * ww * s[1] ** 2 + 0.5 * r * a[0] ** 2;
    },
    // ∇c = [w_θ (θ − π), w_ω ω, r u],  ∇²c = diag(w_θ, w_ω, r)
    costGradient(s: Vector, a: Vector, t: number): Vector {
      const [wt, ww] = weights(t);
      return [wt * (s[0] - Math.PI), ww * s[1], r * a[0]];
    },
    costHessian(_s: Vector, _a: Vector, t: number): Matrix {
      const [wt, ww] = weights(t);
      return [
        [wt, 0, 0],
        [0, ww, 0],
        [0, 0, r],
      ];
    },
  };
}

/**
 * The same swing-up as a black-box planning problem for random shooting and CEM (torque clipped to
 * ±`maxTorque`), so the derivative-free planners can be compared with iLQR on cost and time.
 */
export function pendulumPlanningProblem(params: PendulumParams = DEFAULT_PENDULUM, maxTorque = 10): PlanningProblem {
  return asPlanningProblem(pendulumProblem(params), maxTorque);
}
