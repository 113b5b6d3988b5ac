/** Random shooting, CEM, LQR and iLQR: a pure-JS session (no tfjs in this worker). */
import { planningSession } from '../src/algorithms/planning/session';
import { exposeSession } from './runtime/plain';

exposeSession(planningSession);
