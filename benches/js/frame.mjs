// What the first frame of the longest long report costs, by part: the
// render once the wasm is ready and the page idle (as the targets count
// it), traced in headless Chromium, with the viewer changed before that
// frame in the ways tests/browser/pages/frame.html lists. For each
// variant: the render to ready, the frame after it (ready → painted), and
// the browser's style, layout and paint from the trace, from the start of
// the render to the frame painted (a layout the render forces counts too).
// Medians of N page loads per variant, the variants taken in turn.
//   node benches/js/frame.mjs [--runs N] [--smoke]
import { startServer } from '../../scripts/serve.mjs';
import { launch } from '../../tests/browser/browser.mjs';
import { loadTimingPage as load, longestLongReport, median } from './pages.mjs';

const SMOKE = process.argv.includes('--smoke');
const at = process.argv.indexOf('--runs');
const RUNS = SMOKE ? 1 : Number(at > 0 ? process.argv[at + 1] : 9);
const VARIANTS = ['as-is', 'panels-below', 'sections-closed', 'fonts-primed'];
const src = `/fixtures/long/${longestLongReport()}`;

const { server, url } = await startServer({ port: 0 });
const browser = await launch();
const got = Object.fromEntries(VARIANTS.map((v) => [v, []]));

async function once(variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
  await load(page, `${url}test/frame.html?src=${encodeURIComponent(src)}&variant=${variant}`);
  const frame = await page.evaluate(() => window.__frame);
  if (!frame.took) throw new Error(`variant ${variant} did not change the viewer (tests/browser/pages/frame.html)`);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const mark = (name) => events.find((e) => e.name === name)?.ts;
  const from = mark('frame-start'), to = mark('frame-end');
  if (from === undefined || to === undefined) throw new Error('the trace has no frame marks');
  const sum = (names) => events
    .filter((e) => e.ph === 'X' && names.includes(e.name) && e.ts >= from && e.ts + (e.dur ?? 0) <= to)
    .reduce((t, e) => t + e.dur / 1000, 0);
  return {
    ready: frame.ready,
    frame: frame.painted - frame.ready,
    style: sum(['UpdateLayoutTree']),
    layout: sum(['Layout']),
    paint: sum(['PrePaint', 'Paint', 'Layerize']),
  };
}

for (let i = 0; i < RUNS; i++) {
  for (const v of VARIANTS) got[v].push(await once(v));
}
await browser.close();
server.close();

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`${src}, ${RUNS} page load(s) per variant, medians\n`);
console.log('| variant | render → ready | ready → painted | style | layout | paint |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const v of VARIANTS) {
  const col = (k) => ms(median(got[v].map((r) => r[k])));
  console.log(`| ${v} | ${col('ready')} | ${col('frame')} | ${col('style')} | ${col('layout')} | ${col('paint')} |`);
}
