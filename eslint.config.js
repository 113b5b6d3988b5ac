import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports flow one way: algorithms ← workers ← demos ← lectures ← app.
// Each zone says which folders files in `target` may not import from.
const layers = [
  { target: './src/algorithms', from: ['./workers', './src/demos', './src/lectures', './src/app', './src/components'] },
  { target: './workers', from: ['./src/demos', './src/lectures', './src/app', './src/components'] },
  { target: './src/demos', from: ['./src/lectures', './src/app'] },
  { target: './src/lectures', from: ['./src/app'] },
  { target: './src/components', from: ['./src/demos', './src/lectures', './src/app', './workers'] },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/*.json', '**/*.mdx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.mdx'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers.map((z) => ({ ...z, message: 'imports flow algorithms ← workers ← demos ← lectures ← app' })) }],
      'import-x/no-cycle': ['error', { maxDepth: 8 }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure algorithm code: no UI, no worker plumbing, no app state.
    files: ['src/algorithms/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['react', 'react-dom', 'comlink', 'zustand', 'recharts', 'katex'].map((name) => ({ name, message: 'src/algorithms is pure TypeScript' })),
      }],
    },
  },
  {
    // tfjs stays out of the main bundle: only workers and algorithm model files import it.
    files: ['src/app/**', 'src/lectures/**', 'src/components/**', 'src/demos/**'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@tensorflow/*'], message: 'tfjs runs in workers only', allowTypeImports: true }],
      }],
    },
  },
);
