/** Maximum-entropy inverse RL on a gridworld: the library behind the inverse-RL lecture's demo. */
export * from './maxent';
export * from './presets';
