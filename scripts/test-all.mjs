// `npm test`: typecheck, lint, unit tests, production build under the Pages sub-path (with the
// test-only hooks, VITE_TEST_HOOKS=1), the page-weight budget check on that build, then the
// Playwright suite against it. Ends with one line `N passed, N failed` summing the unit tests,
// the budget check and the browser tests; a failing gate (typecheck, lint, build) counts as one
// failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { ensureSetup } from './ensure-setup.mjs';

const BASE_PATH = process.env.BASE_PATH ?? '/rl-playground/';
let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  lines.push(`${label.padEnd(12)} ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function gate(label, command, args, env) {
  const ok = run(label, command, args, env);
  if (!ok) failed += 1;
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

ensureSetup();
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

gate('typecheck', 'npx', ['tsc', '-b']);
gate('lint', 'npx', ['eslint', '.', '--max-warnings=0']);

const unitOk = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  lines.push(`  unit tests: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) failed += 1;

const built = gate('build', 'npx', ['vite', 'build'], { BASE_PATH, VITE_TEST_HOOKS: '1' });
if (built) {
  // Counted as one test: every lecture route within the JavaScript budget, no tfjs in page chunks.
  if (run('budget', 'node', ['scripts/check-budget.mjs'], { BASE_PATH })) passed += 1;
  else failed += 1;
  const e2eOk = run('browser', 'npx', ['playwright', 'test'], { BASE_PATH });
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    const ok = e2e.stats.expected + (e2e.stats.flaky ?? 0);
    const bad = e2e.stats.unexpected;
    passed += ok;
    failed += bad;
    lines.push(`  browser tests: ${ok} passed, ${bad} failed, ${e2e.stats.skipped} skipped`);
    if (!e2eOk && bad === 0) failed += 1;
  } else if (!e2eOk) {
    failed += 1;
  }
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
