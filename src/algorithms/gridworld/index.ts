/** Gridworld MDPs and their solvers. Conventions: see mdp.ts. */
export * from './mdp';
export * from './transitionModel';
export * from './grid';
export * from './valueIteration';
export * from './policyIteration';
export * from './softValueIteration';
export * from './qLearning';
export * from './maze';
export * from './colormap';
