import type { ComponentType } from 'react';

/** One lecture of the course, in course order. `slug` is its folder and its URL. */
export interface LectureInfo {
  slug: string;
  number: number;
  title: string;
  /** One line for the syllabus. */
  summary: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const LECTURES: readonly LectureInfo[] = [
  {
    slug: 'introduction',
    number: 1,
    title: 'Introduction to reinforcement learning',
    summary: 'MDPs and POMDPs, the RL objective, state-action marginals, and the families of algorithms.',
    load: () => import('./introduction/index.mdx'),
  },
  {
    slug: 'policy-gradients',
    number: 2,
    title: 'Policy gradients',
    summary: 'The likelihood-ratio gradient, REINFORCE, reward-to-go, baselines and off-policy corrections.',
    load: () => import('./policy-gradients/index.mdx'),
  },
  {
    slug: 'actor-critic',
    number: 3,
    title: 'Actor-critic methods',
    summary: 'Fitting value functions, discounting, batch and online actor-critic, n-step returns and GAE.',
    load: () => import('./actor-critic/index.mdx'),
  },
  {
    slug: 'value-functions',
    number: 4,
    title: 'Value-function methods',
    summary: 'Policy and value iteration, fitted Q-iteration, Q-learning and why contraction matters.',
    load: () => import('./value-functions/index.mdx'),
  },
  {
    slug: 'deep-q-learning',
    number: 5,
    title: 'Deep Q-learning',
    summary: 'Replay buffers, target networks, double Q, multi-step targets, continuous actions and DDPG.',
    load: () => import('./deep-q-learning/index.mdx'),
  },
  {
    slug: 'advanced-policy-gradients',
    number: 6,
    title: 'Advanced policy gradients',
    summary: 'Policy improvement bounds, the natural gradient, TRPO and PPO.',
    load: () => import('./advanced-policy-gradients/index.mdx'),
  },
  {
    slug: 'optimal-control',
    number: 7,
    title: 'Optimal control and planning',
    summary: 'Random shooting, CEM, MCTS, shooting vs collocation, LQR, iLQR and DDP.',
    load: () => import('./optimal-control/index.mdx'),
  },
  {
    slug: 'model-based-rl',
    number: 8,
    title: 'Model-based reinforcement learning',
    summary: 'Learning dynamics, replanning with MPC, model uncertainty, ensembles and latent models.',
    load: () => import('./model-based-rl/index.mdx'),
  },
  {
    slug: 'model-based-policy-learning',
    number: 9,
    title: 'Model-based policy learning',
    summary: 'Backpropagating into the policy, Dyna, local models, guided policy search and distillation.',
    load: () => import('./model-based-policy-learning/index.mdx'),
  },
  {
    slug: 'variational-inference',
    number: 10,
    title: 'Variational inference and the VAE',
    summary: 'Latent variable models, the evidence lower bound, amortised inference and the reparameterisation trick.',
    load: () => import('./variational-inference/index.mdx'),
  },
  {
    slug: 'control-as-inference',
    number: 11,
    title: 'Control as inference',
    summary: 'Optimality variables, backward and forward messages, soft optimality and entropy-regularised RL.',
    load: () => import('./control-as-inference/index.mdx'),
  },
  {
    slug: 'inverse-rl',
    number: 12,
    title: 'Inverse reinforcement learning',
    summary: 'Feature matching, maximum-entropy IRL and its sampling-based versions.',
    load: () => import('./inverse-rl/index.mdx'),
  },
  {
    slug: 'exploration',
    number: 13,
    title: 'Exploration',
    summary: 'Bandits, optimism and UCB, posterior sampling, information gain, counts and pseudo-counts.',
    load: () => import('./exploration/index.mdx'),
  },
  {
    slug: 'transfer-and-meta-rl',
    number: 14,
    title: 'Transfer, imitation and meta-learning',
    summary: 'Transfer and multi-task learning, combining imitation with RL, and learning to learn.',
    load: () => import('./transfer-and-meta-rl/index.mdx'),
  },
];

export function findLecture(slug: string | undefined): LectureInfo | undefined {
  return LECTURES.find((lecture) => lecture.slug === slug);
}
