// Runs a TypeScript module in Node through Vite's module runner (Node 20 cannot load .ts itself):
//   node scripts/vae/run-ts.mjs scripts/vae/train.ts [args…]
// The module's default export, if it is a function, is called with the remaining arguments.
import { runnerImport } from 'vite';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/vae/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const { module } = await runnerImport(resolve(file), { configFile: false, logLevel: 'error' });
if (typeof module.default === 'function') await module.default(args);
