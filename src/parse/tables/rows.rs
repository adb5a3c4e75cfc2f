//! Tokens → rows → canonical cells. A row is its label (the words before
//! its numbers) and its numbers; the label names the row (`layout`), and a
//! row printed without its label (PDF conversions detach them) takes the
//! next row of the format's order.

use super::layout::{
    self, ACTIVE_ROWS, APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_WORDS,
};
use super::split::{self, Piece, Rule, Split};
use super::{is_blank, RawTable, TokenKind};
use crate::i18n::{Lang, Msg};
use crate::parse::text::TextIndex;
use crate::{Cell, Table, TableFormat, TableKind};

/// A row as printed: label and numbers.
#[derive(Debug, Default)]
struct Row {
    label: String,
    pieces: Vec<Piece>,
    end: usize,
}

/// Where the rows a table used end: its last byte.
#[derive(Default)]
struct Used(usize);

impl Used {
    fn row(&mut self, row: &Row) {
        self.0 = self.0.max(row.end);
    }
}

/// What the checks need of the tables.
#[derive(Debug, Default)]
pub struct Facts {
    /// The format of the report's tables.
    pub format: Option<TableFormat>,
    /// Every cell read, by id.
    pub cells: Cells,
    /// Rules (`requests.row_total.new`) that served to recover cells.
    pub used: Vec<String>,
    /// Cells that could not be read.
    pub unreadable: Vec<String>,
    /// Cells printed blank, in reading order.
    pub blank: Vec<String>,
}

/// The cells read, by canonical id: at most the few hundred ids of the
/// format, so a list (a hash map cost 9 KB of wasm).
#[derive(Debug, Default)]
pub struct Cells(Vec<(String, CellFact)>);

impl Cells {
    /// The cell `id`.
    pub fn get(&self, id: &str) -> Option<&CellFact> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, c)| c)
    }

    /// True when `id` was read.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Records a cell.
    pub fn insert(&mut self, id: String, cell: CellFact) {
        self.0.push((id, cell));
    }

    /// True when none was read.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A cell, for the checks.
#[derive(Clone, Copy, Debug)]
pub struct CellFact {
    /// Its value.
    pub value: f64,
}

/// Reads every table: the report's tables, the facts for the checks,
/// warnings and where each table lies.
pub fn read(
    text: &str,
    map: &TextIndex,
    raws: &[(RawTable, Option<TableKind>)],
    year: Option<i32>,
    lang: Lang,
) -> Read {
    let mut facts = Facts::default();
    let mut warnings = Vec::new();
    // One format for the report: the first table that tells.
    let labels: Vec<String> = raws.iter().map(|(raw, _)| labels(text, raw)).collect();
    let told = labels.iter().find_map(|l| layout::format_of(l));
    let by_year = match year {
        Some(y) if y < 2021 => TableFormat::Trial2019,
        _ => TableFormat::Revised2021,
    };
    let report_format = told.unwrap_or(by_year);
    facts.format = (!raws.is_empty()).then_some(report_format);
    let mut tables = Vec::new();
    let mut ranges = Vec::new();
    let mut furniture = Vec::new();
    for ((raw, hint), labels) in raws.iter().zip(&labels) {
        let kind = hint.or_else(|| layout::kind_of(labels));
        let format = kind.map(|_| layout::format_of(labels).unwrap_or(report_format));
        let rows = rows(text, raw);
        let mut cells = Vec::new();
        let mut unreadable = Vec::new();
        let mut used = Used::default();
        match (kind, format) {
            (Some(TableKind::Requests), Some(f)) => {
                requests(
                    &rows,
                    f,
                    &mut cells,
                    &mut unreadable,
                    &mut facts.used,
                    &mut used,
                );
            }
            (Some(TableKind::Active), Some(f)) => {
                active(&rows, f, &mut cells, &mut unreadable, &mut used);
            }
            (Some(TableKind::Appeals), _) => {
                appeals(
                    &rows,
                    &mut cells,
                    &mut unreadable,
                    &mut facts.used,
                    &mut used,
                );
            }
            _ => {}
        }
        // A table found in plain text ends with the last row it used, and
        // shows its lines as rows.
        let text_table = raw.grid.is_empty();
        if text_table && cells.is_empty() && unreadable.is_empty() {
            continue;
        }
        let (end, grid) = if text_table {
            (used.0.max(raw.start), text_grid(raw, used.0))
        } else {
            (raw.end, raw.grid.clone())
        };
        let mut out = Vec::with_capacity(cells.len());
        for c in cells {
            if facts.cells.contains_key(&c.id) {
                continue;
            }
            if c.blank {
                facts.blank.push(c.id.clone());
            }
            facts
                .cells
                .insert(c.id.clone(), CellFact { value: c.value });
            out.push(Cell {
                id: c.id,
                value: c.value,
                span: c.span.map(|(s, e)| map.span(s, e)),
                blank: c.blank,
                recovered: c.recovered,
            });
        }
        if !unreadable.is_empty() {
            warnings.push(lang.say(Msg::Key(
                "warn.table_unreadable",
                vec![unreadable.len().to_string(), unreadable.join("、")],
            )));
            facts.unreadable.extend(unreadable);
        }
        ranges.push((raw.start, end));
        furniture.extend(raw.furniture.iter().filter(|f| f.1 <= end));
        tables.push(Table {
            id: crate::parse::numbered("t", tables.len() + 1),
            kind,
            format,
            span: map.span(raw.start, end),
            rows: grid
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|&(s, e)| text[s..e].trim_matches(is_blank).to_string())
                        .collect()
                })
                .collect(),
            cells: out,
        });
    }
    Read {
        tables,
        facts,
        warnings,
        ranges,
        furniture,
    }
}

