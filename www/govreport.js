// govreport: the embeddable viewer of Chinese government annual reports.
//
// One script tag, no build step:
//
//   <script type="module" src="/static/govreport/govreport.js"></script>
//   <gov-report src="report.txt"></gov-report>
//   <article data-gov-report> <p>…the report already on the page…</p> </article>
//
// or from JavaScript:
//
//   import init, { parse, mount } from '/static/govreport/govreport.js';
//   await init();
//   const report = parse(text);          // the contract's plain object
//   const viewer = await mount(element, text, { lang: 'en' });
//
// The wasm file is loaded from next to this file (import.meta.url), never
// from another host. Importing this module defines <gov-report> and
// upgrades [data-gov-report] elements; import './viewer.js' and
// './element.js' instead for a side-effect-free class.

import initWasm, * as core from './govreport_core.js';
import { GovReportElement } from './element.js';
import { adoptStyles, langOf, prepareStyles, wire } from './viewer.js';
import { decodeReport } from './transport.js';
// viewer.js imports it too; naming it here lets the browser fetch it in
// parallel with the others instead of after viewer.js.
import './styles.js';

let ready = null;
let loaded = false;
let used = false;

// A short report that goes through the parser's and the renderer's main
// paths (headings of each level, figures of several kinds, an enumeration,
// the checks).
const WARM_UP = '某市2021年度法治政府建设情况报告\n一、主要举措和成效\n（一）依法行政\n1.全年办理行政复议案件553件，同比增长5.4%，综合纠错280件，纠错率50.63%，服务2.4万余人次，提高2个百分点。一是加强领导。二是完善制度。\n二、存在的不足和原因\n三、2022年主要安排\n';

/**
 * What the renderer appends report text through: runs of `text` by UTF-16
 * offsets. The text is already here, and copying each run back out of wasm
 * memory would cost a decode.
 */
function textRuns(text) {
  return { run: (parent, start, end) => parent.append(text.slice(start, end)) };
}

/**
 * Once the wasm is ready and the page idle, renders a short report and
 * drops it: the browser compiles wasm lazily, function by function, so the
 * first real render would otherwise pay for compiling the parser and the
 * renderer (measured in BENCHMARKS.md: the longest long report renders in
 * about half the time after it). The report is laid out for one frame in
 * a hidden, inert box fixed to the viewport, so that the browser also
 * finds its fonts for the viewer's text and sizes before the first real
 * report (its first frame then paints a sixth to a third sooner), and then
 * removed. Skipped when the page has already parsed or rendered.
 */
function warmUp() {
  if (used || typeof document === 'undefined') return;
  try {
    // Repeated, so that the loops run often enough for the browser to
    // start optimising them too (a single pass only gets them compiled):
    // about 50 ms of idle time on this machine, against 40 ms for one pass,
    // and the longest long report then renders in ~45 ms instead of ~60.
    const text = WARM_UP.repeat(12);
    // Decoded and wired too (the table's rows are built there), then
    // dropped: the decoder and the behaviour are ours as well.
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const report = decodeReport(core.renderReport(shadow, text, 'zh', textRuns(text)));
    adoptStyles(shadow);
    const viewer = wire(host, shadow, report, labels('zh'), core.indicatorName, 'zh');
    // Laid out, never seen: fixed to the viewport and clipped to it, so
    // the host page's layout and scrolling do not change; hidden, inert
    // and out of the accessibility tree. On screen for the browser (its
    // sections lay out only near the viewport: content-visibility) and a
    // reading width, so that the viewer lays out as it would on the page.
    host.setAttribute('aria-hidden', 'true');
    host.inert = true;
    host.style.cssText =
      'position:fixed;top:0;left:0;width:40em;height:100vh;overflow:hidden;contain:strict;visibility:hidden;pointer-events:none;z-index:-1';
    (document.body ?? document.documentElement).append(host);
    const done = () => {
      host.remove();
      viewer.destroy();
    };
    // Removed after the next frame (or at once, where there are no frames).
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done));
    else done();
  } catch {
    // Best effort: a real render reports its own errors.
  }
}

