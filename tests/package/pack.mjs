// The npm package as a developer installs it: `npm pack` of pkg/, the
// tarball installed into an empty project outside the repository, then
//   - Node imports `govreport/core`, initialises it from the .wasm file
//     (synchronously and with init()) and parses the seed;
//   - tsc type-checks a usage file against the installed declarations, and
//     rejects a file of type errors;
//   - Chromium loads the entries through an import map of the package's
//     export names: the browser entry renders <gov-report>; the element
//     entry alone renders once define() is called; both on one page give
//     one element class.
//
//   node --test tests/package/pack.mjs     (after scripts/build-wasm.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../browser/browser.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = readFileSync(join(ROOT, 'tests/fixtures/seed.txt'), 'utf8');
let project;
let server;
let base;
let browser;

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'govreport-user-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: join(ROOT, 'pkg'), encoding: 'utf8' }));
  const tarball = join(project, packed[0].filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  // The package has no dependencies: nothing is fetched.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, stdio: 'inherit' });
  copyFileSync(join(ROOT, 'tests/fixtures/seed.txt'), join(project, 'seed.txt'));
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(project, path);
    if (!file.startsWith(project) || !existsSync(file) || file.endsWith('/')) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await browser?.close();
  server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test('the tarball holds the entries, their declarations, the wasm and a package.json with exports', () => {
  const meta = JSON.parse(readFileSync(join(project, 'node_modules/govreport/package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(meta.name, 'govreport');
  assert.equal(meta.version, cargo);
  assert.equal(meta.type, 'module');
  for (const entry of ['.', './core', './element']) {
    for (const file of Object.values(meta.exports[entry])) {
      assert.ok(existsSync(join(project, 'node_modules/govreport', file)), `${entry}: ${file}`);
    }
  }
});

test('Node: govreport/core parses the seed after initSync and after init()', () => {
  const script = `
    import { initSync, init, parse, isReady } from 'govreport/core';
    import { readFileSync } from 'node:fs';
    const checks = { document: typeof document, HTMLElement: typeof HTMLElement };
    initSync(readFileSync(new URL(import.meta.resolve('govreport/govreport_core_bg.wasm'))));
    await init();
    const report = parse(readFileSync('seed.txt', 'utf8'));
    console.log(JSON.stringify({ ...checks, ready: isReady(), title: report.title, year: report.year, sections: report.sections.length, metrics: report.metrics.length }));
  `;
  writeFileSync(join(project, 'node-sync.mjs'), script);
  const out = JSON.parse(execFileSync('node', ['node-sync.mjs'], { cwd: project, encoding: 'utf8' }));
  // The same numbers the native parse gives.
  const native = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'govreport', '--', 'parse', join(ROOT, 'tests/fixtures/seed.txt')], { cwd: ROOT, encoding: 'utf8' }));
  assert.deepEqual(out, {
    document: 'undefined', HTMLElement: 'undefined', ready: true,
    title: native.title, year: native.year, sections: native.sections.length, metrics: native.metrics.length,
  });
  assert.equal(out.title, '淄博市2021年度法治政府建设工作的报告');

  // init() alone finds the wasm next to the module, from disk.
  writeFileSync(join(project, 'node-async.mjs'), `
    import init, { parse } from 'govreport/core';
    await init();
    console.log(parse('一、总体情况\\n共办理12件。').metrics[0].value);
  `);
  assert.equal(execFileSync('node', ['node-async.mjs'], { cwd: project, encoding: 'utf8' }).trim(), '12');
});

test('tsc: a usage file type-checks against the installed declarations; wrong uses do not', () => {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const config = (file) => JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
    files: [file],
  });
  copyFileSync(join(ROOT, 'tests/package/usage.ts'), join(project, 'usage.ts'));
  copyFileSync(join(ROOT, 'tests/package/wrong.ts'), join(project, 'wrong.ts'));
  writeFileSync(join(project, 'tsconfig.json'), config('usage.ts'));
  const ok = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  writeFileSync(join(project, 'tsconfig.json'), config('wrong.ts'));
  const bad = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  const lines = new Set([...(bad.stdout + bad.stderr).matchAll(/wrong\.ts\((\d+),/g)].map((m) => Number(m[1])));
  const marked = readFileSync(join(project, 'wrong.ts'), 'utf8').split('\n')
    .map((l, i) => (l.includes('// error') ? i + 1 : 0)).filter(Boolean);
  assert.deepEqual([...lines].sort((a, b) => a - b), marked, bad.stdout);
});

/** A page of the user project with an import map of the package's export names. */
function page(name, body) {
  const map = { imports: {
    govreport: '/node_modules/govreport/govreport.js',
    'govreport/core': '/node_modules/govreport/core.js',
    'govreport/element': '/node_modules/govreport/element.js',
  } };
  writeFileSync(join(project, name), `<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<script type="importmap">${JSON.stringify(map)}</script>
<body>${body}</body></html>`);
  return `${base}${name}`;
}

async function open(url) {
  browser ??= await launch();
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(url);
  return { tab, errors, close: () => context.close() };
}

const renderedSeed = () => {
  const el = document.querySelector('gov-report');
  return el.shadowRoot?.querySelector('.gr') ? { title: el.shadowRoot.querySelector('.title').textContent, sections: el.shadowRoot.querySelectorAll('details.section').length } : null;
};

test('Chromium: the browser entry renders <gov-report src>', async () => {
  const { tab, errors, close } = await open(page('entry.html', `<gov-report src="/seed.txt"></gov-report>
<script type="module">import 'govreport';</script>`));
  await tab.waitForFunction(renderedSeed, null, { timeout: 15000 });
  assert.deepEqual(await tab.evaluate(renderedSeed), { title: '淄博市2021年度法治政府建设工作的报告', sections: 13 });
  assert.deepEqual(errors, []);
  await close();
});

test('Chromium: govreport/element alone renders after define()', async () => {
  const { tab, errors, close } = await open(page('element.html', `<gov-report>${SEED}</gov-report>
<script type="module">
  import { GovReportElement } from 'govreport/element';
  window.__before = customElements.get('gov-report') ?? null;
  GovReportElement.define();
</script>`));
  await tab.waitForFunction(renderedSeed, null, { timeout: 15000 });
  assert.equal(await tab.evaluate(() => window.__before), null, 'importing the element defines nothing');
  assert.deepEqual(await tab.evaluate(renderedSeed), { title: '淄博市2021年度法治政府建设工作的报告', sections: 13 });
  assert.deepEqual(errors, []);
  await close();
});

test('Chromium: both entries on one page give one element class and one wasm', async () => {
  const { tab, errors, close } = await open(page('both.html', `<script type="module">
  const element = await import('govreport/element');
  const entry = await import('govreport');
  const core = await import('govreport/core');
  await entry.init();
  window.__same = {
    classes: element.GovReportElement === entry.GovReportElement && customElements.get('gov-report') === element.GovReportElement,
    parse: entry.parse === core.parse,
    ready: core.isReady(),
  };
</script>`));
  await tab.waitForFunction(() => window.__same, null, { timeout: 15000 });
  assert.deepEqual(await tab.evaluate(() => window.__same), { classes: true, parse: true, ready: true });
  const wasm = await tab.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1);
  assert.deepEqual(errors, []);
  await close();
});