/// What [`read`] found.
pub struct Read {
    /// The report's tables.
    pub tables: Vec<Table>,
    /// Their cells, for the checks.
    pub facts: Facts,
    /// What could not be read.
    pub warnings: Vec<String>,
    /// Each table's byte range, in order.
    pub ranges: Vec<(usize, usize)>,
    /// Page numbers and running headers inside the tables (trimmed byte
    /// ranges, in order).
    pub furniture: Vec<(usize, usize)>,
}

/// The tokens of a text table up to `end`, one row per line.
fn text_grid(raw: &RawTable, end: usize) -> Vec<Vec<(usize, usize)>> {
    let mut grid: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut line = usize::MAX;
    for t in &raw.tokens {
        let (s, e) = match &t.kind {
            TokenKind::Label(s, e) => (*s, *e),
            TokenKind::Number(p) => (p.start, p.end),
        };
        if e > end {
            break;
        }
        if t.line != line || grid.is_empty() {
            grid.push(Vec::new());
            line = t.line;
        }
        grid.last_mut().expect("pushed").push((s, e));
    }
    grid
}

/// Every label of a table, blanks removed, brackets folded.
fn labels(text: &str, raw: &RawTable) -> String {
    let mut out = String::new();
    for t in &raw.tokens {
        if let TokenKind::Label(s, e) = t.kind {
            push_label(&mut out, &text[s..e]);
        }
    }
    out
}

fn push_label(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|&c| !is_blank(c) && c != '|')
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                c => c,
            }),
    );
}

/// Tokens → rows. A row's label is the words before its first number: on
/// a grid, only the words of its own grid row (a label printed apart from
/// its numbers, as PDF conversions print them, is not trusted).
fn rows(text: &str, raw: &RawTable) -> Vec<Row> {
    let mut out = Vec::new();
    let mut cur = Row::default();
    let mut cur_line = usize::MAX;
    let mut pending: Vec<(usize, bool, usize, usize)> = Vec::new();
    let finish = |cur: &mut Row, out: &mut Vec<Row>| {
        let row = std::mem::take(cur);
        if row.pieces.iter().any(|p| !p.blank) || !row.label.is_empty() && !row.pieces.is_empty() {
            out.push(row);
        }
    };
    for t in &raw.tokens {
        match &t.kind {
            TokenKind::Label(s, e) => {
                if !cur.pieces.is_empty() {
                    // Blanks before a grid row's label are its corner.
                    let corner = t.grid
                        && cur.label.is_empty()
                        && cur_line == t.line
                        && cur.pieces.iter().all(|p| p.blank);
                    if corner {
                        cur = Row::default();
                    } else {
                        finish(&mut cur, &mut out);
                    }
                }
                pending.push((t.line, t.grid, *s, *e));
            }
            TokenKind::Number(p) => {
                if !cur.pieces.is_empty() && t.grid && t.line != cur_line {
                    finish(&mut cur, &mut out);
                }
                if cur.pieces.is_empty() {
                    let mut label = String::new();
                    for &(line, grid, s, e) in &pending {
                        if !t.grid || (grid && line == t.line) {
                            push_label(&mut label, &text[s..e]);
                        }
                    }
                    pending.clear();
                    cur.label = label;
                    cur_line = t.line;
                }
                cur.end = p.end;
                cur.pieces.push(p.clone());
            }
        }
    }
    finish(&mut cur, &mut out);
    out
}

