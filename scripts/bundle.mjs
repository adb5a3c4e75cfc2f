// Bundles the package's three entries with esbuild (from npm):
//
//   govreport.js  the browser entry: defines <gov-report>, upgrades articles
//   element.js    the element class and mount(), no side effects
//   core.js       the parser alone, no DOM (Node, workers, bundlers)
//
// Code splitting puts what the entries share into chunks next to them, so
// that importing two entries on one page gives one element class and one
// wasm instance. The stylesheet's template (styles.js) is minified as CSS.
//
//   node scripts/bundle.mjs SRC OUT [--dev]   (scripts/build-wasm.sh runs it)
//
// SRC holds www/*.js and wasm-bindgen's govreport_core.js side by side.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const [src, out, flag] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node scripts/bundle.mjs SRC OUT [--dev]');
  process.exit(2);
}
const dev = flag === '--dev';

/** styles.js's `css` template, minified by esbuild's CSS minifier. */
const minifyStyles = {
  name: 'minify-styles',
  setup(b) {
    b.onLoad({ filter: /[\\/]styles\.js$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const m = /export const css = String\.raw`([\s\S]*)`;\s*$/.exec(code);
      if (!m) throw new Error('styles.js: expected `export const css = String.raw`…`;` at its end');
      const { code: css } = await transform(m[1], { loader: 'css', minify: true });
      return { contents: `export const css = ${JSON.stringify(css.trim())};`, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: ['govreport.js', 'element.js', 'core.js'].map((f) => join(src, f)),
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  // Browsers of the last few years and Node 18+: class fields, ??=, top-level await.
  target: ['es2022'],
  platform: 'neutral',
  // core.js reads the wasm file from disk in Node only.
  external: ['node:*'],
  chunkNames: 'chunk-[hash]',
  minify: !dev,
  legalComments: 'none',
  banner: { js: '// govreport: viewer of Chinese government annual reports (built with esbuild from www/ and wasm-bindgen output).' },
  plugins: dev ? [] : [minifyStyles],
  metafile: true,
  logLevel: 'warning',
});
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  console.log(`[bundle] ${file}: ${info.bytes} bytes`);
}
