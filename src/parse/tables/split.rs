//! A row's printed numbers → its cells. Where the cell boundaries were
//! lost (`230 000023`: seven cells run together), the boundaries are
//! recovered only when exactly one split gives valid numbers that satisfy
//! the format's arithmetic; otherwise the row is ambiguous and nothing is
//! guessed.

use crate::limits::MAX_SPLIT_STEPS;

/// A number as printed: ASCII digits, at most one `.`, a leading `-`.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The digits, normalised (full-width folded, blanks removed).
    pub digits: String,
    /// Printed empty, `/` or `—`.
    pub blank: bool,
}

/// The arithmetic a row's cells satisfy, used to recover lost boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// None: only a split that is the only valid one is taken.
    None,
    /// The last cell is the sum of the others (`requests`' 总计 column).
    RowTotal,
    /// `k` equal groups, each one's last cell the sum of the others
    /// (`appeals`: 复议, 直接起诉, 复议后起诉).
    Groups(usize),
}

/// What [`split`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum Split {
    /// One value per piece, as printed.
    Direct(Vec<f64>),
    /// The only split the arithmetic allows: values, and for each which
    /// piece it came from.
    Recovered(Vec<f64>, Vec<usize>),
    /// More than one split is valid.
    Ambiguous,
    /// No split is valid (too few digits, or none adds up).
    Impossible,
}

/// The longest cell a split will cut (digits, point and sign).
const MAX_PART: usize = 16;

/// Splits `pieces` into `n` cells under `rule`.
pub fn split(pieces: &[Piece], n: usize, rule: Rule) -> Split {
    let mut pieces = pieces;
    // Trailing blank cells past the row's width are layout, not data.
    while pieces.len() > n && pieces.last().is_some_and(|p| p.blank) {
        pieces = &pieces[..pieces.len() - 1];
    }
    if pieces.len() == n {
        let values: Option<Vec<f64>> = pieces.iter().map(value).collect();
        return values.map_or(Split::Impossible, Split::Direct);
    }
    if pieces.len() > n || n == 0 {
        return Split::Impossible;
    }
    let digits: usize = pieces.iter().map(|p| p.digits.len().max(1)).sum();
    if digits < n || digits > n * MAX_PART {
        return Split::Impossible;
    }
    match candidates(pieces, n, rule, 1) {
        None => Split::Ambiguous,
        Some(mut found) => match found.pop() {
            Some((values, from)) => Split::Recovered(values, from),
            None => Split::Impossible,
        },
    }
}

/// A split: the values, and for each the piece it came from.
pub type Candidate = (Vec<f64>, Vec<usize>);

/// Every valid split of `pieces` (none printed as one cell each) into `n`
/// cells under `rule`, or `None` when there are more than `keep` or the
/// search passes [`MAX_SPLIT_STEPS`].
pub fn candidates(pieces: &[Piece], n: usize, rule: Rule, keep: usize) -> Option<Vec<Candidate>> {
    let mut search = Search {
        pieces,
        n,
        rule,
        parts: Vec::with_capacity(n),
        from: Vec::with_capacity(n),
        found: Vec::new(),
        keep,
        steps: 0,
    };
    search.piece(0);
    (search.steps <= MAX_SPLIT_STEPS && search.found.len() <= keep).then_some(search.found)
}

fn value(p: &Piece) -> Option<f64> {
    if p.blank {
        Some(0.0)
    } else {
        number(&p.digits)
    }
}

/// A valid cell: `0`, or no leading zero; a point only between digits; a
/// sign only first.
fn number(s: &str) -> Option<f64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let b = body.as_bytes();
    if b.is_empty() || s.len() > MAX_PART || !b[0].is_ascii_digit() || b[b.len() - 1] == b'.' {
        return None;
    }
    let int_len = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
    if int_len > 1 && b[0] == b'0' {
        return None;
    }
    if b[int_len..].iter().skip(1).any(|&c| !c.is_ascii_digit())
        || b[..int_len].iter().any(|&c| !c.is_ascii_digit())
    {
        return None;
    }
    // By hand (core's float parser is 5 KB of wasm): the digits as one
    // integer, divided by a power of ten. Both are exact in an f64 (at most
    // 15 digits), so the one division rounds correctly, as parsing would.
    let frac = b.get(int_len + 1..).unwrap_or_default();
    let all = b[..int_len].iter().chain(frac);
    let n = all.fold(0u64, |n, &c| n * 10 + u64::from(c - b'0'));
    let v = n as f64 / 10f64.powi(frac.len() as i32);
    Some(if s.starts_with('-') { -v } else { v })
}

struct Search<'a> {
    pieces: &'a [Piece],
    n: usize,
    rule: Rule,
    parts: Vec<f64>,
    from: Vec<usize>,
    found: Vec<Candidate>,
    keep: usize,
    steps: usize,
}

