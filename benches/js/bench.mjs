// govreport beside what a portal developer would use instead, in one run
// on the same texts (medians, warm):
//   - the naive regular expression (Arabic number, optional 万/亿/余, one unit);
//   - Microsoft Recognizers-Text for JavaScript (zh-cn Number and Percentage models);
//   - govreport's parse() through wasm in Node (including building the returned object);
//   - govreport natively (examples/throughput.rs, one core).
// `npm run bench` (after scripts/build-wasm.sh); `--smoke` runs each once.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Recognizers from '@microsoft/recognizers-text-number';
import { loadBuild } from './load.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SMOKE = process.argv.includes('--smoke');

// parse() of the package's public DOM-free entry (govreport/core).
const { parse } = await loadBuild(join(ROOT, 'pkg'));

// Peak wasm memory for a 10 MB input, each in a fresh process (wasm memory
// never shrinks): real reports, and nothing but figures.
// The smoke run parses 1 MB of each.
const memory = ['real', 'dense'].map((kind) =>
  JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'benches/js/memory.mjs'), kind, SMOKE ? '1' : '10'], { encoding: 'utf8' }),
  ),
);

const longDir = existsSync(join(ROOT, '../shared/corpus/long')) ? join(ROOT, '../shared/corpus/long') : join(ROOT, 'tests/fixtures/long');
const texts = [['seed', join(ROOT, 'tests/fixtures/seed.txt')]];
for (const f of readdirSync(longDir).filter((f) => f.endsWith('.txt')).sort()) texts.push([f.replace('.txt', ''), join(longDir, f)]);

const NAIVE = /(\d+(?:\.\d+)?)(万|亿)?(余)?([个项件次名家条人处张%])/g;
const naive = (t) => [...t.matchAll(NAIVE)].length;
const recognizer = new Recognizers.NumberRecognizer(Recognizers.Culture.Chinese);
const numberModel = recognizer.getNumberModel();
const percentModel = recognizer.getPercentageModel();
const rtNumber = (t) => numberModel.parse(t).length;
const rtPercent = (t) => percentModel.parse(t).length;
const wasm = (t) => parse(t).metrics.length;

/** Median microseconds per call: batches of at least 20 ms, 9 batches. */
function median(fn, text) {
  if (SMOKE) {
    const t0 = performance.now();
    fn(text);
    return (performance.now() - t0) * 1000;
  }
  for (let i = 0; i < 5; i++) fn(text);
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(text);
    if (performance.now() - t0 >= 20) break;
    n *= 2;
  }
  const samples = [];
  for (let s = 0; s < 9; s++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(text);
    samples.push(((performance.now() - t0) * 1000) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[4];
}

let native = {};
try {
  execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'throughput'], { cwd: ROOT, stdio: 'inherit' });
  const bin = join(ROOT, 'target/release/examples/throughput');
  const out = execFileSync(bin, [...texts.map(([, p]) => p), '--iterations', SMOKE ? '1' : '31'], { encoding: 'utf8' });
  native = Object.fromEntries(JSON.parse(out).map((r) => [r.file, r.median_us]));
} catch (e) {
  console.warn(`native figure unavailable: ${e.message}`);
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const rows = [];
const totals = { bytes: 0, naive: 0, rtNumber: 0, rtPercent: 0, wasm: 0, native: 0 };
for (const [name, path] of texts) {
  const text = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text);
  const r = {
    name, bytes,
    naive: median(naive, text), rtNumber: median(rtNumber, text), rtPercent: median(rtPercent, text),
    wasm: median(wasm, text), native: native[path] ?? NaN,
    found: { naive: naive(text), rtNumber: rtNumber(text), wasm: wasm(text) },
  };
  if (r.found.wasm === 0 || r.found.naive === 0) throw new Error(`${name}: a peer found nothing`);
  rows.push(r);
  if (name !== 'seed') for (const k of Object.keys(totals)) totals[k] += k === 'bytes' ? bytes : r[k];
  if (SMOKE && rows.length >= 2) break;
}

console.log(`\n| text | bytes | naive RegExp | Recognizers Number | Recognizers Percentage | govreport wasm | govreport native | wasm vs Recognizers Number | wasm vs naive | metrics: naive / RT / govreport |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.bytes} | ${fmt(r.naive)} | ${fmt(r.rtNumber)} | ${fmt(r.rtPercent)} | ${fmt(r.wasm)} | ${Number.isNaN(r.native) ? '–' : fmt(r.native)} | ${(r.rtNumber / r.wasm).toFixed(1)}× faster | ${(r.wasm / r.naive).toFixed(1)}× slower | ${r.found.naive} / ${r.found.rtNumber} / ${r.found.wasm} |`);
}
if (!SMOKE) {
  const mbs = (us) => (totals.bytes / us).toFixed(1);
  console.log(`\nlong reports, all ${rows.length - 1} (${totals.bytes} bytes): naive ${mbs(totals.naive)} MB/s · Recognizers Number ${mbs(totals.rtNumber)} MB/s · govreport wasm ${mbs(totals.wasm)} MB/s · native ${mbs(totals.native)} MB/s`);
}
for (const m of memory) {
  const mb = (n) => (n / 1048576).toFixed(1);
  const what = m.kind === 'real' ? 'of report text' : 'of nothing but figures';
  console.log(`peak wasm memory parsing ${mb(m.bytes)} MB ${what} (${m.metrics} metrics): ${mb(m.after)} MB, ${(m.after / m.bytes).toFixed(1)}× the input (${mb(m.before)} MB before)`);
}
console.log(SMOKE ? 'bench smoke: ok' : '');
