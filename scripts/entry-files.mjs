// The JavaScript files an entry of pkg/ loads: the entry and, transitively,
// the chunks it imports statically.
//
//   node scripts/entry-files.mjs PKG ENTRY    one file name a line
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [pkg, entry] = process.argv.slice(2);
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(pkg, file), 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*${}\s,]*from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
};
visit(entry);
console.log([...seen].join('\n'));
