// parse() of the package's DOM-free entry (pkg/core.js, `govreport/core`)
// returns the same object as the native command line's JSON: every key, in
// the same order, with the same values. The report crosses from wasm
// through serde-wasm-bindgen; this checks it against serde_json's output of
// the same parse, on every fixture report and on hostile text, in both
// languages and with indicator rules of a user's; and the entry's errors.
//
//   node tests/node/core.mjs        (after scripts/build-wasm.sh)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const core = await import(join(ROOT, 'pkg/core.js'));

// Before init: an error that says what to do.
assert.throws(() => core.parse('共3件。'), /call `await init\(\)`/);
// init() with no argument finds the wasm next to the module (from disk in Node).
await core.init();
assert.equal(core.isReady(), true);

// Rules of a user's: the same file for the command line (--indicators).
const RULES = [
  { id: 'user.training', name: '法治培训', pattern: '培训|讲座', unit: null },
  { id: 'user.cases', pattern: '(行政复议|诉讼).{0,12}(案件|件)', unit: '件' },
];
const parse = (text, lang, rules) => core.parse(text, rules ? { lang, indicators: rules } : { lang });

const inputs = new Map();
const fixtures = join(ROOT, 'tests/fixtures');
inputs.set('seed', readFileSync(join(fixtures, 'seed.txt'), 'utf8'));
for (const dir of ['dev', 'dev-long', 'long']) {
  for (const f of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.txt')).sort()) {
    inputs.set(`${dir}-${f.replace(/\.txt$/, '')}`, readFileSync(join(fixtures, dir, f), 'utf8'));
  }
}
const seed = inputs.get('seed');
// Text the layout must carry exactly: a leading byte-order mark (a text
// decoder drops it unless told not to), characters outside the BMP (two
// UTF-16 units each, which every string length counts), control
// characters, quotes and backslashes (JSON escapes them), line ends of
// every kind, nothing at all, and numbers at the edges of f64.
const hostile = {
  'bom': '\uFEFF' + seed,
  'bom-title': '\uFEFF\uFEFF某市2021年度法治政府建设情况报告\n一、总体情况\n共办理12件。',
  'astral': seed.replace(/法治/g, '𠀀𝕏'),
  'controls': '标题\u0000\u0001\u001f"引号"\\反斜杠\n一、总体情况\n共办理\u000b12件，“满意率”达99.9%。\n',
  'line-ends': seed.replace(/\n/g, '\r\n').replace(/。/, '。\r') + '\u2028末尾\u2029',
  'empty': '',
  'numbers': '一、总体情况\n共1e308件，' + '9'.repeat(400) + '亿元，0.000000000000000000001%，-0件，3至5个，约2.4万余人次。\n',
  'no-headings': '只有正文，没有标题。共3件。',
};
for (const [name, text] of Object.entries(hostile)) inputs.set(`hostile-${name}`, text);

