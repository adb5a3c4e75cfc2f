//! Pass 2: quantities. A scanner over one line of folded characters finds
//! each number (Arabic, Chinese, mixed, bare magnitudes, fractions, ranges,
//! `翻番`), reads its multiplier, approximation, unit and qualifiers, and
//! rejects what only looks like a quantity (years, dates, ordinals, names,
//! class thresholds). Subjects, lists (`分别…、…`) and change marks are
//! resolved per line afterwards.

mod lexicon;
mod numbers;
mod quantity;
mod scan;
mod subjects;

use lexicon::*;
use numbers::*;
use quantity::*;
pub use scan::Scanner;
use subjects::*;

use super::numeral::cjk_value_of;
use super::units::{unit_at, Guard, Unit};
use crate::parse::limits::{LOOKAHEAD, LOOKBACK, MAX_CJK_NUMERAL, MAX_INTEGER_DIGITS, MAX_METRICS};
use crate::parse::text::{cjk_digit, digit, fold, is_cjk_numeral, is_han};
use crate::{MetricKind, Qualifier};

/// A quantity in byte offsets, before the section and id are known.
#[derive(Clone, Debug, PartialEq)]
pub struct RawMetric {
    /// Byte range of the surface form.
    pub start: usize,
    /// One past the surface form.
    pub end: usize,
    /// Resolved value in the base unit.
    pub value: f64,
    /// Upper end of a range.
    pub upper: Option<f64>,
    /// Base unit, if written (or shared with the next figure).
    pub unit: Option<&'static str>,
    /// Kind of quantity.
    pub kind: MetricKind,
    /// Approximation or bound.
    pub qualifier: Qualifier,
    /// A change or comparison rather than a level.
    pub change: bool,
    /// The phrase it measures.
    pub subject: Option<String>,
    /// Byte where its sentence starts (for the consistency checks).
    pub sentence: usize,
    /// Byte where its clause starts (for the indicator context).
    pub clause: usize,
}

/// One line of folded characters with their byte offsets.
pub(super) struct Line<'a> {
    pub(super) chars: &'a [char],
    /// Byte offset of each char; one extra entry for the line end.
    pub(super) offs: &'a [usize],
}

impl Line<'_> {
    pub(super) fn at(&self, k: usize) -> char {
        self.chars.get(k).copied().unwrap_or('\n')
    }

    pub(super) fn before(&self, k: usize) -> char {
        if k == 0 {
            '\n'
        } else {
            self.chars[k - 1]
        }
    }

    /// True when the characters at `k` spell `word`.
    pub(super) fn starts_with(&self, k: usize, word: &str) -> bool {
        let mut rest = self.chars.get(k..).unwrap_or_default().iter();
        word.chars().all(|c| rest.next() == Some(&c))
    }

    /// True when the characters just before `k` spell `word`.
    pub(super) fn ends_with(&self, k: usize, word: &str) -> bool {
        // Backwards from `k`: most calls fail on the first comparison.
        let mut j = k.min(self.chars.len());
        word.chars().rev().all(|c| {
            let ok = j > 0 && self.chars[j - 1] == c;
            j = j.wrapping_sub(1);
            ok
        })
    }
}

#[cfg(test)]
mod tests {
    use super::scan::*;
    use super::*;

    /// Every figure of a text, scanned line by line as `parse` does.
    fn scan_all(text: &str, fresh_windows: bool) -> Vec<RawMetric> {
        let mut scanner = Scanner {
            fresh_windows,
            ..Scanner::default()
        };
        let (mut sentence, mut out) = (0, Vec::new());
        for line in crate::parse::text::lines(text) {
            scanner.scan_line(text, line.start, line.end, &mut sentence, &mut out);
        }
        out
    }

    #[test]
    fn a_line_stops_one_figure_past_the_cap() {
        // A line of figures and nothing else: the scan stops reading once it
        // holds one more than the cap (the caller's sign to stop and warn),
        // instead of collecting every figure of the line first.
        let line = "1件".repeat(MAX_METRICS + 1000);
        let mut out = Vec::new();
        Scanner::default().scan_line(&line, 0, line.len(), &mut 0, &mut out);
        assert_eq!(out.len(), MAX_METRICS + 1);
        assert_eq!(out[MAX_METRICS].start, MAX_METRICS * "1件".len());
    }

    #[test]
    fn a_reused_window_reads_what_a_fresh_one_reads() {
        let texts = [
            include_str!("../../../tests/fixtures/seed.txt"),
            include_str!("../../../tests/fixtures/long/gzbg-2026-11.txt"),
            "省级市级示范基地分别达到29处、353处和1200处，共计1582处。",
            "办理1409万、1305万人次；分别超98.5%和99%；平均压减时间58%、材料52%。",
            "审结案件553件 综合纠错280件 纠错率50.63% 其中1件",
        ];
        for text in texts {
            let reused = scan_all(text, false);
            assert!(!reused.is_empty());
            assert_eq!(
                reused,
                scan_all(text, true),
                "{}",
                &text[..text.len().min(60)]
            );
        }
    }

