// The viewer's comparison: <gov-report src="2025.txt" compare-src="2024.txt">
// (several URLs, oldest first, give a series). On the report shown:
//
// - each paired figure's change after it, ▲/▼ with the difference (the
//   previous value in its title and its accessible name);
// - each sentence carried over from the previous report wrapped in
//   span.reused, its paragraph marked in the margin, all dimmable with one
//   switch;
// - a changes panel: the paired figures, sortable by keyboard, with CSV
//   export like the metrics table;
// - for a series, a small line chart per indicator as inline SVG (title,
//   description, and a table view of the same numbers).
//
// Every node is built here with textContent: report text is never markup.
import * as core from './core.js';
import { csvField, plainNumber } from './viewer.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_CHARTS = 12;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** The report of an input (a text or a document), with its text. */
function reportOf(input, options) {
  return typeof input === 'string' ? { report: core.parse(input, options), text: input } : { report: core.parseDocument(input, options), text: input.text };
}

/**
 * Wraps the newer text's reused spans (UTF-16 offsets) in span.reused,
 * splitting the recorded text nodes (`nodes`: [start, Text] in order).
 */
function wrapReused(spans, nodes) {
  const paragraphs = new Set();
  let k = 0;
  for (const { newer: [s, e] } of [...spans].sort((x, y) => x.newer[0] - y.newer[0])) {
    while (k < nodes.length && nodes[k][0] + nodes[k][1].data.length <= s) k++;
    for (let i = k; i < nodes.length && nodes[i][0] < e; i++) {
      let [start, node] = nodes[i];
      if (!node.isConnected || node.parentElement?.closest('.reused')) continue;
      if (start + node.data.length <= s) continue;
      // The part of the node before the span stays where it is.
      if (start < s) {
        const mid = node.splitText(s - start);
        nodes.splice(i + 1, 0, [s, mid]);
        i++;
        [start, node] = [s, mid];
      }
      // The part after it is a node of its own.
      if (start + node.data.length > e) {
        const rest = node.splitText(e - start);
        nodes.splice(i + 1, 0, [e, rest]);
      }
      const wrap = el('span', { class: 'reused' });
      node.replaceWith(wrap);
      wrap.append(node);
      const p = wrap.closest('p, .heading');
      if (p) paragraphs.add(p);
    }
  }
  for (const p of paragraphs) p.classList.add('has-reused');
}

/** ▲/▼ after each paired figure of the report shown. */
function decorate(root, comparison, labels) {
  for (const p of comparison.pairs) {
    const mark = root.querySelector(`article mark[data-metric="${CSS.escape(p.newer)}"]`);
    if (!mark) continue;
    const up = p.difference > 0;
    const sign = p.difference === 0 ? '＝' : up ? '▲' : '▼';
    const diff = p.difference === 0 ? '' : `${up ? '+' : '−'}${plainNumber(Math.abs(p.difference))}`;
    const was = `${labels['compare.was']}${plainNumber(p.older_value)}${p.unit ?? ''}`;
    const badge = el('span', { class: `delta ${p.difference === 0 ? 'same' : up ? 'up' : 'down'}`, 'data-ui': '', title: was });
    badge.append(el('span', { 'aria-hidden': 'true', text: `${sign}${diff}` }), el('span', { class: 'sr-only', text: `（${sign}${diff}，${was}）` }));
    mark.after(badge);
  }
}

/** The changes panel: the paired figures, sortable, with CSV export. */
/** Totals of the tables worth a row of their own in the changes panel. */
const KEY_CELLS = ['requests.new.total', 'requests.carried_in.total', 'requests.results_total.total', 'requests.carried_out.total',
  'appeals.review.total', 'appeals.suit_direct.total', 'appeals.suit_after_review.total'];

