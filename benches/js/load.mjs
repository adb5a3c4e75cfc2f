// Loads a built package for the benchmarks: this build's pkg/ or a
// previous build's copy, so that both can be measured in one process.
//   const build = await loadBuild('pkg');   build.parse(text); build.memoryBytes()
// A package with core.js is read through its public DOM-free entry; an
// older one (before the npm package: govreport_core.js and the byte
// transport of transport.js) through the calls its govreport.js made.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadBuild(dir) {
  const url = (f) => pathToFileURL(resolve(dir, f)).href;
  const bytes = readFileSync(resolve(dir, 'govreport_core_bg.wasm'));
  if (existsSync(resolve(dir, 'core.js'))) {
    const core = await import(url('core.js'));
    core.initSync(bytes);
    return { dir, parse: (text) => core.parse(text, { lang: 'zh' }), memoryBytes: core.__test.memoryBytes };
  }
  const glue = await import(url('govreport_core.js'));
  const { decodeReport } = await import(url('transport.js'));
  const exports = glue.initSync({ module: bytes });
  return { dir, parse: (text) => decodeReport(glue.parseReport(text, 'zh')), memoryBytes: () => exports.memory.buffer.byteLength };
}
