// Two builds of the widget side by side in headless Chromium, page loads
// alternating between them (this machine's timings drift by tens of
// percent within minutes, so builds are compared interleaved, not from
// two runs of benches/js/browser.mjs):
//
//   node benches/js/browser-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--rounds 9]
//
// Each PKG_DIR is a built pkg/ (scripts/build-wasm.sh; for an older
// commit, build it in a git worktree and copy its pkg/). The script copies
// each in turn over pkg/ and puts the current pkg/ back at the end. It
// prints medians, to ready and to painted (see browser.mjs), for the seed
// and the longest long report: script request → viewer, first render on
// load, first render in a page where the wasm is ready and idle, and a
// warm render.
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../../tests/browser/browser.mjs';
import { loadTimingPage as load, longestLongReport, median } from './pages.mjs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 9;
if (args.length !== 2) {
  console.error('usage: node benches/js/browser-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--rounds 9]');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = join(ROOT, 'pkg');
const saved = mkdtempSync(join(tmpdir(), 'govreport-pkg-'));
cpSync(PKG, saved, { recursive: true });
const longest = longestLongReport();
const pages = [['seed', '/fixtures/seed.txt'], [longest, `/fixtures/long/${longest}`]];

const { server, url } = await startServer({ port: 0 });
const browser = await launch();
const cells = ['fromScript', 'fromScriptPainted', 'render', 'renderPainted', 'idle', 'idlePainted', 'warm', 'warmPainted'];
const results = args.map(() => new Map());
const push = (i, key, v) => results[i].set(key, [...(results[i].get(key) ?? []), v]);

try {
  for (let round = 0; round < rounds; round++) {
    for (const [i, dir] of args.entries()) {
      rmSync(PKG, { recursive: true, force: true });
      cpSync(dir, PKG, { recursive: true });
      for (const [name, src] of pages) {
        let page = await browser.newPage();
        await load(page, `${url}test/perf.html?src=${encodeURIComponent(src)}`);
        const p = await page.evaluate(() => window.__perf);
        for (const k of ['fromScript', 'fromScriptPainted', 'render', 'renderPainted', 'warm', 'warmPainted']) push(i, `${name} ${k}`, p[k]);
        await page.close();
        page = await browser.newPage();
        await load(page, `${url}test/after-ready.html?src=${encodeURIComponent(src)}`);
        const r = await page.evaluate(() => window.__afterReady);
        push(i, `${name} idle`, r.render);
        push(i, `${name} idlePainted`, r.painted);
        await page.close();
      }
    }
  }
  console.log(`| page | measure | ${args.join(' | ')} | new / old |`);
  console.log(`|---|---|${args.map(() => '---:|').join('')}---:|`);
  for (const [name] of pages) {
    for (const c of cells) {
      const [a, b] = results.map((r) => median(r.get(`${name} ${c}`)));
      console.log(`| ${name} | ${c} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / a).toFixed(2)} |`);
    }
  }
  console.log(`(medians of ${rounds} page loads of each build, alternating)`);
} finally {
  await browser.close();
  server.close();
  rmSync(PKG, { recursive: true, force: true });
  cpSync(saved, PKG, { recursive: true });
  rmSync(saved, { recursive: true, force: true });
}
