//! The tables of plain text. Each of the three starts soon after its part's
//! heading (`二、主动公开政府信息情况`, then `第二十条第（一）项…`) and runs
//! until words that cannot be a table's: a sentence (`。`), a long
//! paragraph, the next part's heading. Inside, a line that starts with `|`
//! is a markdown row, a line with tabs a tab-separated row, and any other
//! text alternates labels and runs of digits (crawler text, where the
//! cells of a row ran together: `一、本年新收…数量230 000023`).

use super::layout::PARTS;
use super::split::Piece;
use super::{ascii_digit, cell_numbers, is_blank, is_empty_cell, RawTable, Token, TokenKind};
use crate::limits::MAX_TABLE_ROWS;
use crate::parse::front::{is_page_number, Running};
use crate::parse::text::{ceil_boundary, trim_range};
use crate::TableKind;

/// How far after its heading (bytes) a table's first words may start.
const WINDOW: usize = 400;
/// A label longer than this (bytes) is a paragraph: the table has ended.
const MAX_LABEL: usize = 300;
/// Words that end any table: the parts without tables.
const ENDS: [&str; 3] = ["存在的主要问题", "其他需要报告", "总体情况"];

/// Every table of the text, with the kind its heading tells. Lines that
/// are a printed page's number or running header (`running`) are left out
/// of the tables' words.
pub fn find(text: &str, running: &Running) -> Vec<(RawTable, Option<TableKind>)> {
    let mut out = Vec::new();
    // Every part heading with a table names 政府信息.
    if !text.contains("政府信息") {
        return out;
    }
    let mut pos = 0;
    for (k, part) in PARTS.iter().enumerate() {
        let mut from = pos;
        while let Some(h_end) = find_any(text, from, part.heading) {
            from = h_end;
            let window = ceil_boundary(text, (h_end + WINDOW).min(text.len()));
            let Some(start) = part
                .start
                .iter()
                .filter_map(|w| text[h_end..window].find(w))
                .min()
                .map(|a| h_end + a)
            else {
                continue;
            };
            let others: Vec<&str> = PARTS
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .flat_map(|(_, p)| p.heading.iter().copied())
                .chain(ENDS)
                .collect();
            let mut furniture = Vec::new();
            let tokens = tokenize(text, start, &others, running, &mut furniture);
            if tokens
                .iter()
                .any(|t| matches!(t.kind, TokenKind::Number(_)))
            {
                let end = tokens.last().map_or(start, token_end);
                pos = end;
                furniture.retain(|f| f.1 <= end);
                out.push((
                    RawTable {
                        start,
                        end,
                        grid: Vec::new(),
                        tokens,
                        furniture,
                    },
                    Some(part.kind),
                ));
                break;
            }
        }
    }
    out
}

fn token_end(t: &Token) -> usize {
    match &t.kind {
        TokenKind::Label(_, e) => *e,
        TokenKind::Number(p) => p.end,
    }
}

/// The end of the first of `words` found at or after `from`.
fn find_any(text: &str, from: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| text[from..].find(w).map(|i| (i, from + i + w.len())))
        .min()
        .map(|(_, end)| end)
}

/// Labels and numbers from `start` until words no table holds; page
/// furniture lines go to `furniture`.
fn tokenize(
    text: &str,
    start: usize,
    ends: &[&str],
    running: &Running,
    furniture: &mut Vec<(usize, usize)>,
) -> Vec<Token> {
    let mut out = Vec::new();
    let mut line_start = start;
    let mut line = 0;
    while line_start < text.len() && line < MAX_TABLE_ROWS * 4 {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let s = &text[line_start..line_end];
        let trimmed = s.trim_start_matches(is_blank);
        let (ts, te) = trim_range(text, line_start, line_end);
        if ts < te && (is_page_number(&text[ts..te]) || running.contains(&text[ts..te])) {
            furniture.push((ts, te));
            line_start = line_end + 1;
            continue;
        }
        let ok = if trimmed.starts_with('|') {
            let sep = trimmed
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\r'));
            sep || cells(text, line_start, line_end, '|', line, ends, &mut out)
        } else if s.contains('\t') {
            cells(text, line_start, line_end, '\t', line, ends, &mut out)
        } else {
            flat(text, line_start, line_end, line, ends, &mut out)
        };
        if !ok {
            break;
        }
        line += 1;
        line_start = line_end + 1;
    }
    out
}

/// False when `s` is no table's label.
fn ends_table(s: &str, ends: &[&str]) -> bool {
    s.len() > MAX_LABEL || s.contains('。') || ends.iter().any(|w| s.contains(w))
}

