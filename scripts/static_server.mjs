// A static file server for dist/ on 127.0.0.1, used by scripts/serve and the browser tests; knows no app.
// It sends the strict Content-Security-Policy the essay must run under, so every local run checks it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors *";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// Resolves a URL path inside root, or null when it would escape it.
function resolveInside(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : null;
}

// A host page embedding the essay from ESSAY_ORIGIN runs under this: nothing inline, scripts and frames only from
// the page itself and the essay's origin.
export const hostCsp = (essayOrigin) => `default-src 'self'; script-src 'self' ${essayOrigin}; ` +
  `frame-src ${essayOrigin}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'`;

// `csp` replaces the header; `rewrite(text, url)` may change an HTML file's text before it is sent (the host-page
// server points the demo's snippet at the essay's origin with it).
export function startServer(rootDir, { port = 0, host = '127.0.0.1', log = false, csp = CSP, rewrite = null } = {}) {
  const root = resolve(rootDir);
  const server = createServer(async (req, res) => {
    let file = resolveInside(root, req.url || '/');
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (!file) throw new Error('outside root');
      let body = await readFile(file);
      if (rewrite && extname(file) === '.html') body = Buffer.from(rewrite(body.toString('utf8'), req.url));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`200 ${req.url}`);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      if (log) console.log(`404 ${req.url}`);
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveStart({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

// Serves DIR/demo/ as a host page on another origin, its snippet pointed at the essay at essayUrl.
export function startHostServer(distDir, essayUrl, { port = 0, mode = null } = {}) {
  const essayOrigin = new URL(essayUrl).origin;
  return startServer(join(distDir, 'demo'), {
    port, csp: hostCsp(essayOrigin),
    rewrite: (text, url) => {
      // ?mode=… on the host page's URL changes the snippet's data-mode: one demo page shows every mode.
      const want = new URL(url, 'http://x/').searchParams.get('mode') || mode;
      let out = text.replace('src="../embed.js"', `src="${essayUrl}embed.js"`);
      if (want) out = out.replace('data-mode="essay"', `data-mode="${want.replace(/[^A-Za-z0-9:_-]/g, '')}"`);
      return out;
    },
  });
}

// `node scripts/static_server.mjs DIR PORT [HOST_PORT]` serves until interrupted; with HOST_PORT it also serves the
// demo blog post on that port, a second origin embedding the essay.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080', hostPort] = process.argv.slice(2);
  const { url } = await startServer(dir, { port: Number(port) });
  console.log(`Serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
  if (hostPort) {
    const host = await startHostServer(dir, url, { port: Number(hostPort) });
    console.log(`A host page embedding it: ${host.url}post.html  (?mode=simulation, ?mode=objection:<id>)`);
  }
}
