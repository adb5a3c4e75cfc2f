// The viewer in headless Chromium on a local page (Playwright driving
// Debian's Chromium), for the seed and the longest long report: time from
// navigation start and from the request for govreport.js to the viewer
// ready (the gov-report-ready event: DOM built and wired) and to the
// viewer painted (the next frame's style, layout and paint done); the
// first render on its own; the first render in a page where the wasm is
// ready and the page has been idle (tests/browser/pages/after-ready.html);
// and a second render, warm. Each "a / b" cell is to ready / to painted.
// Medians of several page loads, each in a fresh browser context.
// Beside it, the floor: the same texts in the viewer a portal would write
// without govreport (tests/browser/pages/naive-viewer.js: paragraphs and
// the naive RegExp's figures in <mark>s), and as plain paragraphs. Last,
// the report already on the page as an article the script tag upgrades:
// when its text is first painted, and when the viewer replaces it.
//   node benches/js/browser.mjs [--smoke]
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../../tests/browser/browser.mjs';
import { loadTimingPage as load, longestLongReport, median } from './pages.mjs';
import { readFileSync } from 'node:fs';

const SMOKE = process.argv.includes('--smoke');
const longest = longestLongReport();

const { server, url } = await startServer({ port: 0 });
const browser = await launch();

async function measure(src, runs) {
  const keys = ['toReady', 'toPainted', 'fromScript', 'fromScriptPainted', 'render', 'renderPainted', 'warm', 'warmPainted'];
  const got = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await load(page, `${url}test/perf.html?src=${encodeURIComponent(src)}`);
    const p = await page.evaluate(() => window.__perf);
    for (const k of keys) got[k].push(p[k]);
    if (p.warmMetrics !== p.metrics) throw new Error(`warm render showed ${p.warmMetrics} metrics, not ${p.metrics}`);
    await page.close();
  }
  return Object.fromEntries(keys.map((k) => [k, median(got[k])]));
}

/** First render of `src` in a page whose wasm is ready and that has been idle. */
async function afterReady(src, runs) {
  const render = [];
  const painted = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await load(page, `${url}test/after-ready.html?src=${encodeURIComponent(src)}`);
    const r = await page.evaluate(() => window.__afterReady);
    render.push(r.render);
    painted.push(r.painted);
    await page.close();
  }
  return { render: median(render), painted: median(painted) };
}

/** Script request → ready / painted for the naive viewer of `src`. */
async function naive(src, mode, runs) {
  const ready = [];
  const painted = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await load(page, `${url}test/naive.html?mode=${mode}&src=${encodeURIComponent(src)}`);
    const p = await page.evaluate(() => window.__perf);
    if (mode === 'marks' && p.marks === 0) throw new Error(`the naive viewer marked nothing in ${src}`);
    ready.push(p.fromScript);
    painted.push(p.fromScriptPainted);
    await page.close();
  }
  return { ready: median(ready), painted: median(painted) };
}

/** The report `file` (under tests/fixtures) as an article on the page, one paragraph per line. */
function articlePage(file) {
  const text = readFileSync(new URL(`../../tests/fixtures/${file}`, import.meta.url), 'utf8');
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p>${escape(l)}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>article</title>
<script type="module" src="article-perf.js"></script>
<script type="module" src="/govreport/govreport.js"></script></head>
<body><article data-gov-report id="r">
${paragraphs}
</article></body></html>`;
}

/** The article page of `file`: text first painted, viewer ready / painted. */
async function article(file, runs) {
  const html = articlePage(file);
  const got = { firstPaint: [], toReady: [], toPainted: [], fromScript: [], fromScriptPainted: [] };
  let textFirst = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.route(`${url}test/article.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await load(page, `${url}test/article.html`);
    const p = await page.evaluate(() => window.__perf);
    if (!p.metrics) throw new Error(`article page of ${file}: ${JSON.stringify(p)}`);
    for (const k of Object.keys(got)) got[k].push(p[k]);
    if (p.firstPaint < p.toReady) textFirst++;
    await page.close();
  }
  return { ...Object.fromEntries(Object.entries(got).map(([k, v]) => [k, median(v)])), textFirst };
}

const runs = SMOKE ? 1 : 9;
const seed = await measure('/fixtures/seed.txt', runs);
const long = await measure(`/fixtures/long/${longest}`, runs);
seed.afterReady = await afterReady('/fixtures/seed.txt', runs);
long.afterReady = await afterReady(`/fixtures/long/${longest}`, runs);
const pair = (a, b) => `${a.toFixed(0)} / ${b.toFixed(0)} ms`;
console.log('| page | navigation start → viewer | script request → viewer | first render, on load | first render, wasm ready and page idle | again, warm |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, m] of [['seed', seed], [`${longest} (longest long report)`, long]]) {
  console.log(`| ${name} | ${pair(m.toReady, m.toPainted)} | ${pair(m.fromScript, m.fromScriptPainted)} | ${pair(m.render, m.renderPainted)} | ${pair(m.afterReady.render, m.afterReady.painted)} | ${pair(m.warm, m.warmPainted)} |`);
}
console.log(`(each cell: to the viewer ready / to the viewer painted; medians of ${runs} page loads, each in a fresh browser context)`);
console.log('\n| page | script request → govreport viewer | → naive viewer (RegExp marks) | → plain paragraphs |');
console.log('|---|---:|---:|---:|');
for (const [name, src, m] of [['seed', '/fixtures/seed.txt', seed], [longest, `/fixtures/long/${longest}`, long]]) {
  const marks = await naive(src, 'marks', runs);
  const plain = await naive(src, 'plain', runs);
  console.log(`| ${name} | ${pair(m.fromScript, m.fromScriptPainted)} | ${pair(marks.ready, marks.painted)} | ${pair(plain.ready, plain.painted)} |`);
}
console.log('(script request → ready / painted: the floor a viewer written without govreport sets on this machine)');
console.log('\n| report on the page as an article | first contentful paint | loads where it was the text, before the viewer | navigation start → viewer | script request → viewer |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, file] of [['seed', 'seed.txt'], [longest, `long/${longest}`]]) {
  const a = await article(file, runs);
  console.log(`| ${name} | ${a.firstPaint.toFixed(0)} ms | ${a.textFirst} of ${runs} | ${pair(a.toReady, a.toPainted)} | ${pair(a.fromScript, a.fromScriptPainted)} |`);
}
console.log('(from navigation start; the viewer replaces the painted text when it is ready)');
await browser.close();
server.close();
