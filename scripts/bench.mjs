// `npm run bench`: builds the site under the Pages sub-path, serves it on 127.0.0.1, drives it in
// headless Chromium and writes bench/results.json as {"metrics":[{name,value,unit,better}]}.
// Site-wide metrics live here; each demo adds its own in bench/<name>.bench.mjs, a module whose
// default export is `async ({ browser, baseURL, newPage }) => Metric[]`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { checkBuild, loadBuild } from './check-budget.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE_PATH = '/rl-playground/';
const only = process.argv.slice(2);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, BASE_PATH, VITE_TEST_HOOKS: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { server, url: baseURL } = await startServer({ port: Number(process.env.BENCH_PORT ?? 4180), base: BASE_PATH });
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath, args });
const newPage = async (viewport = { width: 1400, height: 900 }) => (await browser.newContext({ viewport })).newPage();

/** gzip size in kB of a built file, by URL path under the base. */
function gzipKb(pathname) {
  const file = join(root, 'dist', decodeURIComponent(pathname.slice(BASE_PATH.length)));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length / 1024 : 0;
}

/**
 * LCP and the JavaScript actually fetched (gzipped, worker bundles excluded) by one lecture page
 * on a cold cache at 1400 x 900, without scrolling: the page's own code plus any demo whose slot
 * lies within the mount margin of the first screen.
 */
async function measureLecture(slug) {
  const page = await newPage();
  const scripts = new Set();
  page.on('request', (request) => {
    // Worker bundles (tfjs lives there) train in the background; they are not needed to show the page.
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script' && !/\.worker-[\w-]+\.js$/.test(path)) scripts.add(path);
  });
  await page.goto(`${baseURL}lecture/${slug}`, { waitUntil: 'networkidle' });
  await page.locator('.katex').first().waitFor();
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1].startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(NaN), 3000);
      }),
  );
  const js = [...scripts].reduce((sum, path) => sum + gzipKb(path), 0);
  await page.context().close();
  return { slug, js, lcp };
}

const metrics = [];
async function siteMetrics() {
  const slugs = readdirSync(join(root, 'src/lectures')).filter((slug) => existsSync(join(root, 'src/lectures', slug, 'index.mdx')));
  const pages = [];
  for (const slug of slugs) pages.push(await measureLecture(slug));
  const fetchedMost = pages.reduce((a, b) => (b.js > a.js ? b : a));
  const slowest = pages.reduce((a, b) => (b.lcp > a.lcp ? b : a));
  // The budget check's figure: the route's entry, static imports and modulepreloads.
  const { measured } = checkBuild(loadBuild(join(root, 'dist'), BASE_PATH));
  const heaviest = measured.reduce((a, b) => (b.kb > a.kb ? b : a));
  metrics.push(
    { name: 'initial_js_gzip_kb', value: round(heaviest.kb), unit: 'kB', better: 'lower', note: `heaviest lecture: ${heaviest.route}` },
    { name: 'lecture_lcp_ms', value: round(slowest.lcp), unit: 'ms', better: 'lower', note: `slowest lecture: ${slowest.slug}` },
    {
      name: 'lecture_js_fetched_unscrolled_kb',
      value: round(fetchedMost.js),
      unit: 'kB',
      better: 'lower',
      note: `most fetched without scrolling (demos near the first screen included): ${fetchedMost.slug}`,
    },
  );
}

function round(value) {
  return Math.round(value * 100) / 100;
}

try {
  if (only.length === 0 || only.includes('site')) await siteMetrics();
  const benchDir = join(root, 'bench');
  for (const file of readdirSync(benchDir).filter((name) => name.endsWith('.bench.mjs')).sort()) {
    const name = file.replace('.bench.mjs', '');
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`running bench/${file}…`);
    const module = await import(pathToFileURL(join(benchDir, file)).href);
    try {
      metrics.push(...(await module.default({ browser, baseURL, newPage })));
    } catch (error) {
      console.error(`bench/${file} failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  server.close();
}

writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ metrics, measuredAt: new Date().toISOString() }, null, 2) + '\n');
const width = Math.max(...metrics.map((m) => m.name.length), 10);
console.log(`\n${'metric'.padEnd(width)}  ${'value'.padStart(12)}  unit     better`);
for (const m of metrics) {
  console.log(`${m.name.padEnd(width)}  ${String(m.value).padStart(12)}  ${m.unit.padEnd(7)}  ${m.better}${m.note ? `  (${m.note})` : ''}`);
}
console.log(`\nwritten to bench/results.json`);