function panel(shadow, comparison, newer, older, labels, reveal, emit) {
  const metrics = new Map(newer.metrics.map((m) => [m.id, m]));
  const section = el('section', { class: 'panel compare', part: 'compare-panel', 'aria-labelledby': 'gr-compare-title' });
  section.append(el('h3', { id: 'gr-compare-title', 'data-ui': '', text: labels['compare.panel'] }));
  const share = Math.round(comparison.reuse.share * 1000) / 10;
  const tools = el('div', { class: 'table-tools' });
  const dim = el('input', { type: 'checkbox', id: 'gr-dim-reused' });
  const dimLabel = el('label', { for: 'gr-dim-reused', 'data-ui': '' }, dim, ` ${labels['compare.dim']}`);
  const exportButton = el('button', { type: 'button', 'data-ui': '', text: labels['compare.export'] });
  tools.append(dimLabel, exportButton);
  section.append(el('p', { class: 'share', 'data-ui': '', text: `${labels['compare.share']}：${share}%` }), tools);
  const cols = [['subject', 'compare.subject'], ['older', 'compare.older'], ['newer', 'compare.newer'], ['difference', 'compare.difference'], ['ratio', 'compare.ratio']];
  const rows = comparison.pairs.map((p) => ({ p, subject: p.subject ?? (p.indicator ? core.indicatorName(p.indicator) : '') ?? '', older: p.older_value, newer: p.newer_value, difference: p.difference, ratio: p.ratio }));
  // The tables' derived indicators and totals, when both reports have them.
  const row = (subject, o, n, unit) => ({ p: { newer: null, older_value: o, newer_value: n, difference: n - o, ratio: o ? n / o : null, unit }, subject, older: o, newer: n, difference: n - o, ratio: o ? n / o : null });
  for (const d of newer.derived ?? []) {
    const o = older?.derived?.find((x) => x.indicator === d.indicator);
    if (o) rows.push(row(core.indicatorName(d.indicator) ?? d.indicator, o.value, d.value, d.unit));
  }
  for (const c of comparison.cells) {
    if (KEY_CELLS.includes(c.id) && c.older !== null && c.newer !== null) rows.push(row(c.id, c.older, c.newer, '件'));
  }
  if (!rows.length) {
    section.append(el('p', { 'data-ui': '', text: labels['compare.none'] }));
  } else {
    const table = el('table', { part: 'compare-table' });
    const head = el('tr');
    for (const [key, label] of cols) {
      const th = el('th', { scope: 'col', 'aria-sort': 'none' });
      th.append(el('button', { type: 'button', class: 'sort', 'data-csort': key, 'data-ui': '', text: labels[label] }));
      head.append(th);
    }
    const tbody = el('tbody');
    const fill = () => {
      tbody.replaceChildren(...rows.map(({ p, subject }) => {
        const tr = p.newer ? el('tr', { tabindex: '0', 'data-metric': p.newer }) : el('tr');
        const unit = p.unit ?? '';
        tr.append(
          el('td', { text: subject || metrics.get(p.newer)?.text || '' }),
          el('td', { class: 'value', text: `${plainNumber(p.older_value)}${unit}` }),
          el('td', { class: 'value', text: `${plainNumber(p.newer_value)}${unit}` }),
          el('td', { class: 'value', text: `${p.difference > 0 ? '▲ +' : p.difference < 0 ? '▼ −' : '＝ '}${plainNumber(Math.abs(p.difference))}` }),
          el('td', { class: 'value', text: p.ratio === null ? '—' : plainNumber(Math.round(p.ratio * 100) / 100) }),
        );
        return tr;
      }));
    };
    fill();
    table.append(el('thead', {}, head), tbody);
    section.append(el('div', { class: 'table-wrap' }, table));
    let sorted = null;
    section.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-csort]');
      if (b) {
        const key = b.dataset.csort;
        const dir = sorted?.key === key && sorted.dir === 1 ? -1 : 1;
        sorted = { key, dir };
        rows.sort((x, y) => (typeof x[key] === 'string' ? x[key].localeCompare(y[key], 'zh') : (x[key] ?? -Infinity) - (y[key] ?? -Infinity)) * dir);
        for (const th of head.children) th.setAttribute('aria-sort', 'none');
        b.closest('th').setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        fill();
        return;
      }
      const tr = e.target.closest('tr[data-metric]');
      if (tr) reveal(tr.dataset.metric);
    });
    section.addEventListener('keydown', (e) => {
      const tr = e.target.closest('tr[data-metric]');
      if (tr && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); reveal(tr.dataset.metric); }
    });
  }
  const csv = () => {
    const lines = [cols.map(([, l]) => csvField(labels[l])).join(',')];
    for (const r of rows) lines.push([csvField(r.subject), plainNumber(r.older), plainNumber(r.newer), plainNumber(r.difference), r.ratio === null ? '' : plainNumber(r.ratio)].join(','));
    return `${lines.join('\r\n')}\r\n`;
  };
  exportButton.addEventListener('click', () => {
    const text = csv();
    const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
    const a = el('a', { href: url, download: `${(newer.title ?? 'govreport').replace(/[\\/:*?"<>|\s]+/g, '_')}-changes.csv` });
    shadow.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    emit('gov-report-export', { csv: text });
  });
  dim.addEventListener('change', () => shadow.querySelector('.gr').classList.toggle('dim-reused', dim.checked));
  return { section, csv };
}

