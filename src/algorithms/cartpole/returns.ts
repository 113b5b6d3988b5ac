/**
 * Returns and advantages over one time-ordered segment of a single environment copy.
 *
 * Notation per step t: reward r_t, value V(s_t) = values[t], the value of the state the step
 * reached V(s_{t+1}) = nextValues[t] (for a truncated step: the state before the reset),
 * terminated[t] = 1 when s_{t+1} is terminal (its value is 0), ended[t] = 1 when the episode
 * stopped after step t for any reason (terminated or truncated at 500 steps).
 */

/** Whole-trajectory return Σ_t γ^t r_t of one episode, the same weight for every step. */
export function trajectoryReturn(rewards: ArrayLike<number>, gamma: number): number {
  let total = 0;
  for (let t = rewards.length - 1; t >= 0; t--) total = rewards[t] + gamma * total;
  return total;
}

/** Reward-to-go G_t = Σ_{t' ≥ t} γ^{t'−t} r_{t'} of one episode. */
export function rewardToGo(rewards: ArrayLike<number>, gamma: number, out = new Float64Array(rewards.length)): Float64Array {
  let running = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    running = rewards[t] + gamma * running;
    out[t] = running;
  }
  return out;
}

export interface Segment {
  rewards: ArrayLike<number>;
  values: ArrayLike<number>;
  nextValues: ArrayLike<number>;
  terminated: ArrayLike<number>;
  ended: ArrayLike<number>;
}

/**
 * GAE(λ): δ_t = r_t + γ V(s_{t+1})(1 − terminated_t) − V(s_t), Â_t = δ_t + γλ (1 − ended_t) Â_{t+1}.
 * λ = 0 gives the one-step TD error, λ = 1 the Monte-Carlo return minus V(s_t) (bootstrapped at a
 * cut). Writes advantages into `out`.
 */
export function gae(seg: Segment, gamma: number, lambda: number, out = new Float64Array(seg.rewards.length)): Float64Array {
  let next = 0;
  for (let t = seg.rewards.length - 1; t >= 0; t--) {
    const bootstrap = seg.terminated[t] ? 0 : gamma * seg.nextValues[t];
    const delta = seg.rewards[t] + bootstrap - seg.values[t];
    next = delta + (seg.ended[t] ? 0 : gamma * lambda * next);
    out[t] = next;
  }
  return out;
}

/**
 * n-step advantage: Σ_{k<m} γ^k r_{t+k} + γ^m V(s_{t+m}) − V(s_t), where m ≤ n stops early at the
 * end of the episode or of the segment; a terminal state contributes value 0.
 */
export function nStepAdvantage(seg: Segment, gamma: number, n: number, out = new Float64Array(seg.rewards.length)): Float64Array {
  const T = seg.rewards.length;
  for (let t = 0; t < T; t++) {
    let total = 0;
    let discount = 1;
    let k = t;
    for (;;) {
      total += discount * seg.rewards[k];
      discount *= gamma;
      if (seg.ended[k] || k - t + 1 >= n || k === T - 1) break;
      k++;
    }
    if (!seg.terminated[k]) total += discount * seg.nextValues[k];
    out[t] = total - seg.values[t];
  }
  return out;
}

/** (a − mean) / (std + 1e-8) in place; returns [mean, std] before normalising. */
export function normalize(values: Float64Array): [number, number] {
  const n = values.length;
  if (n === 0) return [0, 0];
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2;
  const std = Math.sqrt(variance / n);
  for (let i = 0; i < n; i++) values[i] = (values[i] - mean) / (std + 1e-8);
  return [mean, std];
}
