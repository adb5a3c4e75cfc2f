// The DOM → a document `{ text, tables }` for parseDocument: the same rules
// as the command line's HTML reader (src/html.rs), so that one page gives
// one report both ways (tests/browser/html.test.mjs compares them):
//
// - the report is the element marked data-gov-report, else the element
//   whose own paragraphs and tables hold the most text;
// - script, style, template and the like, and comments, are never read;
// - a block element ends a line; runs of ASCII whitespace are one space; a
//   line is trimmed of them, of NBSP and of ideographic spaces, and dropped
//   when nothing is left;
// - a table's rows are lines of their own, cells separated by tabs,
//   colspan/rowspan expanded in its grid (at most MAX_ROWS × MAX_COLUMNS,
//   the rest stays text); a cell's blocks are joined by a space; a table
//   inside a cell is read as the cell's text, with a warning.
//
// Only text nodes are read: nothing of the page is run or parsed as HTML
// again (a `src` page is parsed by DOMParser, whose documents run no
// script).

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH',
  'CANVAS', 'HEAD', 'TITLE', 'SELECT', 'TEXTAREA', 'BUTTON']);
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'UL']);
const CONTENT = new Set(['P', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL']);
// src/parse/limits.rs: MAX_TABLE_ROWS, MAX_TABLE_COLUMNS, MAX_TABLES.
const MAX_ROWS = 2000;
const MAX_COLUMNS = 64;
const MAX_TABLES = 200;
const ASCII_WS = /[\t\n\f\r ]/;
const EDGE = /^[\t\n\f\r \u00a0\u3000]+|[\t\n\f\r \u00a0\u3000]+$/g;

const WARN = {
  zh: {
    nested: (n) => `${n} 个表格嵌在表格单元格里，按所在单元格的文字读取。`,
    big: `表格超出读取上限（${MAX_ROWS} 行、${MAX_COLUMNS} 列、${MAX_TABLES} 个表格），超出部分按文字读取。`,
  },
  en: {
    nested: (n) => `${n} tables inside table cells were read as their cells' text.`,
    big: `Tables past the limits (${MAX_ROWS} rows, ${MAX_COLUMNS} columns, ${MAX_TABLES} tables) were read as text beyond them.`,
  },
};

const name = (el) => el.tagName.toUpperCase();

/** Appends `t` with runs of ASCII whitespace as one space (none at the start). */
function pushText(line, t) {
  let out = line;
  for (const c of t) {
    if (ASCII_WS.test(c)) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

/** UTF-16 units of text outside skipped elements, not counting ASCII whitespace (memoised). */
function lengths(root) {
  const memo = new Map();
  const walk = (n) => {
    let len = 0;
    if (n.nodeType === 3) {
      for (const c of n.data) if (!ASCII_WS.test(c)) len += c.length;
    } else if (n.nodeType === 1 && SKIP.has(name(n))) {
      len = 0;
    } else if (n.nodeType === 1 || n.nodeType === 9 || n.nodeType === 11) {
      for (const c of n.childNodes) len += walk(c);
    }
    memo.set(n, len);
    return len;
  };
  walk(root);
  return memo;
}

/**
 * The element a page's report is in: the one marked data-gov-report, else
 * the one whose own paragraphs and tables hold the most text.
 * @param {Document} doc
 * @returns {Element}
 */
export function articleOf(doc) {
  const marked = doc.querySelector('[data-gov-report]');
  if (marked) return marked;
  const memo = lengths(doc);
  let best = null;
  let score = 0;
  for (const el of doc.querySelectorAll('*')) {
    let s = 0;
    for (const c of el.children) if (CONTENT.has(name(c))) s += memo.get(c) ?? 0;
    if (s > score) { score = s; best = el; }
  }
  return best ?? doc.documentElement;
}

function rowsOf(table) {
  const out = [];
  for (const c of table.children) {
    const n = name(c);
    if (n === 'TR') out.push(c);
    else if (n === 'THEAD' || n === 'TBODY' || n === 'TFOOT') {
      for (const r of c.children) if (name(r) === 'TR') out.push(r);
    }
  }
  return out;
}

function spanAttr(el, attr, max) {
  const v = el.getAttribute(attr);
  if (v === null || !/^\s*\d+\s*$/.test(v)) return 1;
  return Math.min(Math.max(Number(v), 1), max);
}

/**
 * A document `{ text, tables, warnings }` of the report in `root`, for
 * parseDocument: its text one block a line, its tables as grids of UTF-16
 * spans of that text.
 * @param {Element} root
 * @param {'zh' | 'en'} [lang] the language of the warnings
 */
export function documentOf(root, lang = 'zh') {
  let text = '';
  let line = '';
  const tables = [];
  let nested = 0;
  let cut = 0;

  const flush = () => {
    const l = line.replace(EDGE, '');
    line = '';
    if (l) text += `${l}\n`;
  };

  const cellWalk = (n, inner) => {
    let out = '';
    const go = (node, inside) => {
      if (node.nodeType === 3) { out = pushText(out, node.data); return; }
      if (node.nodeType !== 1 || SKIP.has(name(node))) return;
      const tag = name(node);
      let deeper = inside;
      if (tag === 'TABLE' && !inside) { nested += 1; deeper = true; }
      const block = BLOCKS.has(tag) || tag === 'TD' || tag === 'TH' || tag === 'TR' || tag === 'TABLE';
      if (block) out = pushText(out, ' ');
      for (const c of node.childNodes) go(c, deeper);
      if (block) out = pushText(out, ' ');
    };
    go(n, inner);
    return out.replace(EDGE, '');
  };

  const table = (el) => {
    const trs = rowsOf(el);
    const keep = tables.length < MAX_TABLES;
    const limit = keep ? MAX_ROWS : 0;
    if (trs.length > limit) cut += 1;
    const gridRows = Math.min(trs.length, limit);
    const cells = []; // [row, col, start, end]
    const at = Array.from({ length: gridRows }, () => []);
    const texts = [];
    for (let r = 0; r < gridRows; r++) {
      const rowTexts = [];
      let c = 0;
      for (const td of trs[r].children) {
        const tag = name(td);
        if (tag !== 'TD' && tag !== 'TH') continue;
        while (at[r][c] !== undefined && at[r][c] !== null) c += 1;
        if (c >= MAX_COLUMNS) {
          cut += 1;
          rowTexts.push([cellWalk(td, false), null]);
          continue;
        }
        const colspan = spanAttr(td, 'colspan', MAX_COLUMNS - c);
        const rowspan = spanAttr(td, 'rowspan', gridRows - r);
        const id = cells.length;
        cells.push([r, c, 0, 0]);
        rowTexts.push([cellWalk(td, false), id]);
        for (let rr = r; rr < r + rowspan; rr++) {
          const row = at[rr];
          while (row.length < c + colspan) row.push(null);
          for (let k = c; k < c + colspan; k++) if (row[k] === null) row[k] = id;
        }
        c += colspan;
      }
      texts.push(rowTexts);
    }
    const start = text.length;
    for (const rowTexts of texts) {
      rowTexts.forEach(([t, id], i) => {
        if (i > 0) text += '\t';
        const s = text.length;
        text += t;
        if (id !== null) { cells[id][2] = s; cells[id][3] = text.length; }
      });
      text += '\n';
    }
    const end = Math.max(text.length - 1, start);
    for (const tr of trs.slice(gridRows)) {
      text += [...tr.childNodes].map((td) => (td.nodeType === 1 ? cellWalk(td, false) : pushText('', td.nodeType === 3 ? td.data : '').replace(EDGE, ''))).join('\t');
      text += '\n';
    }
    if (keep && cells.length) {
      const rows = at.map((row, r) => {
        const out = [];
        row.forEach((id, c) => {
          if (id === null) return;
          const [or, oc, s, e] = cells[id];
          out.push({ span: [s, e], copy: !(or === r && oc === c) });
        });
        return out;
      });
      tables.push({ span: [start, end], rows });
    }
  };

  const walk = (n) => {
    if (n.nodeType === 3) { line = pushText(line, n.data); return; }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    if (n.nodeType === 1) {
      const tag = name(n);
      if (SKIP.has(tag)) return;
      if (tag === 'TABLE') { flush(); table(n); return; }
      if (BLOCKS.has(tag)) { flush(); for (const c of n.childNodes) walk(c); flush(); return; }
    }
    for (const c of n.childNodes) walk(c);
  };
  walk(root);
  flush();
  const w = WARN[lang === 'en' ? 'en' : 'zh'];
  const warnings = [];
  if (nested > 0) warnings.push(w.nested(nested));
  if (cut > 0) warnings.push(w.big);
  return { text, tables, warnings };
}

/**
 * The document of an HTML page given as text (a `src` served as
 * text/html): parsed by DOMParser, whose documents run no script.
 * @param {string} html
 * @param {'zh' | 'en'} [lang]
 */
export function documentFromHtml(html, lang = 'zh') {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return documentOf(articleOf(doc), lang);
}
