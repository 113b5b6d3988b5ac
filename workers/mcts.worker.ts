/** Monte Carlo tree search off the main thread: full-speed searches and the bench (pure JS, no tfjs). */
import { mctsSession } from '../src/algorithms/mcts/session';
import { exposeSession } from './runtime/plain';

exposeSession(mctsSession);