/** Each indicator's value in each report of a series: derived ones, then the first figure of each canonical indicator. */
function seriesOf(reports) {
  const byId = new Map();
  reports.forEach((r, i) => {
    const seen = new Set();
    const put = (id, value, unit) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (!byId.has(id)) byId.set(id, { id, unit, values: new Array(reports.length).fill(null) });
      byId.get(id).values[i] = value;
    };
    for (const d of r.derived ?? []) put(d.indicator, d.value, d.unit);
    for (const m of r.metrics) if (m.indicator && !m.change) put(m.indicator, m.value, m.unit);
  });
  return [...byId.values()].filter((s) => s.values.filter((v) => v !== null).length >= 2).slice(0, MAX_CHARTS);
}

/** A line chart (inline SVG, titled and described) with its table view. */
function chart(series, years, labels, n) {
  const name = core.indicatorName(series.id) ?? series.id;
  const figure = el('figure', { class: 'chart', part: 'chart' });
  const W = 240; const H = 80; const P = 8;
  const vals = series.values.filter((v) => v !== null);
  const lo = Math.min(...vals); const hi = Math.max(...vals);
  const x = (i) => P + (years.length === 1 ? 0 : (i * (W - 2 * P)) / (years.length - 1));
  const y = (v) => (hi === lo ? H / 2 : H - P - ((v - lo) * (H - 2 * P)) / (hi - lo));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `gr-chart-${n}-title gr-chart-${n}-desc`);
  const title = document.createElementNS(SVG, 'title');
  title.id = `gr-chart-${n}-title`;
  title.textContent = name;
  const desc = document.createElementNS(SVG, 'desc');
  desc.id = `gr-chart-${n}-desc`;
  desc.textContent = series.values.map((v, i) => `${years[i]}：${v === null ? '—' : plainNumber(v) + (series.unit ?? '')}`).join('；');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', series.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('stroke-width', '2');
  svg.append(title, desc, line);
  series.values.forEach((v, i) => {
    if (v === null) return;
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', x(i)); dot.setAttribute('cy', y(v)); dot.setAttribute('r', '3');
    dot.setAttribute('fill', 'currentColor');
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', x(i));
    label.setAttribute('y', y(v) > H / 2 ? y(v) - 6 : y(v) + 14);
    label.setAttribute('text-anchor', i === 0 ? 'start' : i === years.length - 1 ? 'end' : 'middle');
    label.setAttribute('font-size', '10');
    label.setAttribute('fill', 'currentColor');
    label.setAttribute('aria-hidden', 'true');
    label.textContent = plainNumber(v);
    svg.append(dot, label);
  });
  figure.append(el('figcaption', { 'data-ui': '', text: name }), svg);
  const table = el('table', { class: 'chart-table' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', 'data-ui': '', text: labels['compare.year'] }), el('th', { scope: 'col', 'data-ui': '', text: labels['compare.value'] }))));
  const tbody = el('tbody');
  series.values.forEach((v, i) => tbody.append(el('tr', {}, el('th', { scope: 'row', text: String(years[i]) }), el('td', { class: 'value', text: v === null ? '—' : `${plainNumber(v)}${series.unit ?? ''}` }))));
  table.append(tbody);
  figure.append(el('details', { class: 'chart-data' }, el('summary', { 'data-ui': '', text: labels['compare.table_view'] }), table));
  return figure;
}

/**
 * Compares the report shown (`newer`, a text or a document) with the
 * previous ones (`olders`, oldest first) and decorates the viewer.
 * @returns {{ comparison: object, comparisons: object[] }}
 */
export function attachComparison({ shadow, viewer, nodes, newer, olders, options, labels, emit }) {
  const comparisons = olders.map((o, i) => core.compare(o, i + 1 < olders.length ? olders[i + 1] : newer, options));
  const comparison = comparisons.at(-1);
  const root = shadow.querySelector('.gr');
  decorate(root, comparison, labels);
  wrapReused(comparison.reuse.spans, nodes);
  const older = reportOf(olders.at(-1), options).report;
  const { section, csv } = panel(shadow, comparison, viewer.report, older, labels, viewer.reveal, emit);
  const aside = shadow.querySelector('aside.panels');
  aside.prepend(section);
  if (olders.length >= 2) {
    const reports = [...olders.slice(0, -1).map((o) => reportOf(o, options).report), older, viewer.report];
    const years = reports.map((r, i) => r.year ?? i + 1);
    const charts = seriesOf(reports);
    if (charts.length) {
      const box = el('section', { class: 'panel charts', part: 'charts-panel', 'aria-labelledby': 'gr-charts-title' });
      box.append(el('h3', { id: 'gr-charts-title', 'data-ui': '', text: labels['compare.charts'] }));
      charts.forEach((s, n) => box.append(chart(s, years, labels, n)));
      section.after(box);
    }
  }
  return { comparison, comparisons, csv };
}