/// A cell on its way out.
struct Out {
    id: String,
    value: f64,
    span: Option<(usize, usize)>,
    blank: bool,
    recovered: bool,
}

/// Cells of a row from a split.
fn emit(
    prefix: &str,
    columns: &[&str],
    pieces: &[Piece],
    split: &Split,
    out: &mut Vec<Out>,
) -> bool {
    let id = |c: &str| {
        if c.is_empty() {
            prefix.to_string()
        } else {
            format!("{prefix}.{c}")
        }
    };
    match split {
        Split::Direct(values) => {
            for ((c, v), p) in columns.iter().zip(values).zip(pieces) {
                out.push(Out {
                    id: id(c),
                    value: *v,
                    span: Some((p.start, p.end)),
                    blank: p.blank,
                    recovered: false,
                });
            }
            true
        }
        Split::Recovered(values, from) => {
            for (k, (c, v)) in columns.iter().zip(values).enumerate() {
                let p = &pieces[from[k]];
                let alone = from.iter().filter(|&&f| f == from[k]).count() == 1;
                out.push(Out {
                    id: id(c),
                    value: *v,
                    span: alone.then_some((p.start, p.end)),
                    blank: p.blank,
                    recovered: !alone,
                });
            }
            true
        }
        Split::Ambiguous | Split::Impossible => false,
    }
}

/// The `requests` row a label names.
fn request_row(label: &str, format: TableFormat) -> Option<&'static str> {
    if let Some(r) = REQUEST_WORDS
        .iter()
        .find(|r| r.words.iter().any(|w| label.contains(w)))
    {
        return Some(r.id);
    }
    let bare =
        label.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '．' | '、'));
    if label.contains("其他处理") || bare == "其他" {
        return Some(match format {
            TableFormat::Revised2021 => "other.other",
            TableFormat::Trial2019 => "other",
        });
    }
    label.contains("总计").then_some("results_total")
}

/// Most splits kept of one ambiguous `requests` row, and most
/// combinations of them tried against the columns' arithmetic.
const KEEP: usize = 16;
const COMBINATIONS: usize = 4096;

