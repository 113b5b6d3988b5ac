// Writes dist/sw.js after the build (and after the prerendered routes): the service worker that
// makes the course work offline after one visit. Its precache list is every file the build wrote
// (pages, chunks, workers, tfjs .wasm, models, digit data, weights); its version is a hash of their
// contents, so a new build installs beside the old one and the page offers to update.
// Written here rather than with workbox-build: the list is a directory walk and the worker is
// about 80 lines (sw-template.js), where workbox-build would add Babel and a second Rollup to
// every `npm ci`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./sw-template.js', import.meta.url));
/** Not worth caching, or not part of the site. */
const SKIP = [/^\.vite\//, /^sw\.js$/, /\.map$/];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The precache list (paths relative to the site's base) and a version hash of the files. */
export function precacheList(outDir) {
  const hash = createHash('sha256');
  const files = walk(outDir)
    .map((path) => ({ path, url: relative(outDir, path).split(sep).join('/') }))
    .filter(({ url }) => !SKIP.some((re) => re.test(url)))
    .sort((a, b) => a.url.localeCompare(b.url));
  for (const { path, url } of files) {
    hash.update(url);
    hash.update(readFileSync(path));
  }
  // A route's page is asked for as `lecture/x/` or `lecture/x`; the worker maps both to index.html.
  return { urls: files.map((f) => f.url), version: hash.digest('hex').slice(0, 16) };
}

export default function serviceWorkerPlugin() {
  let outDir = 'dist';
  return {
    name: 'rl-playground:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      // After every other plugin's closeBundle (the prerendered routes are written there).
      order: 'post',
      sequential: true,
      handler() {
        const { urls, version } = precacheList(outDir);
        const source = readFileSync(TEMPLATE, 'utf8')
          .replace('__VERSION__', version)
          .replace('[/* __PRECACHE__ */]', JSON.stringify(urls));
        writeFileSync(join(outDir, 'sw.js'), source);
        console.log(`service worker: ${urls.length} files precached, version ${version}`);
      },
    },
  };
}
