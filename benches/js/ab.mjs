// parse() of two builds side by side in one Node process, alternating
// batches (this machine is shared and noisy: only ratios taken in one run
// mean anything), with Recognizers-Text's Number model on the same texts.
//
//   node benches/js/ab.mjs OLD_PKG [NEW_PKG] [--rounds N] [--smoke]
//
// OLD_PKG is a copy of an earlier build's pkg/ (e.g. built from a worktree
// of the previous commit); NEW_PKG defaults to pkg/. Texts: the seed and
// the longest long report. Prints a markdown table of medians and ratios.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Recognizers from '@microsoft/recognizers-text-number';
import { loadBuild } from './load.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const roundsAt = args.indexOf('--rounds');
const ROUNDS = SMOKE ? 1 : Number(roundsAt >= 0 ? args[roundsAt + 1] : 15);
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
if (!dirs.length) {
  console.error('usage: node benches/js/ab.mjs OLD_PKG [NEW_PKG] [--rounds N] [--smoke]');
  process.exit(2);
}
const older = await loadBuild(dirs[0]);
const newer = await loadBuild(dirs[1] ?? join(ROOT, 'pkg'));

const longDir = existsSync(join(ROOT, '../shared/corpus/long')) ? join(ROOT, '../shared/corpus/long') : join(ROOT, 'tests/fixtures/long');
const longest = readdirSync(longDir).filter((f) => f.endsWith('.txt'))
  .map((f) => [f.replace(/\.txt$/, ''), readFileSync(join(longDir, f), 'utf8')])
  .sort((a, b) => b[1].length - a[1].length)[0];
const texts = [['seed', readFileSync(join(ROOT, 'tests/fixtures/seed.txt'), 'utf8')], longest];

const model = new Recognizers.NumberRecognizer(Recognizers.Culture.Chinese).getNumberModel();
const peers = { old: (t) => older.parse(t), new: (t) => newer.parse(t), rt: (t) => model.parse(t) };

/** Microseconds per call of one batch of `n` calls. */
function batch(fn, text, n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(text);
  return ((performance.now() - t0) * 1000) / n;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const rows = [];
for (const [name, text] of texts) {
  // The same report from both builds (they may differ in ways the change meant).
  if (older.parse(text).metrics.length !== newer.parse(text).metrics.length) {
    console.warn(`${name}: the two builds find different numbers of metrics`);
  }
  // Batch size: about 20 ms of the new build.
  let n = 1;
  if (!SMOKE) {
    for (let i = 0; i < 5; i++) for (const fn of Object.values(peers)) fn(text);
    while (batch(peers.new, text, n) * n < 20000) n *= 2;
  }
  const samples = { old: [], new: [], rt: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternating, the order flipped each round.
    const order = r % 2 ? ['new', 'old', 'rt'] : ['old', 'new', 'rt'];
    for (const k of order) samples[k].push(batch(peers[k], text, k === 'rt' ? Math.max(1, n >> 4) : n));
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  // Ratios per round, then their median: both builds saw the same noise.
  const ratio = median(samples.new.map((x, i) => x / samples.old[i]));
  rows.push({ name, bytes: Buffer.byteLength(text), ...m, ratio, rtRatio: m.rt / m.new });
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`);
console.log(`\n${ROUNDS} alternating rounds; old: ${dirs[0]}; new: ${dirs[1] ?? 'pkg'}\n`);
console.log('| text | bytes | old parse() | new parse() | new ÷ old | Recognizers Number | Recognizers ÷ new |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.bytes} | ${fmt(r.old)} | ${fmt(r.new)} | ${r.ratio.toFixed(2)} | ${fmt(r.rt)} | ${r.rtRatio.toFixed(1)}× |`);
}
if (SMOKE) console.log('ab smoke: ok');
