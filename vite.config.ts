/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mdxOptions } from './scripts/mdx/options.mjs';
import lectureIndexPlugin from './scripts/mdx/lecture-index-plugin.mjs';
import staticRoutesPlugin from './scripts/mdx/static-routes-plugin.mjs';
import serviceWorkerPlugin from './scripts/sw/service-worker-plugin.mjs';
import { katexMacros, KATEX_LIMITS } from './src/components/math/macros';

const lecturesDir = fileURLToPath(new URL('./src/lectures', import.meta.url));

/** Lecture slugs: every folder of src/lectures holding an index.mdx. */
function lectureSlugs(): string[] {
  return readdirSync(lecturesDir).filter((slug) => existsSync(join(lecturesDir, slug, 'index.mdx')));
}

/** Sub-path the site is served under, e.g. `/rl-playground/` on GitHub Pages. */
function basePath(): string {
  const raw = process.env.BASE_PATH ?? '/';
  return raw.endsWith('/') ? raw : `${raw}/`;
}

export default defineConfig(({ isSsrBuild }) => ({
  base: basePath(),
  plugins: [
    {
      enforce: 'pre',
      ...mdx(mdxOptions({ macros: katexMacros, limits: KATEX_LIMITS })),
    },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    lectureIndexPlugin(lecturesDir),
    // The client build prerenders every route with a server build of the same app (not itself).
    isSsrBuild
      ? null
      : staticRoutesPlugin(
          () => [
            { path: '' },
            ...lectureSlugs().map((slug) => ({ path: `lecture/${slug}`, module: `src/lectures/${slug}/index.mdx` })),
            // The device benchmark is all live code: it renders in the browser.
            { path: 'backends', prerender: false },
          ],
          { serverEntry: 'src/app/serverEntry.tsx' },
        ),
    isSsrBuild ? null : serviceWorkerPlugin(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // dist/.vite/manifest.json: the import graph scripts/check-budget.mjs walks.
    manifest: !isSsrBuild,
  },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
}));