fn requests(
    rows: &[Row],
    format: TableFormat,
    out: &mut Vec<Out>,
    unreadable: &mut Vec<String>,
    used: &mut Vec<String>,
    end: &mut Used,
) {
    let order = layout::request_rows(format);
    let mut filled = vec![false; order.len()];
    let mut next = 0;
    // Rows with several valid splits: settled by the columns below.
    let mut open: Vec<(&'static str, &Row, Vec<split::Candidate>)> = Vec::new();
    for row in rows {
        let named = request_row(&row.label, format);
        let Some(id) = named.or_else(|| {
            // A row printed without its label: the next one of the format.
            let bare = !row.label.chars().any(crate::parse::text::is_han);
            bare.then(|| (next..order.len()).find(|&i| !filled[i]).map(|i| order[i]))
                .flatten()
        }) else {
            continue;
        };
        let Some(at) = order.iter().position(|&r| r == id) else {
            continue;
        };
        if filled[at] {
            continue;
        }
        let s = split::split(&row.pieces, REQUEST_COLUMNS.len(), Rule::RowTotal);
        let prefix = format!("requests.{id}");
        if emit(&prefix, &REQUEST_COLUMNS, &row.pieces, &s, out) {
            if matches!(s, Split::Recovered(..)) {
                used.push(format!("requests.row_total.{id}"));
            }
        } else if s == Split::Ambiguous {
            let c = split::candidates(&row.pieces, REQUEST_COLUMNS.len(), Rule::RowTotal, KEEP);
            open.push((id, row, c.unwrap_or_default()));
        } else {
            // Numbers that are not this row's: a stray line, a page number.
            continue;
        }
        filled[at] = true;
        next = at + 1;
        end.row(row);
    }
    if !open.is_empty() {
        settle(format, open, out, unreadable, used);
    }
    let rank = |id: &str| {
        let row = id
            .strip_prefix("requests.")
            .and_then(|r| r.rsplit_once('.'))
            .map_or("", |r| r.0);
        order.iter().position(|&r| r == row).unwrap_or(usize::MAX)
    };
    out.sort_by_key(|c| rank(&c.id));
}

/// Ambiguous rows settled by the columns' arithmetic (（七）总计 = the
/// results, 新收 + 结转 = 总计 + 结转下年度): taken when exactly one
/// combination of their splits satisfies every column that can be checked.
fn settle(
    format: TableFormat,
    open: Vec<(&'static str, &Row, Vec<split::Candidate>)>,
    out: &mut Vec<Out>,
    unreadable: &mut Vec<String>,
    used: &mut Vec<String>,
) {
    let total: usize = open.iter().map(|o| o.2.len().max(1)).product();
    let known = |id: &str| out.iter().find(|c| c.id == id).map(|c| c.value);
    let results = layout::result_rows(format);
    let mut found: Option<Vec<usize>> = None;
    let mut count = 0;
    if total <= COMBINATIONS && open.iter().all(|o| !o.2.is_empty()) {
        let mut pick = vec![0; open.len()];
        'combos: loop {
            let value = |row: &str, col: usize| -> Option<f64> {
                if let Some(k) = open.iter().position(|o| o.0 == row) {
                    return Some(open[k].2[pick[k]].0[col]);
                }
                known(&format!("requests.{row}.{}", REQUEST_COLUMNS[col]))
            };
            let holds = (0..REQUEST_COLUMNS.len()).all(|col| {
                let sum: Option<f64> = results.iter().map(|r| value(r, col)).sum();
                let t = value("results_total", col);
                let results_ok = match (sum, t) {
                    (Some(s), Some(t)) => (s - t).abs() < 1e-6,
                    _ => true,
                };
                let balance =
                    ["new", "carried_in", "results_total", "carried_out"].map(|r| value(r, col));
                let balance_ok = match balance {
                    [Some(a), Some(b), Some(t), Some(d)] => (a + b - t - d).abs() < 1e-6,
                    _ => true,
                };
                results_ok && balance_ok
            });
            if holds {
                count += 1;
                found = Some(pick.clone());
                if count > 1 {
                    break;
                }
            }
            for k in 0..pick.len() {
                pick[k] += 1;
                if pick[k] < open[k].2.len() {
                    continue 'combos;
                }
                pick[k] = 0;
            }
            break;
        }
    }
    match found.filter(|_| count == 1) {
        Some(pick) => {
            for (k, (id, row, cands)) in open.into_iter().enumerate() {
                let (values, from) = cands[pick[k]].clone();
                let prefix = format!("requests.{id}");
                emit(
                    &prefix,
                    &REQUEST_COLUMNS,
                    &row.pieces,
                    &Split::Recovered(values, from),
                    out,
                );
                used.push(format!("requests.row_total.{id}"));
            }
            for c in REQUEST_COLUMNS {
                used.push(format!("requests.results_sum.{c}"));
                used.push(format!("requests.balance.{c}"));
            }
        }
        None => {
            for (id, _, _) in open {
                unreadable.extend(REQUEST_COLUMNS.iter().map(|c| format!("requests.{id}.{c}")));
            }
        }
    }
}

fn active(
    rows: &[Row],
    format: TableFormat,
    out: &mut Vec<Out>,
    unreadable: &mut Vec<String>,
    end: &mut Used,
) {
    let mut seen = Vec::new();
    for row in rows {
        let Some(r) = ACTIVE_ROWS
            .iter()
            .find(|r| r.words.iter().any(|w| row.label.contains(w)))
        else {
            continue;
        };
        let columns = r.columns(format);
        if columns.is_empty() || seen.contains(&r.id) {
            continue;
        }
        let s = split::split(&row.pieces, columns.len(), Rule::None);
        let prefix = format!("active.{}", r.id);
        if !emit(&prefix, columns, &row.pieces, &s, out) {
            if s != Split::Ambiguous {
                continue;
            }
            unreadable.extend(columns.iter().map(|c| format!("{prefix}.{c}")));
        }
        seen.push(r.id);
        end.row(row);
    }
}

fn appeals(
    rows: &[Row],
    out: &mut Vec<Out>,
    unreadable: &mut Vec<String>,
    used: &mut Vec<String>,
    end: &mut Used,
) {
    let columns: Vec<String> = APPEAL_GROUPS
        .iter()
        .flat_map(|g| APPEAL_COLUMNS.iter().map(move |c| format!("{g}.{c}")))
        .collect();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    for row in rows {
        let s = split::split(
            &row.pieces,
            columns.len(),
            Rule::Groups(APPEAL_GROUPS.len()),
        );
        if emit("appeals", &columns, &row.pieces, &s, out) {
            if matches!(s, Split::Recovered(..)) {
                used.extend(APPEAL_GROUPS.iter().map(|g| format!("appeals.total.{g}")));
            }
            end.row(row);
            return;
        }
        if s == Split::Ambiguous {
            unreadable.extend(columns.iter().map(|c| format!("appeals.{c}")));
            end.row(row);
            return;
        }
    }
}
