/**
 * The two swing-up tasks the iLQR part shows, each in two forms: a differentiable problem for iLQR
 * and the same model as a black box for CEM (actions clipped to ±`maxAction`), so the two planners
 * are compared on one cost.
 */
import type { NonlinearProblem } from './ilqr';
import { asPlanningProblem, type PlanningProblem } from './shooting';
import { DEFAULT_PENDULUM, pendulumProblem } from './pendulum';
import { cartpoleSwingUpProblem, DEFAULT_CARTPOLE_SWING_UP } from './cartpoleSwingUp';

export type SwingUpTaskId = 'pendulum' | 'cartpole';

export interface SwingUpTask {
  id: SwingUpTaskId;
  problem: NonlinearProblem;
  planning: PlanningProblem;
  dt: number;
  /** Index of the pole angle in s, the angle that counts as upright, and the cart position's index (if any). */
  angleIndex: number;
  upright: number;
  positionIndex: number | null;
  /** Torque (pendulum) or force (cart-pole) bound for the black-box planners. */
  maxAction: number;
  actionName: string;
}

export function swingUpTask(id: SwingUpTaskId, T: number, actionPenalty: number): SwingUpTask {
  if (id === 'cartpole') {
    const params = { ...DEFAULT_CARTPOLE_SWING_UP, T, actionPenalty };
    const problem = cartpoleSwingUpProblem(params);
    return { id, problem, planning: asPlanningProblem(problem, 10), dt: params.dt, angleIndex: 2, upright: 0, positionIndex: 0, maxAction: 10, actionName: 'force' };
  }
  const params = { ...DEFAULT_PENDULUM, T, actionPenalty };
  const problem = pendulumProblem(params);
  return { id, problem, planning: asPlanningProblem(problem, 10), dt: params.dt, angleIndex: 0, upright: Math.PI, positionIndex: null, maxAction: 10, actionName: 'torque' };
}
