// compare() of two long reports against parse() of both, in one Node
// process, alternating (only ratios taken in one run mean anything):
// the comparison's own work is what compare() takes beyond the two parses.
//
//   node benches/js/compare.mjs [--rounds N] [--smoke]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const at = args.indexOf('--rounds');
const ROUNDS = SMOKE ? 1 : Number(at >= 0 ? args[at + 1] : 15);
const core = await import(join(ROOT, 'pkg/core.js'));
await core.init();

const dir = join(ROOT, 'tests/fixtures/long');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
// The two longest, and one report against itself (everything reused).
const bySize = texts.map((t, i) => [t.length, i]).sort((a, b) => b[0] - a[0]);
const [a, b] = [texts[bySize[0][1]], texts[bySize[1][1]]];
const cases = [['two longest long reports', a, b], ['the longest against itself', a, a]];

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const time = (fn, n) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
};
console.log(`\n${ROUNDS} alternating rounds\n`);
console.log('| case | parse() both | compare() | compare ÷ parse both (budget ≤ 3) |');
console.log('|---|---:|---:|---:|');
for (const [name, x, y] of cases) {
  const parse = [];
  const cmp = [];
  for (let r = 0; r < ROUNDS; r++) {
    parse.push(time(() => { core.parse(x); core.parse(y); }, SMOKE ? 1 : 5));
    cmp.push(time(() => core.compare(x, y), SMOKE ? 1 : 5));
  }
  const [p, c] = [median(parse), median(cmp)];
  console.log(`| ${name} (${x.length + y.length} characters) | ${p.toFixed(2)} ms | ${c.toFixed(2)} ms | ${(c / p).toFixed(2)} |`);
}
