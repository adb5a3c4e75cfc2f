// Joins the widget's ES modules into one file, so that a page's one script
// tag costs one request (and one round trip) before the wasm and the report
// text are fetched, instead of two waves of imports.
//
//   node scripts/bundle.mjs ENTRY OUT      (scripts/build-wasm.sh runs it)
//
// Each module the entry imports (transitively) becomes a function scope
// returning its exports; the entry's own exports stay the bundle's. It
// understands exactly the import/export forms these modules use and fails
// on anything else rather than guess: this is not a general bundler. The
// stylesheet's template (styles.js) goes in without comments and spare
// whitespace, which terser leaves inside template strings.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

const [entry, out] = process.argv.slice(2);
if (!entry || !out) {
  console.error('usage: node scripts/bundle.mjs ENTRY OUT');
  process.exit(2);
}

const IMPORT = /^import\s+(?:(.+?)\s+from\s+)?'(\.\/[^']+)';\s*$/gm;
const modules = new Map(); // path -> { name, code, exports }
const order = [];

function scopeName(path) {
  return `__gr_${basename(path, '.js').replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Rewrites a module's imports into bindings of the scopes it depends on. */
function rewriteImports(path, code) {
  return code.replace(IMPORT, (_, clause, spec) => {
    const dep = join(dirname(path), spec);
    load(dep);
    const scope = scopeName(dep);
    if (!clause) return '';
    const parts = [];
    let rest = clause.trim();
    const ns = rest.match(/(?:^|,\s*)\*\s+as\s+([A-Za-z_$][\w$]*)$/);
    if (ns) {
      parts.push(`const ${ns[1]} = ${scope};`);
      rest = rest.slice(0, ns.index).trim();
    }
    const named = rest.match(/\{([^}]*)\}\s*$/);
    if (named) {
      const list = named[1].split(',').map((s) => s.trim()).filter(Boolean)
        .map((s) => s.replace(/^(\S+)\s+as\s+(\S+)$/, '$1: $2'));
      parts.push(`const { ${list.join(', ')} } = ${scope};`);
      rest = rest.slice(0, named.index).replace(/,\s*$/, '').trim();
    }
    if (rest) {
      if (!/^[A-Za-z_$][\w$]*$/.test(rest)) throw new Error(`${path}: cannot bundle import clause "${clause}"`);
      parts.push(`const ${rest} = ${scope}.default;`);
    }
    return parts.join(' ');
  });
}

/** Turns a dependency's exports into a returned object. */
function scopeExports(path, code) {
  const names = [];
  code = code.replace(/^export\s+(default\s+)?((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (_, dflt, kind, name) => {
    names.push(dflt ? `default: ${name}` : name);
    return `${kind} ${name}`;
  });
  code = code.replace(/^export\s*\{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = item.match(/^(\S+)(?:\s+as\s+(\S+))?$/);
      names.push(m[2] ? `${m[2]}: ${m[1]}` : m[1]);
    }
    return '';
  });
  if (/^export\b/m.test(code)) throw new Error(`${path}: an export form the bundler does not know`);
  return `${code}\nreturn { ${names.join(', ')} };`;
}

/**
 * The stylesheet (`String.raw` template in styles.js) without its comments
 * and spare whitespace. Only spaces next to `{ } ; ,` go: a space before
 * `:` or between selectors can mean something, and no string in the sheet
 * holds those characters.
 */
function minifyCss(code) {
  return code.replace(/(export const css = String\.raw`)([^`]*)`/, (_, head, body) => {
    const bare = body.replace(/\/\*[\s\S]*?\*\//g, '');
    if ((bare.match(/"[^"]*"|'[^']*'/g) ?? []).some((str) => /[{};,]|\s\s/.test(str))) {
      throw new Error('styles.js: a string holds { } ; , or a double space, which minifyCss would change');
    }
    const css = bare
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    return `${head}${css}\``;
  });
}

function load(path) {
  if (modules.has(path)) return;
  modules.set(path, null); // cycles are not expected; mark as in progress
  const source = minifyCss(readFileSync(path, 'utf8'));
  const code = rewriteImports(path, source);
  modules.set(path, code);
  order.push(path);
}

const entrySource = readFileSync(entry, 'utf8');
const entryCode = rewriteImports(entry, entrySource);
const parts = [`// govreport: one-file build of ${basename(entry)} and the modules it imports (scripts/bundle.mjs).`];
for (const path of order) {
  parts.push(`// --- ${basename(path)}\nconst ${scopeName(path)} = (() => {\n${scopeExports(path, modules.get(path))}\n})();`);
}
parts.push(`// --- ${basename(entry)}\n${entryCode}`);
writeFileSync(out, `${parts.join('\n\n')}\n`);