impl Search<'_> {
    fn done(&self) -> bool {
        self.found.len() > self.keep || self.steps > MAX_SPLIT_STEPS
    }

    /// Places the cells of piece `i` onward.
    fn piece(&mut self, i: usize) {
        if self.done() {
            return;
        }
        if i == self.pieces.len() {
            if self.parts.len() == self.n {
                self.found.push((self.parts.clone(), self.from.clone()));
            }
            return;
        }
        let p = &self.pieces[i];
        if p.blank {
            if self.push(0.0, i) {
                self.piece(i + 1);
            }
            self.pop();
            return;
        }
        self.cut(i, 0);
    }

    /// Cuts piece `i` from byte `at` into cells.
    fn cut(&mut self, i: usize, at: usize) {
        let digits = &self.pieces[i].digits;
        // Every later piece needs a cell of its own.
        let left_after = self.pieces.len() - i - 1;
        for end in at + 1..=digits.len().min(at + MAX_PART) {
            self.steps += 1;
            if self.done() {
                return;
            }
            if self.parts.len() + 1 + left_after > self.n {
                return;
            }
            let Some(v) = number(&digits[at..end]) else {
                // A longer part can still be valid after a sign or a point.
                continue;
            };
            if self.push(v, i) {
                if end == digits.len() {
                    self.piece(i + 1);
                } else {
                    self.cut(i, end);
                }
            }
            self.pop();
        }
    }

    /// Adds a cell; false when the arithmetic already rules it out.
    fn push(&mut self, v: f64, piece: usize) -> bool {
        self.parts.push(v);
        self.from.push(piece);
        let k = self.parts.len();
        if k > self.n {
            return false;
        }
        match self.rule {
            Rule::None => true,
            Rule::RowTotal => k < self.n || sums(&self.parts),
            Rule::Groups(g) => {
                let size = self.n / g.max(1);
                size == 0 || k % size != 0 || sums(&self.parts[k - size..])
            }
        }
    }

    fn pop(&mut self) {
        self.parts.pop();
        self.from.pop();
    }
}

/// The last value is the sum of the others.
pub fn sums(values: &[f64]) -> bool {
    let Some((last, rest)) = values.split_last() else {
        return true;
    };
    (rest.iter().sum::<f64>() - last).abs() < 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<Piece> {
        s.split(' ')
            .map(|d| Piece {
                start: 0,
                end: 0,
                digits: d.to_string(),
                blank: d == "_",
            })
            .collect()
    }

    fn values(s: Split) -> Vec<f64> {
        match s {
            Split::Direct(v) | Split::Recovered(v, _) => v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_row_total_recovers_the_corpus_runs() {
        // disclosure.md's example, and rows of 平潭 2019–2021.
        let v = values(split(&pieces("713000074"), 7, Rule::RowTotal));
        assert_eq!(v, [71.0, 3.0, 0.0, 0.0, 0.0, 0.0, 74.0]);
        let v = values(split(&pieces("230 000023"), 7, Rule::RowTotal));
        assert_eq!(v, [23.0, 0.0, 0.0, 0.0, 0.0, 0.0, 23.0]);
        let v = values(split(&pieces("640020470"), 7, Rule::RowTotal));
        assert_eq!(v, [64.0, 0.0, 0.0, 2.0, 0.0, 4.0, 70.0]);
        let v = values(split(&pieces("23 0 00 0 023"), 7, Rule::RowTotal));
        assert_eq!(v, [23.0, 0.0, 0.0, 0.0, 0.0, 0.0, 23.0]);
    }

    #[test]
    fn three_groups_recover_the_appeals_row() {
        let v = values(split(&pieces("10203120001200000"), 15, Rule::Groups(3)));
        assert_eq!(
            v,
            [1.0, 0.0, 2.0, 0.0, 3.0, 12.0, 0.0, 0.0, 0.0, 12.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        );
    }

    #[test]
    fn no_rule_and_two_splits_is_ambiguous_never_a_guess() {
        assert_eq!(split(&pieces("898989"), 3, Rule::None), Split::Ambiguous);
        assert_eq!(split(&pieces("350"), 2, Rule::None), Split::Ambiguous);
        // Zeros have one split only.
        assert_eq!(values(split(&pieces("000"), 3, Rule::None)), [0.0; 3]);
        assert_eq!(split(&pieces("12"), 3, Rule::None), Split::Impossible);
        assert_eq!(
            split(&pieces("1111111"), 7, Rule::RowTotal),
            Split::Impossible
        );
    }

    #[test]
    fn printed_cells_are_taken_as_printed() {
        let v = values(split(&pieces("1 _ 0 -18 _"), 4, Rule::None));
        assert_eq!(v, [1.0, 0.0, 0.0, -18.0]);
        assert_eq!(number("05"), None);
        assert_eq!(number("0.5"), Some(0.5));
        assert_eq!(number("75394432.52"), Some(75394432.52));
        assert_eq!(number("24252.311082"), Some(24252.311082));
        assert_eq!(number("-18"), Some(-18.0));
        assert_eq!(number("1.2.3"), None);
    }

    #[test]
    fn a_long_run_stops_at_the_step_limit() {
        let long = "1".repeat(400);
        let s = split(&pieces(&long), 15, Rule::Groups(3));
        assert!(matches!(s, Split::Ambiguous | Split::Impossible));
    }
}
