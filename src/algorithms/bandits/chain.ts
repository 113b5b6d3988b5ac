/**
 * Deep exploration on a chain: states 0..n−1, the agent starts at 0 and may step left or right.
 * Stepping left at state 0 pays a small reward r₀ and ends the episode (a nearby, safe exit);
 * reaching state n−1 pays 1 and ends the episode; every other move pays 0. Episodes last at most
 * H = 2n steps.
 *
 * Tabular Q-learning with ε-greedy actions (ties broken at random):
 *   Q(s, a) ← Q(s, a) + α [r⁺ + γ max_a' Q(s', a') − Q(s, a)]   (no bootstrap past either end),
 * where r⁺ = r for plain ε-greedy and r⁺ = r + β / √N(s') with the count-based bonus (N(s') the
 * visits to s' so far, this one included; no bonus for leaving). Dithering finds r₀ at once and
 * then needs about n consecutive lucky right-steps to see the far reward; the bonus makes unvisited states worth
 * walking to, so the agent sweeps the chain.
 */
import { createRng } from '../common/rng';

export type ChainMethod = 'epsilon-greedy' | 'count-bonus';

export interface ChainConfig {
  length: number;
  episodes: number;
  method: ChainMethod;
  seed: number;
  epsilon?: number;
  beta?: number;
  alpha?: number;
  gamma?: number;
  smallReward?: number;
  /** Snapshots of the visit counts to keep (evenly spaced over the episodes, the last included). */
  frames?: number;
}

export interface ChainResult {
  /** Visit counts of each state after episodes `frameEpisodes[k]`. */
  frames: number[][];
  frameEpisodes: number[];
  /** Task return (without the bonus) of every episode. */
  returns: number[];
  /** Episodes that reached the far end, and the first one that did (1-based; null if never). */
  goals: number;
  firstGoal: number | null;
  /** Greedy action of each state at the end: 1 = right, 0 = left. */
  greedy: number[];
}

export const MAX_CHAIN_LENGTH = 60;
export const MAX_CHAIN_EPISODES = 5000;

export function validateChain(c: ChainConfig): void {
  if (!Number.isInteger(c.length) || c.length < 3 || c.length > MAX_CHAIN_LENGTH) {
    throw new Error(`The chain must have a whole number of states from 3 to ${MAX_CHAIN_LENGTH} (got ${c.length}).`);
  }
  if (!Number.isInteger(c.episodes) || c.episodes < 1 || c.episodes > MAX_CHAIN_EPISODES) {
    throw new Error(`Episodes must be a whole number from 1 to ${MAX_CHAIN_EPISODES} (got ${c.episodes}).`);
  }
  if (c.method !== 'epsilon-greedy' && c.method !== 'count-bonus') throw new Error(`Unknown method "${String(c.method)}".`);
}

export function runChain(c: ChainConfig): ChainResult {
  validateChain(c);
  const { length: n, episodes } = c;
  const epsilon = c.epsilon ?? 0.1;
  const beta = c.method === 'count-bonus' ? (c.beta ?? 0.5) : 0;
  const alpha = c.alpha ?? 0.5;
  const gamma = c.gamma ?? 0.9;
  const small = c.smallReward ?? 0.05;
  const horizon = 2 * n;
  const rng = createRng(c.seed);
  const q = new Float64Array(n * 2);
  const visits = new Float64Array(n);
  const frameCount = Math.max(1, Math.min(episodes, c.frames ?? 20));
  const frameAt = new Set(Array.from({ length: frameCount }, (_, k) => Math.round(((k + 1) * episodes) / frameCount)));
  const result: ChainResult = { frames: [], frameEpisodes: [], returns: [], goals: 0, firstGoal: null, greedy: [] };
  const greedyAction = (s: number) => {
    const l = q[2 * s], r = q[2 * s + 1];
    return l === r ? rng.int(2) : r > l ? 1 : 0;
  };

  for (let episode = 1; episode <= episodes; episode++) {
    let s = 0;
    visits[0] += 1;
    let ret = 0;
    for (let t = 0; t < horizon; t++) {
      const a = rng.next() < epsilon ? rng.int(2) : greedyAction(s);
      if (a === 0 && s === 0) {
        // the safe exit: r₀, episode over
        ret += small;
        q[0] += alpha * (small - q[0]);
        break;
      }
      const next = a === 1 ? s + 1 : s - 1;
      const reward = next === n - 1 ? 1 : 0;
      visits[next] += 1;
      ret += reward;
      const terminal = next === n - 1;
      const bonus = beta > 0 ? beta / Math.sqrt(visits[next]) : 0;
      const target = reward + bonus + (terminal ? 0 : gamma * Math.max(q[2 * next], q[2 * next + 1]));
      q[2 * s + a] += alpha * (target - q[2 * s + a]);
      s = next;
      if (terminal) {
        result.goals++;
        result.firstGoal ??= episode;
        break;
      }
    }
    result.returns.push(ret);
    if (frameAt.has(episode)) {
      result.frames.push(Array.from(visits));
      result.frameEpisodes.push(episode);
    }
  }
  for (let s = 0; s < n; s++) result.greedy.push(q[2 * s + 1] > q[2 * s] ? 1 : 0);
  return result;
}
