// parse() in JavaScript returns the same object as the native command
// line's JSON: every key, in the same order, with the same values. The
// report crosses from wasm as a byte buffer (src/transport.rs) that
// www/transport.js decodes; this checks that decoding against serde's JSON
// of the same parse, on every fixture report and on hostile text, in both
// languages.
//
//   node tests/node/transport.mjs        (after scripts/build-wasm.sh)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const core = await import(join(ROOT, 'pkg/govreport_core.js'));
const { decodeReport } = await import(join(ROOT, 'pkg/transport.js'));
core.initSync({ module: readFileSync(join(ROOT, 'pkg/govreport_core_bg.wasm')) });

// What govreport.js's parse() does.
const parse = (text, lang) => decodeReport(core.parseReport(text, lang));

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
  for (const lang of ['zh', 'en']) {
    const out = join(dir, `out-${lang}`);
    execFileSync(join(target, 'debug/govreport'), ['parse', '--lang', lang, '--out', out, ...files], { stdio: 'inherit' });
    for (const [name, text] of inputs) {
      const expected = JSON.stringify(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
      const got = JSON.stringify(parse(text, lang));
      compared++;
      try {
        assert.equal(got, expected);
      } catch {
        failed++;
        let i = 0;
        while (got[i] === expected[i]) i++;
        console.log(`FAIL ${name} (${lang}): differs at character ${i}\n  parse(): …${got.slice(Math.max(0, i - 60), i + 60)}…\n  CLI:     …${expected.slice(Math.max(0, i - 60), i + 60)}…`);
      }
    }
  }
  // The viewer's table writes values as the command line's CSV does
  // (plain digits, never an exponent): plainNumber in www/viewer.js against
  // the CSV's value column, every metric of every text.
  const { plainNumber } = await import(join(ROOT, 'pkg/viewer.js'));
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

// What the parser never produces but the decoder must still carry as JSON
// would, checked on a real buffer edited in place: a string starting with
// U+FEFF (the parser trims it from titles; a decoder would drop it
// silently), and a value that is not finite (JSON writes null).
{
  const bytes = core.parseReport('某市2021年度法治政府建设情况报告\n一、总体情况\n共办理12件。', 'zh');
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  const textAt = 16 + head[1] * 8 + head[2] * 4;
  assert.deepEqual([...bytes.subarray(textAt, textAt + 3)], [0xe6, 0x9f, 0x90]); // 某, the title's first character
  bytes.set([0xef, 0xbb, 0xbf], textAt); // U+FEFF: three bytes and one UTF-16 unit, as 某
  new Float64Array(bytes.buffer, bytes.byteOffset + 16, head[1])[0] = NaN;
  const report = decodeReport(bytes);
  assert.equal(report.title, '\uFEFF市2021年度法治政府建设情况报告');
  assert.equal(report.metrics[0].value, null);
  assert.equal(report.metrics[0].text, '12件');
}

// The label table (labels() in govreport.js makes an object of the pairs):
// every key once, in key order, in both languages.
{
  const zh = core.labelPairs('zh');
  const en = core.labelPairs('en');
  assert.equal(zh.length % 2, 0);
  const keys = zh.filter((_, i) => i % 2 === 0);
  assert.deepEqual(en.filter((_, i) => i % 2 === 0), keys);
  assert.ok(keys.every((k, i) => i === 0 || keys[i - 1] < k), 'keys in order, each once');
  const at = keys.indexOf('check.measures.fail');
  assert.ok(at >= 0 && /[\u4e00-\u9fff]/.test(zh[2 * at + 1]) && /^[\x20-\x7e‘’“”—–…]+$/.test(en[2 * at + 1]), `${zh[2 * at + 1]} / ${en[2 * at + 1]}`);
}

// The decoder refuses a buffer from another build instead of misreading it.
const bytes = core.parseReport('共3件。', 'zh');
bytes[0] ^= 0xff;
assert.throws(() => decodeReport(bytes), /different builds/);

if (failed) {
  console.log(`${failed} of ${compared} parses differ from the command line's JSON`);
  process.exit(1);
}
console.log(`ok   parse() equals the command line's JSON on ${compared} parses (${inputs.size} texts × zh, en)`);
