// Makes `npm test` work on a fresh clone: installs node_modules (npm ci) when missing and
// Debian's chromium when no browser is found. Uses only Node built-ins.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function sh(command) {
  console.log(`$ ${command}`);
  const result = spawnSync('bash', ['-c', command], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`set-up step failed: ${command}`);
}

export function ensureSetup() {
  if (!existsSync('node_modules/.package-lock.json')) sh('npm ci --no-audit --no-fund');
  const haveBrowser =
    (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) || existsSync('/usr/bin/chromium');
  if (!haveBrowser) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    sh(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium fonts-dejavu-core`);
  }
}
