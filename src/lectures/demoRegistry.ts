import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DemoProps } from '../demos/types';

/** A demo a lecture can place in a slot. `load` is absent until the demo is built. */
export interface DemoEntry {
  title: string;
  /** What the demo will show, displayed in the slot while it is still coming. */
  description: string;
  component?: LazyExoticComponent<ComponentType<DemoProps>>;
}

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
    title: 'Planning: random shooting, CEM and LQR',
    description: 'Watch sampled action sequences get refit by the cross-entropy method, and an LQR controller solve a linear system exactly.',
  },
  mcts: {
    title: 'Monte Carlo tree search',
    description: 'Grow a UCT search tree step by step and see visit counts and value estimates at every node.',
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
  },
  bandits: {
    title: 'Multi-armed bandits',
    description: 'Epsilon-greedy, UCB and Thompson sampling on the same bandit, with their regret curves.',
  },
  'maxent-irl': {
    title: 'Maximum-entropy inverse RL',
    description: 'Recover a gridworld reward from demonstrations by matching expected state visitations.',
  },
};

/** Wraps a lazy import so registry entries stay one line long. */
export function lazyDemo(load: () => Promise<{ default: ComponentType<DemoProps> }>) {
  return lazy(load);
}
