// The viewer in headless Chromium on a local page (Playwright driving
// Debian's Chromium): time from navigation start to the seed fully
// rendered (script tag → ready), and the render alone of the longest long
// report once the wasm is ready. Medians of several page loads.
//   node benches/js/browser.mjs [--smoke]
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../../tests/browser/browser.mjs';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SMOKE = process.argv.includes('--smoke');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const longs = readdirSync(`${ROOT}/tests/fixtures/long`).filter((f) => f.endsWith('.txt'));
const longest = longs.sort((a, b) => statSync(`${ROOT}/tests/fixtures/long/${b}`).size - statSync(`${ROOT}/tests/fixtures/long/${a}`).size)[0];

const { server, url } = await startServer({ port: 0 });
const browser = await launch();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(src, runs) {
  const toReady = [];
  const render = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(`${url}test/perf.html?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(() => window.__perf, null, { timeout: 20000 });
    const p = await page.evaluate(() => window.__perf);
    toReady.push(p.toReady);
    render.push(p.render);
    await page.close();
  }
  return { toReady: median(toReady), render: median(render) };
}

const runs = SMOKE ? 1 : 9;
const seed = await measure('/fixtures/seed.txt', runs);
const long = await measure(`/fixtures/long/${longest}`, runs);
console.log('| page | navigation start → viewer ready (median) | render alone (median) |');
console.log('|---|---:|---:|');
console.log(`| seed | ${seed.toReady.toFixed(1)} ms | ${seed.render.toFixed(1)} ms |`);
console.log(`| ${longest} (longest long report) | ${long.toReady.toFixed(1)} ms | ${long.render.toFixed(1)} ms |`);
await browser.close();
server.close();
