import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkBuild, containsTfjs, htmlScriptFiles, measureRoutes, staticClosure } from './check-budget.mjs';

/** Deterministic, poorly compressible filler so sizes differ clearly between files. */
function noise(bytes: number, seed: number): string {
  let state = seed;
  let out = '';
  while (out.length < bytes) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(33 + (state % 90));
  }
  return out;
}

const BASE = '/rl-playground/';
// A small fake build: the entry imports a vendor chunk and dynamically a demo; the lecture chunk
// (preloaded by its route) imports the same vendor chunk; the demo imports a chart library.
const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/demo.tsx', 'src/lecture.mdx'] },
  '_vendor.js': { file: 'assets/vendor.js' },
  'src/lecture.mdx': { file: 'assets/lecture.js', isDynamicEntry: true, imports: ['_vendor.js'] },
  'src/demo.tsx': { file: 'assets/demo.js', isDynamicEntry: true, imports: ['_charts.js'] },
  '_charts.js': { file: 'assets/charts.js' },
  'index.css': { file: 'assets/index.css' },
};
const files: Record<string, string> = {
  'assets/index.js': noise(3000, 1),
  'assets/vendor.js': noise(9000, 2),
  'assets/lecture.js': noise(5000, 3),
  'assets/demo.js': noise(20000, 4),
  'assets/charts.js': noise(40000, 5),
  'assets/index.css': noise(50000, 6),
  'lecture/a/index.html':
    `<html><head><script type="module" crossorigin src="${BASE}assets/index.js"></script>` +
    `<link rel="stylesheet" href="${BASE}assets/index.css">` +
    `<link rel="modulepreload" crossorigin href="${BASE}assets/lecture.js"></head></html>`,
  'lecture/b/index.html': `<html><head><script type="module" crossorigin src="${BASE}assets/index.js"></script></head></html>`,
};
const readFile = (path: string) => {
  if (!(path in files)) throw new Error(`no file ${path}`);
  return Buffer.from(files[path]);
};
const gz = (path: string) => gzipSync(Buffer.from(files[path]), { level: 9 }).length / 1024;

describe('check-budget', () => {
  it('reads module scripts and preloads from a page, not stylesheets, with the base stripped', () => {
    expect(htmlScriptFiles(files['lecture/a/index.html'], BASE)).toEqual(['assets/index.js', 'assets/lecture.js']);
  });

  it('follows static imports only, each file once', () => {
    expect(staticClosure(manifest, ['assets/index.js', 'assets/lecture.js']).sort()).toEqual(
      ['assets/index.js', 'assets/lecture.js', 'assets/vendor.js'].sort(),
    );
    expect(staticClosure(manifest, ['assets/demo.js']).sort()).toEqual(['assets/charts.js', 'assets/demo.js']);
  });

  it('sums the gzipped JavaScript of each route', () => {
    const [a, b] = measureRoutes({ manifest, routes: ['lecture/a', 'lecture/b'], base: BASE, readFile });
    expect(a.kb).toBeCloseTo(gz('assets/index.js') + gz('assets/vendor.js') + gz('assets/lecture.js'), 9);
    expect(b.kb).toBeCloseTo(gz('assets/index.js') + gz('assets/vendor.js'), 9);
    // Random printable filler gzips to under 6 bits a byte: about 12 kB for route a.
    expect(a.kb).toBeGreaterThan(10);
    expect(a.kb).toBeLessThan(17);
  });

  it('fails a route over budget and names it', () => {
    const under = checkBuild({ manifest, routes: ['lecture/a', 'lecture/b'], base: BASE, readFile, budgetKb: 50 });
    expect(under.problems).toEqual([]);
    const over = checkBuild({ manifest, routes: ['lecture/a', 'lecture/b'], base: BASE, readFile, budgetKb: 10 });
    expect(over.problems).toHaveLength(1);
    expect(over.problems[0]).toMatch(/^lecture\/a: 1\d\.\d kB .*budget 10 kB/);
  });

  it('fails when a page chunk contains TensorFlow.js, even one loaded later', () => {
    expect(containsTfjs('const x = 1;')).toBe(false);
    expect(containsTfjs('if(e.has("tfjsflags"))')).toBe(true);
    const withTfjs: Record<string, string> = { ...files, 'assets/charts.js': `${noise(100, 7)}throw new Error("Tensor is disposed.")` };
    const result = checkBuild({
      manifest,
      routes: ['lecture/a'],
      base: BASE,
      readFile: (path: string) => Buffer.from(withTfjs[path]),
    });
    expect(result.problems).toEqual(['assets/charts.js: page chunk contains TensorFlow.js (tfjs belongs in worker bundles only)']);
  });

  it('fails a build with no lecture routes', () => {
    expect(checkBuild({ manifest, routes: [], base: BASE, readFile }).problems).toEqual(['no lecture routes found in the build']);
  });
});