/// A row of cells separated by `sep`; false when a cell ends the table.
fn cells(
    text: &str,
    a: usize,
    b: usize,
    sep: char,
    line: usize,
    ends: &[&str],
    out: &mut Vec<Token>,
) -> bool {
    let mut s = a;
    let row = &text[a..b];
    let bounds: Vec<usize> = row
        .match_indices(sep)
        .map(|(i, _)| a + i)
        .chain(std::iter::once(b))
        .collect();
    let first = out.len();
    for (k, &e) in bounds.iter().enumerate() {
        let cell = (s, e);
        s = e + sep.len_utf8();
        // The text before a markdown row's first `|` and after its last.
        if sep == '|'
            && (k == 0 || k == bounds.len() - 1)
            && text[cell.0..cell.1].trim_matches(is_blank).is_empty()
        {
            continue;
        }
        let t = &text[cell.0..cell.1];
        if is_empty_cell(t) {
            out.push(token(TokenKind::Number(blank(cell)), line, true));
        } else if let Some(pieces) = cell_numbers(text, cell.0, cell.1) {
            out.extend(
                pieces
                    .into_iter()
                    .map(|p| token(TokenKind::Number(p), line, true)),
            );
        } else if ends_table(t, ends) {
            out.truncate(first);
            return false;
        } else {
            out.push(token(TokenKind::Label(cell.0, cell.1), line, true));
        }
    }
    true
}

fn blank((s, e): (usize, usize)) -> Piece {
    Piece {
        start: s,
        end: e,
        digits: String::new(),
        blank: true,
    }
}

fn token(kind: TokenKind, line: usize, grid: bool) -> Token {
    Token { kind, line, grid }
}

/// Text that alternates labels and runs of digits; false when a label ends
/// the table.
fn flat(text: &str, a: usize, b: usize, line: usize, ends: &[&str], out: &mut Vec<Token>) -> bool {
    let mut label = a;
    let mut k = a;
    while k < b {
        let c = text[k..].chars().next().unwrap_or(' ');
        let starts = ascii_digit(c).is_some_and(|d| d.is_ascii_digit())
            || (ascii_digit(c) == Some('-') && next_digit(text, k + c.len_utf8(), b));
        if !starts {
            k += c.len_utf8();
            continue;
        }
        let (mut pieces, mut end) = run(text, k, b);
        // `…00000002.其他…`: the last digit before `.` + words is the next
        // row's ordinal.
        let marker = text[end..b]
            .chars()
            .next()
            .filter(|m| matches!(m, '.' | '．' | '、'))
            .is_some_and(|m| !next_digit(text, end + m.len_utf8(), b));
        if marker {
            if let Some(last) = pieces.last_mut() {
                let w = text[..end].chars().next_back().map_or(1, char::len_utf8);
                last.digits.pop();
                last.end -= w;
                end -= w;
                if last.digits.is_empty() {
                    pieces.pop();
                }
            }
        }
        if pieces.is_empty() {
            k = end.max(k + c.len_utf8());
            continue;
        }
        // A unit printed after the number (`75394432.52元`) is the cell's.
        if !marker {
            for u in ["万元", "元"] {
                if text[end..b].starts_with(u) {
                    end += u.len();
                    if let Some(last) = pieces.last_mut() {
                        last.end = end;
                    }
                    break;
                }
            }
        }
        let words = &text[label..k];
        if !words.trim_matches(is_blank).is_empty() {
            if ends_table(words, ends) {
                return false;
            }
            out.push(token(TokenKind::Label(label, k), line, false));
        }
        out.extend(
            pieces
                .into_iter()
                .map(|p| token(TokenKind::Number(p), line, false)),
        );
        label = end;
        k = end;
    }
    let words = &text[label..b];
    if !words.trim_matches(is_blank).is_empty() {
        if ends_table(words, ends) {
            return false;
        }
        out.push(token(TokenKind::Label(label, b), line, false));
    }
    true
}

fn next_digit(text: &str, at: usize, b: usize) -> bool {
    at < b
        && text[at..b]
            .chars()
            .next()
            .and_then(ascii_digit)
            .is_some_and(|d| d.is_ascii_digit())
}

/// A run of numbers from `k`: digits, points between digits, a sign
/// before digits, blanks between numbers (each a boundary).
fn run(text: &str, k: usize, b: usize) -> (Vec<Piece>, usize) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cur: Option<Piece> = None;
    let mut i = k;
    let mut end = k;
    while i < b {
        let c = text[i..].chars().next().unwrap_or(' ');
        let w = c.len_utf8();
        match ascii_digit(c) {
            Some(d) if d.is_ascii_digit() => {
                let p = cur.get_or_insert_with(|| blank((i, i)));
                p.digits.push(d);
                p.end = i + w;
                p.blank = false;
                end = i + w;
            }
            Some('.')
                if cur.is_some()
                    && next_digit(text, i + w, b)
                    && !cur.as_ref().is_some_and(|p| p.digits.contains('.')) =>
            {
                let p = cur.as_mut().expect("checked");
                p.digits.push('.');
            }
            Some('-') if next_digit(text, i + w, b) => {
                pieces.extend(cur.take());
                let mut p = blank((i, i + w));
                p.digits.push('-');
                p.blank = false;
                cur = Some(p);
            }
            _ if is_blank(c) && c != '\n' => {
                pieces.extend(cur.take());
            }
            _ => break,
        }
        i += w;
    }
    pieces.extend(cur.take());
    (pieces, end)
}
