/** Maximum-entropy IRL on a gridworld: a pure-JS session (no tfjs in this worker). */
import { irlSession } from '../src/algorithms/irl/session';
import { exposeSession } from './runtime/plain';

exposeSession(irlSession);
