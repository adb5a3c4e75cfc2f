// govreport/core: the parser, with no DOM. For Node, workers and bundlers:
//
//   import { init, parse } from 'govreport/core';
//   await init();                     // the .wasm next to this file (fetch, or the file system in Node)
//   const report = parse(text, { lang: 'en' });
//
// or synchronously, with the module's bytes in hand:
//
//   import { initSync, parse } from 'govreport/core';
//   initSync(readFileSync(new URL(import.meta.resolve('govreport/govreport_core_bg.wasm'))));
//
// Nothing here touches `document`, `window` or `HTMLElement`.

import initWasm, * as wasm from './govreport_core.js';

let ready = null;
let loaded = false;
let instance = null;
const onReady = [];

function loadedNow() {
  loaded = true;
  for (const fn of onReady.splice(0)) fn();
}

/** Runs `fn` once the module is ready (at once if it is). For the element's warm-up. */
export function whenReady(fn) {
  if (loaded) fn();
  else onReady.push(fn);
}

/** True once `init()` or `initSync()` has finished. */
export function isReady() {
  return loaded;
}

/** The wasm file next to this module, read from disk where there is no fetch of file: URLs (Node). */
async function defaultSource() {
  const url = new URL('govreport_core_bg.wasm', import.meta.url);
  if (url.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  return url;
}

/**
 * Loads and instantiates the wasm module (once; later calls return the same
 * promise). `input` is optional: a URL, a Response, bytes or a
 * WebAssembly.Module; by default `govreport_core_bg.wasm` next to this file.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [input]
 * @returns {Promise<void>}
 */
export function init(input) {
  ready ??= (async () => {
    instance = await initWasm({ module_or_path: input ?? (await defaultSource()) });
    loadedNow();
  })();
  return ready;
}

/**
 * Instantiates the wasm module from its bytes or a compiled module,
 * synchronously (once; later calls do nothing).
 * @param {BufferSource | WebAssembly.Module} module
 */
export function initSync(module) {
  if (loaded) return;
  instance = wasm.initSync({ module });
  ready = Promise.resolve();
  loadedNow();
}

function needInit(name) {
  if (!loaded) throw new Error(`govreport: call \`await init()\` (or initSync) before ${name}()`);
}

/**
 * Parses report text into the contract's plain object.
 * @param {string} text
 * @param {{ lang?: 'zh' | 'en', indicators?: { id: string, name?: string, pattern: string, unit?: string }[] }} [options]
 */
export function parse(text, options) {
  needInit('parse');
  return wasm.parse(text, options);
}

/**
 * Parses a document `{ text, tables }` (text with its tables as grids of
 * UTF-16 spans, as `documentOf` in 'govreport/element' builds it from the
 * DOM) into the contract's plain object; `report.text` is the document's
 * text, which the spans index.
 * @param {{ text: string, tables?: { span: [number, number], rows: { span: [number, number], copy?: boolean }[][] }[], warnings?: string[] }} document
 * @param {{ lang?: 'zh' | 'en', indicators?: { id: string, name?: string, pattern: string, unit?: string }[] }} [options]
 */
export function parseDocument(document, options) {
  needInit('parseDocument');
  return wasm.parseDocument(document, options);
}

/**
 * Compares two reports, the older first, each a text or a document
 * `{ text, tables }`: sections aligned, figures paired, table cells, the
 * checks across years, and the newer text found in the older.
 * @param {string | object} older
 * @param {string | object} newer
 * @param {{ lang?: 'zh' | 'en', indicators?: object[] }} [options]
 */
export function compare(older, newer, options) {
  needInit('compare');
  return wasm.compare(older, newer, options);
}

const labelCache = new Map();
/**
 * The viewer's words in a language, `{ key: text }`.
 * @param {'zh' | 'en'} [lang]
 */
export function labels(lang = 'zh') {
  needInit('labels');
  if (!labelCache.has(lang)) labelCache.set(lang, wasm.labels(lang));
  return labelCache.get(lang);
}

/**
 * The name of a canonical indicator id, or undefined.
 * @param {string} id
 * @param {'zh' | 'en'} [lang]
 */
export function indicatorName(id, lang = 'zh') {
  needInit('indicatorName');
  return wasm.indicatorName(id, lang);
}

/** Every canonical indicator id. */
export function indicatorIds() {
  needInit('indicatorIds');
  return wasm.indicatorIds();
}

/**
 * Renders the report of `text` into `root` and returns it (for the
 * element; not part of the documented API).
 * @internal
 */
export function render(root, text, options, run) {
  needInit('render');
  return wasm.render(root, text, options, run);
}

/**
 * Renders the report of a document into `root` and returns it (for the
 * element; not part of the documented API).
 * @internal
 */
export function renderDocument(root, document, options, run) {
  needInit('renderDocument');
  return wasm.renderDocument(root, document, options, run);
}

/** A panic trap for the robustness tests (see tests/browser); not public API. */
export const __test = {
  panic: () => { needInit('__test.panic'); wasm.__panicForTest(); },
  /** Bytes of wasm memory (it never shrinks: after a parse, its peak). */
  memoryBytes: () => instance?.memory.buffer.byteLength ?? 0,
};

export default init;
