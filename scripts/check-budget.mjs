// Checks the production build against the lecture-page budget: for every lecture route, the
// gzipped JavaScript it fetches before the user scrolls (its entry script, everything that entry
// imports statically, and every <link rel="modulepreload"> in the route's index.html with their
// static imports, read from Vite's manifest) must stay within BUDGET_KB; and no page chunk (any
// JavaScript the page itself can load, i.e. everything in the manifest; workers are built apart)
// may contain TensorFlow.js. Plain Node, no dependencies. `bench.mjs` reports the same figure.
//
//   node scripts/check-budget.mjs [distDir]      (BASE_PATH as for the build, default /rl-playground/)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Largest allowed gzipped JavaScript before the first scroll, per lecture route (kB = 1024 bytes). */
export const BUDGET_KB = 200;

/** Strings that only TensorFlow.js bundles contain (they survive minification). */
const TFJS_MARKERS = ['tfjsflags', 'Tensor is disposed', 'WEBGL_VERSION'];

export function containsTfjs(source) {
  return TFJS_MARKERS.some((marker) => source.includes(marker));
}

/**
 * The JavaScript files named by an HTML page before any script runs: module scripts and module
 * preloads, as paths relative to the build root (the site base stripped).
 */
export function htmlScriptFiles(html, base) {
  const files = [];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  for (const tag of tags) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    if (!isModuleScript && !isPreload) continue;
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || /^(https?:)?\/\//.test(url)) continue;
    files.push(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  }
  return files;
}

/**
 * Closes a set of built files over their static imports in a Vite manifest
 * (`{ [key]: { file, imports?: key[] } }`). Dynamic imports are not followed: they load later.
 */
export function staticClosure(manifest, files) {
  const keyByFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const key = keyByFile.get(file);
    for (const imported of (key && manifest[key].imports) || []) visit(manifest[imported].file);
  };
  files.forEach(visit);
  return [...seen];
}

/** Gzipped size in kB (level 9, as a static host would serve it). */
export function gzipKb(buffer) {
  return gzipSync(buffer, { level: 9 }).length / 1024;
}

/**
 * Measures every lecture route of a build. `readFile(path)` reads a file relative to the build
 * root (a parameter so the unit test can hand in a fake build).
 * @returns {{ route: string, files: string[], kb: number }[]}
 */
export function measureRoutes({ manifest, routes, base, readFile }) {
  return routes.map((route) => {
    const html = readFile(`${route}/index.html`).toString('utf8');
    const files = staticClosure(manifest, htmlScriptFiles(html, base)).filter((file) => file.endsWith('.js'));
    const kb = files.reduce((sum, file) => sum + gzipKb(readFile(file)), 0);
    return { route, files, kb };
  });
}

/** Page chunks (every JavaScript file in the manifest) that contain TensorFlow.js. */
export function tfjsPageChunks({ manifest, readFile }) {
  const files = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
  return files.filter((file) => containsTfjs(readFile(file).toString('utf8')));
}

/** Runs both checks; returns the problems found (empty when the build is within budget). */
export function checkBuild({ manifest, routes, base, readFile, budgetKb = BUDGET_KB }) {
  const measured = measureRoutes({ manifest, routes, base, readFile });
  const problems = [];
  if (routes.length === 0) problems.push('no lecture routes found in the build');
  for (const { route, kb } of measured) {
    if (kb > budgetKb) problems.push(`${route}: ${kb.toFixed(1)} kB of JavaScript before the first scroll (budget ${budgetKb} kB)`);
  }
  for (const file of tfjsPageChunks({ manifest, readFile })) {
    problems.push(`${file}: page chunk contains TensorFlow.js (tfjs belongs in worker bundles only)`);
  }
  return { measured, problems };
}

/** Reads a build directory: its manifest and its lecture routes. */
export function loadBuild(distDir, base = process.env.BASE_PATH ?? '/rl-playground/') {
  const manifestFile = join(distDir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build with build.manifest enabled`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const lectureDir = join(distDir, 'lecture');
  const routes = existsSync(lectureDir)
    ? readdirSync(lectureDir)
        .filter((slug) => existsSync(join(lectureDir, slug, 'index.html')))
        .sort()
        .map((slug) => `lecture/${slug}`)
    : [];
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return { manifest, routes, base: prefix, readFile: (path) => readFileSync(join(distDir, path)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const distDir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const { measured, problems } = checkBuild(loadBuild(distDir));
  for (const { route, kb, files } of [...measured].sort((a, b) => b.kb - a.kb)) {
    console.log(`${kb.toFixed(1).padStart(7)} kB  ${route}  (${files.length} files)`);
  }
  const largest = measured.reduce((a, b) => (b.kb > a.kb ? b : a), { kb: 0, route: '-' });
  console.log(`largest: ${largest.kb.toFixed(1)} kB (${largest.route}), budget ${BUDGET_KB} kB`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`FAIL ${problem}`);
    process.exit(1);
  }
  console.log('budget check passed');
}
