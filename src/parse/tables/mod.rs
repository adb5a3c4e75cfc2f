//! The statistical tables of a 政府信息公开工作年度报告 (`disclosure.md`):
//! found in plain text ([`find`]) or given as grids by an HTML reader
//! ([`from_grid`]), then read into canonical cells ([`read`]) and checked
//! ([`arith`]).
//!
//! Both kinds of input become one stream of [`Token`]s, labels and
//! printed numbers with where they came from, so that one reader serves
//! portal HTML, markdown pipe rows, tab-separated rows and crawler text
//! whose cells ran together.

pub mod arith;
pub mod derived;
pub mod find;
pub mod layout;
pub mod rows;
pub mod split;

use crate::parse::text::Line;
use split::Piece;

/// A table as the document gives it, in byte offsets of the text.
#[derive(Clone, Debug, Default)]
pub struct RawTable {
    /// First byte of the table.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The grid for display, each cell a byte range (colspan and rowspan
    /// expanded: a spanned position repeats its cell's range).
    pub grid: Vec<Vec<(usize, usize)>>,
    /// Labels and numbers in reading order.
    pub tokens: Vec<Token>,
    /// Page numbers and running headers among its lines (plain text of a
    /// PDF), trimmed byte ranges: not read as labels.
    pub furniture: Vec<(usize, usize)>,
}

/// A label or a printed number of a table.
#[derive(Clone, Debug)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Which row of the grid, or which line of the text, it is on.
    pub line: usize,
    /// From a grid (HTML, pipe or tab row): its row is exactly its line.
    pub grid: bool,
}

/// See [`Token`].
#[derive(Clone, Debug)]
pub enum TokenKind {
    /// Words: a row's or a column's label, byte range.
    Label(usize, usize),
    /// A number, or a run of numbers whose boundaries were lost.
    Number(Piece),
}

/// Folds a digit, a full-width digit, a point or a minus to ASCII (the
/// parser's width folding, and the minus sign U+2212).
pub fn ascii_digit(c: char) -> Option<char> {
    match crate::parse::text::fold(c) {
        d @ ('0'..='9' | '.' | '-') => Some(d),
        '−' => Some('-'),
        _ => None,
    }
}

/// A blank between cells: ASCII whitespace, NBSP, ideographic space.
pub fn is_blank(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// A cell printed empty, `/`, `—` or `-`.
pub(super) fn is_empty_cell(s: &str) -> bool {
    let s = s.trim_matches(is_blank);
    s.is_empty() || matches!(s, "/" | "／" | "—" | "——" | "-" | "－" | "\\")
}

/// Units printed after a number in a cell (`75394432.52元`).
const CELL_UNITS: [&str; 6] = ["万元", "元", "件", "个", "项", "%"];

/// The numbers of one cell of a grid (`1`, `-18`, `1 0 0 0 1`), or `None`
/// when the cell is words.
pub fn cell_numbers(text: &str, start: usize, end: usize) -> Option<Vec<Piece>> {
    let s = &text[start..end];
    let mut body = s.trim_matches(is_blank);
    for u in CELL_UNITS {
        if let Some(b) = body.strip_suffix(u) {
            body = b.trim_end_matches(is_blank);
            break;
        }
    }
    if body.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let base = start + (body.as_ptr() as usize - s.as_ptr() as usize);
    let mut piece: Option<Piece> = None;
    for (i, c) in body.char_indices() {
        if let Some(d) = ascii_digit(c) {
            let p = piece.get_or_insert_with(|| Piece {
                start: base + i,
                end: base + i,
                digits: String::new(),
                blank: false,
            });
            p.digits.push(d);
            p.end = base + i + c.len_utf8();
        } else if is_blank(c) || c == ',' || c == '，' {
            if c == ',' && piece.is_some() {
                // A thousands separator inside a number.
                continue;
            }
            out.extend(piece.take());
        } else {
            return None;
        }
    }
    out.extend(piece.take());
    (!out.is_empty()
        && out
            .iter()
            .all(|p| p.digits.bytes().any(|b| b.is_ascii_digit())))
    .then_some(out)
}

/// A table given as a grid (the HTML reader's): every origin cell becomes
/// a token; a spanned position (`copy`) is shown but read once.
pub fn from_grid(
    text: &str,
    start: usize,
    end: usize,
    grid: &[Vec<(usize, usize, bool)>],
) -> RawTable {
    let mut tokens = Vec::new();
    for (r, row) in grid.iter().enumerate() {
        for &(s, e, copy) in row {
            if copy {
                continue;
            }
            let kind = if is_empty_cell(&text[s..e]) {
                TokenKind::Number(Piece {
                    start: s,
                    end: e,
                    digits: String::new(),
                    blank: true,
                })
            } else if let Some(pieces) = cell_numbers(text, s, e) {
                for p in pieces {
                    tokens.push(Token {
                        kind: TokenKind::Number(p),
                        line: r,
                        grid: true,
                    });
                }
                continue;
            } else {
                TokenKind::Label(s, e)
            };
            tokens.push(Token {
                kind,
                line: r,
                grid: true,
            });
        }
    }
    RawTable {
        start,
        end,
        grid: grid
            .iter()
            .map(|row| row.iter().map(|&(s, e, _)| (s, e)).collect())
            .collect(),
        tokens,
        furniture: Vec::new(),
    }
}

pub use rows::read;

/// Cuts the tables' byte ranges (sorted, disjoint) out of the lines: a
/// line with a table inside becomes the pieces around it.
pub fn mask(lines: Vec<Line>, ranges: &[(usize, usize)]) -> Vec<Line> {
    if ranges.is_empty() {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut r = 0;
    for line in lines {
        while r < ranges.len() && ranges[r].1 <= line.start {
            r += 1;
        }
        let mut start = line.start;
        let mut k = r;
        while k < ranges.len() && ranges[k].0 < line.end {
            let (a, b) = ranges[k];
            if a > start {
                out.push(Line {
                    start,
                    end: a,
                    next: a,
                });
            }
            start = start.max(b);
            k += 1;
        }
        if start < line.end {
            out.push(Line {
                start,
                end: line.end,
                next: line.next,
            });
        } else if start == line.start {
            out.push(line);
        }
    }
    out
}
