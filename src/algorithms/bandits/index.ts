/**
 * Multi-armed bandits and deep exploration: the library behind the exploration lecture's demo.
 * `simulateBandit` is the small public entry point; the rest is for the demo, tests and bench.
 */
export { simulateBandit, type SimulateBanditOptions, type BanditRun } from './simulate';
export * from './bandit';
export * from './regret';
export * from './chain';
export { sampleBeta, sampleGamma, betaDensity, logGamma } from './sampling';
