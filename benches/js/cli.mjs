// The command line as a researcher runs it over a folder of reports: the
// long reports of tests/fixtures/long copied COPIES times into one folder
// (400 files, 25 MB by default), then `govreport metrics DIR` (CSV and
// JSON Lines), `govreport parse --out DIR FILE...`, `series DIR` (every copy
// compared with the one before) and `panel DIR`, on every core and
// on one (RAYON_NUM_THREADS=1). Prints wall time (median of RUNS), MB/s of
// input, and the peak resident memory (when /usr/bin/time is there).
//
//   node benches/js/cli.mjs [--copies 40] [--runs 5] [--bin PATH] [--smoke]
//
// --bin compares another build (say, one made in a git worktree of an
// older commit); by default the release binary is built first.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './pages.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const SMOKE = args.includes('--smoke');
const copies = Number(option('--copies', SMOKE ? 1 : 40));
const runs = Number(option('--runs', SMOKE ? 1 : 5));
let bin = option('--bin', null);
if (!bin) {
  execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'govreport'], { cwd: ROOT, stdio: 'inherit' });
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  bin = join(target, 'release', 'govreport');
}

const source = join(ROOT, 'tests/fixtures/long');
const longs = readdirSync(source).filter((f) => f.endsWith('.txt'));
const work = mkdtempSync(join(tmpdir(), 'govreport-cli-bench-'));
const input = join(work, 'reports');
let bytes = 0;
for (let i = 1; i <= copies; i++) {
  for (const f of longs) {
    const to = join(input, `${f.replace(/\.txt$/, '')}-${i}.txt`);
    cpSync(join(source, f), to);
    bytes += statSync(to).size;
  }
}
const files = readdirSync(input).sort().map((f) => join(input, f));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Wall milliseconds and peak RSS (KB, or null) of one run. */
function once(argv, env) {
  const cmd = timeBin ? timeBin : bin;
  const full = timeBin ? ['-f', '%M', bin, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { env: { ...process.env, ...env }, maxBuffer: 1 << 30, encoding: 'buffer' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${bin} ${argv.slice(0, 3).join(' ')} …: exit ${r.status}\n${r.stderr}`);
  const rss = timeBin ? Number(r.stderr.toString().trim().split('\n').pop()) : null;
  return { ms, rss, out: r.stdout.length };
}

const jobs = [
  ['metrics (CSV)', ['metrics', input]],
  ['metrics --format jsonl', ['metrics', '--format', 'jsonl', input]],
  ['parse --out DIR', ['parse', '--out', join(work, 'json'), ...files]],
  ['series', ['series', input]],
  ['panel', ['panel', input]],
  ['panel --wide', ['panel', '--wide', input]],
];
const cores = availableParallelism();
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (${longs.length} long reports × ${copies}); ${cores} cores; ${bin}`);
console.log('\n| command | threads | wall (median) | MB/s | peak memory | output |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, argv] of jobs) {
  for (const [threads, env] of [[`all (${cores})`, {}], ['1', { RAYON_NUM_THREADS: '1' }]]) {
    const got = Array.from({ length: runs }, () => once(argv, env));
    const ms = median(got.map((g) => g.ms));
    const rss = got[0].rss === null ? 'n/a' : `${(median(got.map((g) => g.rss)) / 1024).toFixed(1)} MB`;
    const out = got[0].out ? `${(got[0].out / 1e6).toFixed(1)} MB` : 'files';
    console.log(`| ${name} | ${threads} | ${ms.toFixed(0)} ms | ${(bytes / 1e6 / (ms / 1000)).toFixed(0)} | ${rss} | ${out} |`);
  }
}
rmSync(work, { recursive: true, force: true });
