// Vite plugin: GitHub Pages has no SPA rewrite, so every known route gets its own copy of
// index.html (deep links answer 200 and survive a reload) and 404.html is the app as well,
// which shows the in-app "not found" page for anything else.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function staticRoutesPlugin(routes) {
  let outDir = 'dist';
  return {
    name: 'static-routes',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const index = join(outDir, 'index.html');
      if (!existsSync(index)) return;
      for (const route of routes()) {
        mkdirSync(join(outDir, route), { recursive: true });
        copyFileSync(index, join(outDir, route, 'index.html'));
      }
      copyFileSync(index, join(outDir, '404.html'));
    },
  };
}
