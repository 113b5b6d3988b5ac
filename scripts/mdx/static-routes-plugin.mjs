// Vite plugin: GitHub Pages has no SPA rewrite, so every known route gets its own copy of
// index.html (deep links answer 200 and survive a reload) and 404.html is the app as well,
// which shows the in-app "not found" page for anything else. A route whose page code is a lazy
// chunk (a lecture) gets <link rel="modulepreload"> for it, so the browser fetches the page's
// code alongside the app instead of after it.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** @param {() => { path: string, module?: string }[]} routes  module: source path suffix of the page's lazy module */
export default function staticRoutesPlugin(routes) {
  let outDir = 'dist';
  let base = '/';
  /** @type {Map<string, string[]>} module suffix → chunk files to preload */
  const preloads = new Map();
  return {
    name: 'static-routes',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    generateBundle(_options, bundle) {
      for (const route of routes()) {
        if (!route.module) continue;
        const chunk = Object.values(bundle).find(
          (item) => item.type === 'chunk' && item.facadeModuleId?.replaceAll('\\', '/').endsWith(route.module),
        );
        if (chunk) preloads.set(route.module, [chunk.fileName, ...chunk.imports]);
      }
    },
    closeBundle() {
      const indexFile = join(outDir, 'index.html');
      if (!existsSync(indexFile)) return;
      const html = readFileSync(indexFile, 'utf8');
      for (const route of routes()) {
        const files = (route.module && preloads.get(route.module)) || [];
        const links = files.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`).join('');
        mkdirSync(join(outDir, route.path), { recursive: true });
        writeFileSync(join(outDir, route.path, 'index.html'), html.replace('</head>', `${links}</head>`));
      }
      writeFileSync(join(outDir, '404.html'), html);
    },
  };
}
