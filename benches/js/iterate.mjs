// Calls parse() through wasm N times on one text, and nothing else: the
// program benches/wasm-instructions.sh runs under valgrind to count the
// instructions V8 executes per parse.
//   node benches/js/iterate.mjs PKG_DIR FILE N [--no-decode]
// --no-decode: the wasm call alone (parseReport: the parse and the report
// written into its byte buffer), without turning the buffer into objects.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, file, n] = process.argv.slice(2);
if (!dir || !file || !n) {
  console.error('usage: node benches/js/iterate.mjs PKG_DIR FILE N [--no-decode]');
  process.exit(2);
}
const pkg = pathToFileURL(resolve(dir)).href;
const { initSync, parseReport } = await import(`${pkg}/govreport_core.js`);
const { decodeReport } = await import(`${pkg}/transport.js`);
initSync({ module: readFileSync(resolve(dir, 'govreport_core_bg.wasm')) });
const text = readFileSync(file, 'utf8');
const call = process.argv.includes('--no-decode')
  ? () => parseReport(text, 'zh')
  : () => decodeReport(parseReport(text, 'zh'));
for (let i = 0; i < Number(n); i++) call();
