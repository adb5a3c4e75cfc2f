// <gov-report>: the custom element, and mount() for any element. No side
// effects on import: `GovReportElement.define()` registers it (the browser
// entry, govreport.js, does that and upgrades [data-gov-report] articles).
//
//   import { GovReportElement } from 'govreport/element';
//   GovReportElement.define();
//
// Attributes:  src   URL of the report as text (same origin): UTF-8, the charset
//                      its Content-Type names (GBK…), or UTF-16 with its BOM
//              lang  "zh" (default) or "en" for the viewer's own words
//              (inherited from ancestors and the page, like HTML `lang`)
// Properties:  report (read-only), text, viewer
// Methods:     expandAll(), collapseAll(), reveal(metricId), revealSection(sectionId), metricsCsv()
// Events:      gov-report-ready, gov-report-error, gov-report-toggle,
//              gov-report-metric-select, gov-report-export (all bubble and
//              cross the shadow boundary)

import * as core from './core.js';
import { adoptStyles, langOf, prepareStyles, wire } from './viewer.js';
import { documentFromHtml, documentOf } from './blocks.js';
import { attachComparison } from './compare.js';

export { articleOf, documentFromHtml, documentOf } from './blocks.js';

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
function textRuns(text, nodes) {
  if (!nodes) return (parent, start, end) => parent.append(text.slice(start, end));
  // Recorded (a comparison marks sentences by offset afterwards).
  return (parent, start, end) => {
    const node = document.createTextNode(text.slice(start, end));
    parent.append(node);
    nodes.push([start, node]);
  };
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
    const report = core.render(shadow, text, undefined, textRuns(text));
    adoptStyles(shadow);
    const viewer = wire(host, shadow, report, core.labels('zh'), core.indicatorName, 'zh');
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

let warmUpScheduled = false;
/** Runs the warm-up once the wasm is ready and the page idle (once). */
function scheduleWarmUp() {
  if (warmUpScheduled) return;
  warmUpScheduled = true;
  core.whenReady(() => {
    const idle = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 1));
    idle(warmUp, { timeout: 2000 });
  });
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
  strong.textContent = core.isReady() ? core.labels(lang)['view.error'] : LOAD_ERROR[lang];
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

/** Indicator names: the user's rules first, then the taxonomy's. */
function names(rules) {
  if (!Array.isArray(rules) || !rules.length) return core.indicatorName;
  const own = new Map(rules.map((r) => [r.id, r.name ?? r.id]));
  return (id, lang) => own.get(id) ?? core.indicatorName(id, lang);
}

/**
 * Renders a report into `element`'s shadow root (made if it has none).
 * @param {HTMLElement} element
 * @param {string | {text: string, report?: object}} input the report text,
 *   or `{ text, report }` with a report parsed from that text (it must be:
 *   the viewer reads the text itself, which gives the same report)
 * @param {{lang?: 'zh'|'en', indicators?: {id: string, name?: string, pattern: string, unit?: string}[]}} [options]
 *   as for parse(); the viewer shows a user rule's `name` for its id
 * @returns {Promise<Viewer>} `{ report, expandAll, collapseAll, reveal, revealSection, metricsCsv, destroy }`
 */
export async function mount(element, input, options = {}, internal = {}) {
  const text = typeof input === 'string' ? input : input?.text;
  // A document `{ text, tables }` (from HTML): its tables are read as grids.
  const doc = typeof input === 'object' && input !== null && Array.isArray(input.tables) ? input : null;
  const shadow = element.shadowRoot ?? openShadow(element);
  let lang = langOf(element);
  try {
    if (typeof text !== 'string') throw new TypeError('govreport: mount(element, input): input must be a string or { text, report }');
    const given = typeof input === 'string' || doc ? null : input.report;
    if (given !== undefined && given !== null && (typeof given !== 'object' || given.length !== text.length)) {
      throw new TypeError('govreport: mount(element, { text, report }): report is not a report of this text (its length differs)');
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError("govreport: mount(element, input, options): options must be an object like { lang: 'en' }");
    }
    if (options?.lang !== undefined) lang = /^en\b/i.test(String(options.lang)) ? 'en' : 'zh';
    await core.init();
    const start = performance.now();
    used = true;
    // The options go to the parser as given (an unknown key or a bad
    // indicator pattern is its error), with the language resolved here.
    const runs = textRuns(text, internal.nodes);
    const report = doc
      ? core.renderDocument(shadow, { text, tables: doc.tables, warnings: doc.warnings ?? [] }, { ...options, lang }, runs)
      : core.render(shadow, text, { ...options, lang }, runs);
    // After the render, which replaces the shadow root's children (the
    // <style> of browsers without constructable stylesheets among them).
    adoptStyles(shadow);
    const viewer = wire(element, shadow, report, core.labels(lang), names(options?.indicators), lang);
    performance.measure?.('gov-report-render', { start, end: performance.now() });
    element.dispatchEvent(new CustomEvent('gov-report-ready', { bubbles: true, composed: true, detail: { report, viewer } }));
    return viewer;
  } catch (error) {
    showError(element, shadow, error, text, lang);
    throw error;
  }
}

/** The text of existing article markup: one line per block, a table's rows as tab-separated lines. */
export function textOfMarkup(element) {
  return documentOf(element).text;
}

/** Upgrades every `[data-gov-report]` element under `root`: its paragraphs and its tables, read from the DOM. */
export function upgradeMarkup(root = document) {
  for (const el of root.querySelectorAll('[data-gov-report]')) {
    if (el.shadowRoot || el.dataset.govReportState) continue;
    el.dataset.govReportState = 'loading';
    mount(el, documentOf(el, langOf(el))).then(
      () => { el.dataset.govReportState = 'ready'; },
      () => { el.dataset.govReportState = 'error'; },
    );
  }
}


