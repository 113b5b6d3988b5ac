// Serves dist/ the way GitHub Pages does: under a sub-path (BASE_PATH, default /rl-playground/),
// on 127.0.0.1, files as they are, and 404.html with status 404 for anything else.
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = process.env.DIST_DIR ?? fileURLToPath(new URL('../dist', import.meta.url));

export function startServer({ port = 4173, base = process.env.BASE_PATH ?? '/rl-playground/' } = {}) {
  if (!existsSync(`${root}/index.html`)) throw new Error('dist/ is empty: run the build first');
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = sirv(root, { dev: false, etag: true, gzip: false, brotli: false });
  const notFound = readFileSync(`${root}/404.html`);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const send404 = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    };
    if (url === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix });
      return res.end();
    }
    if (!url.startsWith(prefix)) return send404();
    req.url = '/' + url.slice(prefix.length);
    files(req, res, send404);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${port}${prefix}` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 4173) });
  console.log(`Serving dist/ at ${url}`);
}