    #[test]
    fn a_window_cut_short_is_not_offered_for_reuse() {
        let mut scanner = Scanner::default();
        // Cut at the clause's end: the next figure of the clause may reuse it.
        let text = "共有12个和3个，其他";
        let k = scanner.window(text, 0, text.find("12").unwrap(), text.len());
        assert_eq!((k, scanner.whole_clause_from), (2, Some(0)));
        // Cut WINDOW_AFTER characters after the figure: a later figure
        // would see less after it than a window of its own shows.
        let text = format!("共有12个{}3个", " ".repeat(WINDOW_AFTER + 8));
        scanner.window(&text, 0, text.find("12").unwrap(), text.len());
        assert_eq!(scanner.whole_clause_from, None);
        assert_eq!(scanner.chars.len(), 2 + WINDOW_AFTER);
    }

    #[test]
    fn every_suffix_qualifier_is_read() {
        for (word, _) in SUFFIX_QUALIFIERS {
            let chars: Vec<char> = format!("{word}。").chars().collect();
            let offs: Vec<usize> = (0..=chars.len()).collect();
            let line = Line {
                chars: &chars,
                offs: &offs,
            };
            assert_ne!(suffix_qualifier(&line, 0, None).1, 0, "{word}");
        }
    }

    #[test]
    fn every_compared_verb_is_found_before_a_figure() {
        for verb in COMPARED_VERBS {
            let chars: Vec<char> = format!("{verb}5").chars().collect();
            let offs: Vec<usize> = (0..=chars.len()).collect();
            let line = Line {
                chars: &chars,
                offs: &offs,
            };
            let end = chars.len() - 1;
            let found = sets().compared.ending_at(&line, end);
            assert_eq!(found.map(|i| COMPARED_VERBS[i]), Some(verb), "{verb}");
        }
    }

    #[test]
    fn digits_give_what_parsing_the_string_gives() {
        // A linear congruential walk over digit strings of 1 to 19 digits
        // with the point anywhere.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..200_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = 1 + (x >> 59) as usize % 19;
            let point = (x >> 40) as usize % (len + 1);
            let mut d = Digits::default();
            let mut repr = String::new();
            for i in 0..len {
                if i == point && i > 0 {
                    repr.push('.');
                }
                let v = ((x >> (i * 3 % 60)) % 10) as u32;
                repr.push(char::from(b'0' + v as u8));
                d.push(v);
                if repr.contains('.') {
                    d.frac += 1;
                }
            }
            let parsed: f64 = repr.parse().unwrap();
            if let Some(v) = d.value() {
                assert_eq!(v.to_bits(), parsed.to_bits(), "{repr}");
            }
            assert!(d.count > 15 || d.value().is_some());
        }
    }

    #[test]
    fn notable_bitmap_matches_the_classifier() {
        for c in '\u{800}'..='\u{FFFF}' {
            let cp = c as usize;
            let notable = NOTABLE[cp >> 6] & (1 << (cp & 63)) != 0;
            assert_eq!(
                notable,
                !matches!(classify_char(c), Byte::Other),
                "{c} U+{cp:04X}"
            );
        }
    }

    #[test]
    fn the_skip_table_skips_exactly_the_plain_three_byte_characters() {
        // Every lead byte with every pair of continuation bytes: skipped
        // when, and only when, it leads a three-byte character NOTABLE
        // does not hold.
        for b0 in 0..=255u8 {
            for b1 in 0x80..=0xBFu8 {
                for b2 in 0x80..=0xBFu8 {
                    let row = usize::from(ROW_OF_LEAD[usize::from(b0)]) | (usize::from(b1) & 0x3F);
                    let skipped = NOT_THREE[row] & (1 << (b2 & 0x3F)) == 0;
                    let c = ((usize::from(b0) & 0x0F) << 12)
                        | ((usize::from(b1) & 0x3F) << 6)
                        | (usize::from(b2) & 0x3F);
                    let plain =
                        (0xE0..=0xEF).contains(&b0) && NOTABLE[c >> 6] & (1 << (c & 63)) == 0;
                    assert_eq!(skipped, plain, "{b0:02X} {b1:02X} {b2:02X}");
                }
            }
        }
    }

    #[test]
    fn split_coordinated_subjects() {
        assert_eq!(
            split_subjects("省级市级示范基地", 2),
            Some(vec!["省级示范基地".to_string(), "市级示范基地".to_string()])
        );
        assert_eq!(
            split_subjects("城镇和农村居民人均可支配收入", 2),
            Some(vec![
                "城镇居民人均可支配收入".to_string(),
                "农村居民人均可支配收入".to_string()
            ])
        );
    }
}
