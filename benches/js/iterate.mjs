// Calls parse() through wasm N times on one text, and nothing else: the
// program benches/wasm-instructions.sh runs under valgrind to count the
// instructions V8 executes per parse.
//   node benches/js/iterate.mjs PKG_DIR FILE N
import { readFileSync } from 'node:fs';
import { loadBuild } from './load.mjs';

const [dir, file, n] = process.argv.slice(2);
if (!dir || !file || !n) {
  console.error('usage: node benches/js/iterate.mjs PKG_DIR FILE N');
  process.exit(2);
}
const build = await loadBuild(dir);
const text = readFileSync(file, 'utf8');
for (let i = 0; i < Number(n); i++) build.parse(text);
