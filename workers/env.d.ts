/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in test builds (npm test, the bench): test hooks, bench helpers and fault injection exist only then. */
  readonly VITE_TEST_HOOKS?: string;
}
