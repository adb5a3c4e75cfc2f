// A small static server for the demo and the browser tests: www/ at /,
// pkg/ (the built widget) at /govreport/, tests/browser/pages at /test/
// for the tests' own host pages and tests/fixtures at /fixtures/. Local
// only (127.0.0.1).
//
//   node scripts/serve.mjs [--port 8000] [--csp]
//
// --csp sends the strict policy a careful portal would:
//   script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MOUNTS = [
  ['/govreport/', join(ROOT, 'pkg')],
  ['/test/', join(ROOT, 'tests', 'browser', 'pages')],
  ['/fixtures/', join(ROOT, 'tests', 'fixtures')],
  ['/', join(ROOT, 'www')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

/** Starts the server; resolves to { server, url }. */
export function startServer({ port = 8000, csp = false, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      // Joined, not resolved: a path starting with // ("http://host//")
      // would otherwise be read as a host name and throw.
      const url = new URL(`http://localhost${req.url.startsWith('/') ? '' : '/'}${req.url}`);
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('bad request: malformed percent-encoding');
        return;
      }
      const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir + sep) && file !== dir) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      if (csp || url.searchParams.has('csp')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(e.code === 'ENOENT' ? 'not found' : String(e));
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 8000);
  const { url } = await startServer({ port, csp: args.includes('--csp') });
  console.log(`govreport demo: ${url}  (Ctrl-C to stop)`);
}
