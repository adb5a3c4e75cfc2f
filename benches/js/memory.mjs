// Peak wasm memory of one parse() of about 10 MB, in a fresh module
// instance (wasm memory never shrinks, so its size after the parse is the
// peak). Prints one JSON line; benches/js/bench.mjs runs it once per input.
//
//   node benches/js/memory.mjs real [MB]    the long reports, joined until 10 MB
//   node benches/js/memory.mjs dense [MB]   nothing but figures (a hostile input:
//                                           more than the MAX_METRICS cap)
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadBuild } from './load.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const kind = process.argv[2] ?? 'real';
const size = Number(process.argv[3] ?? 10) * 1024 * 1024;
let unit;
if (kind === 'real') {
  const dir = join(ROOT, 'tests/fixtures/long');
  unit = `${readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n')}\n`;
} else if (kind === 'dense') {
  // Three figures and a rate per sentence: the consistency check's case.
  unit = '审结案件553件，纠错280件，纠错率50.63%。';
} else {
  throw new Error(`unknown input ${kind}: real or dense`);
}
const big = unit.repeat(Math.ceil(size / Buffer.byteLength(unit)));
const build = await loadBuild(process.env.GOVREPORT_PKG ?? join(ROOT, 'pkg'));
const before = build.memoryBytes();
const metrics = build.parse(big).metrics.length;
const after = build.memoryBytes();
console.log(JSON.stringify({ kind, bytes: Buffer.byteLength(big), before, after, metrics }));
