//! HTML → [`Document`] (native only: html5ever through `scraper`, so that
//! the wasm stays small; in the page, the viewer builds the same document
//! from the DOM it already has, `www/blocks.js`, by the same rules).
//!
//! The rules, which both readers follow:
//!
//! - the report is the element marked `data-gov-report`, else the element
//!   whose own paragraphs and tables hold the most text (the article, not
//!   the portal's navigation and footer around it);
//! - `script`, `style`, `template` and the like, and comments, are never
//!   read (never run, never shown);
//! - a block element (`p`, `div`, `h1`…, `li`, `br` …) ends a line; runs
//!   of ASCII whitespace are one space; a line is trimmed of them, of
//!   NBSP and of ideographic spaces, and dropped when nothing is left;
//! - a table's rows are lines of their own, its cells separated by tabs,
//!   `colspan`/`rowspan` expanded in its grid (at most
//!   [`MAX_TABLE_ROWS`] × [`MAX_TABLE_COLUMNS`]; the rest stays text);
//!   a cell's own blocks are joined by a space; a table inside a cell is
//!   read as the cell's text, with a warning.

use crate::i18n::{Lang, Msg};
use crate::limits::{MAX_TABLES, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS};
use crate::parse::text::TextIndex;
use crate::{Document, GridCell, GridTable};
use ego_tree::NodeRef;
use scraper::{Html, Node};
use std::collections::HashMap;

/// Elements whose content is never text.
const SKIP: [&str; 15] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "head", "title", "select", "textarea", "button",
];

/// Elements that end a line.
const BLOCKS: [&str; 37] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
];

/// Children whose text makes an element the article.
const CONTENT: [&str; 10] = ["p", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"];

/// Reads a page or a fragment of HTML into a [`Document`].
///
/// ```
/// let doc = govreport::html::read(
///     "<nav>首页</nav><article><p>一、总体情况</p><table><tr><td>规章</td><td colspan=2>0</td></tr></table></article>",
///     govreport::Lang::Zh,
/// );
/// assert_eq!(doc.text, "一、总体情况\n规章\t0\n");
/// assert_eq!(doc.tables[0].rows[0].len(), 3);
/// assert!(doc.tables[0].rows[0][2].copy);
/// ```
pub fn read(html: &str, lang: Lang) -> Document {
    let page = Html::parse_document(html);
    let root = article(&page);
    let mut b = Builder::default();
    b.walk(root);
    b.flush();
    let map = TextIndex::new(&b.text);
    let tables = b
        .tables
        .iter()
        .map(|t| GridTable {
            span: map.span(t.start, t.end),
            rows: t
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|&(s, e, copy)| GridCell {
                            span: map.span(s, e),
                            copy,
                        })
                        .collect()
                })
                .collect(),
        })
        .collect();
    let mut warnings = Vec::new();
    if b.nested > 0 {
        warnings.push(lang.say(Msg::Key("warn.nested_table", vec![b.nested.to_string()])));
    }
    if b.cut > 0 {
        warnings.push(lang.say(Msg::Key(
            "warn.table_too_big",
            vec![
                MAX_TABLE_ROWS.to_string(),
                MAX_TABLE_COLUMNS.to_string(),
                MAX_TABLES.to_string(),
            ],
        )));
    }
    Document {
        text: b.text,
        tables,
        warnings,
    }
}

/// The element marked `data-gov-report`, else the one whose own
/// paragraphs and tables hold the most text, else the whole page.
fn article(page: &Html) -> NodeRef<'_, Node> {
    let root = page.tree.root();
    let mut lengths: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    fn length(n: NodeRef<'_, Node>, memo: &mut HashMap<ego_tree::NodeId, usize>) -> usize {
        let len = match n.value() {
            // UTF-16 units, as the viewer's reader counts them.
            Node::Text(t) => t
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .map(char::len_utf16)
                .sum(),
            Node::Element(e) if SKIP.contains(&e.name()) => 0,
            Node::Element(_) | Node::Document | Node::Fragment => {
                n.children().map(|c| length(c, memo)).sum()
            }
            _ => 0,
        };
        memo.insert(n.id(), len);
        len
    }
    length(root, &mut lengths);
    let mut best = (0, root);
    for n in root.descendants() {
        let Node::Element(e) = n.value() else {
            continue;
        };
        if e.attr("data-gov-report").is_some() {
            return n;
        }
        let score: usize = n
            .children()
            .filter(|c| matches!(c.value(), Node::Element(e) if CONTENT.contains(&e.name())))
            .map(|c| lengths.get(&c.id()).copied().unwrap_or(0))
            .sum();
        if score > best.0 {
            best = (score, n);
        }
    }
    best.1
}

#[derive(Default)]
struct Table {
    start: usize,
    end: usize,
    rows: Vec<Vec<(usize, usize, bool)>>,
}

#[derive(Default)]
struct Builder {
    text: String,
    line: String,
    tables: Vec<Table>,
    nested: usize,
    cut: usize,
}

