// Vite plugin: GitHub Pages has no SPA rewrite, so every known route gets its own index.html
// (deep links answer 200 and survive a reload), prerendered: the page's HTML, lecture text and
// KaTeX math included, is in the file, so it reads before any script runs and with scripts
// blocked; the client then hydrates it (src/main.tsx). 404.html is the bare app, which shows
// the in-app "not found" page for anything else. A route whose page code is a lazy chunk (a
// lecture) gets <link rel="modulepreload"> for that chunk and its static imports, which
// hydration needs; demo chunks are never preloaded (they load when their slot nears the screen).
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the build-time server bundle goes (inside the project so it resolves node_modules). */
const SSR_DIR = '.prerender';

/**
 * @param {() => { path: string, module?: string, prerender?: boolean }[]} routes  path: '' for the
 *   home page; module: source path suffix of the page's lazy module; prerender: false serves the
 *   bare app there (a page that only works with scripts)
 * @param {{ serverEntry: string }} options  source file exporting render(path) and pageTitle(path)
 */
export default function staticRoutesPlugin(routes, { serverEntry }) {
  let outDir = 'dist';
  let base = '/';
  /** @type {import('vite').ResolvedConfig} */
  let config;
  /** @type {Map<string, string[]>} module suffix → chunk files to preload */
  const preloads = new Map();
  /** KaTeX's two most used fonts: a lecture's first screen needs them, and its text waits for them. */
  const fonts = [];
  return {
    name: 'static-routes',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
      outDir = resolve(resolved.root, resolved.build.outDir);
      base = resolved.base;
    },
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset' && /\/KaTeX_(Main-Regular|Math-Italic)-[\w-]+\.woff2$/.test(`/${item.fileName}`)) fonts.push(item.fileName);
      }
      for (const route of routes()) {
        if (!route.module) continue;
        const chunk = Object.values(bundle).find(
          (item) => item.type === 'chunk' && item.facadeModuleId?.replaceAll('\\', '/').endsWith(route.module),
        );
        if (chunk) preloads.set(route.module, [chunk.fileName, ...chunk.imports]);
      }
    },
    async closeBundle() {
      const indexFile = join(outDir, 'index.html');
      if (!existsSync(indexFile)) return;
      const template = readFileSync(indexFile, 'utf8');
      writeFileSync(join(outDir, '404.html'), template);

      // A second, server-side build of the same routes, then one HTML file per route.
      const { build } = await import('vite');
      const ssrOut = resolve(config.root, SSR_DIR);
      await build({
        configFile: config.configFile,
        root: config.root,
        mode: config.mode,
        base,
        logLevel: 'warn',
        build: { ssr: serverEntry, outDir: ssrOut, emptyOutDir: true, manifest: false, copyPublicDir: false, minify: false },
      });
      try {
        const server = await import(pathToFileURL(join(ssrOut, 'serverEntry.js')).href);
        for (const route of routes()) {
          const appPath = `/${route.path}`;
          mkdirSync(join(outDir, route.path), { recursive: true });
          if (route.prerender === false) {
            writeFileSync(join(outDir, route.path, 'index.html'), template);
            continue;
          }
          const body = await server.render(appPath);
          if (!body.includes('<main')) throw new Error(`prerendering ${appPath} produced no page`);
          if (/<script|<template/.test(body)) throw new Error(`prerendering ${appPath} left content to a script`);
          const files = (route.module && preloads.get(route.module)) || [];
          const links = [
            ...(route.module ? fonts : []).map((file) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${base}${file}">`),
            ...files.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
          ].join('');
          const title = server.pageTitle(appPath);
          let html = template
            .replace('</head>', `${links}</head>`)
            .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`);
          if (title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`);
          writeFileSync(join(outDir, route.path, 'index.html'), html);
        }
      } finally {
        rmSync(ssrOut, { recursive: true, force: true });
      }
    },
  };
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
