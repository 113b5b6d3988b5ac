/** TD(0) on the random walk: a pure-JS session (no tfjs in this worker). */
import { randomWalkSession } from '../src/algorithms/randomWalk/td';
import { exposeSession } from './runtime/plain';

exposeSession(randomWalkSession);
