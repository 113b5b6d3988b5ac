/** Cart-pole REINFORCE / actor-critic in a worker, run by the shared training runtime. */
import { cartpoleTrainer } from '../src/algorithms/cartpole/trainer';
import { exposeTrainer } from './runtime';

exposeTrainer(cartpoleTrainer);