/**
 * Loads and instantiates the wasm module (once; later calls return the same
 * promise). `input` is optional: a URL, a Response, bytes or a
 * WebAssembly.Module; by default `govreport_core_bg.wasm` next to this file.
 */
export default function init(input) {
  ready ??= initWasm(input === undefined ? undefined : { module_or_path: input }).then(() => {
    loaded = true;
    const idle = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 1));
    idle(warmUp, { timeout: 2000 });
  });
  return ready;
}

function needInit(name) {
  if (!loaded) throw new Error(`govreport: call \`await init()\` before ${name}()`);
}

/** Reads `{ lang }`, rejecting anything else (a misspelt option is an error, not ignored). */
function readOptions(options, name) {
  if (options === undefined || options === null) return 'zh';
  if (typeof options !== 'object') throw new TypeError(`govreport: ${name}: options must be an object like { lang: 'en' }`);
  for (const key of Object.keys(options)) {
    if (key !== 'lang') throw new TypeError(`govreport: ${name}: unknown option "${key}"; the only option is { lang: 'zh' | 'en' }`);
  }
  return /^en\b/i.test(String(options.lang ?? '')) ? 'en' : 'zh';
}

function needText(text, name) {
  if (typeof text !== 'string') throw new TypeError(`govreport: ${name}: text must be a string`);
}

/**
 * Parses report text into the contract's plain object.
 * @param {string} text
 * @param {{lang?: 'zh'|'en'}} [options]
 */
export function parse(text, options) {
  needInit('parse');
  needText(text, 'parse(text)');
  used = true;
  return decodeReport(core.parseReport(text, readOptions(options, 'parse(text, options)')));
}

function pairsToObject(pairs) {
  const out = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) out[pairs[i]] = pairs[i + 1];
  return out;
}

const labelCache = new Map();
/** The viewer's words in a language, `{ key: text }`. */
export function labels(lang = 'zh') {
  needInit('labels');
  if (!labelCache.has(lang)) labelCache.set(lang, pairsToObject(core.labelPairs(lang)));
  return labelCache.get(lang);
}

/** The name of a canonical indicator id (`admin_reconsideration_correction_rate`). */
export function indicatorName(id, lang = 'zh') {
  needInit('indicatorName');
  return core.indicatorName(id, lang);
}

// The one message the shim needs before the wasm (and its label table) is
// available: everything else comes from the table in src/i18n.rs.
const LOAD_ERROR = {
  zh: '无法加载报告查看器，下面显示原文。',
  en: 'The report viewer could not be loaded; the original text is shown below.',
};

/**
 * Shows an error and the original text in a shadow root. Report text goes
 * in as text, never as markup.
 */
export function showError(host, shadow, error, text, lang) {
  const box = document.createElement('div');
  box.className = 'gr';
  box.setAttribute('part', 'viewer');
  const msg = document.createElement('div');
  msg.className = 'error';
  msg.setAttribute('role', 'alert');
  msg.setAttribute('part', 'error');
  const strong = document.createElement('strong');
  strong.textContent = loaded ? labels(lang)['view.error'] : LOAD_ERROR[lang];
  const detail = document.createElement('div');
  detail.textContent = String(error?.message ?? error);
  msg.append(strong, detail);
  box.append(msg);
  if (host.childNodes.length) {
    // The original light DOM (the page's own markup) is the fallback.
    box.append(document.createElement('slot'));
  } else if (text) {
    const pre = document.createElement('div');
    pre.className = 'fallback';
    pre.textContent = text;
    box.append(pre);
  }
  shadow.replaceChildren(box);
  // After the content is replaced: without constructable stylesheets the
  // styles are a <style> child of the shadow root.
  adoptStyles(shadow);
  host.dispatchEvent(new CustomEvent('gov-report-error', { bubbles: true, composed: true, detail: { error } }));
}

