/**
 * Large-grid value iteration off the main thread, on the shared session runtime (pure JS, no
 * tfjs): one iteration = one sweep, the value map as the view. Test builds add two bench queries.
 */
import { largeGridSession, type LargeGridConfig, type LargeGridView } from '../src/algorithms/gridworld/largeGridSession';
import { bellmanSweep, openGrid, parseGrid, stepRewards, type ValueArray } from '../src/algorithms/gridworld';
import type { TrainerDefinition } from '../src/algorithms/runtime/trainer';
import { exposeSession } from './runtime/plain';

export type GridBenchQueries = {
  /** Times `repeats` sweeps over a side x side open grid (after `warmup` untimed ones), in ms each. */
  benchSweep(args: { side: number; repeats: number; warmup: number; precision: 'float32' | 'float64' }): number[];
  /** Sweeps per second on the classic 4x3 grid, counted over `ms` milliseconds. */
  benchSmall(args: { ms: number }): number;
};

const benchQueries: GridBenchQueries = {
  benchSweep({ side, repeats, warmup, precision }) {
    const mdp = openGrid(side);
    const reward = stepRewards(mdp, -0.01);
    const Array_ = precision === 'float32' ? Float32Array : Float64Array;
    let from: ValueArray = new Array_(mdp.end + 1);
    let to: ValueArray = new Array_(mdp.end + 1);
    const times: number[] = [];
    for (let k = 0; k < warmup + repeats; k++) {
      const t0 = performance.now();
      bellmanSweep(mdp, reward, from, to, 0.99, 0.2);
      if (k >= warmup) times.push(performance.now() - t0);
      [from, to] = [to, from];
    }
    return times;
  },
  benchSmall({ ms }) {
    const mdp = parseGrid('. . . +1\n. # . -1\nS . . .');
    const reward = stepRewards(mdp, -0.04);
    let from = new Float64Array(mdp.end + 1);
    let to = new Float64Array(mdp.end + 1);
    for (let k = 0; k < 10_000; k++) bellmanSweep(mdp, reward, from, to, 0.9, 0.2);
    let sweeps = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let k = 0; k < 1000; k++) {
        bellmanSweep(mdp, reward, from, to, 0.9, 0.2);
        [from, to] = [to, from];
      }
      sweeps += 1000;
      elapsed = performance.now() - t0;
    }
    return sweeps / (elapsed / 1000);
  },
};

/** The bench queries exist only in test builds (VITE_TEST_HOOKS=1). */
const withBench: TrainerDefinition<LargeGridConfig, LargeGridView, GridBenchQueries> = {
  ...largeGridSession,
  create: async (config, seed) => ({ ...(await largeGridSession.create(config, seed)), queries: benchQueries }),
};

if (import.meta.env.VITE_TEST_HOOKS === '1') exposeSession(withBench);
else exposeSession(largeGridSession);