/**
 * The text of a fetched report, decoded as a browser decodes a page: a
 * UTF-16 byte order mark first, then the charset the server names (older
 * portals serve `text/plain; charset=gbk`), else UTF-8. `response.text()`
 * would read every file as UTF-8.
 */
function decodeText(bytes, contentType) {
  let label = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // A charset the browser does not know: UTF-8, as response.text() reads.
    return new TextDecoder().decode(bytes);
  }
}

/**
 * A report fetched from `url`: its text, or for a page served as HTML its
 * document (the article, with its tables).
 */
async function fetchReport(url, lang) {
  const at = new URL(url, document.baseURI);
  const response = await fetch(at, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${at.pathname}: HTTP ${response.status}`);
  const type = response.headers.get('content-type');
  const text = decodeText(new Uint8Array(await response.arrayBuffer()), type);
  if (/^\s*text\/html\b/i.test(type ?? '') || /\.html?$/i.test(at.pathname)) return documentFromHtml(text, lang);
  return text;
}

export class GovReportElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'compare-src'];

  /** Registers the element (once; a second call is a no-op). */
  static define(tag = 'gov-report', registry = globalThis.customElements) {
    scheduleWarmUp();
    if (!registry || registry.get(tag)) return;
    try {
      registry.define(tag, this);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'NotSupportedError')) throw e;
    }
  }

  #text = null;
  #shown = null;
  #viewer = null;
  #generation = 0;

  /** The report shown, once ready (the contract's object). */
  get report() {
    return this.#viewer?.report ?? null;
  }

  /** The report text shown (from `src`, the element's text, or set here; for an HTML page, its document's text). */
  get text() {
    return this.#text ?? this.#shown ?? this.textContent;
  }

  set text(value) {
    this.#text = String(value);
    this.#load();
  }

  /** The viewer controller, once ready. */
  get viewer() {
    return this.#viewer;
  }

  connectedCallback() {
    // The element's own content (inline text, a placeholder) stays on
    // screen until the viewer replaces it.
    if (!this.shadowRoot) openShadow(this);
    this.setAttribute('role', this.getAttribute('role') ?? 'region');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) {
      this.setAttribute('aria-label', this.getAttribute('lang')?.startsWith('en') ? 'Report' : '报告');
    }
    this.#load();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this.shadowRoot) this.#load();
  }

  async #load() {
    const generation = ++this.#generation;
    let text = this.#text;
    let input = null;
    try {
      // The reports to compare with, oldest first, fetched meanwhile.
      const compareUrls = (this.getAttribute('compare-src') ?? '').split(/\s+/).filter(Boolean);
      const olders = compareUrls.length ? Promise.all(compareUrls.map((u) => fetchReport(u, langOf(this)))) : null;
      olders?.catch(() => {});
      if (text === null && this.hasAttribute('src')) {
        // Load the wasm while the text is on its way.
        core.init().catch(() => {});
        prepareStyles();
        input = await fetchReport(this.getAttribute('src'), langOf(this));
        text = typeof input === 'string' ? input : input.text;
      }
      text ??= this.textContent ?? '';
      input ??= text;
      if (generation !== this.#generation) return;
      this.#viewer?.destroy();
      // Take the viewer from the ready event, so that `report` is already
      // set for the page's own gov-report-ready listeners.
      // Only this load's event: an earlier load still finishing (the text
      // set again right away) sends its own, for another text.
      const take = (e) => {
        if (e.target === this && generation === this.#generation && e.detail.report.length === text.length) {
          this.#viewer = e.detail.viewer;
        }
      };
      this.addEventListener('gov-report-ready', take, { capture: true });
      try {
        this.#shown = text;
        const options = this.hasAttribute('lang') ? { lang: /^en/i.test(this.getAttribute('lang')) ? 'en' : 'zh' } : {};
        const nodes = olders ? [] : undefined;
        const viewer = await mount(this, input, options, { nodes });
        // A later load (the text set again meanwhile) has its own viewer.
        if (generation === this.#generation) this.#viewer = viewer;
        if (olders && generation === this.#generation) {
          const previous = await olders;
          if (generation !== this.#generation) return;
          const lang = /^en/i.test(options.lang ?? langOf(this)) ? 'en' : 'zh';
          const emit = (type, detail) => this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
          const result = attachComparison({ shadow: this.shadowRoot, viewer, nodes, newer: input, olders: previous, options: { lang }, labels: core.labels(lang), emit });
          viewer.comparison = result.comparison;
          viewer.comparisons = result.comparisons;
          viewer.changesCsv = result.csv;
          emit('gov-report-compare-ready', { comparison: result.comparison, comparisons: result.comparisons, viewer });
        }
      } finally {
        this.removeEventListener('gov-report-ready', take, { capture: true });
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      if (this.shadowRoot && !this.shadowRoot.querySelector('.error')) {
        showError(this, this.shadowRoot, error, text, /^en/i.test(this.getAttribute('lang') ?? '') ? 'en' : 'zh');
      }
    }
  }

  expandAll() { this.#viewer?.expandAll(); }
  collapseAll() { this.#viewer?.collapseAll(); }
  reveal(metricId) { return this.#viewer?.reveal(metricId) ?? false; }
  revealSection(sectionId) { return this.#viewer?.revealSection(sectionId) ?? false; }
  metricsCsv() { return this.#viewer?.metricsCsv() ?? ''; }
}