const dir = mkdtempSync(join(tmpdir(), 'govreport-transport-'));
let failed = 0;
let compared = 0;
try {
  const files = [];
  for (const [name, text] of inputs) {
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  execFileSync('cargo', ['build', '--quiet', '--bin', 'govreport'], { cwd: ROOT, stdio: 'inherit' });
  const rulesFile = join(dir, 'rules.json');
  writeFileSync(rulesFile, JSON.stringify(RULES));
  let ruled = 0;
  for (const [lang, rules] of [['zh', null], ['en', null], ['zh', RULES]]) {
    const out = join(dir, `out-${lang}-${rules ? 'rules' : 'plain'}`);
    const extra = rules ? ['--indicators', rulesFile] : [];
    execFileSync(join(target, 'debug/govreport'), ['parse', '--lang', lang, ...extra, '--out', out, ...files], { stdio: 'inherit' });
    for (const [name, text] of inputs) {
      const expected = JSON.stringify(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
      const report = parse(text, lang, rules);
      if (rules) ruled += report.metrics.filter((m) => m.indicator?.startsWith('user.')).length;
      const got = JSON.stringify(report);
      compared++;
      try {
        assert.equal(got, expected);
      } catch {
        failed++;
        let i = 0;
        while (got[i] === expected[i]) i++;
        console.log(`FAIL ${name} (${lang}${rules ? ', rules' : ''}): differs at character ${i}\n  parse(): …${got.slice(Math.max(0, i - 60), i + 60)}…\n  CLI:     …${expected.slice(Math.max(0, i - 60), i + 60)}…`);
      }
    }
  }
  // The rules did something: the seed alone has trainings and cases.
  assert.ok(ruled > 20, `metrics given a user's indicator: ${ruled}`);
  console.log(`ok   ${ruled} metrics got a user's indicator, in JavaScript and on the command line alike`);
  // The viewer's table writes values as the command line's CSV does
  // (plain digits, never an exponent): plainNumber in www/viewer.js against
  // the CSV's value column, every metric of every text.
  const { plainNumber } = await import(join(ROOT, 'www/viewer.js'));
  const csv = execFileSync(join(target, 'debug/govreport'), ['metrics', '--format', 'csv', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const records = parseCsv(csv);
  const valueAt = records[0].indexOf('value');
  const fileAt = records[0].indexOf('file');
  const values = new Map();
  for (const r of records.slice(1)) values.set(r[fileAt], [...(values.get(r[fileAt]) ?? []), r[valueAt]]);
  let numbers = 0;
  for (const [name, text] of inputs) {
    const file = files.find((f) => f.endsWith(`/${name}.txt`));
    const want = values.get(file) ?? values.get(file.split('/').pop()) ?? [];
    const got = parse(text, 'zh').metrics.map((m) => plainNumber(m.value));
    assert.deepEqual(got, want, `values of ${name}`);
    numbers += got.length;
  }
  console.log(`ok   the viewer writes ${numbers} values as the command line's CSV does`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field); records.push(record); record = []; field = '';
    } else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

// The report is the contract's plain object: null (not undefined) for
// None, spans as two numbers, no prototype but Object's.
{
  const report = parse('一、总体情况\n共办理12件。', 'zh');
  assert.equal(report.title, null);
  assert.equal(report.meta.doc_no, null);
  assert.equal(report.metrics[0].upper, null);
  assert.deepEqual(report.metrics[0].span, [10, 13]);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.ok(Array.isArray(report.sections[0].children));
}

// Errors a developer can act on, as Error objects; never a panic.
{
  const bad = (options, pattern) => {
    assert.throws(() => core.parse('共3件。', options), (e) => e instanceof Error && pattern.test(e.message), String(pattern));
  };
  bad({ langg: "en" }, /unknown field `langg`, expected one of `lang`, `indicators`/);
  bad('en', /options must be an object/);
  bad({ indicators: [{ id: 'x', pattern: '案件(' }] }, /indicator rule 0 \("x"\): invalid pattern at character 2: unclosed group/);
  bad({ indicators: [{ id: 'ok', pattern: 'a' }, { id: 'y', pattern: '[' }] }, /indicator rule 1 \("y"\): invalid pattern at character 0/);
  bad({ indicators: [{ id: 'x', pattern: 'a', colour: 'red' }] }, /unknown field `colour`/);
  bad({ indicators: [{ id: 'x' }] }, /missing field `pattern`/);
  bad({ indicators: 'x' }, /indicators must be an array/);
  bad({ indicators: [3] }, /indicator rule 0 must be an object/);
  assert.throws(() => core.parse(42), /text must be a string/);
  // The module still works after each error.
  assert.equal(core.parse('共3件。').metrics.length, 1);
}

// A catastrophic pattern for a backtracking engine stays linear here.
{
  const text = `一、总体情况\n${'培训'.repeat(20000)}共3件。\n`;
  const t0 = performance.now();
  const report = core.parse(text, { indicators: [{ id: 'x', pattern: '(培训|培|训)*+$'.replace('+', '') }] });
  assert.equal(report.metrics.length, 1);
  console.log(`ok   (培训|培|训)*$ over 40 000 characters: ${(performance.now() - t0).toFixed(0)} ms`);
}

// The viewer's CSV guards text cells as the command line's does.
{
  const { csvField } = await import(join(ROOT, 'www/viewer.js'));
  const cases = [['=1+2', "'=1+2"], ['+86', "'+86"], ['-0件', "'-0件"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"],
    ['\rx', `"'\rx"`], ['=A1,"b"', `"'=A1,""b"""`], ['a=b', 'a=b'], ['纠错率', '纠错率'], ['', '']];
  for (const [cell, want] of cases) assert.equal(csvField(cell), want, JSON.stringify(cell));
  console.log(`ok   the viewer's CSV guards ${cases.length} cells as the command line's does`);
}

// compare() equals the command line's `compare` JSON (both of text).
{
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  const pairs = [['xxgk/xxgk-01.txt', 'xxgk/xxgk-02.txt'], ['fazhi-long/fazhi-03.txt', 'fazhi-long/fazhi-05.txt'], ['seed.txt', 'seed.txt']];
  for (const [a, b] of pairs) {
    const [fa, fb] = [a, b].map((f) => join(ROOT, 'tests/fixtures', f));
    const cli = JSON.parse(execFileSync(join(target, 'debug/govreport'), ['compare', fa, fb], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const got = core.compare(readFileSync(fa, 'utf8'), readFileSync(fb, 'utf8'));
    assert.equal(JSON.stringify(got), JSON.stringify(cli), `${a} → ${b}`);
  }
  assert.throws(() => core.compare('x', 42), /document must be an object/);
  console.log(`ok   compare() equals the command line's JSON on ${pairs.length} pairs`);
}

// The labels: every key, in both languages, the same keys.
{
  const zh = core.labels('zh');
  const en = core.labels('en');
  assert.deepEqual(Object.keys(en), Object.keys(zh));
  assert.ok(/[\u4e00-\u9fff]/.test(zh['check.measures.fail']) && /^[\x20-\x7e‘’“”—–…]+$/.test(en['check.measures.fail']));
  assert.ok(core.indicatorIds().includes("admin_reconsideration_correction_rate"), core.indicatorIds().join(" "));
  assert.equal(typeof core.indicatorName(core.indicatorIds()[0], 'en'), 'string');
  assert.equal(core.indicatorName('no.such.id'), undefined);
}

if (failed) {
  console.log(`${failed} of ${compared} parses differ from the command line's JSON`);
  process.exit(1);
}
console.log(`ok   parse() equals the command line's JSON on ${compared} parses (${inputs.size} texts × zh, en, and zh with rules)`);