/**
 * Attaches an open shadow root to `host`. A host with content of its own
 * (the article it upgrades, inline report text, a portal's placeholder)
 * gets a <slot>, so that the content stays on screen until the viewer
 * replaces it: without one the host would be empty, and the page would
 * collapse around it, for as long as the wasm takes to arrive.
 */
function openShadow(host) {
  const shadow = host.attachShadow({ mode: 'open' });
  if (host.childNodes.length) shadow.append(document.createElement('slot'));
  return shadow;
}

/**
 * Renders a report into `element`'s shadow root (made if it has none).
 * @param {HTMLElement} element
 * @param {string | {text: string, report?: object}} input the report text,
 *   or `{ text, report }` with a report parsed from that text (it must be:
 *   the viewer reads the text itself, which gives the same report)
 * @param {{lang?: 'zh'|'en'}} [options]
 * @returns {Promise<Viewer>} `{ report, expandAll, collapseAll, reveal, revealSection, metricsCsv, destroy }`
 */
export async function mount(element, input, options = {}) {
  const text = typeof input === 'string' ? input : input?.text;
  const shadow = element.shadowRoot ?? openShadow(element);
  let lang = langOf(element);
  try {
    if (typeof text !== 'string') throw new TypeError('govreport: mount(element, input): input must be a string or { text, report }');
    const given = typeof input === 'string' ? null : input.report;
    if (given !== undefined && given !== null && (typeof given !== 'object' || given.length !== text.length)) {
      throw new TypeError('govreport: mount(element, { text, report }): report is not a report of this text (its length differs)');
    }
    if (options !== undefined && options !== null) {
      const chosen = readOptions(options, 'mount(element, input, options)');
      if (options.lang !== undefined) lang = chosen;
    }
    await init();
    const start = performance.now();
    used = true;
    const report = decodeReport(core.renderReport(shadow, text, lang, textRuns(text)));
    // After the render, which replaces the shadow root's children (the
    // <style> of browsers without constructable stylesheets among them).
    adoptStyles(shadow);
    const viewer = wire(element, shadow, report, labels(lang), core.indicatorName, lang);
    performance.measure?.('gov-report-render', { start, end: performance.now() });
    element.dispatchEvent(new CustomEvent('gov-report-ready', { bubbles: true, composed: true, detail: { report, viewer } }));
    return viewer;
  } catch (error) {
    showError(element, shadow, error, text, lang);
    throw error;
  }
}

/** The text of existing article markup: one line per block element. */
export function textOfMarkup(element) {
  const blocks = element.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, pre, div:not(:has(p, div, li))');
  if (!blocks.length) return element.textContent ?? '';
  return [...blocks].map((b) => b.textContent.trim()).filter(Boolean).join('\n');
}

/** Upgrades every `[data-gov-report]` element under `root`. */
export function upgradeMarkup(root = document) {
  for (const el of root.querySelectorAll('[data-gov-report]')) {
    if (el.shadowRoot || el.dataset.govReportState) continue;
    el.dataset.govReportState = 'loading';
    mount(el, textOfMarkup(el)).then(
      () => { el.dataset.govReportState = 'ready'; },
      () => { el.dataset.govReportState = 'error'; },
    );
  }
}

export { GovReportElement };

GovReportElement.mount = mount;
// While the text is fetched: the wasm (errors surface from mount(), which
// awaits the same promise) and the stylesheet.
GovReportElement.preload = () => {
  init().catch(() => {});
  prepareStyles();
};
GovReportElement.showError = showError;
GovReportElement.openShadow = openShadow;
GovReportElement.define();
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => upgradeMarkup(), { once: true });
} else {
  upgradeMarkup();
}

// A panic trap for the robustness tests (see tests/browser); not public API.
export const __test = { panic: () => { needInit('__test.panic'); core.__panicForTest(); } };