impl Builder {
    fn walk(&mut self, n: NodeRef<'_, Node>) {
        match n.value() {
            Node::Text(t) => push_text(&mut self.line, t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                } else if name == "table" {
                    self.flush();
                    self.table(n);
                } else if BLOCKS.contains(&name) {
                    self.flush();
                    for c in n.children() {
                        self.walk(c);
                    }
                    self.flush();
                } else {
                    for c in n.children() {
                        self.walk(c);
                    }
                }
            }
            Node::Document | Node::Fragment => {
                for c in n.children() {
                    self.walk(c);
                }
            }
            _ => {}
        }
    }

    /// Ends the current line.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_matches(is_edge);
        if !line.is_empty() {
            self.text.push_str(line);
            self.text.push('\n');
        }
    }

    fn table(&mut self, n: NodeRef<'_, Node>) {
        let trs = rows_of(n);
        let keep = self.tables.len() < MAX_TABLES;
        let limit = if keep { MAX_TABLE_ROWS } else { 0 };
        if trs.len() > limit {
            self.cut += 1;
        }
        // The grid: each position → (cell index, origin row, origin column).
        let grid_rows = trs.len().min(limit);
        let mut cells: Vec<(usize, usize, usize, usize)> = Vec::new(); // (row, col, start, end)
        let mut at: Vec<Vec<Option<usize>>> = vec![Vec::new(); grid_rows];
        let mut texts: Vec<Vec<(String, Option<usize>)>> = Vec::new();
        for (r, tr) in trs.iter().enumerate().take(grid_rows) {
            let mut row_texts = Vec::new();
            let mut c = 0;
            for td in tr.children() {
                let Node::Element(e) = td.value() else {
                    continue;
                };
                if !matches!(e.name(), "td" | "th") {
                    continue;
                }
                while at[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                if c >= MAX_TABLE_COLUMNS {
                    // Past the last column: text of the row, in no cell.
                    self.cut += 1;
                    row_texts.push((self.cell_text(td), None));
                    continue;
                }
                // Digits only (`2`, ` 2 `); a number too large is the most.
                let span = |name: &str, max: usize| {
                    e.attr(name)
                        .map(str::trim)
                        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                        .map_or(1, |v| {
                            v.parse::<usize>().unwrap_or(usize::MAX).clamp(1, max)
                        })
                };
                let colspan = span("colspan", MAX_TABLE_COLUMNS - c);
                let rowspan = span("rowspan", grid_rows - r);
                let id = cells.len();
                cells.push((r, c, 0, 0));
                row_texts.push((self.cell_text(td), Some(id)));
                for row in &mut at[r..r + rowspan] {
                    if row.len() < c + colspan {
                        row.resize(c + colspan, None);
                    }
                    for slot in &mut row[c..c + colspan] {
                        slot.get_or_insert(id);
                    }
                }
                c += colspan;
            }
            texts.push(row_texts);
        }
        // The lines: each row's own cells, tab-separated.
        let start = self.text.len();
        for row_texts in &texts {
            for (i, (t, id)) in row_texts.iter().enumerate() {
                if i > 0 {
                    self.text.push('\t');
                }
                let s = self.text.len();
                self.text.push_str(t);
                if let Some(cell) = id.and_then(|id| cells.get_mut(id)) {
                    cell.2 = s;
                    cell.3 = self.text.len();
                }
            }
            self.text.push('\n');
        }
        let end = self.text.len().saturating_sub(1).max(start);
        // Rows past the limit stay text.
        for tr in trs.iter().skip(grid_rows) {
            let line: Vec<String> = tr.children().map(|td| self.cell_text(td)).collect();
            self.text.push_str(&line.join("\t"));
            self.text.push('\n');
        }
        if keep && !cells.is_empty() {
            let rows = at
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    row.iter()
                        .enumerate()
                        .filter_map(|(c, x)| {
                            x.map(|id| {
                                let (or, oc, s, e) = cells[id];
                                (s, e, !(or == r && oc == c))
                            })
                        })
                        .collect()
                })
                .collect();
            self.tables.push(Table { start, end, rows });
        }
    }

    /// A cell's text: its blocks joined by a space.
    fn cell_text(&mut self, td: NodeRef<'_, Node>) -> String {
        let mut out = String::new();
        cell_walk(td, &mut out, &mut self.nested, false);
        out.trim_matches(is_edge).to_string()
    }
}

fn cell_walk(n: NodeRef<'_, Node>, out: &mut String, nested: &mut usize, inner: bool) {
    match n.value() {
        Node::Text(t) => push_text(out, t),
        Node::Element(e) => {
            let name = e.name();
            if SKIP.contains(&name) {
                return;
            }
            let inner = if name == "table" && !inner {
                *nested += 1;
                true
            } else {
                inner
            };
            let block = BLOCKS.contains(&name) || matches!(name, "td" | "th" | "tr" | "table");
            if block {
                push_text(out, " ");
            }
            for c in n.children() {
                cell_walk(c, out, nested, inner);
            }
            if block {
                push_text(out, " ");
            }
        }
        _ => {}
    }
}

/// The rows of a table (not of tables inside it).
fn rows_of(table: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut out = Vec::new();
    for c in table.children() {
        let Node::Element(e) = c.value() else {
            continue;
        };
        match e.name() {
            "tr" => out.push(c),
            "thead" | "tbody" | "tfoot" => {
                out.extend(
                    c.children()
                        .filter(|r| matches!(r.value(), Node::Element(e) if e.name() == "tr")),
                );
            }
            _ => {}
        }
    }
    out
}

/// Trimmed from a line's ends: ASCII whitespace, NBSP, ideographic space.
fn is_edge(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Appends text with runs of ASCII whitespace as one space (none at the
/// start of a line).
fn push_text(line: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_ascii_whitespace() {
            if !line.is_empty() && !line.ends_with(' ') {
                line.push(' ');
            }
        } else {
            line.push(c);
        }
    }
}

/// True when `text` reads as HTML rather than plain text: it starts with
/// a tag (after blanks and a byte order mark).
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower: String = t.chars().take(15).flat_map(char::to_lowercase).collect();
    [
        "<!doctype",
        "<html",
        "<head",
        "<body",
        "<p",
        "<div",
        "<table",
        "<article",
        "<section",
        "<meta",
        "<!--",
    ]
    .iter()
    .any(|tag| lower.starts_with(tag))
}
