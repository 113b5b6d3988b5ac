/** The runtime's reference trainer (MLP regression) in a worker: tests, Backends page, bench. */
import { referenceTrainer } from '../src/algorithms/runtime/referenceModel';
import { exposeTrainer } from './runtime';

exposeTrainer(referenceTrainer);
