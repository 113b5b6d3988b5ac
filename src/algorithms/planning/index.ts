/** Planning with a known model: random shooting, CEM, LQR, iLQR and the tasks they are shown on. */
export * from './linalg';
export * from './lqr';
export * from './shooting';
export * from './ilqr';
export * from './systems';
export * from './pendulum';
export * from './cartpoleSwingUp';
export * from './swingUp';
export * from './pointRobot';
export * from './session';
