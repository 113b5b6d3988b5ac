import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DemoProps } from '../demos/types';

/** A demo a lecture can place in a slot. `component` is absent until the demo is built. */
export interface DemoEntry {
  title: string;
  /** What the demo will show, displayed in the slot while it is still coming. */
  description: string;
  /**
   * Loaded when the slot nears the viewport, never with the page: keep it a lazy import, so the
   * demo's code, its chart and formula libraries and its worker stay out of the page's JavaScript.
   */
  component?: LazyExoticComponent<ComponentType<DemoProps>>;
  /**
   * Height in px the slot reserves before the demo mounts (DEFAULT_DEMO_HEIGHT if absent). Beside
   * the text on a wide screen the demo's box is exactly this tall (at most the viewport's height)
   * and scrolls inside; widened or on a narrow screen it is the box's minimum height.
   */
  height?: number;
}

/** Reserved demo height when an entry names none: about one laptop screen. */
export const DEFAULT_DEMO_HEIGHT = 720;

export const DEMOS: Record<string, DemoEntry> = {
  gridworld: {
    title: 'Gridworld: value iteration, policy iteration and soft optimality',
    description:
      'Edit a gridworld, run Bellman backups sweep by sweep and watch the values spread and the error contract.',
    component: lazyDemo(() => import('../demos/gridworld/GridworldDemo')),
  },
  cartpole: {
    title: 'Cart-pole: REINFORCE and actor-critic',
    description: 'Train a policy network live on CartPole-v1 and compare baselines across seeds.',
    component: lazyDemo(() => import('../demos/cartpole/CartpoleDemo')),
    // the frame down to its chart is about 860 px in the wider column of a 1920 × 1080 screen
    height: 870,
  },
  'random-walk': {
    title: 'TD(0) prediction on a random walk',
    description: 'Bootstrapped value estimates converging to the true values of a five-state random walk.',
    component: lazyDemo(() => import('../demos/random-walk/RandomWalkDemo')),
  },
  dqn: {
    title: 'Deep Q-network',
    description: 'A DQN with replay buffer and target network, trained live, with and without double Q.',
  },
  ppo: {
    title: 'Trust regions and PPO',
    description: 'Compare vanilla policy gradient, natural gradient and clipped PPO updates on the same task.',
  },
  'cem-lqr': {
    title: 'Planning: random shooting, CEM, LQR and iLQR',
    description: 'Watch sampled action sequences get refit by the cross-entropy method, MPC rescue a noisy plan, LQR solve a linear system exactly as the lecture writes it, and iLQR race CEM to swing up a pendulum or a cart-pole.',
    component: lazyDemo(() => import('../demos/planning/PlanningDemo')),
    height: 760,
  },
  mcts: {
    title: 'Monte Carlo tree search',
    description: 'Grow a UCT search tree step by step and see visit counts and value estimates at every node.',
    component: lazyDemo(() => import('../demos/mcts/MctsDemo')),
  },
  'model-based': {
    title: 'Model-based RL with ensembles',
    description: 'Fit a bootstrap ensemble of dynamics models, plan with MPC, and see where the models disagree.',
  },
  dyna: {
    title: 'Dyna',
    description: 'Mix real and imagined transitions in Q-learning and see how much faster it learns.',
  },
  vae: {
    title: 'Variational autoencoder',
    description: 'Train a VAE in the browser and sample its two-dimensional latent space.',
    component: lazyDemo(() => import('../demos/vae/VaeDemo')),
  },
  bandits: {
    title: 'Multi-armed bandits',
    description: 'Epsilon-greedy, UCB and Thompson sampling on the same bandit, with their regret curves.',
    component: lazyDemo(() => import('../demos/bandits/BanditsDemo')),
    height: 760,
  },
  'maxent-irl': {
    title: 'Maximum-entropy inverse RL',
    description: 'Recover a gridworld reward from demonstrations by matching expected state visitations.',
    component: lazyDemo(() => import('../demos/maxent-irl/IrlDemo')),
    height: 760,
  },
};

/** Wraps a lazy import so registry entries stay one line long. */
export function lazyDemo(load: () => Promise<{ default: ComponentType<DemoProps> }>) {
  return lazy(load);
}
