// The viewer's behaviour on top of the DOM that the wasm renderer builds:
// expand and collapse, revealing a metric, tooltips, sorting, filtering,
// CSV export, and the events it sends. No side effects on import.

import { css } from './styles.js';

const EVENT_INIT = { bubbles: true, composed: true };

let sheet = null;
const constructable = () => 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype;

/**
 * Parses the stylesheet ahead of the first render (a few milliseconds):
 * the element calls it while the report and the wasm are on their way.
 */
export function prepareStyles() {
  if (!sheet && constructable()) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
}

/** Adopts the stylesheet into a shadow root (one shared CSSStyleSheet). */
export function adoptStyles(shadow) {
  if (constructable()) {
    prepareStyles();
    if (!shadow.adoptedStyleSheets.includes(sheet)) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    }
  } else if (!shadow.querySelector('style[data-gov-report]')) {
    const style = document.createElement('style');
    style.dataset.govReport = '';
    style.textContent = css;
    shadow.prepend(style);
  }
}

/** The language of an element: its own or an ancestor's `lang`, else the page's. */
export function langOf(element) {
  const tag = element.closest?.('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'zh';
  return /^en\b/i.test(tag) ? 'en' : 'zh';
}


/**
 * A value in plain digits, never with an exponent (`1e21` →
 * `1000000000000000000000`, `1e-7` → `0.0000001`): the shortest digits that
 * give the number back, as the command line's CSV writes them. A value
 * JSON could not hold (null) is an empty cell.
 * @param {number|null} v
 */
export function plainNumber(v) {
  if (v == null) return '';
  const s = String(v);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s[0] === '-' ? '-' : '';
  const [int, frac = ''] = s.slice(sign.length, e).split('.');
  const digits = int + frac;
  const point = int.length + Number(s.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A metric's value as the table shows it: plain digits, and a range as
 * `3–5`.
 * @param {{value: number|null, upper: number|null}} m
 */
function valueText(m) {
  return m.upper != null ? `${plainNumber(m.value)}–${plainNumber(m.upper)}` : plainNumber(m.value);
}

/**
 * One CSV field, quoted when it needs it (RFC 4180). A text cell that
 * begins with = + - @, a tab or a carriage return gets a leading ' so that a
 * spreadsheet does not run it as a formula (as the command line's CSV
 * does). Numbers do not come through here: they are written as they are.
 * @param {string} s
 */
export function csvField(s) {
  let v = String(s);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Wires the behaviour of a rendered viewer.
 * @param {HTMLElement} host the element whose shadow root holds the viewer
 * @param {ShadowRoot} shadow
 * @param {object} report the report the viewer shows
 * @param {Record<string,string>} labels the viewer's words in its language
 * @param {(id: string, lang: string) => string|undefined} indicatorName
 * @param {string} lang
 */
export function wire(host, shadow, report, labels, indicatorName, lang) {
  const root = shadow.querySelector('.gr');
  const metricsById = new Map(report.metrics.map((m) => [m.id, m]));
  const sectionsById = new Map();
  const walk = (list) => list.forEach((s) => { sectionsById.set(s.id, s); walk(s.children); });
  walk(report.sections);
  /** The marker and title of the section a metric lies in, if any. */
  const sectionName = (m) => {
    const s = m.section ? sectionsById.get(m.section) : null;
    return s ? `${s.marker}${s.title}` : null;
  };
  const tooltip = shadow.getElementById('gr-tooltip');
  const tbody = shadow.querySelector('.metrics tbody');
  const filter = shadow.querySelector('.metrics input.filter');
  const ac = new AbortController();
  const on = (target, type, fn, opts = {}) => target.addEventListener(type, fn, { ...opts, signal: ac.signal });
  const emit = (type, detail) => host.dispatchEvent(new CustomEvent(type, { ...EVENT_INIT, detail }));

  const sections = () => [...shadow.querySelectorAll('details.section')];
  const setAll = (open) => {
    for (const d of sections()) d.open = open;
  };

  /** The `<mark>` of a metric (ids like m38 are report data: looked up by attribute, CSS-escaped). */
  const markOf = (metricId) => root.querySelector(`article mark[data-metric="${CSS.escape(metricId)}"]`);

  function openAncestors(el) {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  }

  /**
   * Scrolls `el` into view, and again while the frames after the scroll
   * move it out of view: sections off screen are laid out only as they near
   * the viewport (content-visibility), at a placeholder height until then,
   * so the first scroll can land on a guess. Stops once the element has
   * lost focus to the user.
   */
  function scrollToSettled(el, block, tries = 3) {
    el.scrollIntoView({ block, behavior: 'auto' });
    if (tries <= 1) return;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!el.isConnected || (shadow.activeElement !== el && !el.contains(shadow.activeElement))) return;
      const r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight) scrollToSettled(el, block, tries - 1);
    }));
  }

  function reveal(metricId) {
    const mark = markOf(metricId);
    if (!mark) return false;
    openAncestors(mark);
    scrollToSettled(mark, 'center');
    mark.classList.remove('flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('flash');
    mark.focus({ preventScroll: true });
    emit('gov-report-metric-select', { metric: metricsById.get(metricId) });
    return true;
  }

  function revealSection(sectionId) {
    const details = shadow.getElementById(`gr-${sectionId}`);
    if (!details) return false;
    openAncestors(details);
    details.open = true;
    const summary = details.querySelector(':scope > summary');
    summary.focus({ preventScroll: true });
    scrollToSettled(summary, 'start');
    return true;
  }

  /** A table cell by canonical id (report data: looked up by attribute, CSS-escaped). */
  function revealCell(cellId) {
    const td = root.querySelector(`td[data-cell="${CSS.escape(cellId)}"]`);
    if (!td) return false;
    openAncestors(td);
    td.tabIndex = -1;
    td.classList.remove('flash');
    void td.offsetWidth;
    td.classList.add('flash');
    td.focus({ preventScroll: true });
    scrollToSettled(td, 'center');
    return true;
  }

  /** A check of the checks panel, from a flagged cell. */
  function revealCheck(domId) {
    const li = shadow.getElementById(domId);
    if (!li) return false;
    li.tabIndex = -1;
    li.focus({ preventScroll: true });
    scrollToSettled(li, 'center');
    return true;
  }

  // --- tooltips -------------------------------------------------------
  function describe(m) {
    const dl = document.createElement('dl');
    const row = (key, value) => {
      if (value === null || value === undefined || value === '') return;
      const dt = document.createElement('dt');
      dt.textContent = labels[key] ?? key;
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      dl.append(dt, dd);
    };
    row('view.col.value', `${valueText(m)}${m.unit ? ` ${m.unit}` : ''}`);
    row('view.col.qualifier', labels[`qualifier.${m.qualifier}`]);
    row('view.col.subject', m.subject);
    row('view.col.indicator', m.indicator ? indicatorName(m.indicator, lang) ?? m.indicator : null);
    row('view.col.section', sectionName(m));
    row('view.col.kind', `${labels[`kind.${m.kind}`]} · ${labels[m.change ? 'view.change' : 'view.level']}`);
    return dl;
  }

  function showTooltip(mark) {
    const m = metricsById.get(mark.dataset.metric);
    if (!m) return;
    tooltip.replaceChildren(describe(m));
    tooltip.hidden = false;
    mark.setAttribute('aria-describedby', 'gr-tooltip');
    const r = mark.getBoundingClientRect();
    const t = tooltip.getBoundingClientRect();
    const top = r.bottom + 6 + t.height > innerHeight ? r.top - t.height - 6 : r.bottom + 6;
    tooltip.style.top = `${Math.max(4, top)}px`;
    tooltip.style.left = `${Math.max(4, Math.min(r.left, innerWidth - t.width - 4))}px`;
  }

  function hideTooltip(mark) {
    tooltip.hidden = true;
    mark?.removeAttribute('aria-describedby');
  }

  on(root, 'mouseover', (e) => { const mark = e.target.closest('mark.metric'); if (mark) showTooltip(mark); });
  on(root, 'mouseout', (e) => { const mark = e.target.closest('mark.metric'); if (mark) hideTooltip(mark); });
  on(root, 'focusin', (e) => { const mark = e.target.closest('mark.metric'); if (mark) showTooltip(mark); });
  on(root, 'focusout', (e) => { const mark = e.target.closest('mark.metric'); if (mark) hideTooltip(mark); });
  on(root, 'keydown', (e) => {
    if (e.key === 'Escape') hideTooltip(e.target.closest?.('mark.metric'));
  });

  // --- buttons and rows -----------------------------------------------
  on(root, 'click', (e) => {
    const button = e.target.closest('button');
    const action = button?.dataset.action;
    if (action === 'expand-all') setAll(true);
    else if (action === 'collapse-all') setAll(false);
    else if (action === 'export-csv') download();
    else if (button?.dataset.sort) sortBy(button.dataset.sort, button.closest('th'));
    else if (button?.dataset.revealSection) revealSection(button.dataset.revealSection);
    else if (button?.dataset.revealMetric) reveal(button.dataset.revealMetric);
    else if (button?.dataset.revealCell) revealCell(button.dataset.revealCell);
    else if (button?.dataset.revealCheck) revealCheck(button.dataset.revealCheck);
    else {
      const row = e.target.closest('tbody tr[data-metric]');
      if (row) reveal(row.dataset.metric);
    }
  });
  on(tbody, 'keydown', (e) => {
    const row = e.target.closest('tr[data-metric]');
    if (!row) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal(row.dataset.metric);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const visibleRows = () => [...tbody.rows].filter((r) => !r.hidden);
      let list = visibleRows();
      // Past the last row attached: attach the next ones first.
      if (e.key === 'ArrowDown' && list.at(-1) === row && attached < report.metrics.length) {
        attachMore();
        list = visibleRows();
      }
      const next = list[list.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
      next?.focus();
    }
  });
  // Arrow keys move between section headings (APG accordion, optional part).
  on(root.querySelector('article'), 'keydown', (e) => {
    const summary = e.target.closest?.('summary');
    if (!summary || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    // Shown: every enclosing section open (read from the DOM, not from
    // layout, which sections off screen skip).
    const all = [...shadow.querySelectorAll('details.section > summary')].filter((s) => !s.parentElement.parentElement.closest('details:not([open])'));
    const i = all.indexOf(summary);
    const next = { ArrowDown: all[i + 1], ArrowUp: all[i - 1], Home: all[0], End: all[all.length - 1] }[e.key];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });
  // The browser also fires `toggle` for sections inserted open: only a
  // change of state is reported.
  const shown = new WeakMap([...shadow.querySelectorAll('details.section')].map((d) => [d, d.open]));
  on(shadow, 'toggle', (e) => {
    const d = e.target;
    if (d instanceof HTMLDetailsElement && d.dataset.section && shown.get(d) !== d.open) {
      shown.set(d, d.open);
      emit('gov-report-toggle', { section: sectionsById.get(d.dataset.section), open: d.open });
    }
  }, { capture: true });

  // --- table ----------------------------------------------------------
  // A long report has hundreds of rows, and laying them all out was most of
  // its first frame (BENCHMARKS.md). The table holds the first PAGE rows;
  // more are attached as its scroller nears the end, when the keyboard
  // moves past the last, when a filter leaves too few, and before
  // printing. Sorting, filtering and the CSV work on every row;
  // aria-rowcount and aria-rowindex tell assistive technology the whole.
  const PAGE = 40;
  const wrap = tbody.closest('.table-wrap');
  const table = tbody.closest('table');
  // The rows are built here from the report (the wasm renders the table's
  // head only): in JavaScript a row is a clone and five text assignments,
  // where from wasm each string crossed and was decoded. The first PAGE are
  // built at once, the rest when first needed (more rows attached, a sort,
  // a filter, the CSV), all together.
  const template = document.createElement('tr');
  template.tabIndex = 0;
  // The columns are the ones the wasm rendered heads for (src/web/view.rs).
  for (const col of [...shadow.querySelectorAll('.metrics thead [data-sort]')].map((b) => b.dataset.sort)) {
    const td = document.createElement('td');
    td.className = col;
    template.append(td);
  }
  const cellText = (td, t) => { if (t) td.textContent = t; return td.nextSibling; };
  const buildRow = (m, i) => {
    const tr = template.cloneNode(true);
    tr.setAttribute('data-metric', m.id);
    // Its place before any sort or filter (the header row is 1): those
    // build every row first and number them again.
    tr.setAttribute('aria-rowindex', String(i + 2));
    let td = cellText(tr.firstChild, m.subject ?? m.text);
    td = cellText(td, valueText(m));
    td = cellText(td, m.unit ?? '');
    td = cellText(td, labels[`qualifier.${m.qualifier}`]);
    cellText(td, sectionName(m));
    return tr;
  };
  const first = report.metrics.slice(0, PAGE).map(buildRow);
  let all = null;
  /** Every row, in the order shown. */
  const everyRow = () => (all ??= first.concat(report.metrics.slice(first.length).map((m, i) => buildRow(m, first.length + i))));
  let attached = first.length;
  tbody.append(...first);

  /** Numbers the rows a filter leaves (the header row is 1). */
  function numberRows() {
    let n = 1;
    const built = all ?? first;
    for (const tr of built) {
      if (tr.hidden) tr.removeAttribute('aria-rowindex');
      else tr.setAttribute('aria-rowindex', String(++n));
    }
    // Rows not built yet follow, none filtered out (a filter builds them
    // all), and get their numbers when built.
    table.setAttribute('aria-rowcount', String(n + report.metrics.length - built.length));
  }
  table.tHead.rows[0].setAttribute('aria-rowindex', '1');
  numberRows();

  /** Attaches the next rows, until `shown` more of them are not filtered out. */
  function attachMore(shown = PAGE) {
    if (attached >= report.metrics.length) return;
    const rows = everyRow();
    const start = attached;
    let count = 0;
    while (attached < rows.length && count < shown) {
      if (!rows[attached].hidden) count += 1;
      attached += 1;
    }
    if (attached > start) tbody.append(...rows.slice(start, attached));
  }
  /**
   * Attaches rows while the scroller's end is near, or while the rows do
   * not fill it (a large page font, a host rule on its height). Reads
   * layout: only on scroll and after the table's size changed.
   */
  function fill() {
    // Not displayed, or in a panel the browser is skipping while it is off
    // screen (reading its layout would lay it out): the observer calls
    // again once it is drawn.
    if (wrap.checkVisibility?.({ contentVisibilityAuto: true }) === false || !wrap.clientHeight) return;
    while (attached < report.metrics.length && wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - wrap.clientHeight) attachMore();
  }
  on(wrap, 'scroll', fill, { passive: true });
  if (typeof ResizeObserver === 'function' && report.metrics.length > attached) {
    const observer = new ResizeObserver(() => fill());
    observer.observe(wrap);
    observer.observe(table);
    ac.signal.addEventListener('abort', () => observer.disconnect());
  }

  // Made on the first sort: a zh-CN collator loads collation data, which
  // costs milliseconds that the first render need not pay.
  let collator = null;
  function sortBy(col, th) {
    collator ??= new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN', { numeric: true });
    const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const other of th.parentElement.children) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir);
    const sign = dir === 'ascending' ? 1 : -1;
    const key = (tr) => col === 'value' ? metricsById.get(tr.dataset.metric).value : tr.querySelector(`td.${col}`).textContent;
    const order = (tr) => metricsById.get(tr.dataset.metric).span[0];
    const rows = everyRow();
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = typeof ka === 'number' ? ka - kb : collator.compare(ka, kb);
      return sign * c || order(a) - order(b);
    });
    tbody.replaceChildren(...rows.slice(0, attached));
    numberRows();
  }
  on(filter, 'input', () => {
    const q = filter.value.trim().toLowerCase();
    const rows = everyRow();
    for (const tr of rows) tr.hidden = q !== '' && !tr.textContent.toLowerCase().includes(q);
    numberRows();
    const shown = rows.slice(0, attached).filter((tr) => !tr.hidden).length;
    if (shown < PAGE) attachMore(PAGE - shown);
  });

  /**
   * The metrics table as CSV: every row the filter leaves (attached yet or
   * not), in the order shown; values written as the command line's CSV
   * writes them (plain digits, a range's upper end in its own column).
   */
  function metricsCsv() {
    const head = ['subject', 'value', 'upper', 'unit', 'qualifier', 'section', 'text', 'change', 'indicator'];
    const lines = [head.join(',')];
    for (const tr of everyRow()) {
      if (tr.hidden) continue;
      const m = metricsById.get(tr.dataset.metric);
      // Text cells through csvField; the values are numbers, written as such.
      const text = (v) => csvField(v ?? '');
      lines.push([text(m.subject), plainNumber(m.value), plainNumber(m.upper), text(m.unit), text(m.qualifier),
        text(sectionName(m)), text(m.text), String(m.change), text(m.indicator)].join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }
  function download() {
    const csv = metricsCsv();
    const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(report.title ?? 'govreport').replace(/[\\/:*?"<>|\s]+/g, '_')}-metrics.csv`;
    shadow.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    emit('gov-report-export', { csv });
  }

  // Print every section, then restore.
  let before = null;
  on(window, 'beforeprint', () => { before = sections().map((d) => d.open); setAll(true); attachMore(Infinity); });
  on(window, 'afterprint', () => { if (before) sections().forEach((d, i) => { d.open = before[i]; }); before = null; });

  return {
    report,
    expandAll: () => setAll(true),
    collapseAll: () => setAll(false),
    reveal,
    revealSection,
    revealCell,
    metricsCsv,
    destroy: () => ac.abort(),
  };
}
