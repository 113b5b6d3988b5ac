/** Multi-armed bandits and the chain MDP: a pure-JS session (no tfjs in this worker). */
import { banditSession } from '../src/algorithms/bandits/session';
import { exposeSession } from './runtime/plain';

exposeSession(banditSession);
