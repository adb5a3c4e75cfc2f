// <gov-report>: the custom element. No side effects on import; the entry
// module (govreport.js) gives it `mount` and calls `define()`.
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

export class GovReportElement extends HTMLElement {
  static observedAttributes = ['src', 'lang'];

  /** Registers the element (once; a second call is a no-op). */
  static define(tag = 'gov-report', registry = globalThis.customElements) {
    if (!registry || registry.get(tag)) return;
    try {
      registry.define(tag, this);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'NotSupportedError')) throw e;
    }
  }

  #text = null;
  #viewer = null;
  #generation = 0;

  /** The report shown, once ready (the contract's object). */
  get report() {
    return this.#viewer?.report ?? null;
  }

  /** The report text shown (from `src`, the element's text, or set here). */
  get text() {
    return this.#text ?? this.textContent;
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
    // The entry module's openShadow keeps the element's own content (inline
    // text, a placeholder) on screen until the viewer replaces it.
    if (!this.shadowRoot) this.constructor.openShadow?.(this) ?? this.attachShadow({ mode: 'open' });
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
    const mount = this.constructor.mount;
    let text = this.#text;
    try {
      if (text === null && this.hasAttribute('src')) {
        // Load the wasm while the text is on its way.
        this.constructor.preload?.();
        const url = new URL(this.getAttribute('src'), document.baseURI);
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
        text = decodeText(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
      }
      text ??= this.textContent ?? '';
      if (generation !== this.#generation) return;
      this.#viewer?.destroy();
      // Take the viewer from the ready event, so that `report` is already
      // set for the page's own gov-report-ready listeners.
      const take = (e) => {
        if (e.target === this) this.#viewer = e.detail.viewer;
      };
      this.addEventListener('gov-report-ready', take, { once: true, capture: true });
      try {
        this.#viewer = await mount(this, text, this.hasAttribute('lang') ? { lang: /^en/i.test(this.getAttribute('lang')) ? 'en' : 'zh' } : {});
      } finally {
        this.removeEventListener('gov-report-ready', take, { capture: true });
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      if (this.shadowRoot && !this.shadowRoot.querySelector('.error')) {
        this.constructor.showError?.(this, this.shadowRoot, error, text, /^en/i.test(this.getAttribute('lang') ?? '') ? 'en' : 'zh');
      }
    }
  }

  expandAll() { this.#viewer?.expandAll(); }
  collapseAll() { this.#viewer?.collapseAll(); }
  reveal(metricId) { return this.#viewer?.reveal(metricId) ?? false; }
  revealSection(sectionId) { return this.#viewer?.revealSection(sectionId) ?? false; }
  metricsCsv() { return this.#viewer?.metricsCsv() ?? ''; }
}
